import type { CellBox } from "../../../src/core";
import { FakeEventHandlers, raiseSelectionChanged } from "./selection-events";
import { areaA1, MAX_COLS, MAX_ROWS, parseArea, quoteSheet, splitAreas, splitSheet } from "./address";
import {
  cellAt,
  cellFor,
  intersects,
  newSheet,
  specialBoxes,
  usedBox,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type FakeEdge,
  type FakeName,
  type FakeSheet,
  type FakeSpecialCellType,
  type FakeVisibility,
  type FakeWorkbook,
} from "./model";
import {
  FakeClientResult,
  FakeCollection,
  FakeObject,
  FakeRequestContext,
  FakeRichApiError,
  MAX_READ_CELLS,
} from "./runtime";
import { checkFormula } from "./formula";

/**
 * The client objects of the in-memory Excel, named and shaped as Office.js's (Workbook,
 * Worksheet, Range, ConditionalFormat, NamedItem …), covering what the add-in uses. Anything
 * else throws, so an adapter cannot rely on something the fake does not model.
 */

type RangeTarget = { sheet: FakeSheet; box: CellBox };
type AreasTarget = { sheet: FakeSheet; boxes: CellBox[] };
type FormatTarget = { sheet: FakeSheet; cf: FakeConditionalFormat };

/** Merged areas Excel returns at most; beyond it getMergedAreasOrNullObject fails. */
const MAX_MERGED_AREAS = 512;

function versionAtLeast(have: string, want: string): boolean {
  const [h1 = 0, h2 = 0] = have.split(".").map(Number);
  const [w1 = 0, w2 = 0] = want.split(".").map(Number);
  return h1 > w1 || (h1 === w1 && h2 >= w2);
}

/** Office raises ApiNotFound at sync for an API the host's requirement sets lack. */
function requireApi(workbook: FakeWorkbook, version: string, api: string): void {
  if (!versionAtLeast(workbook.excelApi, version)) {
    throw new FakeRichApiError("ApiNotFound", `${api} needs ExcelApi ${version}; this host has ${workbook.excelApi}`);
  }
}

function findSheet(workbook: FakeWorkbook, name: string): FakeSheet | null {
  const lower = name.toLowerCase();
  return workbook.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
}

/** As Excel writes a sheet in an address: bare when it can be, quoted otherwise. */
function sheetPrefix(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && parseArea(name) === null;
  return bare ? name : quoteSheet(name);
}

/** The sheet's used range, scanned once a sync (until a write) however many proxies locate it. */
const usedBoxOnce = (context: FakeRequestContext, sheet: FakeSheet, valuesOnly: boolean): CellBox | null =>
  context.once(sheet, valuesOnly ? "usedBox:values" : "usedBox:all", () => usedBox(sheet, valuesOnly));

const boxSize = (box: CellBox) => ({ rows: box.bottom - box.top + 1, cols: box.right - box.left + 1 });

/** A cell-by-cell property of the box, refused (RangeExceedsLimit) past Excel's read limit. */
function grid<V>(context: FakeRequestContext, box: CellBox, cell: (row: number, col: number) => V): V[][] {
  const { rows, cols } = boxSize(box);
  context.noteRead(rows * cols);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => cell(box.top + r, box.left + c)),
  );
}

function guardCells(sheet: FakeSheet): void {
  if (sheet.protected) {
    throw new FakeRichApiError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`,
    );
  }
}

function guardLegacyShared(workbook: FakeWorkbook, feature: string): void {
  if (workbook.legacyShared) {
    // Office.js documents no answer for this mode: a test chooses it (AccessDenied by default).
    throw new FakeRichApiError(
      workbook.legacySharedCode ?? "AccessDenied",
      `${feature} is not available in a shared workbook.`,
    );
  }
}

function guardStructure(workbook: FakeWorkbook): void {
  if (workbook.structureProtected) {
    throw new FakeRichApiError("AccessDenied", "The workbook's structure is protected.");
  }
}

/** Entering a value as Excel does: "=…" is a formula unless the cell is text-formatted ("@"); a formula Excel cannot take is refused. */
function enter(cell: FakeCell, input: unknown, asFormula: boolean, names: readonly string[]): void {
  delete cell.formula;
  delete cell.error;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new FakeRichApiError("InvalidArgument", `cannot enter ${typeof input}`);
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  if (input.startsWith("=") && input.length > 1) {
    checkFormula(input, "Range", names);
    cell.formula = input.slice(1);
    // The fake does not calculate: a formula's value is unknown (empty) until a test sets it.
    cell.value = null;
    return;
  }
  if (input === "") {
    cell.value = null;
    return;
  }
  // Excel turns number-like text into a number, which is why text goes in as "@" first.
  cell.value = !asFormula && /^[+-]?\d+(\.\d+)?$/.test(input.trim()) ? Number(input) : input;
}

/** Applies a scalar or a 2-D array to every cell of the box; null entries leave a cell alone. */
function each(box: CellBox, input: unknown, what: string, apply: (row: number, col: number, v: unknown) => void): void {
  const { rows, cols } = boxSize(box);
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeRichApiError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = Array.isArray(input) ? (input[r] as unknown[])[c] : input;
      if (v !== null && v !== undefined) apply(box.top + r, box.left + c, v);
    }
  }
}

function displayValue(cell: FakeCell | undefined): string | number | boolean {
  if (cell === undefined) return "";
  if (cell.error !== undefined) return cell.error;
  return cell.value ?? "";
}

function valueType(cell: FakeCell | undefined): string {
  if (cell === undefined) return "Empty";
  if (cell.error !== undefined) return "Error";
  const v = cell.value;
  // The fake does not calculate: a formula without a value set by a test reads as empty.
  if (v === null) return "Empty";
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

function normaliseColor(color: unknown): string {
  if (typeof color !== "string" || !/^#[0-9a-f]{6}$/i.test(color)) {
    throw new FakeRichApiError("InvalidArgument", `not a colour: ${String(color)}`);
  }
  return color.toUpperCase();
}

// ------------------------------------------------------------------------------------------
// Workbook and worksheets
// ------------------------------------------------------------------------------------------

export class FakeWorkbookObject extends FakeObject<FakeWorkbook> {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeWorkbookProtection;

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
  ) {
    super(context, "Workbook", () => workbook);
    this.worksheets = new FakeWorksheetCollection(context, workbook);
    this.names = new FakeNamedItemCollection(context, workbook);
    this.protection = new FakeWorkbookProtection(context, workbook);
  }

  protected scalars() {
    return {
      name: (w: FakeWorkbook) => w.name,
      readOnly: (w: FakeWorkbook) => {
        requireApi(w, "1.8", "Workbook.readOnly");
        return w.readOnly;
      },
    };
  }

  protected override navigation(name: string) {
    if (name === "worksheets") return this.worksheets;
    if (name === "names") return this.names;
    if (name === "protection") return this.protection;
    return null;
  }

  get name(): string {
    return this.read("name");
  }

  get readOnly(): boolean {
    return this.read("readOnly");
  }

  get onSelectionChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, this.workbook);
  }

  getSelectedRange(): FakeRange {
    const workbook = this.workbook;
    return new FakeRange(this.context, workbook, "Workbook.getSelectedRange()", () => {
      const selection = workbook.selection;
      const sheet = selection === null ? null : findSheet(workbook, selection.sheet);
      const box = selection === null ? null : parseArea(selection.address);
      return sheet === null || box === null ? null : { sheet, box };
    });
  }
}

export class FakeWorkbookProtection extends FakeObject<FakeWorkbook> {
  constructor(context: FakeRequestContext, workbook: FakeWorkbook) {
    super(context, "WorkbookProtection", () => workbook);
  }

  protected scalars() {
    return { protected: (w: FakeWorkbook) => w.structureProtected };
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbook, FakeWorksheet> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
  ) {
    super(context, "WorksheetCollection", () => workbook);
  }

  protected itemsOf(workbook: FakeWorkbook): FakeWorksheet[] {
    return workbook.sheets.map(
      (sheet) =>
        new FakeWorksheet(this.context, workbook, `Worksheet(${sheet.name})`, () =>
          workbook.sheets.includes(sheet) ? sheet : null,
        ),
    );
  }

  getItem(name: string): FakeWorksheet {
    const workbook = this.workbook;
    return new FakeWorksheet(this.context, workbook, `worksheets.getItem(${name})`, () => findSheet(workbook, name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const workbook = this.workbook;
    return new FakeWorksheet(
      this.context,
      workbook,
      `worksheets.getItemOrNullObject(${name})`,
      () => findSheet(workbook, name),
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    const workbook = this.workbook;
    return new FakeWorksheet(this.context, workbook, "worksheets.getActiveWorksheet()", () =>
      workbook.activeSheet === null ? null : findSheet(workbook, workbook.activeSheet),
    );
  }

  add(name: string): FakeWorksheet {
    const workbook = this.workbook;
    let created: FakeSheet | null = null;
    this.context.enqueue(`worksheets.add(${name})`, () => {
      guardStructure(workbook);
      if (findSheet(workbook, name) !== null) {
        throw new FakeRichApiError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
      }
      if (name === "" || name.length > 31 || /[\\/?*[\]:]/.test(name)) {
        throw new FakeRichApiError("InvalidArgument", `'${name}' is not a valid sheet name.`);
      }
      created = newSheet(workbook, name);
      workbook.sheets.push(created);
    });
    return new FakeWorksheet(this.context, workbook, `worksheets.add(${name})`, () =>
      created !== null && workbook.sheets.includes(created) ? created : null,
    );
  }

  getCount(): FakeClientResult<number> {
    const workbook = this.workbook;
    return new FakeClientResult(this.context, "worksheets.getCount()", () => workbook.sheets.length);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> {
  private children: { protection?: FakeWorksheetProtection; pageLayout?: FakePageLayout } = {};

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => FakeSheet | null,
    orNull = false,
  ) {
    super(context, location, locate, orNull);
  }

  protected scalars() {
    const workbook = this.workbook;
    return {
      name: (s: FakeSheet) => s.name,
      id: (s: FakeSheet) => s.id,
      visibility: (s: FakeSheet) => s.visibility,
      position: (s: FakeSheet) => workbook.sheets.indexOf(s),
    };
  }

  protected override navigation(name: string) {
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    return null;
  }

  /** The sheet this proxy stands for, resolved at sync time. */
  private sheet = (): FakeSheet => this.target();

  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): FakeVisibility {
    return this.read("visibility");
  }
  set visibility(value: FakeVisibility) {
    const workbook = this.workbook;
    this.write("visibility", value, (sheet) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) {
        throw new FakeRichApiError("InvalidArgument", `visibility ${String(value)}`);
      }
      if (value !== "Visible") {
        guardStructure(workbook);
        const othersVisible = workbook.sheets.some((s) => s !== sheet && s.visibility === "Visible");
        if (!othersVisible) throw new FakeRichApiError("InvalidOperation", "A workbook must keep one visible sheet.");
        if (workbook.activeSheet === sheet.name) {
          workbook.activeSheet = workbook.sheets.find((s) => s !== sheet && s.visibility === "Visible")?.name ?? null;
        }
      }
      sheet.visibility = value;
    });
  }

  get protection(): FakeWorksheetProtection {
    return (this.children.protection ??= new FakeWorksheetProtection(
      this.context,
      `${this.location}.protection`,
      this.sheet,
    ));
  }

  get pageLayout(): FakePageLayout {
    return (this.children.pageLayout ??= new FakePageLayout(
      this.context,
      this.workbook,
      `${this.location}.pageLayout`,
      this.sheet,
    ));
  }

  /** ExcelApi 1.9. */
  get horizontalPageBreaks(): { add(pageBreakRange: string): void } {
    const workbook = this.workbook;
    return {
      add: (pageBreakRange: string) =>
        this.write("horizontalPageBreaks.add", pageBreakRange, (sheet) => {
          requireApi(workbook, "1.9", "Worksheet.horizontalPageBreaks");
          guardCells(sheet);
          const box = parseArea(pageBreakRange);
          if (box === null) throw new FakeRichApiError("InvalidArgument", `page break at ${pageBreakRange}`);
          (sheet.page.rowBreaks ??= []).push(box.top);
        }),
    };
  }

  /** findings-sheet. ExcelApi 1.7: freezing the top rows. */
  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) =>
        this.write("freezePanes.freezeRows", count, (sheet) => {
          (sheet.view ??= {}).frozenRows = count;
        }),
    };
  }

  /** findings-sheet. ExcelApi 1.9: a filter on an area whose first row is the header. */
  get autoFilter(): { apply(range: string): void } {
    const workbook = this.workbook;
    return {
      apply: (range: string) =>
        this.write("autoFilter.apply", range, (sheet) => {
          requireApi(workbook, "1.9", "Worksheet.autoFilter");
          if (parseArea(range) === null) throw new FakeRichApiError("InvalidArgument", `filter on ${range}`);
          (sheet.view ??= {}).autoFilter = range;
        }),
    };
  }

  getRange(address?: string): FakeRange {
    const location = `${this.location}.getRange(${address ?? ""})`;
    return new FakeRange(this.context, this.workbook, location, () => {
      const sheet = this.sheet();
      if (address === undefined) return { sheet, box: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const box = parseArea(address);
      if (box === null) throw new FakeRichApiError("InvalidArgument", `${location}: not an address`);
      return { sheet, box };
    });
  }

  /** ExcelApi 1.7: the range of `rowCount` × `columnCount` cells from (startRow, startColumn), 0-based. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const location = `${this.location}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    return new FakeRange(this.context, this.workbook, location, () => {
      const box = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      const inGrid = [startRow, startColumn, rowCount - 1, columnCount - 1].every((n) => Number.isInteger(n) && n >= 0);
      if (!inGrid || box.bottom >= MAX_ROWS || box.right >= MAX_COLS) {
        throw new FakeRichApiError("InvalidArgument", `${location}: outside the grid`);
      }
      return { sheet: this.sheet(), box };
    });
  }

  /** ExcelApi 1.9: several areas, e.g. "G5, G9:G11". */
  getRanges(address: string): FakeRangeAreas {
    const location = `${this.location}.getRanges(${address})`;
    const workbook = this.workbook;
    return new FakeRangeAreas(this.context, workbook, location, () => {
      requireApi(workbook, "1.9", "Worksheet.getRanges");
      const sheet = this.sheet();
      const boxes = splitAreas(address).map((a) => parseArea(splitSheet(a).area));
      if (boxes.length === 0 || boxes.some((b) => b === null)) {
        throw new FakeRichApiError("InvalidArgument", `${location}: not an address`);
      }
      return { sheet, boxes: boxes as CellBox[] };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.workbook, `${this.location}.getUsedRange()`, () => {
      const sheet = this.sheet();
      return { sheet, box: usedBoxOnce(this.context, sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this.workbook,
      `${this.location}.getUsedRangeOrNullObject()`,
      () => {
        const sheet = this.sheet();
        const box = usedBoxOnce(this.context, sheet, valuesOnly);
        return box === null ? null : { sheet, box };
      },
      true,
    );
  }

  activate(): void {
    const workbook = this.workbook;
    this.write("activate", undefined, (sheet) => {
      if (sheet.visibility !== "Visible")
        throw new FakeRichApiError("InvalidOperation", "cannot activate a hidden sheet");
      workbook.activeSheet = sheet.name;
    });
  }

  delete(): void {
    const workbook = this.workbook;
    this.write("delete", undefined, (sheet) => {
      guardStructure(workbook);
      guardLegacyShared(workbook, "Deleting a sheet");
      // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete
      // operation will fail with an InvalidOperation exception".
      if (sheet.visibility === "VeryHidden") {
        throw new FakeRichApiError(
          "InvalidOperation",
          `The sheet '${sheet.name}' is very hidden and cannot be deleted.`,
        );
      }
      if (!workbook.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeRichApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      if (workbook.activeSheet?.toLowerCase() === sheet.name.toLowerCase()) {
        workbook.activeSheet = workbook.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
      }
      if (workbook.selection?.sheet.toLowerCase() === sheet.name.toLowerCase()) workbook.selection = null;
    });
  }
}

export class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  constructor(context: FakeRequestContext, location: string, sheet: () => FakeSheet) {
    super(context, location, sheet);
  }

  protected scalars() {
    return { protected: (s: FakeSheet) => s.protected };
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

/** ExcelApi 1.9. */
export class FakePageLayout extends FakeObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    sheet: () => FakeSheet,
  ) {
    super(context, location, () => {
      requireApi(workbook, "1.9", "Worksheet.pageLayout");
      return sheet();
    });
  }

  protected scalars() {
    return {
      orientation: (s: FakeSheet) => s.page.orientation ?? "Portrait",
      paperSize: (s: FakeSheet) => s.page.paperSize ?? "Letter",
      zoom: (s: FakeSheet) => ({
        horizontalFitToPages: s.page.horizontalFitToPages ?? null,
        verticalFitToPages: s.page.verticalFitToPages ?? null,
      }),
    };
  }

  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(value: string) {
    this.write("orientation", value, (s) => {
      guardCells(s);
      s.page.orientation = value;
    });
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(value: string) {
    this.write("paperSize", value, (s) => {
      guardCells(s);
      s.page.paperSize = value;
    });
  }
  get zoom(): { horizontalFitToPages?: number | null; verticalFitToPages?: number | null } {
    return this.read("zoom");
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write("zoom", value, (s) => {
      guardCells(s);
      if (value.horizontalFitToPages !== undefined) s.page.horizontalFitToPages = value.horizontalFitToPages;
      if (value.verticalFitToPages !== undefined) s.page.verticalFitToPages = value.verticalFitToPages;
      // Fitting to pages, a height not given stays what the sheet had: by default one page
      // (ECMA-376 CT_PageSetup fitToHeight, default 1), which shrinks a long table onto one page.
      else if (value.horizontalFitToPages !== undefined) s.page.verticalFitToPages ??= 1;
    });
  }

  setPrintArea(area: string): void {
    this.write("setPrintArea", area, (s) => {
      guardCells(s);
      if (parseArea(splitSheet(area).area) === null)
        throw new FakeRichApiError("InvalidArgument", `print area ${area}`);
      s.page.printArea = splitSheet(area).area;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.write("setPrintTitleRows", rows, (s) => {
      guardCells(s);
      if (parseArea(splitSheet(rows).area) === null)
        throw new FakeRichApiError("InvalidArgument", `title rows ${rows}`);
      s.page.printTitleRows = splitSheet(rows).area;
    });
  }
}

// ------------------------------------------------------------------------------------------
// Ranges
// ------------------------------------------------------------------------------------------

export class FakeRange extends FakeObject<RangeTarget> {
  private children: { format?: FakeRangeFormat; conditionalFormats?: FakeConditionalFormatCollection } = {};

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => RangeTarget | null,
    orNull = false,
  ) {
    super(context, location, locate, orNull);
  }

  protected scalars() {
    const context = this.context;
    return {
      address: ({ sheet, box }: RangeTarget) => `${sheetPrefix(sheet.name)}!${areaA1(box)}`,
      rowIndex: ({ box }: RangeTarget) => box.top,
      columnIndex: ({ box }: RangeTarget) => box.left,
      rowCount: ({ box }: RangeTarget) => boxSize(box).rows,
      columnCount: ({ box }: RangeTarget) => boxSize(box).cols,
      cellCount: ({ box }: RangeTarget) => boxSize(box).rows * boxSize(box).cols,
      values: ({ sheet, box }: RangeTarget) => grid(context, box, (r, c) => displayValue(cellAt(sheet, r, c))),
      formulas: ({ sheet, box }: RangeTarget) =>
        grid(context, box, (r, c) => {
          const cell = cellAt(sheet, r, c);
          return cell?.formula !== undefined ? `=${cell.formula}` : displayValue(cell);
        }),
      numberFormat: ({ sheet, box }: RangeTarget) =>
        grid(context, box, (r, c) => cellAt(sheet, r, c)?.numberFormat ?? "General"),
      valueTypes: ({ sheet, box }: RangeTarget) => grid(context, box, (r, c) => valueType(cellAt(sheet, r, c))),
    };
  }

  protected override navigation(name: string) {
    if (name === "format") return this.format;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return null;
  }

  private range = (): RangeTarget => this.target();

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown) {
    this.write("values", input, ({ sheet, box }) => {
      guardCells(sheet);
      const names = this.context.definedNames();
      each(box, input, "values", (r, c, v) => enter(cellFor(sheet, r, c), v, false, names));
    });
  }
  /** findings-sheet. ExcelApi 1.2: hides the range's columns. */
  set columnHidden(hidden: boolean) {
    this.write("columnHidden", hidden, ({ sheet, box }) => {
      guardCells(sheet);
      const view = (sheet.view ??= {});
      const columns = new Set(view.hiddenColumns ?? []);
      for (let c = box.left; c <= box.right; c++) {
        if (hidden) columns.add(c);
        else columns.delete(c);
      }
      view.hiddenColumns = [...columns].sort((a, b) => a - b);
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(input: unknown) {
    this.write("formulas", input, ({ sheet, box }) => {
      guardCells(sheet);
      const names = this.context.definedNames();
      each(box, input, "formulas", (r, c, v) => enter(cellFor(sheet, r, c), v, true, names));
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.write("numberFormat", input, ({ sheet, box }) => {
      guardCells(sheet);
      each(box, input, "numberFormat", (r, c, v) => {
        if (typeof v !== "string") throw new FakeRichApiError("InvalidArgument", "a number format is text");
        const cell = cellFor(sheet, r, c);
        if (v === "General") delete cell.numberFormat;
        else cell.numberFormat = v;
      });
    });
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get format(): FakeRangeFormat {
    return (this.children.format ??= new FakeRangeFormat(this.context, `${this.location}.format`, this.range));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.children.conditionalFormats ??= new FakeConditionalFormatCollection(
      this.context,
      this.workbook,
      `${this.location}.conditionalFormats`,
      () => {
        const { sheet, box } = this.range();
        return { sheet, boxes: [box] };
      },
    ));
  }

  private derived(name: string, pick: (target: RangeTarget) => CellBox | null, orNull = false): FakeRange {
    return new FakeRange(
      this.context,
      this.workbook,
      `${this.location}.${name}`,
      () => {
        const target = this.range();
        const box = pick(target);
        if (box === null && !orNull) throw new FakeRichApiError("InvalidArgument", `${this.location}.${name}`);
        return box === null ? null : { sheet: target.sheet, box };
      },
      orNull,
    );
  }

  getColumn(index: number): FakeRange {
    return this.derived(`getColumn(${index})`, ({ box }) =>
      index < 0 || index > box.right - box.left ? null : { ...box, left: box.left + index, right: box.left + index },
    );
  }

  getRow(index: number): FakeRange {
    return this.derived(`getRow(${index})`, ({ box }) =>
      index < 0 || index > box.bottom - box.top ? null : { ...box, top: box.top + index, bottom: box.top + index },
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(`getCell(${row},${column})`, ({ box }) => {
      const top = box.top + row;
      const left = box.left + column;
      return { top, left, bottom: top, right: left };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derived(
      "getUsedRangeOrNullObject()",
      ({ sheet, box }) => {
        const used = usedBoxOnce(this.context, sheet, valuesOnly);
        if (used === null || !intersects(used, box)) return null;
        return {
          top: Math.max(used.top, box.top),
          left: Math.max(used.left, box.left),
          bottom: Math.min(used.bottom, box.bottom),
          right: Math.min(used.right, box.right),
        };
      },
      true,
    );
  }

  /** ExcelApi 1.3: the rows of this range that are not hidden. */
  getVisibleView(): FakeRangeView {
    return new FakeRangeView(this.context, `${this.location}.getVisibleView()`, this.range);
  }

  /**
   * ExcelApi 1.9: the cells of a type (constants, formulas, visible cells), as areas; a null
   * object when there are none. Other types and value-type filters are not modelled.
   */
  getSpecialCellsOrNullObject(cellType: FakeSpecialCellType, cellValueType?: "All"): FakeRangeAreas {
    const workbook = this.workbook;
    const location = `${this.location}.getSpecialCellsOrNullObject(${cellType})`;
    return new FakeRangeAreas(
      this.context,
      workbook,
      location,
      () => {
        requireApi(workbook, "1.9", "Range.getSpecialCellsOrNullObject");
        if (!["Constants", "Formulas", "Visible"].includes(cellType) || (cellValueType ?? "All") !== "All") {
          throw new FakeRichApiError("InvalidArgument", `${location}: the fake does not model this cell type`);
        }
        const { sheet, box } = this.range();
        const boxes = specialBoxes(sheet, box, cellType);
        return boxes === null ? null : { sheet, boxes };
      },
      true,
    );
  }

  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const workbook = this.workbook;
    return new FakeRangeAreas(
      this.context,
      workbook,
      `${this.location}.getMergedAreasOrNullObject()`,
      () => {
        requireApi(workbook, "1.13", "Range.getMergedAreasOrNullObject");
        const { sheet, box } = this.range();
        // office-js #3611: only the merged areas whose top-left cell lies in the range.
        const boxes = sheet.merges.filter(
          (m) => m.top >= box.top && m.top <= box.bottom && m.left >= box.left && m.left <= box.right,
        );
        if (boxes.length > MAX_MERGED_AREAS) {
          throw new FakeRichApiError("GeneralException", `more than ${MAX_MERGED_AREAS} merged areas in the range`);
        }
        return boxes.length === 0 ? null : { sheet, boxes: boxes.map((b) => ({ ...b })) };
      },
      true,
    );
  }

  merge(across = false): void {
    const workbook = this.workbook;
    this.write("merge", across, ({ sheet, box }) => {
      guardCells(sheet);
      guardLegacyShared(workbook, "Merging cells");
      const boxes = across
        ? Array.from({ length: boxSize(box).rows }, (_, i) => ({ ...box, top: box.top + i, bottom: box.top + i }))
        : [box];
      for (const b of boxes) {
        sheet.merges = sheet.merges.filter((m) => !intersects(m, b));
        sheet.merges.push({ ...b });
        // Excel keeps the top-left value of a merged area only.
        for (let r = b.top; r <= b.bottom; r++) {
          for (let c = b.left; c <= b.right; c++) {
            const cell = cellAt(sheet, r, c);
            if (cell !== undefined && (r !== b.top || c !== b.left)) {
              cell.value = null;
              delete cell.formula;
              delete cell.error;
            }
          }
        }
      }
    });
  }

  select(): void {
    const workbook = this.workbook;
    this.write("select", undefined, ({ sheet, box }) => {
      if (sheet.visibility !== "Visible")
        throw new FakeRichApiError("InvalidOperation", "cannot select on a hidden sheet");
      workbook.activeSheet = sheet.name;
      workbook.selection = { sheet: sheet.name, address: areaA1(box) };
      raiseSelectionChanged(workbook);
    });
  }
}

export class FakeRangeView extends FakeObject<RangeTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => RangeTarget) {
    super(context, location, locate);
  }

  private visibleRows({ sheet, box }: RangeTarget): number[] {
    const rows: number[] = [];
    for (let r = box.top; r <= box.bottom; r++) if (!sheet.hiddenRows.has(r)) rows.push(r);
    return rows;
  }

  protected scalars() {
    return {
      rowCount: (t: RangeTarget) => this.visibleRows(t).length,
      cellAddresses: (t: RangeTarget) => {
        const rows = this.visibleRows(t);
        const cols = boxSize(t.box).cols;
        this.context.noteRead(rows.length * cols);
        const prefix = sheetPrefix(t.sheet.name);
        return rows.map((r) =>
          Array.from(
            { length: cols },
            (_, c) => `${prefix}!${areaA1({ top: r, bottom: r, left: t.box.left + c, right: t.box.left + c })}`,
          ),
        );
      },
    };
  }

  get rowCount(): number {
    return this.read("rowCount");
  }
  get cellAddresses(): string[][] {
    return this.read("cellAddresses");
  }
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  private children: { conditionalFormats?: FakeConditionalFormatCollection; areas?: FakeRangeCollection } = {};

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => AreasTarget | null,
    orNull = false,
  ) {
    super(context, location, locate, orNull);
  }

  protected scalars() {
    return {
      address: ({ sheet, boxes }: AreasTarget) => boxes.map((b) => `${sheetPrefix(sheet.name)}!${areaA1(b)}`).join(","),
      areaCount: ({ boxes }: AreasTarget) => boxes.length,
      cellCount: ({ boxes }: AreasTarget) => boxes.reduce((n, b) => n + boxSize(b).rows * boxSize(b).cols, 0),
    };
  }

  protected override navigation(name: string) {
    if (name === "conditionalFormats") return this.conditionalFormats;
    if (name === "areas") return this.areas;
    return null;
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }

  /** ExcelApi 1.9: the rectangular ranges, one Range each. */
  get areas(): FakeRangeCollection {
    return (this.children.areas ??= new FakeRangeCollection(this.context, this.workbook, `${this.location}.areas`, () =>
      this.target(),
    ));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.children.conditionalFormats ??= new FakeConditionalFormatCollection(
      this.context,
      this.workbook,
      `${this.location}.conditionalFormats`,
      () => this.target(),
    ));
  }
}

/** ExcelApi 1.9: RangeAreas.areas, the ranges of a RangeAreas; load "items/values" and the like. */
export class FakeRangeCollection extends FakeCollection<AreasTarget, FakeRange> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => AreasTarget,
  ) {
    super(context, location, locate);
  }

  protected itemsOf({ sheet, boxes }: AreasTarget): FakeRange[] {
    return boxes.map(
      (box, i) => new FakeRange(this.context, this.workbook, `${this.location}.items[${i}]`, () => ({ sheet, box })),
    );
  }
}

// ------------------------------------------------------------------------------------------
// Range formats
// ------------------------------------------------------------------------------------------

function eachCell(target: RangeTarget, apply: (cell: FakeCell, row: number, col: number) => void): void {
  guardCells(target.sheet);
  const { box, sheet } = target;
  const { rows, cols } = boxSize(box);
  if (rows * cols > MAX_READ_CELLS) throw new FakeRichApiError("InvalidArgument", "the fake formats cells, not sheets");
  for (let r = box.top; r <= box.bottom; r++)
    for (let c = box.left; c <= box.right; c++) apply(cellFor(sheet, r, c), r, c);
}

/** Sets format properties on every cell of the range (refused on a protected sheet). */
function formatCells(target: RangeTarget, patch: FakeCellFormat): void {
  eachCell(target, (cell) => {
    cell.format = { ...cell.format, ...patch };
  });
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, location: string, locate: () => RangeTarget) {
    super(context, location, locate);
    this.fill = new FakeRangeFill(context, `${location}.fill`, locate);
    this.font = new FakeRangeFont(context, `${location}.font`, locate);
    this.borders = new FakeRangeBorderCollection(context, `${location}.borders`, locate);
  }

  protected scalars() {
    const first = ({ sheet, box }: RangeTarget) => cellAt(sheet, box.top, box.left)?.format ?? {};
    return {
      wrapText: (t: RangeTarget) => first(t).wrapText ?? false,
      horizontalAlignment: (t: RangeTarget) => first(t).horizontalAlignment ?? "General",
      verticalAlignment: (t: RangeTarget) => first(t).verticalAlignment ?? "Bottom",
      columnWidth: ({ sheet, box }: RangeTarget) => sheet.columnWidths.get(box.left) ?? 48,
      rowHeight: ({ sheet, box }: RangeTarget) => sheet.rowHeights.get(box.top) ?? 15,
    };
  }

  protected override navigation(name: string) {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return null;
  }

  private setFormat(name: keyof FakeCellFormatScalars, value: unknown): void {
    this.write(name, value, (t) => formatCells(t, { [name]: value }));
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(value: boolean) {
    this.setFormat("wrapText", value);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    if (
      !["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(value)
    ) {
      throw new FakeRichApiError("InvalidArgument", `horizontalAlignment ${value}`);
    }
    this.setFormat("horizontalAlignment", value);
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(value)) {
      throw new FakeRichApiError("InvalidArgument", `verticalAlignment ${value}`);
    }
    this.setFormat("verticalAlignment", value);
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", points, ({ sheet, box }) => {
      guardCells(sheet);
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(points: number) {
    this.write("rowHeight", points, ({ sheet, box }) => {
      guardCells(sheet);
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
}

type FakeCellFormatScalars = { wrapText: boolean; horizontalAlignment: string; verticalAlignment: string };

export class FakeRangeFill extends FakeObject<RangeTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => RangeTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    return { color: ({ sheet, box }: RangeTarget) => cellAt(sheet, box.top, box.left)?.format?.fill ?? "#FFFFFF" };
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.write("color", value, (t) => formatCells(t, { fill: normaliseColor(value) }));
  }
}

export class FakeRangeFont extends FakeObject<RangeTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => RangeTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    const first = ({ sheet, box }: RangeTarget) => cellAt(sheet, box.top, box.left)?.format ?? {};
    return {
      bold: (t: RangeTarget) => first(t).bold ?? false,
      size: (t: RangeTarget) => first(t).fontSize ?? 11,
      color: (t: RangeTarget) => first(t).fontColor ?? "#000000",
    };
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.write("bold", value, (t) => formatCells(t, { bold: value }));
  }
  get size(): number {
    return this.read("size");
  }
  set size(value: number) {
    this.write("size", value, (t) => formatCells(t, { fontSize: value }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.write("color", value, (t) => formatCells(t, { fontColor: normaliseColor(value) }));
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

export class FakeRangeBorderCollection extends FakeObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    location: string,
    private readonly locateRange: () => RangeTarget,
  ) {
    super(context, location, locateRange);
  }
  protected scalars() {
    return {};
  }
  getItem(index: (typeof EDGES)[number]): FakeRangeBorder {
    if (!EDGES.includes(index)) throw new FakeRichApiError("InvalidArgument", `border ${String(index)}`);
    return new FakeRangeBorder(this.context, `${this.location}.getItem(${index})`, this.locateRange, index);
  }
}

export class FakeRangeBorder extends FakeObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    location: string,
    locate: () => RangeTarget,
    private readonly edge: (typeof EDGES)[number],
  ) {
    super(context, location, locate);
  }
  protected scalars() {
    return {};
  }
  set style(value: string) {
    const edge = this.edge;
    this.write("style", value, (t) => {
      const { box } = t;
      eachCell(t, (cell, r, c) => {
        const sides: FakeEdge[] = [];
        if (edge === "EdgeTop" && r === box.top) sides.push("EdgeTop");
        if (edge === "EdgeBottom" && r === box.bottom) sides.push("EdgeBottom");
        if (edge === "EdgeLeft" && c === box.left) sides.push("EdgeLeft");
        if (edge === "EdgeRight" && c === box.right) sides.push("EdgeRight");
        if (edge === "InsideVertical") {
          if (c > box.left) sides.push("EdgeLeft");
          if (c < box.right) sides.push("EdgeRight");
        }
        if (edge === "InsideHorizontal") {
          if (r > box.top) sides.push("EdgeTop");
          if (r < box.bottom) sides.push("EdgeBottom");
        }
        if (sides.length === 0) return;
        const borders = { ...cell.format?.borders };
        for (const side of sides) borders[side] = value;
        cell.format = { ...cell.format, borders };
      });
    });
  }
}

// ------------------------------------------------------------------------------------------
// Conditional formats
// ------------------------------------------------------------------------------------------

const isWholeSheet = ({ boxes }: AreasTarget): boolean =>
  boxes.some((b) => b.top === 0 && b.left === 0 && b.bottom === MAX_ROWS - 1 && b.right === MAX_COLS - 1);

/**
 * office-js #6827, #6835: reading the rule or format of a rule made in Excel's interface fails
 * when another such rule applies to exactly the same cells (two "Highlight Cell Rules" on one
 * range; a rule duplicated in the rules manager). The type, id and priority still read.
 */
function guardReadable({ sheet, cf }: FormatTarget): void {
  const twin = sheet.conditionalFormats.some(
    (other) => other !== cf && other.madeInUi === true && JSON.stringify(other.areas) === JSON.stringify(cf.areas),
  );
  if (cf.madeInUi === true && twin) {
    throw new FakeRichApiError("GeneralException", "An internal error has occurred.");
  }
}

/**
 * office-js #5222: deleting a rule reached through the whole sheet's collection
 * (getRange().conditionalFormats) fails with ItemNotFound when another rule shares a cell with it.
 */
function guardDeletable({ sheet, cf }: FormatTarget, viaWholeSheet: boolean): void {
  const shared = sheet.conditionalFormats.some(
    (other) => other !== cf && other.areas.some((a) => cf.areas.some((b) => intersects(a, b))),
  );
  if (viaWholeSheet && shared) throw new FakeRichApiError("ItemNotFound", "Item Not Found.");
}

export class FakeConditionalFormatCollection extends FakeCollection<AreasTarget, FakeConditionalFormatObject> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    private readonly areas: () => AreasTarget,
  ) {
    super(context, location, areas);
  }

  private inRange({ sheet, boxes }: AreasTarget): FakeConditionalFormat[] {
    return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => boxes.some((b) => intersects(a, b))));
  }

  private item(sheet: FakeSheet, cf: FakeConditionalFormat, location: string, wholeSheet: boolean) {
    return new FakeConditionalFormatObject(
      this.context,
      this.workbook,
      location,
      () => (sheet.conditionalFormats.includes(cf) ? { sheet, cf } : null),
      () => wholeSheet,
    );
  }

  protected itemsOf(target: AreasTarget): FakeConditionalFormatObject[] {
    const wholeSheet = isWholeSheet(target);
    return this.inRange(target).map((cf) => this.item(target.sheet, cf, `ConditionalFormat(${cf.id})`, wholeSheet));
  }

  add(type: string): FakeConditionalFormatObject {
    const workbook = this.workbook;
    let created: { sheet: FakeSheet; cf: FakeConditionalFormat } | null = null;
    this.context.enqueue(`${this.location}.add(${type})`, () => {
      const { sheet, boxes } = this.areas();
      guardCells(sheet);
      guardLegacyShared(workbook, "Conditional formatting");
      workbook.nextId++;
      const cf: FakeConditionalFormat = {
        id: `{cf-${workbook.nextId}}`,
        type,
        areas: boxes.map((b) => ({ ...b })),
        formula: null,
        fill: null,
      };
      // A new rule goes on top, as in Excel's rules manager.
      sheet.conditionalFormats.unshift(cf);
      created = { sheet, cf };
    });
    return new FakeConditionalFormatObject(this.context, workbook, `${this.location}.add(${type})`, () =>
      created !== null && created.sheet.conditionalFormats.includes(created.cf) ? created : null,
    );
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, `${this.location}.getCount()`, () => this.inRange(this.areas()).length);
  }

  getItem(id: string): FakeConditionalFormatObject {
    return new FakeConditionalFormatObject(
      this.context,
      this.workbook,
      `${this.location}.getItem(${id})`,
      () => {
        const target = this.areas();
        const cf = this.inRange(target).find((f) => f.id === id);
        return cf === undefined ? null : { sheet: target.sheet, cf };
      },
      () => isWholeSheet(this.areas()),
    );
  }

  clearAll(): void {
    const workbook = this.workbook;
    this.context.enqueue(`${this.location}.clearAll()`, () => {
      const target = this.areas();
      guardCells(target.sheet);
      guardLegacyShared(workbook, "Conditional formatting");
      const gone = new Set(this.inRange(target));
      target.sheet.conditionalFormats = target.sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}

export class FakeConditionalFormatObject extends FakeObject<FormatTarget> {
  private children: { custom?: FakeCustomConditionalFormat; customOrNullObject?: FakeCustomConditionalFormat } = {};

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => FormatTarget | null,
    private readonly viaWholeSheet: () => boolean = () => false,
  ) {
    super(context, location, locate);
  }

  /** ExcelApi 1.6: the range the rule applies to; a null object when it applies to several areas. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      this.workbook,
      `${this.location}.getRangeOrNullObject()`,
      () => {
        const { sheet, cf } = this.target();
        const [only, ...more] = cf.areas;
        return only === undefined || more.length > 0 ? null : { sheet, box: { ...only } };
      },
      true,
    );
  }

  protected scalars() {
    return {
      id: ({ cf }: FormatTarget) => cf.id,
      type: ({ cf }: FormatTarget) => cf.type,
      priority: ({ sheet, cf }: FormatTarget) => sheet.conditionalFormats.indexOf(cf),
      stopIfTrue: ({ cf }: FormatTarget) => cf.stopIfTrue ?? false,
    };
  }

  protected override navigation(name: string) {
    if (name === "custom") return this.custom;
    if (name === "customOrNullObject") return this.customOrNullObject;
    return null;
  }

  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  set priority(value: number) {
    this.write("priority", value, ({ sheet, cf }) => {
      guardCells(sheet);
      const list = sheet.conditionalFormats.filter((f) => f !== cf);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, cf);
      sheet.conditionalFormats = list;
    });
  }

  get stopIfTrue(): boolean {
    return this.read("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.write("stopIfTrue", value, ({ sheet, cf }) => {
      guardCells(sheet);
      if (typeof value !== "boolean") throw new FakeRichApiError("InvalidArgument", `stopIfTrue ${String(value)}`);
      cf.stopIfTrue = value;
    });
  }

  /** Fails for a rule of another type, as Office does ("not permitted for the current object"). */
  get custom(): FakeCustomConditionalFormat {
    return (this.children.custom ??= new FakeCustomConditionalFormat(this.context, `${this.location}.custom`, () => {
      const target = this.target();
      guardReadable(target);
      if (target.cf.type !== "Custom") {
        throw new FakeRichApiError("InvalidOperation", "This operation is not permitted for the current object.");
      }
      return target;
    }));
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return (this.children.customOrNullObject ??= new FakeCustomConditionalFormat(
      this.context,
      `${this.location}.customOrNullObject`,
      () => {
        const target = this.target();
        guardReadable(target);
        return target.cf.type === "Custom" ? target : null;
      },
      true,
    ));
  }

  delete(): void {
    const workbook = this.workbook;
    const viaWholeSheet = this.viaWholeSheet;
    this.write("delete", undefined, ({ sheet, cf }) => {
      guardCells(sheet);
      guardLegacyShared(workbook, "Conditional formatting");
      guardDeletable({ sheet, cf }, viaWholeSheet());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f !== cf);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeObject<FormatTarget> {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget | null, orNull = false) {
    // A navigation property: resolved when loaded through, not on its own.
    super(context, location, locate, orNull, false);
    this.rule = new FakeConditionalFormatRule(context, `${location}.rule`, () => this.target());
    this.format = new FakeConditionalRangeFormat(context, `${location}.format`, () => this.target());
  }

  protected scalars() {
    return {};
  }

  protected override navigation(name: string) {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return null;
  }
}

export class FakeConditionalFormatRule extends FakeObject<FormatTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    return { formula: ({ cf }: FormatTarget) => cf.formula ?? "" };
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.write("formula", value, ({ sheet, cf }) => {
      guardCells(sheet);
      if (!value.startsWith("="))
        throw new FakeRichApiError("InvalidArgument", `a rule formula starts with "=": ${value}`);
      checkFormula(value, "ConditionalFormatRule.formula", this.context.definedNames());
      cf.formula = value;
    });
  }
}

export class FakeConditionalRangeFormat extends FakeObject<FormatTarget> {
  readonly fill: FakeConditionalFill;
  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget) {
    super(context, location, locate);
    this.fill = new FakeConditionalFill(context, `${location}.fill`, locate);
  }
  protected scalars() {
    return {};
  }
  protected override navigation(name: string) {
    return name === "fill" ? this.fill : null;
  }
}

export class FakeConditionalFill extends FakeObject<FormatTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    return { color: ({ cf }: FormatTarget) => cf.fill ?? "" };
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.write("color", value, ({ sheet, cf }) => {
      guardCells(sheet);
      cf.fill = normaliseColor(value);
    });
  }
}

// ------------------------------------------------------------------------------------------
// Names
// ------------------------------------------------------------------------------------------

export class FakeNamedItemCollection extends FakeCollection<FakeWorkbook, FakeNamedItem> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
  ) {
    super(context, "NamedItemCollection", () => workbook);
  }

  private item(name: FakeName): FakeNamedItem {
    const workbook = this.workbook;
    return new FakeNamedItem(this.context, workbook, `NamedItem(${name.name})`, () =>
      workbook.names.includes(name) ? name : null,
    );
  }

  protected itemsOf(workbook: FakeWorkbook): FakeNamedItem[] {
    return workbook.names.map((name) => this.item(name));
  }

  private find(name: string): FakeName | null {
    return this.workbook.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.workbook, `names.getItem(${name})`, () => this.find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this.workbook,
      `names.getItemOrNullObject(${name})`,
      () => this.find(name),
      true,
    );
  }

  add(name: string, reference: string | FakeRange, _comment?: string): FakeNamedItem {
    const workbook = this.workbook;
    let created: FakeName | null = null;
    this.context.enqueue(
      `names.add(${name})`,
      () => {
        if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || parseArea(name) !== null) {
          throw new FakeRichApiError("InvalidArgument", `'${name}' is not a valid name.`);
        }
        if (this.find(name) !== null)
          throw new FakeRichApiError("ItemAlreadyExists", `The name '${name}' already exists.`);
        if (typeof reference !== "string" || !reference.startsWith("=")) {
          throw new FakeRichApiError("InvalidArgument", "the fake takes a reference formula such as \"='Sheet'!$A$1\"");
        }
        checkFormula(reference, "NamedItemCollection.add", this.context.definedNames());
        created = { name, formula: reference };
        workbook.names.push(created);
      },
      [typeof reference === "string" ? reference : null],
    );
    return new FakeNamedItem(this.context, workbook, `names.add(${name})`, () =>
      created !== null && workbook.names.includes(created) ? created : null,
    );
  }
}

export class FakeNamedItem extends FakeObject<FakeName> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => FakeName | null,
    orNull = false,
  ) {
    super(context, location, locate, orNull);
  }

  protected scalars() {
    return {
      name: (n: FakeName) => n.name,
      formula: (n: FakeName) => n.formula,
      type: () => "Range",
      visible: () => true,
    };
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }

  delete(): void {
    const workbook = this.workbook;
    this.write("delete", undefined, (name) => {
      workbook.names = workbook.names.filter((n) => n !== name);
    });
  }
}

import type { CellBox } from "../../../src/core";
import { raiseSelectionChanged } from "./selection-events";
import { areaA1 } from "./address";
import { cellAt, cellFor, intersects, specialBoxes, type FakeSpecialCellType, type FakeWorkbook } from "./model";
import { FakeCollection, FakeObject, FakeRichApiError, type FakeRequestContext } from "./runtime";
import { displayValue, each, enter, valueType } from "./cell-entry";
import { FakeConditionalFormatCollection, type NewRange } from "./conditional-formats";
import { FakeRangeFormat } from "./range-format";
import { guardCells, guardLegacyShared, requireApi } from "./refusals";
import { boxSize, grid, sheetPrefix, usedBoxOnce, type AreasTarget, type RangeTarget } from "./targets";

/**
 * Range and the objects that hold several ranges: a range's address, values, formulas, number
 * formats and value types (read within Excel's 5,000,000-cell limit), its format and conditional
 * formats, the ranges derived from it (a row, a column, a cell, the used part), its visible view,
 * special cells, merged areas (only those whose top-left cell lies in it, at most 512:
 * docs/excel-behaviour.md, "Merged areas"), merge() and select(); RangeAreas and its areas.
 */

/** Merged areas Excel returns at most; beyond it getMergedAreasOrNullObject fails. */
const MAX_MERGED_AREAS = 512;

/** Makes ranges of the workbook: how a conditional format reaches the Range it applies to. */
const rangesOf =
  (context: FakeRequestContext, workbook: FakeWorkbook): NewRange =>
  (location, locate, orNull) =>
    new FakeRange(context, workbook, location, locate, orNull);

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
      rangesOf(this.context, this.workbook),
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
      rangesOf(this.context, this.workbook),
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

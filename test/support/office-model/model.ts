import type { CellBox, CellValue, WorkbookData } from "../../../src/core";

/**
 * The state behind the in-memory Excel: plain data that tests build, inspect and compare. The
 * client objects (workbook.ts, worksheet.ts, range.ts …, a file per Office object) read and change
 * it only inside `context.sync()`, as Excel does.
 */

export type FakeEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export type FakeCellFormat = {
  fill?: string;
  bold?: boolean;
  fontSize?: number;
  fontColor?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<FakeEdge, string>>;
};

export type FakeCell = {
  value: CellValue;
  /** Without the leading "=". */
  formula?: string;
  /** "#N/A", "#DIV/0!" …; `value` is then null. */
  error?: string;
  /** Absent means "General". */
  numberFormat?: string;
  format?: FakeCellFormat;
};

export type FakeConditionalFormat = {
  id: string;
  /** Excel.ConditionalFormatType: "Custom", "ColorScale", "DataBar", … */
  type: string;
  areas: CellBox[];
  /** With the leading "=", as Excel returns it; null for types without a formula. */
  formula: string | null;
  /** "#RRGGBB" or null. */
  fill: string | null;
  /** Made in Excel's interface (a staff rule), as opposed to through the API. */
  madeInUi?: boolean;
  /** Stops the rules below it from formatting a cell where it is true. */
  stopIfTrue?: boolean;
};

export type FakePageLayout = {
  orientation?: string;
  paperSize?: string;
  horizontalFitToPages?: number;
  /** 0: as many pages tall as needed. */
  verticalFitToPages?: number;
  printArea?: string;
  printTitleRows?: string;
  /** 1-based rows after which a page break was added. */
  rowBreaks?: number[];
};

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export type FakeSheet = {
  id: string;
  name: string;
  visibility: FakeVisibility;
  protected: boolean;
  /** Row-major, sparse. */
  rows: (FakeCell | undefined)[][];
  merges: CellBox[];
  hiddenRows: Set<number>;
  /** In priority order: index 0 is applied first. */
  conditionalFormats: FakeConditionalFormat[];
  /** Points. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  page: FakePageLayout;
  /** findings-sheet: frozen top rows, the filter's area, hidden columns (0-based); absent until set. */
  view?: { frozenRows?: number; autoFilter?: string; hiddenColumns?: number[] };
};

export type FakeName = { name: string; formula: string };

export type FakeWorkbook = {
  name: string;
  sheets: FakeSheet[];
  names: FakeName[];
  /** Opened read-only (the second colleague on a network drive). */
  readOnly: boolean;
  /** Workbook structure protection: sheets can be neither added nor deleted. */
  structureProtected: boolean;
  /**
   * The legacy shared-workbook mode. Office.js has no property for it; Excel refuses the
   * features that mode locks (conditional formats, merging, deleting sheets) when a batch tries.
   */
  legacyShared: boolean;
  /** The code with which Excel refuses a change in that mode (undocumented; AccessDenied if unset). */
  legacySharedCode?: string;
  /** The highest ExcelApi requirement set the host supports, e.g. "1.8" or "1.13". */
  excelApi: string;
  /**
   * Where Excel runs. On the web a sync whose response exceeds 5 MB fails
   * (ResponsePayloadSizeLimitExceeded); the desktop has no such limit. The 5,000,000-cell
   * read limit holds on both.
   */
  platform: "desktop" | "web";
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  nextId: number;
};

export function newSheet(workbook: FakeWorkbook, name: string): FakeSheet {
  workbook.nextId++;
  return {
    id: `{sheet-${workbook.nextId}}`,
    name,
    visibility: "Visible",
    protected: false,
    rows: [],
    merges: [],
    hiddenRows: new Set(),
    conditionalFormats: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    page: {},
  };
}

export function newWorkbook(options: Partial<Omit<FakeWorkbook, "sheets" | "nextId">> = {}): FakeWorkbook {
  return {
    name: "Book1.xlsx",
    names: [],
    readOnly: false,
    structureProtected: false,
    legacyShared: false,
    excelApi: "1.8",
    platform: "desktop",
    selection: null,
    activeSheet: null,
    ...options,
    sheets: [],
    nextId: 0,
  };
}

export const cellAt = (sheet: FakeSheet, row: number, col: number): FakeCell | undefined => sheet.rows[row]?.[col];

/** The cell, created empty if need be, for a write. */
export function cellFor(sheet: FakeSheet, row: number, col: number): FakeCell {
  const cells = (sheet.rows[row] ??= []);
  return (cells[col] ??= { value: null });
}

const hasValue = (cell: FakeCell | undefined): boolean =>
  cell !== undefined && (cell.value !== null || cell.formula !== undefined || cell.error !== undefined);

const hasAnything = (cell: FakeCell | undefined): boolean =>
  hasValue(cell) || (cell !== undefined && (cell.numberFormat !== undefined || cell.format !== undefined));

/** The used range: cells with values (valuesOnly) or also formatted cells; null if none. */
export function usedBox(sheet: FakeSheet, valuesOnly: boolean): CellBox | null {
  const used = valuesOnly ? hasValue : hasAnything;
  let top = -1;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // Plain loops (a sparse row list has holes): a sheet of 400,000 cells is located several times a sync.
  for (let row = 0; row < sheet.rows.length; row++) {
    const cells = sheet.rows[row];
    if (cells === undefined) continue;
    for (let col = 0; col < cells.length; col++) {
      if (!used(cells[col])) continue;
      if (top < 0) top = row;
      bottom = row;
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  return top < 0 ? null : { top, left, bottom, right };
}

/** The cell types of Range.getSpecialCells that the fake models. */
export type FakeSpecialCellType = "Constants" | "Formulas" | "Visible";

const SPECIAL: Record<Exclude<FakeSpecialCellType, "Visible">, (cell: FakeCell | undefined) => boolean> = {
  Constants: (cell) => hasValue(cell) && cell?.formula === undefined,
  Formulas: (cell) => cell?.formula !== undefined,
};

/**
 * Range.getSpecialCells: the cells of `box` of a type, as rectangles (null if none). Constants
 * and formulas visit only the cells present; each row's runs of matching cells become areas,
 * and a run repeated on the next row extends its area down. (How Excel itself cuts a set of
 * cells into areas is not documented; any cutting covers the same cells.) Visible cells are
 * the runs of rows that are not hidden, across the box (the fake has no hidden columns).
 */
export function specialBoxes(sheet: FakeSheet, box: CellBox, type: FakeSpecialCellType): CellBox[] | null {
  const boxes: CellBox[] = [];
  if (type === "Visible") {
    const hidden = [...sheet.hiddenRows].filter((r) => r >= box.top && r <= box.bottom).sort((a, b) => a - b);
    let top = box.top;
    for (const row of [...hidden, box.bottom + 1]) {
      if (row > top) boxes.push({ ...box, top, bottom: row - 1 });
      top = row + 1;
    }
    return boxes.length === 0 ? null : boxes;
  }
  const matches = SPECIAL[type];
  /** The areas that reach the row before, by "left:right". */
  let open = new Map<string, CellBox>();
  sheet.rows.forEach((cells, row) => {
    if (row < box.top || row > box.bottom) return;
    const runs: { left: number; right: number }[] = [];
    cells.forEach((cell, col) => {
      if (col < box.left || col > box.right || !matches(cell)) return;
      const last = runs[runs.length - 1];
      if (last !== undefined && last.right === col - 1) last.right = col;
      else runs.push({ left: col, right: col });
    });
    const next = new Map<string, CellBox>();
    for (const { left, right } of runs) {
      const key = `${left}:${right}`;
      let area = open.get(key);
      if (area !== undefined && area.bottom === row - 1) area.bottom = row;
      else {
        area = { top: row, left, bottom: row, right };
        boxes.push(area);
      }
      next.set(key, area);
    }
    open = next;
  });
  return boxes.length === 0 ? null : boxes;
}

export const intersects = (a: CellBox, b: CellBox): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** The Office.js visibility of a core visibility, and back. */
export const toFakeVisibility = (v: "visible" | "hidden" | "veryHidden"): FakeVisibility =>
  v === "visible" ? "Visible" : v === "hidden" ? "Hidden" : "VeryHidden";

/**
 * A fake workbook holding what an adapter read elsewhere (e.g. the sample .xlsx through the
 * ExcelJS adapter), for the preview and for tests.
 */
export function workbookFromData(
  data: WorkbookData,
  options: Partial<Omit<FakeWorkbook, "sheets">> = {},
): FakeWorkbook {
  const workbook = newWorkbook(options);
  for (const sheetData of data.sheets) {
    const sheet = newSheet(workbook, sheetData.name);
    sheet.visibility = toFakeVisibility(sheetData.visibility);
    sheet.merges = sheetData.merges.map((m) => ({ ...m }));
    // Excel holds a merged area's value in its top-left cell only.
    const covered = (row: number, col: number): boolean =>
      sheet.merges.some(
        (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left),
      );
    sheetData.rows.forEach((cells, row) => {
      cells.forEach((cell, col) => {
        if (cell === null || covered(row, col)) return;
        const fake: FakeCell = { value: cell.value };
        if (cell.formula !== undefined) fake.formula = cell.formula;
        if (cell.error !== undefined) fake.error = cell.error;
        if (cell.numberFormat !== undefined && cell.numberFormat !== "General") fake.numberFormat = cell.numberFormat;
        (sheet.rows[row] ??= [])[col] = fake;
      });
    });
    for (const row of sheetData.hiddenRows ?? []) sheet.hiddenRows.add(row);
    workbook.sheets.push(sheet);
  }
  workbook.activeSheet = workbook.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
  return workbook;
}

/** A deep, JSON-comparable copy of the state: `expect(snapshot(wb)).toEqual(before)`. */
export function snapshot(workbook: FakeWorkbook): unknown {
  return JSON.parse(
    JSON.stringify(workbook, (_key, value: unknown) => {
      if (value instanceof Set) return [...(value as Set<unknown>)];
      if (value instanceof Map) return [...(value as Map<unknown, unknown>)];
      return value;
    }),
  );
}

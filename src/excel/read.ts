import {
  isOwnedSheet,
  WorkbookError,
  type CellBox,
  type CellData,
  type CellValue,
  type SheetData,
  type SheetVisibility,
  type WorkbookData,
} from "../core";
import { parseArea, splitAreas, splitSheet } from "./a1";
import { errorLocation } from "./errors";
import type { Capabilities } from "./host";
import type { AdapterMessages, LargeSheet } from "./messages";

/** What the pane must know before it offers to write. */
export type WorkbookAccess = {
  /** The workbook's name, for the report. */
  name: string;
  readOnly: boolean;
  /** Staff sheets under sheet protection (the add-in's own sheets are not listed). */
  protectedSheets: string[];
};

export type ReadResult = { data: WorkbookData; access: WorkbookAccess };

const VISIBILITY: Readonly<Record<string, SheetVisibility>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** One cell from the parallel arrays Office returns; null for an empty cell. */
export function cellData(value: unknown, formula: unknown, numberFormat: unknown, type: unknown): CellData | null {
  // A text cell that reads "=HYPERLINK(…)" has the same text in `formulas` and `values`: not a formula.
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula.length > 1 && formula !== value;
  if (type === "Empty" && !isFormula) return null;
  // A formula whose result is not known (not calculated yet) has no value.
  const known = type === "Empty" ? null : (value as CellValue);
  const data: CellData = type === "Error" ? { value: null, error: String(value) } : { value: known };
  if (typeof numberFormat === "string" && numberFormat !== "General") data.numberFormat = numberFormat;
  if (isFormula) data.formula = formula.slice(1);
  return data;
}

/** Rows from A1, dense within each row, trailing empty cells and rows dropped. */
function gridRows(top: number, left: number, cells: (CellData | null)[][]): (CellData | null)[][] {
  const rows: (CellData | null)[][] = Array.from({ length: top }, () => []);
  for (const line of cells) {
    let last = line.length - 1;
    while (last >= 0 && line[last] === null) last--;
    rows.push(last < 0 ? [] : [...Array<null>(left).fill(null), ...line.slice(0, last + 1)]);
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

/** 0-based rows of a used range read whole that are hidden (or filtered out). */
function hiddenRows(used: Excel.Range, rows: SheetData["rows"], view: Excel.RangeView): number[] {
  if (rows.length === 0) return [];
  const visible = new Set<number>();
  for (const [address] of view.cellAddresses) {
    const box = typeof address === "string" ? parseArea(splitSheet(address).area) : null;
    if (box !== null) visible.add(box.top);
  }
  const hidden: number[] = [];
  for (let r = used.rowIndex; r < used.rowIndex + used.rowCount; r++) if (!visible.has(r)) hidden.push(r);
  return hidden;
}

/** The areas of an address such as "'绩效 指标'!A1:B2,'绩效 指标'!D4". */
function boxesOf(address: string): CellBox[] {
  return splitAreas(address)
    .map((area) => parseArea(splitSheet(area).area))
    .filter((box): box is NonNullable<typeof box> => box !== null);
}

/**
 * A used range up to this many cells is read whole, in one load of its cell properties (values,
 * formulas, number formats, value types). A larger one, where the host has ExcelApi 1.9, is read
 * area by area, only the cells that hold a constant or a formula: a stray value at XFD1048576
 * makes the used range 17 billion cells, of which a few thousand hold anything. The bound is of
 * the order of one response of Excel on the web (5 MB, at some 25 bytes a blank cell and 60 a
 * cell of Chinese text for the four properties): past it, reading the blanks of a mostly empty
 * range whole would fail there. (A range this full of data is too much for one response either
 * way; that is not what this bound is for.)
 */
export const WHOLE_READ_CELLS = 100_000;

/**
 * "A range is limited to 5,000,000 cells for read operations" on every platform (Resource limits
 * and performance optimization for Office Add-ins). A host without ExcelApi 1.9 (Office 2019 on
 * the desktop, which has no 5 MB limit) reads a used range whole up to this size, as it always
 * did; past it, the read is refused with a message naming the sheet, never attempted.
 */
export const MAX_READ_CELLS = 5_000_000;

/** One shared empty row for the gaps of a sparse sheet: a value at row 1,048,576 allocates no million arrays. */
const NO_CELLS: readonly (CellData | null)[] = Object.freeze([]);

/**
 * The read phase: three syncs whatever the size of the workbook. The first lists the sheets (and
 * what the pane needs to know about writing); the second learns the extent of every sheet's used
 * range; the third loads every sheet's data in one batch: a used range of ordinary size whole
 * (values, formulas, number formats, value types, the visible rows and the merged areas), a huge
 * one only where it holds values.
 */
export async function readPhase(
  context: Excel.RequestContext,
  caps: Capabilities,
  text: AdapterMessages,
): Promise<ReadResult> {
  const workbook = context.workbook;
  workbook.load("name,readOnly");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();

  const extents = worksheets.items.map((ws) => {
    // Values only: a sheet formatted down to row 100,000 is not read as 100,000 rows.
    const used = ws.getUsedRange(true);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return { ws, used };
  });
  await context.sync();
  const plans = planReads(extents, caps, text);

  let sheets: SheetData[];
  try {
    sheets = await loadSheets(context, plans, caps.mergedAreas, text);
  } catch (error) {
    // Excel gives no merged areas past 512 in one range: read on without them (blank cells in
    // merged columns still carry the value from above). Anything else is a real failure.
    if (!caps.mergedAreas || !errorLocation(error).includes("getMergedAreas")) throw error;
    sheets = await loadSheets(context, plans, false, text);
  }

  const protectedSheets = worksheets.items
    .filter((ws, i) => ws.protection.protected && !isOwned(sheets[i]))
    .map((ws) => ws.name);
  return { data: { sheets }, access: { name: workbook.name, readOnly: workbook.readOnly, protectedSheets } };
}

const isOwned = (sheet: SheetData | undefined): boolean => sheet !== undefined && isOwnedSheet(sheet);

/** How one sheet is read: its used range whole, or only the areas that hold values. */
type ReadPlan = { ws: Excel.Worksheet; used: Excel.Range; sparse: boolean };

/** Chooses each sheet's read from its used range's extent; refuses, naming them, the sheets no read can take. */
function planReads(
  extents: { ws: Excel.Worksheet; used: Excel.Range }[],
  caps: Capabilities,
  text: AdapterMessages,
): ReadPlan[] {
  const tooLarge: LargeSheet[] = [];
  const plans = extents.map(({ ws, used }) => {
    const cells = used.rowCount * used.columnCount;
    const sparse = cells > WHOLE_READ_CELLS && caps.specialCells;
    if (!sparse && cells > MAX_READ_CELLS) tooLarge.push({ sheet: ws.name, area: splitSheet(used.address).area });
    return { ws, used, sparse };
  });
  if (tooLarge.length > 0) throw new WorkbookError("host", text.sheetsTooLarge(tooLarge));
  return plans;
}

/** What one sheet's read queued: a used range of ordinary size whole, or a huge one's areas. */
type Queued = { ws: Excel.Worksheet; used: Excel.Range; merged: Excel.RangeAreas | null } & (
  { sparse: false; visible: Excel.RangeView } | { sparse: true; parts: Excel.RangeAreas[]; visible: Excel.RangeAreas }
);

/** Queues every sheet's loads, syncs once, then builds the sheets. */
async function loadSheets(
  context: Excel.RequestContext,
  plans: ReadPlan[],
  withMerges: boolean,
  text: AdapterMessages,
): Promise<SheetData[]> {
  const queued = plans.map((plan) => queueRead(plan, withMerges));
  await context.sync();
  return queued.map((q) => {
    const rows = q.sparse ? sparseRows(q.parts) : wholeRows(q.used, text);
    const merges = q.merged === null || q.merged.isNullObject ? [] : boxesOf(q.merged.address);
    return {
      name: q.ws.name,
      visibility: VISIBILITY[q.ws.visibility] ?? "visible",
      rows,
      merges,
      hiddenRows: q.sparse ? hiddenDataRows(rows, q.visible) : hiddenRows(q.used, rows, q.visible),
    };
  });
}

/**
 * An ordinary used range: every cell property in one load, and the visible rows of its first
 * column. A huge one: only the areas that hold a constant or a formula (ExcelApi 1.9
 * getSpecialCellsOrNullObject), each with its cell properties, and the row spans of the visible
 * areas (never a cell-by-cell list of the range).
 */
function queueRead({ ws, used, sparse }: ReadPlan, withMerges: boolean): Queued {
  // Merged areas where the host can list them (ExcelApi 1.13).
  const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
  if (merged !== null) merged.load("address");
  if (!sparse) {
    used.load("values,formulas,numberFormat,valueTypes");
    const visible = used.getColumn(0).getVisibleView();
    visible.load("cellAddresses");
    return { ws, used, merged, sparse, visible };
  }
  const parts = [used.getSpecialCellsOrNullObject("Constants"), used.getSpecialCellsOrNullObject("Formulas")];
  for (const part of parts) {
    part.load(
      "areas/items/rowIndex,areas/items/columnIndex,areas/items/values,areas/items/formulas,areas/items/numberFormat,areas/items/valueTypes",
    );
  }
  const visible = used.getSpecialCellsOrNullObject("Visible");
  visible.load("areas/items/rowIndex,areas/items/rowCount");
  return { ws, used, merged, sparse, parts, visible };
}

/** The rows of a used range read whole. */
function wholeRows(used: Excel.Range, text: AdapterMessages): (CellData | null)[][] {
  const { rowIndex: top, columnIndex: left, values, formulas, numberFormat, valueTypes } = used;
  // Past its read limit Excel may answer null rather than fail (OfficeDev/office-js#4783, #6781):
  // never mistake that for an empty sheet.
  if (!Array.isArray(values)) throw new WorkbookError("host", text.readTooLarge(`${used.address}: values = null`));
  const cells = values.map((row, r) =>
    row.map((value, c) => cellData(value, formulas[r]?.[c], numberFormat[r]?.[c], valueTypes[r]?.[c])),
  );
  return gridRows(top, left, cells);
}

/** Rows from A1 of the cells the areas hold, dense within each row; one shared empty row for each gap. */
function sparseRows(parts: Excel.RangeAreas[]): (readonly (CellData | null)[])[] {
  const byRow = new Map<number, (CellData | null)[]>();
  for (const part of parts) {
    if (part.isNullObject) continue;
    for (const area of part.areas.items) {
      const { rowIndex: top, columnIndex: left, values, formulas, numberFormat, valueTypes } = area;
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = cellData(value, formulas[r]?.[c], numberFormat[r]?.[c], valueTypes[r]?.[c]);
          if (cell === null) return;
          let line = byRow.get(top + r);
          if (line === undefined) byRow.set(top + r, (line = []));
          line[left + c] = cell;
        }),
      );
    }
  }
  let last = -1;
  for (const r of byRow.keys()) last = Math.max(last, r);
  const rows = Array<readonly (CellData | null)[]>(last + 1).fill(NO_CELLS);
  for (const [r, line] of byRow) {
    for (let c = 0; c < line.length; c++) line[c] ??= null;
    rows[r] = line;
  }
  return rows;
}

/** The rows holding data that no visible area reaches: hidden (or filtered out). */
function hiddenDataRows(rows: SheetData["rows"], visible: Excel.RangeAreas): number[] {
  const spans = visible.isNullObject
    ? []
    : visible.areas.items.map((a) => ({ top: a.rowIndex, bottom: a.rowIndex + a.rowCount - 1 }));
  spans.sort((a, b) => a.top - b.top);
  const hidden: number[] = [];
  let next = 0;
  /** The lowest row reached by the spans that start at or above the row in hand. */
  let reach = -1;
  for (let r = 0; r < rows.length; r++) {
    if (rows[r]?.length === 0) continue;
    for (let span = spans[next]; span !== undefined && span.top <= r; span = spans[++next]) {
      reach = Math.max(reach, span.bottom);
    }
    if (reach < r) hidden.push(r);
  }
  return hidden;
}

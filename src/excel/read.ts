import {
  isOwnedSheet,
  WorkbookError,
  type CellBox,
  type CellData,
  type CellValue,
  type LargeSheet,
  type SheetData,
  type SheetVisibility,
  type WorkbookData,
} from "../core";
import { parseArea, splitAreas, splitSheet } from "./a1";
import { errorLocation } from "./errors";
import type { Capabilities } from "./host";
import { CELL_BYTES, planSyncs, RESPONSE_BUDGET, rowAddressBytes, type Band, type SheetCost } from "./read-plan";

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

/**
 * One cell from the parallel arrays Office returns; null for an empty cell. Formulas are not
 * loaded: the core reads a formula's cached value, never its text, and `formulas` would send every
 * text cell's text a second time (Excel on the web limits a response to 5 MB). CellData.formula
 * is therefore never set by this adapter.
 */
export function cellData(value: unknown, numberFormat: unknown, type: unknown): CellData | null {
  // A formula whose result is not known (not calculated yet) reads as empty, as its cell shows.
  if (type === "Empty") return null;
  const data: CellData = type === "Error" ? { value: null, error: String(value) } : { value: value as CellValue };
  if (typeof numberFormat === "string" && numberFormat !== "General") data.numberFormat = numberFormat;
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

/** Adds the 0-based rows of a band of a used range read whole that are hidden (or filtered out). */
function addHiddenRows(hidden: number[], top: number, count: number, view: Excel.RangeView): void {
  const visible = new Set<number>();
  for (const [address] of view.cellAddresses) {
    const box = typeof address === "string" ? parseArea(splitSheet(address).area) : null;
    if (box !== null) visible.add(box.top);
  }
  for (let r = top; r < top + count; r++) if (!visible.has(r)) hidden.push(r);
}

/** The areas of an address such as "'绩效 指标'!A1:B2,'绩效 指标'!D4". */
function boxesOf(address: string): CellBox[] {
  return splitAreas(address)
    .map((area) => parseArea(splitSheet(area).area))
    .filter((box): box is NonNullable<typeof box> => box !== null);
}

/**
 * A used range up to this many cells is read whole, in one load of its cell properties (values,
 * number formats, value types). A larger one, where the host has ExcelApi 1.9, is read area by
 * area, only the cells that hold a constant or a formula: a stray value at XFD1048576 makes the
 * used range 17 billion cells, of which a few thousand hold anything. Below the bound, reading
 * the blanks costs little (some 20 bytes each, 2 MB at most); past it, a mostly empty range would
 * cost far more than its data.
 */
export const WHOLE_READ_CELLS = 100_000;

/**
 * "A range is limited to 5,000,000 cells for read operations" on every platform (Resource limits
 * and performance optimization for Office Add-ins). A host without ExcelApi 1.9 (Office 2019 on
 * the desktop, which has no 5 MB limit) reads a used range whole up to this size, as it always
 * did; past it, the read is refused naming the sheet (a sheets-too-large problem), never attempted.
 */
export const MAX_READ_CELLS = 5_000_000;

/** One shared empty row for the gaps of a sparse sheet: a value at row 1,048,576 allocates no million arrays. */
const NO_CELLS: readonly (CellData | null)[] = Object.freeze([]);

/**
 * The read phase. The first sync lists the sheets (and what the pane needs to know about
 * writing); the second learns the extent of every sheet's used range (on Excel on the web, with
 * ExcelApi 1.9, also how many of its cells hold a value); then the data: a used range of ordinary
 * size whole (values, number formats, value types, the visible rows and the merged areas), a huge
 * one only where it holds values. On the desktop, or where the estimate fits RESPONSE_BUDGET, all
 * of it in one sync: three syncs whatever the size. On Excel on the web, past the budget, in
 * ceil(estimate ÷ RESPONSE_BUDGET) syncs of row bands, planned from the extents (read-plan.ts).
 */
export async function readPhase(
  context: Excel.RequestContext,
  caps: Capabilities,
): Promise<ReadResult> {
  const workbook = context.workbook;
  workbook.load("name,readOnly");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();

  const probe = caps.responseLimit && caps.specialCells;
  const queueExtents = (withMerges: boolean) =>
    worksheets.items.map((ws): Extent => {
      // Values only: a sheet formatted down to row 100,000 is not read as 100,000 rows.
      const used = ws.getUsedRange(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      // Where the response is limited, a huge range's read is planned from how many of its cells
      // hold a value (it reads only those): two numbers a sheet, whatever its size.
      const held = probe
        ? [used.getSpecialCellsOrNullObject("Constants"), used.getSpecialCellsOrNullObject("Formulas")]
        : [];
      for (const areas of held) areas.load("cellCount");
      // Merged areas where the host can list them (ExcelApi 1.13), with the extents: a few
      // addresses, and a refusal costs this small sync, never the data's.
      const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
      merged?.load("address");
      return { ws, used, held, merged };
    });
  let extents = queueExtents(caps.mergedAreas);
  let merges: CellBox[][] | null = null;
  try {
    await context.sync();
  } catch (error) {
    // Excel lists at most 512 merged areas in one range: the extents again without them, then
    // the merged areas in row chunks (mergesInChunks). Anything else is a real failure.
    if (!caps.mergedAreas || !errorLocation(error).includes("getMergedAreas")) throw error;
    extents = queueExtents(false);
    await context.sync();
    merges = await mergesInChunks(context, extents);
  }
  merges ??= extents.map(({ merged }) => (merged === null || merged.isNullObject ? [] : boxesOf(merged.address)));
  const plans = planReads(extents, caps);
  const syncs = planSyncs(plans, caps.responseLimit ? RESPONSE_BUDGET : null);
  const sheets = await loadSheets(context, plans, syncs, merges);

  const protectedSheets = worksheets.items
    .filter((ws, i) => ws.protection.protected && !isOwned(sheets[i]))
    .map((ws) => ws.name);
  return { data: { sheets }, access: { name: workbook.name, readOnly: workbook.readOnly, protectedSheets } };
}

const isOwned = (sheet: SheetData | undefined): boolean => sheet !== undefined && isOwnedSheet(sheet);

/** A sheet's used range as sync 2 returns it; `held`, where probed, the areas of its constants and formulas; its merged areas. */
type Extent = { ws: Excel.Worksheet; used: Excel.Range; held: Excel.RangeAreas[]; merged: Excel.RangeAreas | null };

/** Rows of a used range whose merged areas are asked for in one call, at first (the 绩效目标表 has about two a row). */
export const MERGE_CHUNK_ROWS = 200;

/**
 * The merged areas of every used range, in chunks of rows, where one call over a whole range was
 * refused (more than 512). A chunk lists the merges whose top-left cell lies in it (office-js
 * #3611), so the chunks together list each merge once. A refused round halves the chunks; a
 * sheet with more than 512 merges in a single row is read without merges (blank cells in merged
 * columns still carry the value from above).
 */
async function mergesInChunks(context: Excel.RequestContext, extents: readonly Extent[]): Promise<CellBox[][]> {
  const round = async (chunkRows: number): Promise<CellBox[][] | null> => {
    const queued = extents.map(({ ws, used }) => {
      const chunks: Excel.RangeAreas[] = [];
      for (let first = 0; first < used.rowCount; first += chunkRows) {
        const count = Math.min(chunkRows, used.rowCount - first);
        const chunk = ws.getRangeByIndexes(used.rowIndex + first, used.columnIndex, count, used.columnCount);
        chunks.push(chunk.getMergedAreasOrNullObject().load("address"));
      }
      return chunks;
    });
    try {
      await context.sync();
    } catch (error) {
      if (!errorLocation(error).includes("getMergedAreas")) throw error;
      return null;
    }
    return queued.map((chunks) => {
      const seen = new Set<string>();
      return chunks
        .flatMap((areas) => (areas.isNullObject ? [] : boxesOf(areas.address)))
        .filter((box) => {
          const id = `${box.top}:${box.left}:${box.bottom}:${box.right}`;
          if (seen.has(id)) return false;
          seen.add(id);
          return true;
        });
    });
  };
  const rounds: number[] = [];
  for (let rows = MERGE_CHUNK_ROWS; rows >= 1; rows = Math.floor(rows / 2)) rounds.push(rows);
  for (const rows of rounds) {
    const merges = await round(rows);
    if (merges !== null) return merges;
  }
  return extents.map(() => []);
}

/** How one sheet is read (its used range whole, or only the areas that hold values) and what that is estimated to cost. */
type ReadPlan = SheetCost & { ws: Excel.Worksheet; used: Excel.Range; sparse: boolean };

/** Chooses each sheet's read from its used range's extent; refuses, naming them, the sheets no read can take. */
function planReads(extents: Extent[], caps: Capabilities): ReadPlan[] {
  const tooLarge: LargeSheet[] = [];
  const plans = extents.map(({ ws, used, held }) => {
    const { rowCount: rows, columnCount: columns } = used;
    const cells = rows * columns;
    const sparse = cells > WHOLE_READ_CELLS && caps.specialCells;
    if (!sparse && cells > MAX_READ_CELLS) tooLarge.push({ sheet: ws.name, area: splitSheet(used.address).area });
    // Unprobed (no payload limit, so no plan needs it), or past RangeAreas.cellCount's 2^31 - 1
    // (it answers -1): every cell of the range is counted.
    const counts = held.map((areas) => (areas.isNullObject ? 0 : areas.cellCount < 0 ? cells : areas.cellCount));
    const valueCells =
      held.length === 0
        ? cells
        : Math.min(
            cells,
            counts.reduce((n, c) => n + c, 0),
          );
    const bytes = sparse ? valueCells * CELL_BYTES : rows * (columns * CELL_BYTES + rowAddressBytes(ws.name));
    return { ws, used, sparse, rows, bytes };
  });
  if (tooLarge.length > 0) throw new WorkbookError({ kind: "sheets-too-large", sheets: tooLarge });
  return plans;
}

/** What one band's read queued: part of a used range of ordinary size whole, or of a huge one's areas. */
type QueuedBand = { top: number; count: number } & (
  | { sparse: false; range: Excel.Range; visible: Excel.RangeView }
  | { sparse: true; parts: Excel.RangeAreas[]; visible: Excel.RangeAreas }
);

/** One sheet's read as queued: its bands in order. */
type QueuedSheet = { plan: ReadPlan; bands: QueuedBand[] };

/**
 * Runs the steps one after another, each awaited before the next starts. For the read's data
 * syncs past the first: Microsoft's advice where a read may pass Excel's 5 MB is exactly this,
 * subsets of the data with a sync between them ("Avoid using the context.sync method in loops",
 * When should you not use the patterns in this article). The steps are a plan made from the
 * extents, never a loop that syncs until the data runs out.
 */
async function inTurn(steps: readonly (() => Promise<void>)[]): Promise<void> {
  for (const step of steps) await step();
}

/** Queues every band's loads, sync by sync as planned, then builds the sheets. */
async function loadSheets(
  context: Excel.RequestContext,
  plans: ReadPlan[],
  syncs: Band[][],
  merges: readonly CellBox[][],
): Promise<SheetData[]> {
  const queued: QueuedSheet[] = plans.map((plan) => ({ plan, bands: [] }));
  await inTurn(
    syncs.map((bands) => () => {
      for (const band of bands) {
        const sheet = queued[band.sheet];
        if (sheet === undefined) continue;
        sheet.bands.push(queueBand(sheet.plan, band));
      }
      return context.sync();
    }),
  );
  return queued.map(({ plan, bands }, i) => {
    const rows = plan.sparse ? sparseRows(bands) : wholeRows(plan, bands);
    return {
      name: plan.ws.name,
      visibility: VISIBILITY[plan.ws.visibility] ?? "visible",
      rows,
      merges: [...(merges[i] ?? [])],
      hiddenRows: plan.sparse ? hiddenDataRows(rows, bands) : rows.length === 0 ? [] : hiddenBandRows(bands),
    };
  });
}

/**
 * A band of an ordinary used range: every cell property in one load, and the visible rows of its
 * first column. Of a huge one: only the areas that hold a constant or a formula (ExcelApi 1.9
 * getSpecialCellsOrNullObject), each with its cell properties, and the row spans of the visible
 * areas (never a cell-by-cell list of the range).
 */
function queueBand(plan: ReadPlan, { first, count }: Band): QueuedBand {
  const { ws, used, rows } = plan;
  const top = used.rowIndex + first;
  const range =
    first === 0 && count === rows ? used : ws.getRangeByIndexes(top, used.columnIndex, count, used.columnCount);
  if (!plan.sparse) {
    range.load("values,numberFormat,valueTypes");
    const visible = range.getColumn(0).getVisibleView();
    visible.load("cellAddresses");
    return { top, count, sparse: false, range, visible };
  }
  const parts = [range.getSpecialCellsOrNullObject("Constants"), range.getSpecialCellsOrNullObject("Formulas")];
  for (const part of parts) {
    part.load(
      "areas/items/rowIndex,areas/items/columnIndex,areas/items/values,areas/items/numberFormat,areas/items/valueTypes",
    );
  }
  const visible = range.getSpecialCellsOrNullObject("Visible");
  visible.load("areas/items/rowIndex,areas/items/rowCount");
  return { top, count, sparse: true, parts, visible };
}

/** The rows of a used range read whole, band after band. */
function wholeRows(plan: ReadPlan, bands: QueuedBand[]): (CellData | null)[][] {
  const cells: (CellData | null)[][] = [];
  for (const band of bands) {
    if (band.sparse) continue;
    const { values, numberFormat, valueTypes } = band.range;
    // Past its read limit Excel may answer null rather than fail (OfficeDev/office-js#4783, #6781):
    // never mistake that for an empty sheet.
    if (!Array.isArray(values)) {
      throw new WorkbookError({ kind: "read-too-large", detail: `${plan.used.address}: values = null` });
    }
    for (let r = 0; r < values.length; r++) {
      cells.push((values[r] ?? []).map((value, c) => cellData(value, numberFormat[r]?.[c], valueTypes[r]?.[c])));
    }
  }
  return gridRows(plan.used.rowIndex, plan.used.columnIndex, cells);
}

/** The hidden rows of a used range read whole, band after band. */
function hiddenBandRows(bands: QueuedBand[]): number[] {
  const hidden: number[] = [];
  for (const band of bands) if (!band.sparse) addHiddenRows(hidden, band.top, band.count, band.visible);
  return hidden;
}

/** Rows from A1 of the cells the bands' areas hold, dense within each row; one shared empty row for each gap. */
function sparseRows(bands: QueuedBand[]): (readonly (CellData | null)[])[] {
  const byRow = new Map<number, (CellData | null)[]>();
  for (const band of bands) {
    if (!band.sparse) continue;
    for (const part of band.parts) {
      if (part.isNullObject) continue;
      for (const area of part.areas.items) {
        const { rowIndex: top, columnIndex: left, values, numberFormat, valueTypes } = area;
        values.forEach((row, r) =>
          row.forEach((value, c) => {
            const cell = cellData(value, numberFormat[r]?.[c], valueTypes[r]?.[c]);
            if (cell === null) return;
            let line = byRow.get(top + r);
            if (line === undefined) byRow.set(top + r, (line = []));
            line[left + c] = cell;
          }),
        );
      }
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

/** The rows holding data that no visible area of any band reaches: hidden (or filtered out). */
function hiddenDataRows(rows: SheetData["rows"], bands: QueuedBand[]): number[] {
  const spans: { top: number; bottom: number }[] = [];
  for (const band of bands) {
    if (!band.sparse || band.visible.isNullObject) continue;
    for (const a of band.visible.areas.items) spans.push({ top: a.rowIndex, bottom: a.rowIndex + a.rowCount - 1 });
  }
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

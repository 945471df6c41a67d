import {
  isOwnedSheet,
  type CellData,
  type CellValue,
  type SheetData,
  type SheetVisibility,
  type WorkbookData,
} from "../core";
import { parseArea, splitAreas, splitSheet } from "./a1";
import { errorLocation } from "./errors";
import type { Capabilities } from "./host";

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

/** 0-based rows of the data area that are hidden (or filtered out). */
function hiddenRows(top: number, count: number, visibleAddresses: unknown[][]): number[] {
  const visible = new Set<number>();
  for (const [address] of visibleAddresses) {
    const box = typeof address === "string" ? parseArea(splitSheet(address).area) : null;
    if (box !== null) visible.add(box.top);
  }
  const hidden: number[] = [];
  for (let r = top; r < top + count; r++) if (!visible.has(r)) hidden.push(r);
  return hidden;
}

function mergedBoxes(address: string): SheetData["merges"] {
  return splitAreas(address)
    .map((area) => parseArea(splitSheet(area).area))
    .filter((box): box is NonNullable<typeof box> => box !== null);
}

/**
 * The read phase: two syncs whatever the size of the workbook. The first lists the sheets (and
 * what the pane needs to know about writing); the second loads every sheet's data area in one
 * batch: values, formulas, number formats, value types, the visible rows and the merged areas.
 */
export async function readPhase(context: Excel.RequestContext, caps: Capabilities): Promise<ReadResult> {
  const workbook = context.workbook;
  workbook.load("name,readOnly");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();

  let sheets: SheetData[];
  try {
    sheets = await loadSheets(context, worksheets.items, caps.mergedAreas);
  } catch (error) {
    // Excel gives no merged areas past 512 in one range: read on without them (blank cells in
    // merged columns still carry the value from above). Anything else is a real failure.
    if (!caps.mergedAreas || !errorLocation(error).includes("getMergedAreas")) throw error;
    sheets = await loadSheets(context, worksheets.items, false);
  }

  const protectedSheets = worksheets.items
    .filter((ws, i) => ws.protection.protected && !isOwned(sheets[i]))
    .map((ws) => ws.name);
  return { data: { sheets }, access: { name: workbook.name, readOnly: workbook.readOnly, protectedSheets } };
}

const isOwned = (sheet: SheetData | undefined): boolean => sheet !== undefined && isOwnedSheet(sheet);

async function loadSheets(
  context: Excel.RequestContext,
  worksheets: Excel.Worksheet[],
  withMerges: boolean,
): Promise<SheetData[]> {
  const loads = worksheets.map((ws) => {
    // Values only: a sheet formatted down to row 100,000 is not read as 100,000 rows.
    const used = ws.getUsedRange(true);
    used.load("values,formulas,numberFormat,valueTypes,rowIndex,columnIndex");
    const visible = used.getColumn(0).getVisibleView();
    visible.load("cellAddresses");
    const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
    if (merged !== null) merged.load("address");
    return { ws, used, visible, merged };
  });
  await context.sync();

  return loads.map(({ ws, used, visible, merged }) => {
    const { rowIndex: top, columnIndex: left, values, formulas, numberFormat, valueTypes } = used;
    const cells = values.map((row, r) =>
      row.map((value, c) => cellData(value, formulas[r]?.[c], numberFormat[r]?.[c], valueTypes[r]?.[c])),
    );
    const rows = gridRows(top, left, cells);
    return {
      name: ws.name,
      visibility: VISIBILITY[ws.visibility] ?? "visible",
      rows,
      merges: merged === null || merged.isNullObject ? [] : mergedBoxes(merged.address),
      hiddenRows: rows.length === 0 ? [] : hiddenRows(top, values.length, visible.cellAddresses),
    };
  });
}

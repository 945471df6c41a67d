import type ExcelJS from "exceljs";
import type { CellBox, CellData, SheetData, WorkbookData } from "../../../src/core";
import { toCellData } from "./cell-data";

/** What ExcelJS keeps of a merged area: its corners, 1-based. */
type MergeRange = { top: number; left: number; bottom: number; right: number };

/** One shared empty row for the gaps of a sheet: a stray value at row 1,000,000 allocates no 999,999 arrays. */
const NO_CELLS: readonly (CellData | null)[] = Object.freeze([]);

/**
 * The merged areas of a sheet. Read from ExcelJS's merge index, not from `ws.model`, which
 * would build a model of every row just to list them.
 */
function mergesOf(ws: ExcelJS.Worksheet): CellBox[] {
  const index = (ws as unknown as { _merges: Record<string, MergeRange | undefined> })._merges;
  const boxes: CellBox[] = [];
  for (const range of Object.values(index)) {
    if (range === undefined) continue;
    boxes.push({ top: range.top - 1, left: range.left - 1, bottom: range.bottom - 1, right: range.right - 1 });
  }
  return boxes;
}

/** One sheet as the core's plain data: only the cells present are visited. */
function worksheetData(ws: ExcelJS.Worksheet, date1904: boolean): SheetData {
  const rows: (readonly (CellData | null)[])[] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (CellData | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // ExcelJS repeats a merged area's value in the cells it covers; Excel (and Office.js) leaves
      // them empty. Both adapters hand the core what Excel holds.
      const covered = cell.isMerged && cell.master.address !== cell.address;
      cells[colNumber - 1] = covered ? null : toCellData(cell, date1904);
    });
    // Dense rows: the core indexes them directly.
    for (let c = 0; c < cells.length; c++) cells[c] ??= null;
    rows[rowNumber - 1] = cells;
    if (row.hidden) hiddenRows.push(rowNumber - 1);
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= NO_CELLS;
  return { name: ws.name, visibility: ws.state ?? "visible", rows, merges: mergesOf(ws), hiddenRows };
}

/** Every worksheet of an ExcelJS workbook as the core's plain data, in tab order. */
export function workbookData(wb: ExcelJS.Workbook): WorkbookData {
  const date1904 = Boolean(wb.properties?.date1904);
  return { sheets: wb.worksheets.map((ws) => worksheetData(ws, date1904)) };
}

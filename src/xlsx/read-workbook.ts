import type ExcelJS from "exceljs";
import { fromA1, type CellBox, type CellData, type SheetData, type WorkbookData } from "../core";
import { toCellData } from "./cell-data";

function parseRange(range: string): CellBox | null {
  const [a, b = a] = range.split(":");
  const from = a === undefined ? null : fromA1(a.replace(/\$/g, ""));
  const to = b === undefined ? null : fromA1(b.replace(/\$/g, ""));
  if (!from || !to) return null;
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetData {
  const rows: (CellData | null)[][] = [];
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
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges = (ws.model.merges ?? []).map(parseRange).filter((box): box is CellBox => box !== null);
  return { name: ws.name, visibility: ws.state ?? "visible", rows, merges, hiddenRows };
}

/** Every worksheet of an ExcelJS workbook as the core's plain data, in tab order. */
export function workbookData(wb: ExcelJS.Workbook): WorkbookData {
  const date1904 = Boolean(wb.properties?.date1904);
  return { sheets: wb.worksheets.map((ws) => readSheet(ws, date1904)) };
}

import ExcelJS from "exceljs";

/** A workbook from plain rows: `sheets` maps a sheet name to its rows, first row at A1. */
export function workbookOf(sheets: Record<string, (string | number | null)[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return wb;
}

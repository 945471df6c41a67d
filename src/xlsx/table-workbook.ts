import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";

/** A cell of a plain table: a value, optionally with a fill colour (RRGGBB). Strings stay text. */
export type TableCell = string | number | null | { value: string | number | null; fill: string };

export type TableSheet = {
  name: string;
  columns: readonly { header: string; width: number; numFmt?: string }[];
  rows: readonly (readonly TableCell[])[];
};

/**
 * Writes plain tables as a workbook: a bold, frozen header row with a filter, one row per item.
 * Used for the command line's summary of a folder; every value is written as text or a number,
 * so a project named "=HYPERLINK(…)" stays text.
 */
export async function writeTableWorkbook(path: string, sheets: readonly TableSheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "check-targets";
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map((cell) => (cell !== null && typeof cell === "object" ? cell.value : cell)));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === "object") {
          added.getCell(i + 1).fill = {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: `FF${cell.fill.toUpperCase()}` },
          };
        }
      });
    }
    if (sheet.columns.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
    }
  }
  await mkdir(dirname(resolve(path)), { recursive: true });
  await wb.xlsx.writeFile(path);
}

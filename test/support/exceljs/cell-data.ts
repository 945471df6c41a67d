import type ExcelJS from "exceljs";
import type { CellData, CellValue } from "../../../src/core";

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** ExcelJS hands dates over as JS Dates; the core, like Office.js, wants the serial number. */
export function dateToSerial(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

type Plain = { value: CellValue; error?: string };

function plainValue(value: ExcelJS.CellValue | undefined, date1904: boolean): Plain {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return { value };
  if (value instanceof Date) return { value: dateToSerial(value, date1904) };
  if ("error" in value) return { value: null, error: String(value.error) };
  if ("richText" in value) return { value: value.richText.map((run) => run.text).join("") };
  if ("hyperlink" in value) return { value: String(value.text ?? "") };
  if ("formula" in value || "sharedFormula" in value) {
    return plainValue((value as { result?: ExcelJS.CellValue }).result, date1904);
  }
  return { value: null };
}

/** One ExcelJS cell as the core's plain CellData. */
export function toCellData(cell: ExcelJS.Cell, date1904: boolean): CellData | null {
  const raw = cell.value;
  const { value, error } = plainValue(raw, date1904);
  const formula =
    raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)
      ? String(
          (raw as { formula?: string; sharedFormula?: string }).formula ??
            (raw as { sharedFormula?: string }).sharedFormula,
        )
      : undefined;
  if (value === null && error === undefined && formula === undefined) return null;
  const data: CellData = { value };
  if (cell.numFmt) data.numberFormat = cell.numFmt;
  if (formula !== undefined) data.formula = formula;
  if (error !== undefined) data.error = error;
  return data;
}

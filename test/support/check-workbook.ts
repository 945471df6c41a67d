import ExcelJS from "exceljs";
import { checkWorkbook, type CheckResult, type Finding, type Locale } from "../../src/core";
import { workbookData } from "./exceljs";

/** Saves and re-opens the workbook, as the CLI would, so tests see what a real file holds. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await wb.xlsx.writeBuffer();
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(buffer);
  return copy;
}

export async function checkBuilt(wb: ExcelJS.Workbook, locale: Locale = "zh-CN"): Promise<CheckResult> {
  return checkWorkbook(workbookData(await roundTrip(wb)), { asOf: "2026-06-30", locale, source: "test.xlsx" });
}

/** "rule sheet!cell" lines: compact, and a failing diff shows exactly what moved. */
export const where = (findings: readonly Pick<Finding, "rule" | "sheet" | "cell">[]): string[] =>
  findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

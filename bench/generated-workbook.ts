import ExcelJS from "exceljs";
import type { WorkbookData } from "../src/core";
import type { Seed } from "../test/support/seed";
import { addDefinitionSheet } from "../test/support/seed-workbook";

const HEADER = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"];

/**
 * The rows of a flat indicator list of `rows` rows: the seed's 95 indicators repeated under new
 * project codes, so the findings per row stay those of real data.
 */
function listRows(seed: Seed, rows: number): string[][] {
  const flat = seed.projects.flatMap((p) => p.indicators.map((ind) => ({ p, ind })));
  const out: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const { p, ind } = flat[i % flat.length]!;
    const copy = Math.floor(i / flat.length);
    const code = `${p.code.slice(0, 9)}${String(copy * 100 + p.table).padStart(11, "0")}${p.code.slice(-1)}`;
    out.push([code, p.name, ind.level1, ind.level2, ind.name, ind.description, ind.targetRaw, ind.basis]);
  }
  return out;
}

export type GeneratedOptions = {
  /**
   * Add the sample's 指标定义 sheet (the department's 22 indicators), as a department that keeps
   * its definitions has: then every row maps and the list has almost no `indicator-unmapped` infos.
   */
  definitions?: boolean;
};

/** The generated list as a workbook, to be saved and read back like a clerk's file. */
export function generatedWorkbook(seed: Seed, rows: number, options: GeneratedOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效指标");
  ws.addRow(HEADER);
  for (const row of listRows(seed, rows)) ws.addRow(row);
  if (options.definitions) addDefinitionSheet(wb);
  return wb;
}

/** The generated list as the core's plain data (for the in-memory Excel, which takes WorkbookData). */
export function generatedData(seed: Seed, rows: number): WorkbookData {
  const cells = [HEADER, ...listRows(seed, rows)].map((row) => row.map((value) => ({ value })));
  return { sheets: [{ name: "绩效指标", visibility: "visible", rows: cells, merges: [], hiddenRows: [] }] };
}

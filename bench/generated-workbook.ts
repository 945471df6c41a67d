import ExcelJS from "exceljs";
import type { Seed } from "../test/support/seed";

/**
 * A flat indicator list of `rows` rows: the seed's 95 indicators repeated under new project
 * codes, so the findings per row stay those of real data.
 */
export function generatedWorkbook(seed: Seed, rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效指标");
  ws.addRow(["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]);
  const flat = seed.projects.flatMap((p) => p.indicators.map((ind) => ({ p, ind })));
  for (let i = 0; i < rows; i++) {
    const { p, ind } = flat[i % flat.length]!;
    const copy = Math.floor(i / flat.length);
    const code = `${p.code.slice(0, 9)}${String(copy * 100 + p.table).padStart(11, "0")}${p.code.slice(-1)}`;
    ws.addRow([code, p.name, ind.level1, ind.level2, ind.name, ind.description, ind.targetRaw, ind.basis]);
  }
  return wb;
}

import ExcelJS from "exceljs";
import { parseTarget } from "../../src/core";
import type { Seed, SeedIndicator, SeedProject } from "./seed";

/**
 * The seed during the year: a project list with 已支出 and a flat indicator list with 完成值 and
 * 偏差原因. Every actual meets its target exactly (a qualitative one is 达成) and every project has
 * spent 95% of its budget, except where `actuals` and `spent` say otherwise.
 */
export type Overrides = {
  /** "table/indicator name" → 完成值 (a number is written as a number). */
  actuals?: Record<string, string | number | { value: number; numFmt: string }>;
  reasons?: Record<string, string>;
  /** table → share of the budget spent, 0–1. */
  spent?: Record<number, number>;
  /** Add a 分值 column with these weights per table (in indicator order). */
  weights?: Record<number, number[]>;
};

/** The value that meets a target exactly, as a clerk would write it. */
function meeting(ind: SeedIndicator): string {
  const t = parseTarget(ind.target);
  if (t.kind === "qualitative") return "达成";
  if (t.kind !== "quantitative") return "";
  return `${t.value}${t.unit?.text ?? ""}`;
}

export const keyOf = (p: SeedProject, ind: SeedIndicator): string => `${p.table}/${ind.name}`;

export function monitoringWorkbook(seed: Seed, o: Overrides = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const projects = wb.addWorksheet("项目清单");
  projects.addRow([
    "项目编码",
    "项目名称",
    "预算数",
    "财政资金",
    "其他资金",
    "3月底",
    "6月底",
    "10月底",
    "12月底",
    "已支出",
  ]);
  for (const p of seed.projects) {
    const share = o.spent?.[p.table] ?? 0.95;
    projects.addRow([p.code, p.name, p.budget, p.fiscal, p.other, ...p.plan, Math.round(p.budget * share * 100) / 100]);
  }
  const list = wb.addWorksheet("绩效指标");
  const weighted = o.weights !== undefined;
  list.addRow([
    "项目编码",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    ...(weighted ? ["分值"] : []),
    "完成值",
    "偏差原因",
  ]);
  for (const p of seed.projects) {
    p.indicators.forEach((ind, i) => {
      const key = keyOf(p, ind);
      const given = o.actuals?.[key];
      const weight = o.weights?.[p.table]?.[i];
      const row = list.addRow([
        p.code,
        ind.level1,
        ind.level2,
        ind.name,
        ind.targetRaw,
        ...(weighted ? [weight ?? null] : []),
        typeof given === "object" ? given.value : (given ?? meeting(ind)),
        o.reasons?.[key] ?? null,
      ]);
      if (typeof given === "object") row.getCell(weighted ? 7 : 6).numFmt = given.numFmt;
    });
  }
  return wb;
}

/**
 * The year's actuals of samples/monitoring.xlsx and of test/monitoring: one case per monitoring
 * rule, each at a known cell, the rest meeting their targets.
 */
export const MONITORING_SAMPLE: Overrides = {
  actuals: {
    "1/空调单价": "2500元", // fails ≤0.2万元 once converted
    "1/群众满意度": "75%", // fails ≥80%, no reason given
    "2/征用医用隔离点": "5家", // ≥18家: behind mid-year, failed at year end
    "3/隔离点租金": "2500美元", // another dimension than ≤25000元/天
    "7/征用医用隔离点": "8O家", // letter O for zero
    "11/签约项目个数": "30个", // beats ≥20个 by 50%, no reason given
    "11/按计划举办招商推介会": "部分达成",
    "11/资金按时拨付": "未达成",
    "15/行政检查": "三十人次", // Chinese numerals meet ≥30人次
    "12/群众满意度": { value: 0.92, numFmt: "0%" }, // a percent-formatted cell meets ≥80%
  },
  reasons: { "1/空调单价": "市场价格上涨" },
  spent: { 4: 0.3, 5: 0.1 },
};

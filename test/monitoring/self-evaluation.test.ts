import { readFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { checkWorkbook, type CheckResult } from "../../src/core";
import { workbookData } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { SELF_EVALUATION as S, selfEvaluationForm, selfEvaluationLists } from "./self-evaluation-workbook";

/** The 自评 as a reviewer computes it by hand for the made-up 2023 form (docs/monitoring.md). */
const BY_HAND = {
  executionRate: 108 / 120, // 全年执行数 ÷ 全年预算数, not ÷ 年初预算数
  execution: 10 * (108 / 120),
  indicators: [
    20, // 22家 ≥ 20家: full
    15 * (4000 / 5000), // 12
    10 * (90 / 95), // 0.9 read as 90%: 9.47
    5 * 0.3, // 未按时拨付: 未达成, 30%
    10, // 280元/人 within ≤300元/人
    20 * 0.7, // 基本达成: 部分达成, 70%
    10, // 92% ≥ 90%
  ],
};
const round2 = (n: number) => Math.round(n * 100) / 100;
const TOTAL = round2(BY_HAND.execution + BY_HAND.indicators.map(round2).reduce((a, b) => a + b, 0));

async function check(wb: ExcelJS.Workbook): Promise<CheckResult> {
  return checkWorkbook(workbookData(await roundTrip(wb)), { asOf: "2024-01-20", locale: "zh-CN", source: "自评.xlsx" });
}

const monitoring = (r: CheckResult) =>
  r.findings.filter((f) => /^(actual|deviation|spending)/.test(f.rule)).map((f) => `${f.rule} ${f.severity} ${f.cell}`);

describe.each([
  [
    "as the published form's blocks",
    selfEvaluationForm,
    "title",
    { first: 13, actual: "F", reason: "I" },
    ["standard-form"],
  ],
  [
    "as two flat lists",
    selfEvaluationLists,
    "sheet-name",
    { first: 2, actual: "F", reason: "I" },
    ["project-list", "indicator-list"],
  ],
] as const)("a 2023 自评表 in the 10号 layout, %s, checked on 2024-01-20", (_, build, source, at, kinds) => {
  let r: CheckResult;
  beforeAll(async () => {
    r = await check(build());
  });
  const row = (k: number) => at.first + k;

  it("reads the layout as staff laid it out, with the budget and spending it holds", () => {
    expect(r.report.sheets?.flatMap((sh) => sh.tables.map((t) => t.kind))).toEqual(kinds);
    expect(r.report.projects).toHaveLength(1);
    expect(r.report.projects[0]).toMatchObject({ name: S.project, budget: S.initialBudget, spent: S.spent });
  });

  it("finds the fiscal year 2023 in the workbook and judges the year as over", () => {
    expect(r.report.fiscalYear).toMatchObject({ year: 2023, source });
    expect(r.report.projects[0]?.evaluation?.kind).toBe("final");
  });

  it("gives the failures and the missing reasons a reviewer would mark", () => {
    expect(monitoring(r)).toEqual([
      `actual-fails-target error ${at.actual}${row(1)}`,
      `deviation-reason-missing warning ${at.reason}${row(1)}`,
      `actual-fails-target error ${at.actual}${row(2)}`,
      `actual-fails-target error ${at.actual}${row(3)}`,
      `deviation-reason-missing warning ${at.reason}${row(3)}`,
      `actual-fails-target warning ${at.actual}${row(5)}`,
    ]);
    expect(r.report.projects[0]?.light).toBe("red");
  });

  it("computes 预算执行率 against the adjusted 全年预算数 and the 自评得分 by hand", () => {
    const p = r.report.projects[0]!;
    expect(p.evaluation?.executionRate).toBeCloseTo(BY_HAND.executionRate, 4);
    expect(p.evaluation?.execution).toBe(round2(BY_HAND.execution));
    expect(p.indicators.map((i) => i.score)).toEqual(BY_HAND.indicators.map(round2));
    expect(p.indicators.map((i) => i.weight)).toEqual(S.indicators.map((i) => i.weight));
    expect(p.score).toBe(TOTAL);
    expect(p.evaluation).toMatchObject({ total: TOTAL, grade: "良" });
  });

  it("shows the deviations as a reviewer writes them", () => {
    const deviations = r.report.projects[0]!.indicators.map((i) => i.deviation ?? null);
    expect(deviations[1]).toEqual({ value: -1000, unit: "人次" });
    expect(deviations[2]).toEqual({ value: -5, unit: "个百分点" });
    expect(deviations[3]).toBeNull();
  });
});

describe("the README's summary of the worked example", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

  it("states the figures the check computes", async () => {
    const p = (await check(selfEvaluationForm())).report.projects[0]!;
    const indicators = round2(p.indicators.reduce((sum, i) => sum + i.score!, 0));
    expect(readme).toContain(`预算执行率 = 108 ÷ 120 = ${Math.round(p.evaluation!.executionRate! * 100)}%`);
    expect(readme).toContain(`10 × 90% = ${p.evaluation!.execution!.toFixed(2)}`);
    expect(readme).toContain(`earn ${indicators.toFixed(2)} of their 90`);
    expect(readme).toContain(`自评得分 ${p.score!.toFixed(2)}（${p.evaluation!.grade!}）`);
    expect(readme).toContain(`\`${p.lightReason!}\``);
  });
});

describe("docs/monitoring.md's worked example", () => {
  const doc = readFileSync(join(__dirname, "..", "..", "docs", "monitoring.md"), "utf8");

  it("states the figures the check computes", async () => {
    const p = (await check(selfEvaluationForm())).report.projects[0]!;
    expect(doc).toContain(`预算执行率 = 108 ÷ 120 = ${Math.round(p.evaluation!.executionRate! * 100)}%`);
    expect(doc).toContain(`10 × 90% = ${p.evaluation!.execution!.toFixed(2)}`);
    p.indicators.forEach((ind) =>
      expect(doc).toMatch(new RegExp(`= ${ind.score!.toFixed(2).replace(".", "\\.")} +\\|`)),
    );
    expect(doc).toContain(`自评得分 ${p.score!.toFixed(2)}（${p.evaluation!.grade!}）`);
    expect(doc).toContain(`\`${p.lightReason!}\``);
  });
});

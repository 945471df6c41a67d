import { loadSeed, type Seed } from "../support/seed";
import { addDefinitionSheet, buildSampleWorkbook } from "../support/seed-workbook";
import { join } from "node:path";
import { reportSchema } from "../../src/core";
import { workbookData, XlsxPort } from "../support/exceljs";
import { checkBuilt, roundTrip, where } from "../support/check-workbook";

/** Indicator names the built-in library maps without the department's 指标定义 sheet. */
const BUILT_IN = new Set([
  "拨付完成情况",
  "资金按时拨付",
  "资金拨付",
  "群众满意度",
  "服务对象满意度",
  "完成年度外资目标任务",
  "外贸出口额",
]);

/** Rows of the indicator list: header on row 3, table 1 starts on row 4, six or seven rows a table. */
function rowOf(seed: Seed, table: number, name: string, target?: string): number {
  let row = 4;
  for (const p of seed.projects) {
    for (const ind of p.indicators) {
      if (p.table === table && ind.name === name && (target === undefined || ind.target === target)) return row;
      row++;
    }
  }
  throw new Error(`no indicator ${name} in table ${table}`);
}

/** The seed's real defects, wherever definitions are or are not given. */
function seedDefects(seed: Seed): string[] {
  const at = (table: number, name: string) => `绩效指标!G${rowOf(seed, table, name)}`;
  const restates = seed.projects
    .filter((p) => p.indicators.some((i) => i.name === "隔离密切接触人员" && i.target === "隔离密切接触人员"))
    .map((p) => `target-restates-name ${at(p.table, "隔离密切接触人员")}`);
  expect(restates).toHaveLength(12);
  return [
    `target-missing ${at(5, "群众满意度")}`,
    `target-missing ${at(8, "群众满意度")}`,
    `target-direction ${at(14, "完成年度外资目标任务")}`,
    `target-direction ${at(14, "外贸出口额")}`,
    `target-not-quantitative ${at(14, "因公临时出国（境）差旅")}`,
    // ≤858亿美元 against the department goal 实际利用外资 848万美元.
    `target-goal-mismatch ${at(14, "完成年度外资目标任务")}`,
    ...restates,
  ];
}

/**
 * Issue 12: what a reviewer sees wherever definitions are or are not given. Every 时效 target of
 * the seed states no time (拨付完成, 按时拨付完成, 按时间完成出访); ≤858亿美元 is an amount filed
 * under 质量指标, and 外贸出口额 an economic measure filed under 社会效益指标.
 */
function reviewerDefects(seed: Seed): string[] {
  const untimely = seed.projects.flatMap((p) =>
    p.indicators
      .filter((i) => i.level2 === "时效指标")
      .map((i) => `target-not-quantitative 绩效指标!G${rowOf(seed, p.table, i.name, i.target)}`),
  );
  expect(untimely).toHaveLength(15);
  return [
    ...untimely,
    `category-misuse 绩效指标!D${rowOf(seed, 14, "完成年度外资目标任务")}`,
    `category-misuse 绩效指标!D${rowOf(seed, 14, "外贸出口额")}`,
  ];
}

/**
 * Without the 指标定义 sheet the analyser and the department's own rows find the unit defects
 * the sheet found, and those the sheet's definitions had accepted: ≤130 元/间 has no time basis,
 * 年征用补偿标准 is set per half-year, 行政检查次数 is counted in 人次.
 */
const unitsWithoutDefinitions = (seed: Seed): string[] => [
  ...rentInPlainMoney(seed),
  `target-unit 绩效指标!G${rowOf(seed, 12, "征用补偿标准")}`,
  `target-unit 绩效指标!G${rowOf(seed, 13, "年征用补偿标准")}`,
  `target-unit 绩效指标!G${rowOf(seed, 15, "行政检查")}`,
];

/** 隔离点租金 is a daily rent (≤25000元/天, tables 2 and 3); tables 4 and 7–10 write it in plain money. */
const rentInPlainMoney = (seed: Seed): string[] =>
  [4, 7, 8, 9, 10].map((table) => `target-unit 绩效指标!G${rowOf(seed, table, "隔离点租金")}`);

/**
 * Acceptance of the foundation issue and of issue 3: on the sample built from the seed, the
 * report finds the seed's real defects and nothing else; with the department's 指标定义 every
 * indicator maps, without it the built-in library maps the common ones and says so of the rest.
 */
describe("the sample workbook built from the seed", () => {
  const seed = loadSeed();
  let result: Awaited<ReturnType<typeof checkBuilt>>;
  beforeAll(async () => {
    result = await checkBuilt(buildSampleWorkbook(seed));
  });

  it("builds a report that satisfies the exported schema", () => {
    expect(() => reportSchema.parse(result.report)).not.toThrow();
  });

  it("reads every project, indicator and goal, and names what each sheet held", () => {
    expect(result.report.summary.projects).toBe(15);
    expect(result.report.summary.indicators).toBe(95);
    expect(result.report.goals.map((g) => g.name)).toContain("实际利用外资");
    const p14 = result.report.projects.find((p) => p.code === "13020823P00925810001J");
    expect(p14).toMatchObject({ name: "因公出国（境）经费", budget: 20, fiscal: 20, plan: [25, 50, 75, 100] });
    expect(p14?.indicators).toHaveLength(7);
    expect(result.report.sheets?.map((s) => [s.name, s.role, s.tables.map((t) => t.kind)])).toEqual([
      ["项目清单", "data", ["project-list"]],
      ["绩效指标", "data", ["indicator-list"]],
      ["部门整体目标", "data", ["goal-list"]],
      ["指标定义", "definitions", []],
    ]);
    expect(result.report.skipped).toEqual([]);
  });

  it("finds exactly the seed's real defects", () => {
    expect(where(result.findings).sort()).toEqual(
      [...seedDefects(seed), ...reviewerDefects(seed), ...rentInPlainMoney(seed)].sort(),
    );
    expect(result.report.summary).toMatchObject({ errors: 2, warnings: 38, infos: 0 });
  });

  it("maps every indicator: the department's own by its 指标定义, the common ones by the built-in library", () => {
    const indicators = result.report.projects.flatMap((p) => p.indicators);
    expect(indicators.filter((i) => i.definition === null)).toEqual([]);
    const of = (name: string) => indicators.find((i) => i.name === name)?.definition;
    expect(of("隔离点租金")).toEqual({ id: "FR-04", name: "隔离点租金", score: 1 });
    expect(of("群众满意度")).toEqual({ id: "satisfaction", name: "服务对象满意度", score: 1 });
    // Not a synonym: matched on its head 年度外资目标任务, with the score shown.
    expect(of("完成年度外资目标任务")).toEqual({ id: "foreign-investment", name: "实际利用外资", score: 0.92 });
  });

  it("says what is wrong with ≤858亿美元 and what would be right", () => {
    const mismatch = result.report.findings.find((f) => f.rule === "target-goal-mismatch");
    expect(mismatch?.message).toBe(
      "指标值“≤858亿美元”与部门整体目标“实际利用外资：等于848万美元”不一致（部门目标折合 0.0848亿美元）；应与部门目标一致，例如“≥848万美元”。",
    );
    // One fix for the cell: the direction finding suggests the goal's target too.
    const direction = result.report.findings.find(
      (f) => f.rule === "target-direction" && f.indicator === "完成年度外资目标任务",
    );
    expect(direction?.message).toMatch(/例如“≥848万美元”/);
  });

  it("words every finding in Chinese, naming what would be right", () => {
    const missing = result.report.findings.find((f) => f.rule === "target-missing");
    expect(missing?.message).toMatch(/缺少数值.*≥80%/);
    // By code and name: four projects of the seed share the name （2）已启用疫情防控隔离点相关费用.
    expect(missing?.project).toBe("13020823P00925610017Q （2）各疫情防控隔离点物资费用");
    expect(missing?.indicator).toBe("群众满意度");
    const unit = result.report.findings.find((f) => f.rule === "target-unit");
    expect(unit?.message).toBe(
      "指标值“≤25000 元”的单位“元”与指标定义“隔离点租金”的单位“元/天”不一致，两者不能换算；请按“元/天”填写。",
    );
  });

  it("gives red lights to projects with errors and amber to those with warnings only", () => {
    const light = (code: string) => result.report.projects.find((p) => p.code === code)?.light;
    expect(light("13020823P00925610017Q")).toBe("red"); // table 5: missing satisfaction target
    expect(light("13020823P00925810001J")).toBe("amber"); // table 14: warnings only
    // Table 15 was clean until issue 12: its 时效 target 按时拨付 states no time.
    expect(light("13020823P00925510001H")).toBe("amber");
  });
});

describe("the sample without its 指标定义 sheet", () => {
  const seed = loadSeed();

  it("finds the seed's defects by the analyser, with no note for a name it can read", async () => {
    const result = await checkBuilt(buildSampleWorkbook(seed, { definitions: false }));
    expect(where(result.findings).sort()).toEqual(
      [...seedDefects(seed), ...reviewerDefects(seed), ...unitsWithoutDefinitions(seed)].sort(),
    );
    expect(result.findings.filter((f) => f.rule === "indicator-unmapped")).toEqual([]);
    const indicators = result.report.projects.flatMap((p) => p.indicators);
    expect(
      indicators
        .filter((i) => i.definition !== null)
        .map((i) => i.name)
        .sort(),
    ).toEqual(
      indicators
        .filter((i) => BUILT_IN.has(i.name))
        .map((i) => i.name)
        .sort(),
    );
  });

  it("says what the others are where a rent lacks its time basis", async () => {
    const result = await checkBuilt(buildSampleWorkbook(seed, { definitions: false }));
    const rent = result.report.findings.find((f) => f.cell === `G${rowOf(seed, 4, "隔离点租金")}`);
    expect(rent?.message).toMatch(
      /没有时间基准.*13020823P00925610021Y （2）各启用隔离点及方舱医院相关费用：≤25000元\/天/,
    );
    expect(rent?.message).toMatch(/例如“≤25000元\/天”/);
  });
});

describe("a 指标定义 sheet declaring 隔离点租金 in 元/天", () => {
  const seed = loadSeed();
  const rentOnly = [["", "隔离点租金", "", "产出指标", "成本指标", "元/天", "反向", 0, null, "是", "", "每天的租金"]];

  it("makes ≤25000 元 and ≤20 万元 target-unit findings by the definition; without it the analyser finds them", async () => {
    const wb = buildSampleWorkbook(seed, { definitions: false });
    addDefinitionSheet(wb, rentOnly);
    const withSheet = (await checkBuilt(wb)).findings.filter((f) => f.rule === "target-unit");
    expect(where(withSheet).sort()).toEqual(unitsWithoutDefinitions(seed).sort());
    const rent = withSheet.filter((f) => f.indicator === "隔离点租金");
    expect(rent.map((f) => f.details.unit)).toEqual(["元", "万元", "万元", "万元", "万元"]);
    expect(rent.map((f) => f.details.reason ?? "definition")).toEqual(Array(5).fill("definition"));

    const without = await checkBuilt(buildSampleWorkbook(seed, { definitions: false }));
    const inferred = without.findings.filter((f) => f.rule === "target-unit" && f.indicator === "隔离点租金");
    expect(where(inferred).sort()).toEqual(rentInPlainMoney(seed).sort());
    expect(inferred.map((f) => f.details.reason)).toEqual(Array(5).fill("no-time-basis"));
  });
});

describe("samples/sample.xlsx", () => {
  it("is what the builder makes from the seed (rebuild with `npm run sample`)", async () => {
    const committed = await (await XlsxPort.open(join(__dirname, "..", "..", "samples", "sample.xlsx"))).read();
    const fresh = workbookData(await roundTrip(buildSampleWorkbook(loadSeed())));
    expect(committed).toEqual(fresh);
  });
});

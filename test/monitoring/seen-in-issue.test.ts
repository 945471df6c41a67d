import { checkWorkbook, type CheckResult, type WorkbookData } from "../../src/core";

/**
 * The cases the monitoring issue reports, each on a small workbook built here: one project, a
 * flat indicator list with 完成值 and 偏差原因, the title naming the fiscal year where a case needs it.
 */
type Row = { name: string; level1?: string; target: string; actual: string | number; reason?: string };

function workbook(rows: readonly Row[], title: string | null = null): WorkbookData {
  const header = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "偏差原因"];
  const cell = (v: string | number | null) => (v === null ? null : { value: v });
  const data = rows.map((r) => [
    "道路维护",
    r.level1 ?? "产出指标",
    "数量指标",
    r.name,
    r.target,
    r.actual,
    r.reason ?? null,
  ]);
  const grid = [...(title === null ? [] : [[title]]), header, ...data];
  return {
    sheets: [{ name: "绩效指标", visibility: "visible", rows: grid.map((r) => r.map(cell)), merges: [] }],
  };
}

const check = (data: WorkbookData, asOf: string, fiscalYear: number | null = null): CheckResult =>
  checkWorkbook(data, { asOf, locale: "zh-CN", source: "t.xlsx", fiscalYear });

/** "rule severity cell" of the monitoring findings on one indicator row (1-based, header on row 1). */
const at = (r: CheckResult, row: number) =>
  r.findings
    .filter((f) => /^(actual|deviation)/.test(f.rule) && /\d+$/.exec(f.cell)?.[0] === String(row))
    .map((f) => `${f.rule} ${f.severity} ${f.cell}`);

describe("progress for every cumulative measure", () => {
  const rows: Row[] = [
    { name: "维修道路长度", target: "≥20公里", actual: "8公里" },
    { name: "绿化面积", target: "≥1000平方米", actual: "400平方米" },
    { name: "培训人次", target: "≥500人次", actual: "200人次" },
    { name: "清运垃圾", target: "≥50吨", actual: "20吨" },
    { name: "清淤量", target: "≥1000立方米", actual: "400立方米" },
  ];

  it("at 2024-06-30, 40% of a length, area, weight or volume is within the year's pace, as 40% of people-times is", () => {
    const r = check(workbook(rows), "2024-06-30");
    for (let row = 2; row <= 6; row++) expect(at(r, row)).toEqual([]);
  });

  it("a quarter of each at 2024-06-30 is behind the year's pace (a warning), and failed at the year's end", () => {
    const quarter: Row[] = rows.map((r) => ({
      ...r,
      actual: r.actual.toString().replace(/^\d+/, (n) => String(Number(n) / 1.6)),
    }));
    const mid = check(workbook(quarter), "2024-06-30");
    for (let row = 2; row <= 6; row++) expect(at(mid, row)).toEqual([`actual-behind warning F${row}`]);
    const end = check(workbook(quarter), "2024-12-31");
    for (let row = 2; row <= 6; row++)
      expect(at(end, row)).toEqual([`actual-fails-target error F${row}`, `deviation-reason-missing warning G${row}`]);
  });

  it("at half the year, half of each is on course", () => {
    const half: Row[] = [
      { name: "维修道路长度", target: "≥20公里", actual: "10公里" },
      { name: "绿化面积", target: "≥1000平方米", actual: "0.05公顷" },
    ];
    expect(check(workbook(half), "2024-06-30").findings.filter((f) => f.rule.startsWith("actual"))).toEqual([]);
  });

  it("judges rates, unit prices and satisfaction as states, not prorated", () => {
    const states: Row[] = [
      { name: "验收合格率", target: "≥95%", actual: "90%" },
      { name: "单位维修成本", target: "≤30万元/公里", actual: "35万元/公里" },
      { name: "群众满意度", level1: "满意度指标", target: "≥90%", actual: "85%" },
    ];
    const r = check(workbook(states), "2024-06-30");
    expect([2, 3, 4].map((row) => at(r, row)[0])).toEqual([
      "actual-fails-target error F2",
      "actual-fails-target error F3",
      "actual-fails-target error F4",
    ]);
  });
});

describe("the fiscal year", () => {
  const rows: Row[] = [{ name: "培训人次", target: "≥500人次", actual: "250人次" }];

  it("a 2023 workbook checked on 2024-01-20 is judged as final: half its annual target has failed", () => {
    const r = check(workbook(rows, "2023年度项目支出绩效自评表"), "2024-01-20");
    expect(r.report.fiscalYear).toEqual({ year: 2023, source: "title", sheet: "绩效指标", cell: "A1" });
    expect(at(r, 3)).toEqual(["actual-fails-target error F3", "deviation-reason-missing warning G3"]);
    expect(r.report.projects[0]?.evaluation?.kind).toBe("final");
  });

  it("without a year in the workbook, the as-of date's year is judged; --year overrides it", () => {
    const plain = workbook(rows);
    expect(check(plain, "2024-01-20").report.fiscalYear?.year).toBe(2024);
    expect(at(check(plain, "2024-01-20"), 2)).toEqual([]);
    const given = check(plain, "2024-01-20", 2023);
    expect(given.report.fiscalYear).toMatchObject({ year: 2023, source: "given" });
    expect(at(given, 2)[0]).toBe("actual-fails-target error F2");
  });
});

describe("numbers as reviewers write them", () => {
  const satisfaction = (actual: string | number): Row[] => [
    { name: "群众满意度", level1: "满意度指标", target: "≥80%", actual },
  ];

  it.each([0.75, 75, "0.75", "75"])("%s against ≥80% reads as 75%: −5个百分点, scored 10×75÷80", (actual) => {
    const r = check(workbook(satisfaction(actual)), "2024-12-31");
    const ind = r.report.projects[0]?.indicators[0];
    expect(ind?.deviation).toEqual({ value: -5, unit: "个百分点" });
    expect(ind?.score).toBe(Math.round(10 * (75 / 80) * 100) / 100);
    expect(at(r, 2)).toEqual(["actual-fails-target error F2", "deviation-reason-missing warning G2"]);
  });

  it("a deviation is in the target's unit otherwise", () => {
    const r = check(workbook([{ name: "维修道路长度", target: "≥20公里", actual: "8000米" }]), "2024-12-31");
    expect(r.report.projects[0]?.indicators[0]?.deviation).toEqual({ value: -12, unit: "公里" });
  });
});

describe("qualitative answers", () => {
  const answer = (target: string, actual: string, reason?: string): Row[] => [
    { name: "资金按时拨付", level1: "产出指标", target, actual, ...(reason ? { reason } : {}) },
  ];

  it("未达成 at year end is an error, with a missing reason; 部分达成 a warning", () => {
    expect(at(check(workbook(answer("按时拨付", "未达成")), "2024-12-31"), 2)).toEqual([
      "actual-fails-target error F2",
      "deviation-reason-missing warning G2",
    ]);
    expect(at(check(workbook(answer("按时拨付", "基本完成", "一笔资金延后")), "2024-12-31"), 2)).toEqual([
      "actual-fails-target warning F2",
    ]);
    expect(at(check(workbook(answer("按时拨付", "已按时拨付")), "2024-12-31"), 2)).toEqual([]);
  });

  it("during the year 未达成 is a warning only once the target's deadline has passed", () => {
    expect(at(check(workbook(answer("按时拨付", "未拨付")), "2024-06-30"), 2)).toEqual([]);
    expect(at(check(workbook(answer("6月底前拨付到位", "未拨付")), "2024-05-31"), 2)).toEqual([]);
    expect(at(check(workbook(answer("6月底前拨付到位", "未拨付")), "2024-07-15"), 2)).toEqual([
      "actual-fails-target warning F2",
      "deviation-reason-missing warning G2",
    ]);
  });

  it("正在调查 for satisfaction at mid-year is pending (an info), not an error; at year end a warning", () => {
    const rows: Row[] = [{ name: "群众满意度", level1: "满意度指标", target: "≥90%", actual: "正在调查" }];
    expect(at(check(workbook(rows), "2024-06-30"), 2)).toEqual(["actual-pending info F2"]);
    expect(at(check(workbook(rows), "2024-12-31"), 2)).toEqual(["actual-pending warning F2"]);
    const r = check(workbook(rows), "2024-06-30");
    expect(r.report.projects[0]?.light).toBe("green");
  });
});

describe("the columns staff use", () => {
  const cell = (v: string | number | null) => (v === null ? null : { value: v });
  const sheetOf = (name: string, rows: (string | number | null)[][]) => ({
    name,
    visibility: "visible" as const,
    rows: rows.map((r) => r.map(cell)),
    merges: [],
  });

  it.each([
    ["全年预算数", "1-6月执行数（万元）", "偏差原因分析"],
    ["调整后预算数", "截至6月底支出", "偏差原因分析及改进措施"],
    ["年初预算数", "已支出金额", "原因分析"],
    ["Adjusted budget", "Spent to date", "Reason for deviation"],
  ])("%s, %s and %s give the spending check, the 预算执行率 and the reason", (budget, spent, reason) => {
    const data: WorkbookData = {
      sheets: [
        sheetOf("项目", [
          ["项目名称", budget, "3月底", "6月底", "10月底", "12月底", spent],
          ["道路维护", 100, "25%", "50%", "75%", "100%", 10],
        ]),
        sheetOf("指标", [
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值", reason],
          ["道路维护", "产出指标", "质量指标", "验收合格率", "≥95%", "80%", null],
        ]),
      ],
    };
    const r = check(data, "2024-06-30");
    expect(r.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(
      expect.arrayContaining([
        "spending-behind-plan 项目!G2",
        "actual-fails-target 指标!F2",
        "deviation-reason-missing 指标!G2",
      ]),
    );
    expect(r.report.projects[0]?.evaluation?.executionRate).toBe(0.1);
  });

  it("divides by the adjusted 全年预算数 where 年初预算数 comes first", () => {
    const data: WorkbookData = {
      sheets: [
        sheetOf("项目", [
          ["项目名称", "年初预算数", "全年预算数", "全年执行数"],
          ["道路维护", 100, 120, 108],
        ]),
      ],
    };
    const r = check(data, "2024-01-20", 2023);
    expect(r.report.projects[0]?.evaluation?.executionRate).toBe(0.9);
  });

  it("names a column it cannot place but that holds values (info), and leaves the light alone", () => {
    const data: WorkbookData = {
      sheets: [
        sheetOf("指标", [
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "自评分"],
          ["道路维护", "产出指标", "质量指标", "验收合格率", "≥95%", "96%", 10],
        ]),
      ],
    };
    const r = check(data, "2024-06-30");
    const unused = r.findings.filter((f) => f.rule === "column-unused");
    expect(unused.map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.details.header}`)).toEqual([
      "info 指标!G1 自评分",
    ]);
    expect(r.report.findings.find((f) => f.rule === "column-unused")?.message).toMatch(/^“自评分”一栏有内容/);
    expect(r.report.projects[0]?.light).toBe("green");
  });
});

describe("预计得分 before the year ends, 自评得分 after", () => {
  const rows: Row[] = [
    { name: "培训人次", target: "≥500人次", actual: "200人次" },
    { name: "维修路段", target: "10-20个", actual: "15个" },
    { name: "群众满意度", level1: "满意度指标", target: "≥90%", actual: "90%" },
  ];

  it("projects a quantity that adds up at the year's pace, and leaves ranges and states as they are", () => {
    const mid = check(workbook(rows), "2024-06-30").report.projects[0]!;
    const pace = 100 / ((182 / 366) * 100);
    expect(mid.evaluation).toMatchObject({ kind: "projected" });
    // 产出 50 split over two indicators; 200 人次 at the pace of 49.7% of the year is 402 of 500.
    expect(mid.indicators.map((i) => i.score)).toEqual([Math.round(25 * ((200 * pace) / 500) * 100) / 100, 25, 10]);
  });

  it("scores the actuals as they stand once the year is over, with the grade", () => {
    const end = check(workbook(rows), "2025-01-20", 2024).report.projects[0]!;
    expect(end.indicators.map((i) => i.score)).toEqual([10, 25, 10]);
    expect(end.evaluation).toMatchObject({ kind: "final", total: null, grade: null });
  });
});

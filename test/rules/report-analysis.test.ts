import { checkWorkbook, formatFinding, reportSchema, type WorkbookData } from "../../src/core";

type Cell = string | number | null;
const sheet = (name: string, rows: Cell[][]) => ({
  name,
  visibility: "visible" as const,
  rows: rows.map((r) => r.map((value) => (value === null ? null : { value }))),
  merges: [],
});
const check = (data: WorkbookData) => checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "t.xlsx" });

const HEADER: Cell[] = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"];
const TABLE: Cell[][] = [
  HEADER,
  ["污水处理项目", "产出指标", "数量指标", "污水处理厂座数", "≥5座"],
  ["污水处理项目", "产出指标", "质量指标", "污水排放达标率", "≥95%"],
  ["污水处理项目", "产出指标", "质量指标", "设备故障率", "≤2%"],
  ["污水处理项目", "产出指标", "时效指标", "投诉办结时限", "≤5个工作日"],
  ["污水处理项目", "效益指标", "经济效益指标", "外贸出口额", "≥100万美元"],
  ["污水处理项目", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ["污水处理项目", "效益指标", "社会效益指标", "自定义考核项", "≥3"],
];

/** Issue 12, deliver 1 and 2: the report's indicators say how each was read, and what decided it. */
describe("the report's indicators carry the analysis", () => {
  const { report } = check({ sheets: [sheet("绩效目标", TABLE)] });
  const byName = new Map(report.projects.flatMap((p) => p.indicators).map((i) => [i.name, i]));

  it("validates against the report schema", () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(byName.size).toBe(7);
  });

  it("gives kind, direction, cumulative, unit family and how sure, from the analyser where no definition says", () => {
    expect(byName.get("污水排放达标率")?.analysis).toMatchObject({
      kind: "rate",
      direction: "positive",
      cumulative: false,
      unitFamily: "percent",
      source: "analyser",
      basisFrom: "name",
    });
    expect(byName.get("设备故障率")?.analysis).toMatchObject({ kind: "rate", direction: "reverse", source: "analyser" });
    expect(byName.get("投诉办结时限")?.analysis).toMatchObject({
      kind: "duration",
      direction: "reverse",
      cumulative: false,
      unitFamily: "duration",
    });
    expect(byName.get("污水处理厂座数")?.analysis).toMatchObject({
      kind: "count",
      direction: "positive",
      cumulative: true,
    });
    for (const i of byName.values()) {
      expect(i.analysis?.confidence).toBeGreaterThanOrEqual(0);
      expect(i.analysis?.confidence).toBeLessThanOrEqual(1);
    }
    expect(byName.get("污水排放达标率")?.analysis?.confidence).toBeGreaterThan(0.5);
  });

  it("says the definition decided where the indicator has one (built-in 外贸出口额, 群众满意度)", () => {
    expect(byName.get("外贸出口额")?.definition).not.toBeNull();
    expect(byName.get("外贸出口额")?.analysis).toMatchObject({ source: "definition", direction: "positive" });
    expect(byName.get("群众满意度")?.analysis).toMatchObject({ kind: "satisfaction", source: "definition" });
  });

  it("says nothing decided where the name tells nothing, and the direction is then no warning", () => {
    const unknown = byName.get("自定义考核项");
    expect(unknown?.analysis).toMatchObject({ source: "default", confidence: 0 });
    expect(report.findings.filter((f) => f.indicator === "自定义考核项" && f.rule === "target-direction")).toEqual([]);
  });

  it("follows the workbook's 指标定义 over the analyser", () => {
    const definitions = sheet("指标定义", [
      ["指标名称", "计量单位", "指标方向"],
      ["设备故障率", "%", "正向"],
    ]);
    const { report: withSheet } = check({ sheets: [sheet("绩效目标", TABLE), definitions] });
    const i = withSheet.projects[0]?.indicators.find((x) => x.name === "设备故障率");
    expect(i?.analysis).toMatchObject({ source: "definition", direction: "positive", kind: "rate" });
  });
});

/** Issue 12, deliver 7: a sheet with target-like cells that is still skipped is named with the reason. */
describe("a skipped sheet holding targets is named with the reason", () => {
  const noHeader = sheet("草稿", [
    ["征用隔离点", "≥5家"],
    ["隔离点租金", "≤25000元/天"],
    ["核酸检测覆盖率", "≥95%"],
  ]);
  const noTargetColumn = sheet("合并填写", [
    ["一级指标", "二级指标", "三级指标"],
    ["产出指标", "数量指标", "征用隔离点 ≥5家"],
    ["产出指标", "成本指标", "隔离点租金 ≤25000元/天"],
    ["效益指标", "社会效益指标", "核酸检测覆盖率 ≥95%"],
    ["备注", "≥5家", "≤25000元/天", "≥95%"],
  ]);
  const notes = sheet("填报说明", [["请按要求填写绩效目标表。"], ["指标值须量化。"]]);
  const result = check({ sheets: [sheet("绩效目标", TABLE), noHeader, noTargetColumn, notes] });
  const skipped = result.findings.filter((f) => f.rule === "sheet-skipped");

  it("gives one info finding per such sheet, at its first target-like cell, with the reason", () => {
    expect(skipped.map((f) => [f.sheet, f.cell, f.severity, f.details.reason])).toEqual([
      ["草稿", "B1", "info", "no-header"],
      ["合并填写", "B5", "info", "no-target-column"],
    ]);
    expect(result.report.sheets?.find((s) => s.name === "草稿")?.skip).toMatchObject({ reason: "no-header" });
  });

  it("says so in both languages, with how many cells and what to do", () => {
    const [first, second] = skipped;
    if (first === undefined || second === undefined) throw new Error("expected two findings");
    expect(formatFinding(first, "zh-CN")).toMatch(/^此表有 3 个单元格像指标值（首个在 B1）.*未检查：找不到表头/);
    expect(formatFinding(second, "zh-CN")).toMatch(/没有指标值一列/);
    expect(formatFinding(first, "en-US")).toMatch(/^This sheet has 3 cells that look like targets .*no header row/);
    expect(result.report.findings.filter((f) => f.rule === "sheet-skipped")).toHaveLength(2);
  });

  it("says nothing of a sheet of formatted numbers with no header: values with units do not compare", () => {
    const formats = sheet("格式", [
      ["0%", "12%", "￥1.11"],
      ["0.00%", "12.35%", "$1.1111"],
      ["1-1月", "5%", "¥1"],
    ]);
    const r = check({ sheets: [formats] });
    expect(r.findings.filter((f) => f.rule === "sheet-skipped")).toEqual([]);
    expect(r.report.sheets?.[0]).toEqual({ name: "格式", role: "skipped", tables: [] });
  });

  it("says nothing of a skipped sheet without targets, nor of a sheet read", () => {
    expect(skipped.map((f) => f.sheet)).not.toContain("填报说明");
    expect(skipped.map((f) => f.sheet)).not.toContain("绩效目标");
    expect(result.report.skipped).toEqual(["草稿", "合并填写", "填报说明"]);
  });
});

import { checkWorkbook, type Finding } from "../../src/core";
import { workbookData } from "../support/exceljs";
import { checkBuilt, roundTrip, where } from "../support/check-workbook";
import { workbookOf } from "../support/sheet-builder";

/** Issue 12, "What was seen": the judgement of a reviewer on names no definition covers. */
const HEADER = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"];
const CODE = "13020823P00925610020B";

const check = async (rows: (string | number | null)[][]) =>
  checkBuilt(workbookOf({ 指标: [HEADER, ...rows.map((r) => [CODE, "执法经费", ...r])] }));
const of = (findings: readonly Finding[], rule: string) => where(findings.filter((f) => f.rule === rule));

describe("direction read head-final, not by a keyword anywhere", () => {
  it("raises no direction warning on rates of a good outcome or on deadlines written as ceilings", async () => {
    const { findings } = await check([
      ["产出指标", "质量指标", "污水排放达标率", "≥95%"],
      ["产出指标", "质量指标", "违规问题整改率", "≥95%"],
      ["产出指标", "质量指标", "群众投诉处理率", "≥95%"],
      ["产出指标", "质量指标", "群众投诉办结率", "不低于90%"],
      ["产出指标", "质量指标", "不合格项目整改完成率", "=100%"],
      ["产出指标", "时效指标", "审批办结时限", "3个工作日内"],
      ["产出指标", "时效指标", "投诉响应时间", "≤5个工作日"],
    ]);
    expect(of(findings, "target-direction")).toEqual([]);
  });

  it("warns where the operator is flipped, saying the direction was inferred from the name", async () => {
    const { findings, report } = await check([
      ["产出指标", "质量指标", "窗口业务差错率", "≥5%"],
      ["产出指标", "时效指标", "审批办结时限", "≥5个工作日"],
      ["产出指标", "质量指标", "污水排放达标率", "≤95%"],
    ]);
    expect(of(findings, "target-direction")).toEqual([
      "target-direction 指标!F2",
      "target-direction 指标!F3",
      "target-direction 指标!F4",
    ]);
    const flagged = report.findings.filter((f) => f.rule === "target-direction");
    const messages = flagged.map((f) => f.message);
    expect(messages[0]).toBe(
      "该指标越低越好（据指标名称“差错率”推断），指标值“≥5%”却用了“≥/＞”；应使用“≤”，例如“≤5%”。",
    );
    // Names repeat across projects (four of the seed share one): every finding names the code too.
    expect(flagged.map((f) => f.project)).toEqual(Array(3).fill(`${CODE} 执法经费`));
    expect(messages[1]).toMatch(/越低越好（据指标名称“时限”推断）.*例如“≤5个工作日”/);
    expect(messages[2]).toMatch(/越高越好（据指标名称“达标率”推断）.*例如“≥95%”/);
  });
});

describe("indicator-unmapped notes", () => {
  it("are one per distinct name per workbook, listing where it occurs, and only for names the analyser cannot read", async () => {
    const rows = (project: string, code: string) =>
      [
        ["产出指标", "质量指标", "隔离密切接触人员", ""],
        ["产出指标", "数量指标", "签约项目个数", "≥20个"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
      ].map((r) => [code, project, ...r]);
    const { findings, report } = await checkBuilt(
      workbookOf({ 指标: [HEADER, ...rows("甲", "13020823P00925610020B"), ...rows("乙", "13020823P00925610021Y")] }),
    );
    expect(of(findings, "indicator-unmapped")).toEqual(["indicator-unmapped 指标!E2"]);
    const note = report.findings.find((f) => f.rule === "indicator-unmapped");
    expect(note?.message).toMatch(/指标!E2、指标!E5/);
  });

  it("offer the closest definition for a name the analyser cannot read, without applying it", async () => {
    const { findings, report } = await check([["产出指标", "数量指标", "签约项目", ""]]);
    const note = findings.find((f) => f.rule === "indicator-unmapped");
    expect(note?.details).toMatchObject({ candidate: "签约亿元以上项目", candidateId: "major-projects-signed" });
    expect(report.projects[0]?.indicators[0]?.definition).toBeNull();
  });
});

describe("the missing checks", () => {
  it("flags vague targets: a direction of change and nothing to check it by", async () => {
    const { findings, report } = await check([
      ["效益指标", "社会效益指标", "群众文明素质", "提高"],
      ["效益指标", "社会效益指标", "居民健康水平", "有所提升"],
      ["效益指标", "生态效益指标", "污染物排放量", "有所降低"],
      ["效益指标", "生态效益指标", "空气质量", "明显改善"],
      ["效益指标", "社会效益指标", "阻断传染源", "阻断疫情蔓延"],
    ]);
    expect(of(findings, "target-not-quantitative")).toEqual([
      "target-not-quantitative 指标!F2",
      "target-not-quantitative 指标!F3",
      "target-not-quantitative 指标!F4",
      "target-not-quantitative 指标!F5",
    ]);
    expect(report.findings.find((f) => f.cell === "F2")?.message).toMatch(
      /“提高”只说了变化方向，没有数值、时间或可核验的状态/,
    );
  });

  it("flags 时效 targets with no time in them, and reads deadlines that have one", async () => {
    const { findings } = await check([
      ["产出指标", "时效指标", "拨付完成情况", "拨付完成"],
      ["产出指标", "时效指标", "拨付完成情况", "按时拨付完成"],
      ["产出指标", "时效指标", "出访完成时限", "按时间完成出访"],
      ["产出指标", "时效指标", "资金拨付时限", "30日内完成"],
      ["产出指标", "时效指标", "项目完成时间", "2025年12月底前"],
      ["产出指标", "时效指标", "审批办结时限", "3个工作日内"],
    ]);
    expect(of(findings, "target-not-quantitative")).toEqual([
      "target-not-quantitative 指标!F2",
      "target-not-quantitative 指标!F3",
      "target-not-quantitative 指标!F4",
    ]);
    expect(findings.filter((f) => f.cell === "F5" || f.cell === "F7")).toEqual([]);
  });

  it("flags an amount or a count under 质量指标, and an economic measure under 社会效益指标", async () => {
    const { findings, report } = await check([
      ["产出指标", "质量指标", "完成年度外资目标任务", "≥858亿美元"],
      ["产出指标", "质量指标", "培训合格人数", "≥300人"],
      ["产出指标", "质量指标", "验收合格率", "≥95%"],
      ["效益指标", "社会效益指标", "外贸出口额", "≥29.69亿人民币"],
      ["效益指标", "社会效益指标", "带动就业人数", "≥50人"],
    ]);
    expect(of(findings, "category-misuse")).toEqual([
      "category-misuse 指标!D2",
      "category-misuse 指标!D3",
      "category-misuse 指标!D5",
    ]);
    expect(report.findings.find((f) => f.cell === "D5")?.message).toMatch(/应归入“效益指标 \/ 经济效益指标”/);
  });
});

describe("one consistent fix per cell", () => {
  const goals = [
    ["部门整体绩效指标", "指标值"],
    ["实际利用外资", "等于848万美元"],
  ];

  it("gives the goal's target as the one suggestion, with the goal shown in the target's own scale", async () => {
    const { report } = await checkBuilt(
      workbookOf({
        指标: [HEADER, [CODE, "因公出国（境）经费", "产出指标", "数量指标", "完成年度外资目标任务", "≤858亿美元"]],
        部门目标: goals,
      }),
    );
    const messages = report.findings.filter((f) => f.cell === "F2").map((f) => f.message);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatch(/例如“≥848万美元”/);
    expect(messages.join()).toMatch(/部门目标折合 0.0848亿美元/);
    expect(messages.join()).not.toMatch(/8580000/);
  });

  it("keeps a bare number's value in the suggestion", async () => {
    const { report } = await check([
      ["产出指标", "质量指标", "验收合格率", "100%"],
      ["产出指标", "质量指标", "整改完成率", "90"],
      ["产出指标", "时效指标", "审批办结时限", "5个工作日"],
    ]);
    const messages = report.findings.filter((f) => f.rule === "target-incomplete").map((f) => f.message);
    expect(messages).toEqual([
      "指标值“100%”缺少比较符号（≥、≤、=），请补全，例如“=100%”。",
      "指标值“90”缺少比较符号和计量单位，请补全，例如“≥90%”。",
      "指标值“5个工作日”缺少比较符号（≥、≤、=），请补全，例如“≤5个工作日”。",
    ]);
  });
});

describe("consistency without definitions", () => {
  it("finds a unit the name's period contradicts, a rent without a time basis, and visits counted for times", async () => {
    const { findings, report } = await check([
      ["产出指标", "成本指标", "年征用补偿标准", "≤650万元/半年"],
      ["产出指标", "成本指标", "征用补偿标准", "≤130 元/间"],
      ["产出指标", "成本指标", "隔离点租金", "≤25000 元"],
      ["产出指标", "数量指标", "行政检查次数", "≥30人次"],
      ["产出指标", "数量指标", "培训人次", "≥300人次"],
      ["产出指标", "成本指标", "项目日支出", "≤2.5万元/日"],
    ]);
    expect(of(findings, "target-unit")).toEqual([
      "target-unit 指标!F2",
      "target-unit 指标!F3",
      "target-unit 指标!F4",
      "target-unit 指标!F5",
    ]);
    expect(findings.filter((f) => f.rule === "target-unit").map((f) => f.details.reason)).toEqual([
      "period",
      "no-time-basis",
      "no-time-basis",
      "count-family",
    ]);
    expect(report.findings.find((f) => f.cell === "F3")?.message).toMatch(/例如“≤130元\/间\/天”/);
  });

  it("names the other projects, by code and name, where the same indicator is written in another unit", async () => {
    const rows = [
      ["13020823P00925610021Y", "各启用隔离点相关费用", "产出指标", "成本指标", "隔离点租金", "≤25000元/天"],
      ["13020823P00925610022J", "各启用隔离点相关费用", "产出指标", "成本指标", "隔离点租金", "≤25000元/天"],
      ["13020823P00925610024R", "各启用隔离点相关费用", "产出指标", "成本指标", "隔离点租金", "≤25000 元"],
      ["13020823P00925610021Y", "各启用隔离点相关费用", "产出指标", "数量指标", "征用隔离点数量", "≥18家"],
      ["13020823P00925610022J", "各启用隔离点相关费用", "产出指标", "数量指标", "征用隔离点数量", "≥18家"],
      ["13020823P00925610024R", "各启用隔离点相关费用", "产出指标", "数量指标", "征用隔离点数量", "≥17个"],
    ];
    const { findings, report } = await checkBuilt(workbookOf({ 指标: [HEADER, ...rows] }));
    expect(of(findings, "target-unit")).toEqual(["target-unit 指标!F4", "target-unit 指标!F7"]);
    const rent = report.findings.find((f) => f.cell === "F4")?.message;
    expect(rent).toMatch(/13020823P00925610021Y 各启用隔离点相关费用：≤25000元\/天（指标!F2）/);
    expect(rent).toMatch(/例如“≤25000元\/天”/);
    expect(report.findings.find((f) => f.cell === "F7")?.message).toMatch(/请按“家”统一/);
  });
});

describe("monitoring agrees with the review on a deadline", () => {
  it("judges 5个工作日 against 3个工作日内 as late, with no direction warning on the target", async () => {
    const wb = workbookOf({
      指标: [
        [...HEADER, "实际完成值"],
        [CODE, "执法经费", "产出指标", "时效指标", "审批办结时限", "3个工作日内", "5个工作日"],
        [CODE, "执法经费", "产出指标", "时效指标", "投诉响应时间", "≤5个工作日", "4个工作日"],
      ],
    });
    const { findings } = await checkWorkbook(workbookData(await roundTrip(wb)), {
      asOf: "2026-12-31",
      locale: "zh-CN",
      source: "judgement.xlsx",
    });
    expect(of(findings, "target-direction")).toEqual([]);
    expect(of(findings, "actual-fails-target")).toEqual(["actual-fails-target 指标!G2"]);
  });
});

describe("directions without definitions", () => {
  it("flags the odd project where the same unreadable name is a floor elsewhere, naming the others", async () => {
    const rows = [
      ["13020823P00925610021Y", "甲项目", "产出指标", "数量指标", "征用医用隔离点", "≥18"],
      ["13020823P00925610022J", "乙项目", "产出指标", "数量指标", "征用医用隔离点", "≥9"],
      ["13020823P00925610024R", "丙项目", "产出指标", "数量指标", "征用医用隔离点", "≤17"],
      ["13020823P00925610024R", "丙项目", "产出指标", "数量指标", "新建水房", "≥1座"],
      ["13020823P00925610021Y", "甲项目", "产出指标", "数量指标", "新建水房", "≤2座"],
    ];
    const { findings, report } = await checkBuilt(workbookOf({ 指标: [HEADER, ...rows] }));
    expect(of(findings, "target-direction")).toEqual(["target-direction 指标!F4", "target-direction 指标!F6"]);
    expect(report.findings.find((f) => f.rule === "target-direction" && f.cell === "F4")?.message).toMatch(
      /同名指标在其他项目中写作 13020823P00925610021Y 甲项目：≥18（指标!F2）.*例如“≥17”/,
    );
    // Read from the target's unit, said so: not "据指标名称".
    expect(report.findings.find((f) => f.rule === "target-direction" && f.cell === "F6")?.message).toMatch(
      /据指标值的单位“座”推断/,
    );
  });
});

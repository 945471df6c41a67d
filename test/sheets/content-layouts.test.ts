import { checkWorkbook, columnLetters, readWorkbook, type WorkbookData } from "../../src/core";
import {
  LEVEL_HEADERS,
  PUBLISHED_LAYOUTS,
  TARGET_HEADERS,
  type Cell,
  type PublishedLayout,
} from "../fixtures/layouts/published-layouts";

const workbook = (rows: Cell[][], merges: PublishedLayout["merges"] = [], name = "绩效目标"): WorkbookData => ({
  sheets: [
    {
      name,
      visibility: "visible",
      rows: rows.map((r) => r.map((value) => (value === null ? null : { value }))),
      merges,
    },
  ],
});

const letters = (columns: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(columns).map(([role, col]) => [role, columnLetters(col)]));

describe("published 绩效目标表 of several regions (test/fixtures/layouts)", () => {
  it.each(PUBLISHED_LAYOUTS.map((l) => [l.id, l] as const))("%s", (_id, layout) => {
    const model = readWorkbook(workbook(layout.rows, layout.merges));
    expect(model.layouts).toHaveLength(1);
    const [table] = model.layouts;
    expect(table?.kind).toBe(layout.expected.kind);
    expect(letters(table?.columns ?? {})).toMatchObject(layout.expected.columns);
    const byContent = Object.entries(table?.decided ?? {})
      .filter(([, how]) => how === "content")
      .map(([role]) => role)
      .sort();
    expect(byContent).toEqual([...layout.expected.content].sort());
    expect(model.indicators).toHaveLength(layout.expected.indicators);
    expect(model.indicators.every((i) => i.name !== "" && i.level1 !== "")).toBe(true);
  });

  it("the reference template's 年度资金总额 is read as the project's budget", () => {
    const layout = PUBLISHED_LAYOUTS.find((l) => l.id === "mof-template-reference");
    const model = readWorkbook(workbook(layout?.rows ?? []));
    expect(model.projects[0]).toMatchObject({ name: "困难群众救助项目", budget: 1200 });
  });

  it("the report's sheets say which roles the content decided", () => {
    const layout = PUBLISHED_LAYOUTS.find((l) => l.id === "hubei-ezhou-2022");
    const { report } = checkWorkbook(workbook(layout?.rows ?? []), {
      asOf: "2026-06-30",
      locale: "zh-CN",
      source: "ezhou.xlsx",
    });
    expect(report.sheets?.[0]?.tables[0]?.decided).toMatchObject({
      target: "content",
      level1: "header",
      name: "header",
    });
  });
});

describe("a target column under a header in no list is found by its cells", () => {
  const rows = (targetHeader: string, level1: string, level2: string): Cell[][] => [
    ["2025年度项目绩效目标"],
    [level1, level2, "三级指标", targetHeader, "备注"],
    ["产出指标", "数量指标", "维修道路里程", "≥12公里", null],
    ["产出指标", "质量指标", "工程验收合格率", "100%", null],
    ["产出指标", "时效指标", "完工时间", "2025年11月底前", null],
    ["效益指标", "社会效益指标", "群众出行时间缩短", "≥10分钟", null],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", null],
  ];
  const cases = TARGET_HEADERS.flatMap((t) =>
    [["一级指标", "二级指标"] as [string, string], ...LEVEL_HEADERS].map(([l1, l2]) => [t, l1, l2] as const),
  );

  it.each(cases)("%s under %s | %s", (targetHeader, level1, level2) => {
    const model = readWorkbook(workbook(rows(targetHeader, level1, level2)));
    expect(model.layouts).toHaveLength(1);
    expect(letters(model.layouts[0]?.columns ?? {})).toMatchObject({
      level1: "A",
      level2: "B",
      name: "C",
      target: "D",
    });
    expect(model.layouts[0]?.decided.target).toBe("content");
    expect(model.indicators.map((i) => i.targetText)).toEqual(["≥12公里", "100%", "2025年11月底前", "≥10分钟", "≥90%"]);
    expect(model.indicators[3]).toMatchObject({ level1: "效益指标", level2: "社会效益指标" });
  });

  it("measures with targets and no projects and no levels are department goals", () => {
    const model = readWorkbook(
      workbook([
        ["绩效指标", "预期目标"],
        ["全年接待群众来访", "≥2000人次"],
        ["来访事项按期办结率", "≥95%"],
        ["群众满意度", "≥90%"],
      ]),
    );
    expect(model.layouts.map((l) => [l.kind, l.decided.target])).toEqual([["goal-list", "content"]]);
    expect(model.goals.map((g) => g.name)).toEqual(["全年接待群众来访", "来访事项按期办结率", "群众满意度"]);
  });
});

describe("no table where the cells do not make one", () => {
  it("a price list with units and an 一级指标-free header stays skipped", () => {
    const model = readWorkbook(
      workbook([
        ["品名", "规格", "单价", "数量"],
        ["打印纸", "A4", "25元", "10包"],
        ["墨盒", "黑色", "180元", "4个"],
        ["文件夹", "蓝色", "3元", "50个"],
      ]),
    );
    expect(model.layouts).toEqual([]);
  });

  it("a sheet of targets with no header at all is skipped and named with the reason", () => {
    const model = readWorkbook(
      workbook([
        ["征用隔离点", "≥5家"],
        ["隔离点租金", "≤25000元/天"],
        ["核酸检测覆盖率", "≥95%"],
      ]),
    );
    expect(model.layouts).toEqual([]);
    expect(model.sheets).toEqual([
      { name: "绩效目标", role: "skipped", skip: { reason: "no-header", targetCells: 3, firstTarget: "B1" } },
    ]);
  });

  it("a header naming indicators but no target column is skipped with that reason", () => {
    const model = readWorkbook(
      workbook([
        ["一级指标", "二级指标", "三级指标", "说明"],
        ["产出指标", "数量指标", "征用隔离点", "≥5家"],
        ["产出指标", "成本指标", "隔离点租金", "≤25000元/天"],
        ["效益指标", "社会效益指标", "核酸检测覆盖率", "≥95%", "备用"],
      ]),
    );
    // 说明 holds targets: content makes it the target column, so this sheet is read.
    expect(model.layouts.map((l) => l.decided.target)).toEqual(["content"]);
    const unreadable = readWorkbook(
      workbook([
        ["一级指标", "二级指标", "三级指标"],
        ["产出指标", "数量指标", "征用隔离点 ≥5家"],
        ["产出指标", "成本指标", "隔离点租金 ≤25000元/天"],
        ["效益指标", "社会效益指标", "核酸检测覆盖率 ≥95%"],
        ["备注", "≥5家", "≤25000元/天", "≥95%"],
      ]),
    );
    expect(unreadable.sheets[0]).toMatchObject({ role: "skipped", skip: { reason: "no-target-column" } });
  });
});

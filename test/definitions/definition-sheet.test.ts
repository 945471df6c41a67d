import { readDefinitionSheet } from "../../src/core";
import { workbookData } from "../support/exceljs";
import { checkBuilt, roundTrip, where } from "../support/check-workbook";
import { DEFINITION_HEADER } from "../support/seed-workbook";
import { workbookOf } from "../support/sheet-builder";

type Row = (string | number | null)[];
const read = async (rows: Row[], name = "指标定义") =>
  readDefinitionSheet(workbookData(await roundTrip(workbookOf({ [name]: rows }))));

/** A good row in the README's column order; `over` replaces cells by header. */
function row(over: Record<string, string | number | null> = {}): Row {
  const base: Record<string, string | number | null> = {
    编号: "FR-04",
    指标名称: "隔离点租金",
    同义词: "隔离点日租金、租金标准",
    一级指标: "产出指标",
    二级指标: "成本指标",
    计量单位: "元/天",
    指标方向: "反向",
    最小值: 0,
    最大值: null,
    必须定量: "是",
    部门目标: null,
    说明: "每个隔离点每天的租金",
  };
  return DEFINITION_HEADER.map((h) => (h in over ? (over[h] ?? null) : (base[h] ?? null)));
}

describe("the 指标定义 sheet", () => {
  it("reads a definition from each good row", async () => {
    const { definitions, issues } = await read([DEFINITION_HEADER, row()]);
    expect(issues).toEqual([]);
    expect(definitions).toEqual([
      {
        id: "FR-04",
        name: "隔离点租金",
        synonyms: ["隔离点日租金", "租金标准"],
        level1: "产出指标",
        level2: "成本指标",
        unit: { text: "元/天", dimension: "money:CNY/天", scale: 1, per: "天" },
        direction: "reverse",
        min: 0,
        max: null,
        requiresNumber: true,
        goal: null,
        source: "sheet",
        at: { sheet: "指标定义", cell: "B2" },
      },
    ]);
  });

  it("finds its header below a title, in any column order, in English too", async () => {
    const { definitions, issues } = await read([
      ["本单位指标定义（2021年）"],
      ["Unit", "Name", "Direction", "Min", "Max", "Synonyms"],
      ["%", "群众满意度", "positive", "85%", "100", "满意度; 满意率"],
    ]);
    expect(issues).toEqual([]);
    expect(definitions[0]).toMatchObject({
      id: "群众满意度",
      synonyms: ["满意度", "满意率"],
      unit: { dimension: "percent" },
      direction: "positive",
      min: 85,
      max: 100,
    });
  });

  it.each([
    ["a missing name", { 指标名称: null }, "B2", "missing-name"],
    ["a unit it cannot read", { 计量单位: "元每天天" }, "F2", "unit"],
    ["a direction other than 正向/反向", { 指标方向: "越多越好吗" }, "G2", "direction"],
    ["a minimum that is no number", { 最小值: "零" }, "H2", "number"],
    ["a minimum above the maximum", { 最小值: 100, 最大值: 10 }, "I2", "range"],
    ["必须定量 neither 是 nor 否", { 必须定量: "也许" }, "J2", "yes-no"],
    ["a level 1 outside the framework", { 一级指标: "产出" }, "D2", "level1"],
    ["a level 2 outside the framework", { 二级指标: "费用指标" }, "E2", "level2"],
  ])("reports a row with %s at its cell and does not use it", async (_, over, cell, reason) => {
    const { definitions, issues } = await read([
      DEFINITION_HEADER,
      row(over),
      row({ 编号: "FR-05", 指标名称: "空调单价", 计量单位: "元" }),
    ]);
    expect(issues).toEqual([expect.objectContaining({ sheet: "指标定义", cell, reason, row: 1 })]);
    expect(definitions.map((d) => d.name)).toEqual(["空调单价"]);
  });

  it("uses the first of two rows of the same name and reports the second", async () => {
    const { definitions, issues } = await read([
      DEFINITION_HEADER,
      row(),
      row({ 计量单位: "元", 指标名称: " 隔离点租金 " }),
    ]);
    expect(definitions).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ cell: "B3", reason: "duplicate" })]);
  });

  it("skips notes and blank rows, and reports a sheet without a header as a whole", async () => {
    const notes = await read([
      DEFINITION_HEADER,
      [],
      [null, null, null, null, null, null, null, null, null, null, null, "注：单位为每天"],
    ]);
    expect(notes).toMatchObject({ definitions: [], issues: [] });
    const headless = await read([["隔离点租金", "元/天"]]);
    expect(headless.issues).toEqual([expect.objectContaining({ cell: "A1", reason: "no-header" })]);
  });

  it("turns every bad row into a definition-invalid finding at its cell, worded in both languages", async () => {
    const wb = workbookOf({
      指标: [
        ["项目名称", "二级指标", "三级指标", "指标值"],
        ["A", "成本指标", "隔离点租金", "≤25000 元"],
      ],
      指标定义: [DEFINITION_HEADER, row({ 计量单位: "元每天天" })],
    });
    const zh = await checkBuilt(wb);
    const relevant = zh.findings.filter((f) => f.rule === "definition-invalid" || f.rule === "indicator-unmapped");
    // The row was not used, so 隔离点租金 stays unmapped; the analyser reads it (a rent), so no note.
    expect(where(relevant)).toEqual(["definition-invalid 指标定义!F2"]);
    expect(zh.report.projects[0]?.indicators[0]?.definition).toBeNull();
    const message = (r: typeof zh) => r.report.findings.find((f) => f.rule === "definition-invalid")?.message;
    expect(message(zh)).toBe(
      "“指标定义”第 2 行未使用：计量单位“元每天天”无法识别；请填写“元”“万元/天”“%”“家”这样的单位。",
    );
    const en = await checkBuilt(wb, "en-US");
    expect(message(en)).toBe(
      'Row 2 of 指标定义 was not used: unit "元每天天" cannot be read; write a unit such as 元, 万元/天, % or 家.',
    );
  });
});

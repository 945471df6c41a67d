import ExcelJS from "exceljs";
import { readWorkbook, type WorkbookData } from "../../src/core";
import { workbookData } from "../support/exceljs";
import { checkBuilt, roundTrip, where } from "../support/check-workbook";
import { workbookOf } from "../support/sheet-builder";

const read = async (wb: ExcelJS.Workbook) => readWorkbook(workbookData(await roundTrip(wb)));

/** docs/layouts.md: staff put the data wherever they like, in whatever state their copying left it. */
describe("reading what staff actually keep", () => {
  it("reads several tables of different kinds stacked in one sheet, each to the next header", async () => {
    const model = await read(
      workbookOf({
        汇总: [
          ["项目情况"],
          ["项目编码", "项目名称", "预算数", "财政资金"],
          ["13020823P00925610020B", "隔离点", 72.02, 72.02],
          [],
          ["部门整体目标"],
          ["部门整体绩效指标", "指标值"],
          ["实际利用外资", "等于848万美元"],
          [],
          ["项目编码", "一级指标", "二级指标", "三级指标", "指标值"],
          ["13020823P00925610020B", "产出指标", "数量指标", "征用隔离点", "≥5家"],
        ],
      }),
    );
    expect(model.layouts.map((l) => [l.kind, l.headerRow])).toEqual([
      ["project-list", 1],
      ["goal-list", 5],
      ["indicator-list", 8],
    ]);
    expect(model.projects).toEqual([expect.objectContaining({ code: "13020823P00925610020B", budget: 72.02 })]);
    expect(model.goals.map((g) => g.name)).toEqual(["实际利用外资"]);
    expect(model.indicators.map((i) => [i.projectKey, i.name])).toEqual([["13020823P00925610020B", "征用隔离点"]]);
  });

  it("skips blank spacer rows and columns and reads hidden rows like any other", async () => {
    const wb = workbookOf({
      指标: [
        ["项目名称", null, "三级指标", null, null, "指标值"],
        [],
        ["A", null, "征用隔离点", null, null, "≥5家"],
        [],
        [],
        ["A", null, "空调单价", null, null, "≤0.2万元"],
      ],
    });
    wb.getWorksheet("指标")!.getRow(6).hidden = true;
    const model = await read(wb);
    expect(model.indicators.map((i) => [i.name, i.cells.target.cell])).toEqual([
      ["征用隔离点", "F3"],
      ["空调单价", "F6"],
    ]);
  });

  it("reads a formula's cached value", async () => {
    const wb = workbookOf({ 项目: [["项目编码", "项目名称", "预算数", "财政资金", "其他资金"]] });
    wb.getWorksheet("项目")!.addRow(["13020823P00925610020B", "隔离点", { formula: "D2+E2", result: 72.02 }, 70, 2.02]);
    const model = await read(wb);
    expect(model.projects[0]).toMatchObject({ budget: 72.02, fiscal: 70, other: 2.02 });
  });

  it("takes a date-formatted number as the number it holds, and a real date as a date", async () => {
    const wb = workbookOf({
      项目: [["项目编码", "项目名称", "预算数", "3月底", "6月底", "10月底", "12月底"]],
      指标: [["项目名称", "三级指标", "指标值"]],
    });
    const projects = wb.getWorksheet("项目")!;
    const row = projects.addRow(["13020823P00925610020B", "隔离点", 72.02, 25, 50, 75, 100]);
    for (let c = 3; c <= 7; c++) row.getCell(c).numFmt = "yyyy-mm-dd";
    const indicators = wb.getWorksheet("指标")!;
    indicators.addRow(["隔离点", "完成时限", new Date(Date.UTC(2021, 5, 30))]).getCell(3).numFmt = "yyyy-mm-dd";
    const model = await read(wb);
    expect(model.projects[0]).toMatchObject({ budget: 72.02, plan: [25, 50, 75, 100] });
    expect(model.indicators[0]).toMatchObject({ targetText: "2021-06-30", target: { kind: "qualitative" } });
  });

  it("reads a plan typed as fractions without a percent format as percentages", async () => {
    const model = await read(
      workbookOf({
        项目: [
          ["项目编码", "项目名称", "3月底", "6月底", "10月底", "12月底"],
          ["13020823P00925610020B", "隔离点", 0.25, 0.5, 0.75, 1],
        ],
      }),
    );
    expect(model.projects[0]?.plan).toEqual([25, 50, 75, 100]);
  });

  it("treats an error value as blank, and reports it where it is a target", async () => {
    const wb = workbookOf({ 指标: [["项目名称", "一级指标", "三级指标", "指标值"]] });
    const ws = wb.getWorksheet("指标")!;
    ws.addRow(["A", "产出指标", "征用隔离点", { formula: "VLOOKUP(C2,X!A:B,2,0)", result: { error: "#N/A" } }]);
    ws.addRow(["A", { formula: "X!A1", result: { error: "#REF!" } }, "空调单价", "≤0.2万元"]);
    const { findings, report, model } = await checkBuilt(wb);
    expect(model.indicators.map((i) => [i.level1, i.targetText, i.target.kind])).toEqual([
      ["产出指标", "#N/A", "missing"],
      // The broken level-1 cell reads blank and carries the value from above.
      ["产出指标", "≤0.2万元", "quantitative"],
    ]);
    const missing = findings.find((f) => f.rule === "target-missing");
    expect(missing).toMatchObject({ cell: "D2", details: { error: "#N/A" } });
    expect(report.findings.find((f) => f.rule === "target-missing")?.message).toMatch(/错误值“#N\/A”.*修正公式/);
  });

  it("finds the header below title rows with stray and full-width spacing", async () => {
    const model = await read(
      workbookOf({
        Sheet1: [
          ["说明：本表由各科室填报"],
          [],
          [" 项目　名称 ", "三级 指标", "指标值（％）", "一级指标："],
          ["A", "x", "≥1个", "产出指标"],
        ],
      }),
    );
    expect(model.layouts[0]).toMatchObject({
      headerRow: 2,
      columns: { projectName: 0, name: 1, target: 2, level1: 3 },
    });
  });

  it("joins a two-row header: 3月底 … under a merged 资金支出计划", async () => {
    const wb = workbookOf({
      项目: [
        ["项目编码", "项目名称", "资金支出计划（%）", null, null, null],
        [null, null, "3月底", "6月底", "10月底", "12月底"],
        ["13020823P00925610020B", "隔离点", 25, 50, 75, 100],
      ],
    });
    const ws = wb.getWorksheet("项目")!;
    ws.mergeCells("A1:A2");
    ws.mergeCells("B1:B2");
    ws.mergeCells("C1:F1");
    const model = await read(wb);
    expect(model.layouts[0]).toMatchObject({ kind: "project-list", headerRow: 0, dataRow: 2 });
    expect(model.projects[0]?.plan).toEqual([25, 50, 75, 100]);
  });

  it.each([
    ["指标性质 holds operators, 指标方向 holds 正向/反向", ["指标性质", "指标方向"], ["≥", "正向"], ["≤", "反向"]],
    ["指标方向 holds operators, 指标性质 holds 正向/反向", ["指标方向", "指标性质"], ["≥", "正向"], ["≤", "反向"]],
    ["指标性质 holds 正向/反向 first, 计算符号 the operators", ["指标性质", "计算符号"], ["正向", "≥"], ["反向", "≤"]],
  ])("decides the operator column by its content: %s", async (_, headers, first, second) => {
    const model = await read(
      workbookOf({
        指标: [
          ["项目名称", "一级指标", "二级指标", "三级指标", ...headers, "指标值", "计量单位"],
          ["A", "产出指标", "数量指标", "征用隔离点", ...first, 5, "家"],
          ["A", "产出指标", "成本指标", "空调单价", ...second, 0.2, "万元"],
        ],
      }),
    );
    expect(model.indicators.map((i) => [i.target.kind === "quantitative" && i.target.operator, i.direction])).toEqual([
      [">=", "positive"],
      ["<=", "reverse"],
    ]);
  });

  it("judges the direction by the row's own 正向/反向 where no definition says it", async () => {
    const { findings } = await checkBuilt(
      workbookOf({
        指标: [
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值"],
          // 反向 by the row although the name is not a cost word: ≥ contradicts it.
          ["A", "效益指标", "社会效益指标", "交通拥堵指数", "反向", "≥1.5"],
        ],
      }),
    );
    expect(findings.filter((f) => f.rule === "target-direction").map((f) => f.details.direction)).toEqual(["reverse"]);
  });

  it("names the sheets it skipped and the one it read as definitions in the report", async () => {
    const { report } = await checkBuilt(
      workbookOf({
        填报说明: [["本表为填报说明"], ["请按要求填写"]],
        指标: [
          ["项目名称", "三级指标", "指标值"],
          ["A", "x", "≥1个"],
        ],
        指标定义: [
          ["指标名称", "计量单位"],
          ["x", "个"],
        ],
      }),
    );
    expect(report.skipped).toEqual(["填报说明"]);
    expect(report.sheets?.map((s) => [s.name, s.role])).toEqual([
      ["填报说明", "skipped"],
      ["指标", "data"],
      ["指标定义", "definitions"],
    ]);
    expect(report.sheets?.[1]?.tables).toEqual([
      {
        kind: "indicator-list",
        headerRow: 1,
        columns: { projectName: "A", name: "B", target: "C" },
        source: "detected",
      },
    ]);
  });

  it("never reads the add-in's own sheets as staff input", () => {
    const data: WorkbookData = {
      sheets: [
        {
          name: "检查目标_设置",
          visibility: "hidden",
          merges: [],
          rows: [
            [{ value: "check-targets:settings v1" }],
            [{ value: "项目名称" }, { value: "三级指标" }, { value: "指标值" }],
          ],
        },
      ],
    };
    const model = readWorkbook(data);
    expect(model.sheets).toEqual([{ name: "检查目标_设置", role: "owned" }]);
    expect(model.skipped).toEqual([]);
  });
});

describe("the findings of a checked workbook", () => {
  it("stay where they were when a stacked table moves down", async () => {
    const rows = [
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
      ["A", "产出指标", "数量指标", "征用隔离点", " %"],
    ];
    const once = where(
      (await checkBuilt(workbookOf({ 指标: rows }))).findings.filter((f) => f.rule === "target-missing"),
    );
    const moved = where(
      (await checkBuilt(workbookOf({ 指标: [["标题"], [], ...rows] }))).findings.filter(
        (f) => f.rule === "target-missing",
      ),
    );
    expect(once).toEqual(["target-missing 指标!E2"]);
    expect(moved).toEqual(["target-missing 指标!E4"]);
  });
});

import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/core";
import { workbookData } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { workbookOf } from "../support/sheet-builder";

const read = async (wb: ExcelJS.Workbook) => readWorkbook(workbookData(await roundTrip(wb)));

describe("reading the layouts staff keep", () => {
  it("finds the header below title rows and reads columns in any order, by Chinese synonyms", async () => {
    const model = await read(
      workbookOf({
        指标: [
          ["2021年绩效目标"],
          ["单位：万元"],
          [],
          ["目标值", "指标名称", "二级指标", "一级指标", "项目代码"],
          ["≥5 家", "征用隔离点", "数量指标", "产出指标", "13020823P00925610020B"],
        ],
      }),
    );
    expect(model.layouts).toEqual([expect.objectContaining({ sheet: "指标", kind: "indicator-list", headerRow: 3 })]);
    expect(model.indicators[0]).toMatchObject({
      level1: "产出指标",
      level2: "数量指标",
      name: "征用隔离点",
      targetText: "≥5 家",
      cells: expect.objectContaining({ target: { sheet: "指标", cell: "A5" }, name: { sheet: "指标", cell: "B5" } }),
    });
    expect(model.indicators[0]?.target).toMatchObject({ kind: "quantitative", operator: ">=", value: 5 });
  });

  it("reads English headers with stray spaces and full-width brackets", async () => {
    const model = await read(
      workbookOf({
        Sheet1: [
          ["Project Code", " Level 1 ", "Level 2", "Indicator", "Target （value）"],
          ["13020823P00925610020B", "产出指标", "成本指标", "空调单价", "≤0.2 万元"],
        ],
      }),
    );
    expect(model.indicators).toHaveLength(1);
    expect(model.indicators[0]?.target).toMatchObject({ operator: "<=", value: 0.2 });
  });

  it("carries project, level-1 and level-2 values down over merged and blank cells", async () => {
    const wb = workbookOf({
      指标: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["招商经费", "产出指标", "数量指标", "签约项目个数", "≥20个"],
        [null, null, "质量指标", "举办推介会", "按期举办"],
        [null, null, null, "宣传推介", "按计划"],
        ["执法经费", "效益指标", "社会效益指标", "市场建设", "稳步提升"],
      ],
    });
    wb.getWorksheet("指标")!.mergeCells("A2:A4");
    const model = await read(wb);
    expect(model.indicators.map((i) => [i.projectKey, i.level1, i.level2])).toEqual([
      ["招商经费", "产出指标", "数量指标"],
      ["招商经费", "产出指标", "质量指标"],
      ["招商经费", "产出指标", "质量指标"],
      ["执法经费", "效益指标", "社会效益指标"],
    ]);
    expect(model.projects.map((p) => p.name)).toEqual(["招商经费", "执法经费"]);
  });

  it("reads percent-formatted plan cells as points and a budget with a unit note in its header", async () => {
    const wb = workbookOf({
      项目: [
        ["项目编码", "项目名称", "预算数（万元）", "其中：财政资金", "3月底", "6月底", "10月底", "12月底"],
        ["13020823P00925610020B", "隔离点", 72.02, 72.02, 0.25, 0.5, 0.75, 1],
      ],
    });
    const row = wb.getWorksheet("项目")!.getRow(2);
    for (let c = 5; c <= 8; c++) row.getCell(c).numFmt = "0%";
    const model = await read(wb);
    expect(model.projects[0]).toMatchObject({ budget: 72.02, fiscal: 72.02, plan: [25, 50, 75, 100] });
  });

  it("reads a percent-formatted target cell as the percentage a clerk sees", async () => {
    const wb = workbookOf({
      指标: [
        ["项目名称", "三级指标", "指标值"],
        ["A", "满意度", 0.9],
      ],
    });
    wb.getWorksheet("指标")!.getCell("C2").numFmt = "0%";
    const model = await read(wb);
    expect(model.indicators[0]?.targetText).toBe("90%");
    expect(model.indicators[0]?.target).toMatchObject({
      kind: "quantitative",
      value: 90,
      unit: expect.objectContaining({ dimension: "percent" }),
    });
  });

  it("combines a target split over operator, value and unit columns", async () => {
    const model = await read(
      workbookOf({
        指标: [
          ["项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "指标性质"],
          ["A", "产出指标", "数量指标", "征用隔离点", "≥", 5, "家", "正向"],
          ["A", "产出指标", "成本指标", "空调单价", "≤", 0.2, "万元", "反向"],
        ],
      }),
    );
    expect(model.indicators.map((i) => i.target)).toEqual([
      expect.objectContaining({
        kind: "quantitative",
        operator: ">=",
        value: 5,
        unit: expect.objectContaining({ dimension: "count:家" }),
      }),
      expect.objectContaining({
        kind: "quantitative",
        operator: "<=",
        value: 0.2,
        unit: expect.objectContaining({ scale: 10000 }),
      }),
    ]);
    expect(model.indicators.every((i) => i.targetFromColumns)).toBe(true);
  });

  it("skips sheets that hold none of the layouts and names them", async () => {
    const model = await read(
      workbookOf({
        说明: [["本表为填报说明"], ["请按要求填写"]],
        指标: [
          ["项目名称", "三级指标", "指标值"],
          ["A", "x", "≥1个"],
        ],
      }),
    );
    expect(model.skipped).toEqual(["说明"]);
  });

  it("reads department goals", async () => {
    const model = await read(
      workbookOf({
        部门目标: [
          ["部门整体绩效指标", "指标值"],
          ["实际利用外资", "等于848万美元"],
        ],
      }),
    );
    expect(model.goals).toEqual([
      expect.objectContaining({
        name: "实际利用外资",
        cell: "B2",
        target: expect.objectContaining({ operator: "=", value: 848 }),
      }),
    ]);
  });
});

import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/core";
import { workbookData } from "../support/exceljs";
import { checkBuilt, roundTrip } from "../support/check-workbook";
import { loadSeed } from "../support/seed";
import { addStandardForms } from "../support/seed-workbook";
import { workbookOf } from "../support/sheet-builder";

const read = async (wb: ExcelJS.Workbook) => readWorkbook(workbookData(await roundTrip(wb)));

/** The seed's own block layout pasted into a sheet (docs/layouts.md, "standard form"). */
describe("the standard form", () => {
  const seed = loadSeed();
  const [first, second] = seed.projects;

  it("reads a block as pasted from Word: merged labels, the fund use on the second budget line, plan below", async () => {
    const wb = new ExcelJS.Workbook();
    addStandardForms(wb, [first!], "目标表", { merge: true });
    const model = await read(wb);
    expect(model.layouts).toEqual([expect.objectContaining({ kind: "standard-form", headerRow: 9, dataRow: 10 })]);
    expect(model.projects).toEqual([
      expect.objectContaining({
        code: "13020823P00925610020B",
        name: "（2）宝泰南北楼等隔离点安装空调相关费用",
        unit: "366001唐山市丰润区商务和投资促进局本级",
        budget: 72.02,
        fiscal: 72.02,
        other: null,
        use: "宝泰南北楼等隔离点安装空调相关费用",
        plan: [25, 50, 75, 100],
        goals: "1. 采用隔离方式，控制疫情蔓延\n2. 隔离密切接触人员",
        cells: expect.objectContaining({
          code: { sheet: "目标表", cell: "B3" },
          budget: { sheet: "目标表", cell: "C4" },
          other: { sheet: "目标表", cell: "G4" },
          plan: [
            { sheet: "目标表", cell: "B7" },
            { sheet: "目标表", cell: "C7" },
            { sheet: "目标表", cell: "D7" },
            { sheet: "目标表", cell: "E7" },
          ],
        }),
      }),
    ]);
    expect(model.indicators.map((i) => [i.level1, i.level2, i.name, i.cells.target.cell])).toEqual([
      ["产出指标", "数量指标", "征用医用隔离点", "E11"],
      ["产出指标", "质量指标", "隔离密切接触人员", "E12"],
      ["产出指标", "时效指标", "拨付完成情况", "E13"],
      ["产出指标", "成本指标", "空调单价", "E14"],
      ["效益指标", "社会效益指标", "阻断传染源，控制疫情蔓延", "E15"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "E16"],
    ]);
    // Declared by its block, so the project rules (budget-sum, plan-invalid) see it.
    expect(model.projectRows).toHaveLength(1);
  });

  it("reads block after block, each grid ending where the next block's title and unit line begin", async () => {
    const wb = new ExcelJS.Workbook();
    addStandardForms(wb, seed.projects, "目标表");
    const model = await read(wb);
    expect(model.layouts).toHaveLength(15);
    expect(model.projects.map((p) => p.code)).toEqual(seed.projects.map((p) => p.code));
    const counts = seed.projects.map((p) => model.indicators.filter((i) => i.projectKey === p.code).length);
    expect(counts).toEqual(seed.projects.map((p) => p.indicators.length));
  });

  it("reads labels with their values in the row below", async () => {
    const wb = new ExcelJS.Workbook();
    addStandardForms(wb, [first!, second!], "目标表", { labelsAbove: true });
    const model = await read(wb);
    expect(model.projects.map((p) => [p.code, p.budget, p.fiscal, p.use, p.plan])).toEqual([
      [first!.code, first!.budget, first!.fiscal, first!.use, [25, 50, 75, 100]],
      [second!.code, second!.budget, second!.fiscal, second!.use, [25, 50, 75, 100]],
    ]);
  });

  it("finds a block's defects at the block's own cells", async () => {
    const { findings } = await checkBuilt(
      workbookOf({
        表: [
          ["项目编码", "2021-XYZ", "项目名称", "宣传经费"],
          ["预算数", 10, "其中：财政资金", 8, "其他资金", 1],
          ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"],
          [null, "25%", "20%", "75%", "100%"],
          ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
          ["产出指标", "数量指标", "宣传次数", "宣传次数", "若干", "计划"],
        ],
      }),
    );
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`)).toEqual(
      expect.arrayContaining(["project-code B1", "budget-sum B2", "plan-invalid C4", "target-not-quantitative E6"]),
    );
  });

  it("reads a grid without a project's labels above it as an indicator list of the sheet", async () => {
    const model = await read(
      workbookOf({
        执法经费: [
          ["执法经费绩效目标"],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "行政检查", "≥30人次"],
        ],
      }),
    );
    expect(model.layouts.map((l) => l.kind)).toEqual(["indicator-list"]);
    expect(model.indicators[0]).toMatchObject({ projectKey: "执法经费", name: "行政检查" });
  });
});

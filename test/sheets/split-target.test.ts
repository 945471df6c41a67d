import { checkWorkbook, type WorkbookData } from "../../src/core";

const grid = (rows: (string | number | null)[][]): WorkbookData => ({
  sheets: [
    {
      name: "项目绩效目标",
      visibility: "visible",
      rows: rows.map((r) => r.map((value) => (value === null ? null : { value }))),
      merges: [],
    },
  ],
});

const incomplete = (data: WorkbookData) =>
  checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "split.xlsx" })
    .findings.filter((f) => f.rule === "target-incomplete")
    .map((f) => `${f.cell} ${String(f.details.missing)}`);

/** 计算符号 | 指标值 | 计量单位 on separate columns, as several regions' templates split the target (issue 12 item 7). */
describe("a target split over operator, value and unit columns", () => {
  const header = ["项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"];

  it("a row with operator and unit filled is complete", () => {
    expect(incomplete(grid([header, ["培训项目", "产出指标", "数量指标", "培训人次", "≥", 100, "人次"]]))).toEqual([]);
  });

  it("an empty operator on a row is target-incomplete like 85% alone", () => {
    expect(incomplete(grid([header, ["培训项目", "产出指标", "质量指标", "培训合格率", null, 85, "%"]]))).toEqual([
      "F2 operator",
    ]);
  });

  it("an empty unit on a row is target-incomplete too", () => {
    expect(incomplete(grid([header, ["培训项目", "产出指标", "数量指标", "培训人次", "≥", 100, null]]))).toEqual([
      "F2 unit",
    ]);
  });

  it("a value that carries its own operator and unit needs neither column", () => {
    expect(incomplete(grid([header, ["培训项目", "产出指标", "质量指标", "培训合格率", null, "≥85%", null]]))).toEqual(
      [],
    );
  });
});

import { checkWorkbook, liveRulesOf, type WorkbookData } from "../../src/core";

const data = (actual: number): WorkbookData => ({
  sheets: [
    {
      name: "指标",
      visibility: "visible",
      merges: [],
      rows: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"].map((v) => ({ value: v })),
        ["道路维护", "满意度指标", "满意度指标", "群众满意度", "≥80%", actual].map((v) => ({ value: v })),
      ],
    },
  ],
});

describe("live flags agree with monitoring's reading of a plain fraction", () => {
  it.each([
    [0.92, false],
    [92, true],
  ])("a plain %s against ≥80%% is covered by a live formula: %s", (actual, live) => {
    const d = data(actual);
    const r = checkWorkbook(d, { asOf: "2024-12-31", locale: "zh-CN", source: "t" });
    expect(r.findings.filter((f) => f.rule === "actual-fails-target")).toEqual([]);
    const rule = liveRulesOf(d, r).find((l) => l.rule === "actual-fails-target");
    expect(rule?.covers.has("指标!F2")).toBe(live);
  });
});

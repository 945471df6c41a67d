import { checkWorkbook, type WorkbookData } from "../../src/core";

/** Past some 120,000 items, spreading an array as call arguments overflows the stack: no code path may. */
const ROWS = 200_000;

function longList(rows: number): WorkbookData {
  const header = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"];
  const grid = [header.map((value) => ({ value }))];
  for (let r = 0; r < rows; r++) {
    const project = Math.floor(r / 8);
    grid.push(
      [`P${String(project).padStart(8, "0")}`, `项目${project}`, "产出指标", "数量指标", `指标${r % 8}`, "10 个"].map(
        (value) => ({ value }),
      ),
    );
  }
  return { sheets: [{ name: "绩效指标", visibility: "visible", rows: grid, merges: [], hiddenRows: [] }] };
}

describe("a list of 200,000 rows", () => {
  it("is read and checked whole, every row and every finding kept", () => {
    const result = checkWorkbook(longList(ROWS), { asOf: "2026-06-30", locale: "zh-CN", source: "long.xlsx" });
    expect(result.model.indicators).toHaveLength(ROWS);
    expect(result.report.projects).toHaveLength(ROWS / 8);
    // Every target lacks its operator: one warning per row, each at its own row. (Before issue 12 the
    // unmapped notes were one per row; now they are one per name, and 指标0 … 指标7 read as counts.)
    const incomplete = result.findings.filter((f) => f.rule === "target-incomplete");
    expect(incomplete).toHaveLength(ROWS);
    expect(incomplete.at(-1)?.cell).toBe(`F${ROWS + 1}`);
  });
});

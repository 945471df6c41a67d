import { watchSelection, type SelectedCell } from "../../src/excel";
import { FakeExcel, workbookFromData } from "../support/office-model";

/** The two-way link's Excel side, against the in-memory Excel's Workbook.onSelectionChanged. */
describe("watchSelection", () => {
  const data = {
    sheets: [{ name: "绩效 指标", visibility: "visible" as const, merges: [], rows: [[{ value: "x" }]] }],
  };
  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 50 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  };

  it("reports each cell the user selects, with its sheet, until removed", async () => {
    const fake = new FakeExcel(workbookFromData(data, { excelApi: "1.8" }));
    const seen: SelectedCell[] = [];
    const stop = await watchSelection(fake.host(), (s) => seen.push(s));
    fake.userSelects("绩效 指标", "G33");
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ sheet: "绩效 指标", address: "G33" }]);
    await stop();
    fake.userSelects("绩效 指标", "B2");
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toHaveLength(1);
  });

  it("hears the pane's own selection too, as Excel raises the event for Range.select()", async () => {
    const fake = new FakeExcel(workbookFromData(data, { excelApi: "1.8" }));
    const seen: SelectedCell[] = [];
    await watchSelection(fake.host(), (s) => seen.push(s));
    await fake.host().run(async (context) => {
      context.workbook.worksheets.getItem("绩效 指标").getRange("C4:D5").select();
      await context.sync();
    });
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ sheet: "绩效 指标", address: "C4:D5" }]);
  });
});

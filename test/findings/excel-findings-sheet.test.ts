import {
  checkWorkbook,
  findingsSheetName,
  parseCellLink,
  planClear,
  planFlagWrite,
  type WorkbookData,
} from "../../src/core";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { FakeExcel, workbookFromData, type FakeWorkbook } from "../support/office-model";
import { workbookData } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";

/** The pane's write, through the Office.js adapter into the in-memory Excel. */
describe("the findings sheet written by the pane", () => {
  let sample: WorkbookData;
  beforeAll(async () => {
    sample = workbookData(await roundTrip(buildSampleWorkbook(loadSeed())));
  });

  async function flag(excelApi: string) {
    const state: FakeWorkbook = workbookFromData(sample, { excelApi });
    const port = new ExcelWorkbook({ host: new FakeExcel(state).host() });
    const data = await port.read();
    const result = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "sample.xlsx" });
    await port.apply(planFlagWrite(data, result));
    return { state, port, result, sheet: state.sheets.find((s) => s.name === findingsSheetName(data)) };
  }

  it("holds a link and the message for every error and warning, a frozen header, a filter and a hidden marker", async () => {
    const { sheet, result } = await flag("1.13");
    expect(sheet?.visibility).toBe("Visible");
    const links = (sheet?.rows ?? []).flatMap((row) => {
      const formula = row?.[6]?.formula;
      const target = formula === undefined ? null : parseCellLink(formula.replace(/^=/, ""));
      return target === null ? [] : [{ ...target, message: row?.[7]?.value }];
    });
    const flagged = result.report.findings.filter((f) => f.severity !== "info");
    expect(links).toHaveLength(flagged.length);
    for (const f of flagged) expect(links).toContainEqual({ sheet: f.sheet, cell: f.cell, message: f.message });
    expect(sheet?.view).toMatchObject({ frozenRows: 8, hiddenColumns: [10] });
    expect(sheet?.view?.autoFilter).toMatch(/^A8:J\d+$/);
  });

  it("leaves the filter out on an ExcelApi 1.8 host, and goes with Clear flags", async () => {
    const { sheet, port } = await flag("1.8");
    expect(sheet).toBeDefined();
    expect(sheet?.view?.autoFilter).toBeUndefined();
    expect(sheet?.view?.frozenRows).toBe(8);
    await port.apply(planClear(await port.read(), { table: false }));
    const again = await port.read();
    expect(again.sheets.map((s) => s.name)).not.toContain("检查结果");
  });
});

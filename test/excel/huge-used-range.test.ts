import { join } from "node:path";
import { checkWorkbook, planFlagWrite, type WorkbookData } from "../../src/core";
import { ExcelWorkbook } from "../../src/excel";
import { FakeExcel, workbookFromData, type FakeWorkbook } from "../support/office-model";
import { XlsxPort } from "../support/exceljs";
import { where } from "../support/check-workbook";

/**
 * A clerk's workbook with one stray value in the sheet's last cell, XFD1048576: the used range
 * of that sheet is 17,179,869,184 cells. Excel refuses to read a range past 5,000,000 cells, and
 * Excel on the web a response past 5 MB; the in-memory Excel refuses both (platform "web"), so
 * these checks passing proves the add-in never asked for either.
 */

const OPTIONS = { asOf: "2026-06-30", locale: "zh-CN", source: "sample.xlsx" } as const;
const LIST = "绩效指标";

let sample: WorkbookData;
beforeAll(async () => {
  // The seed laid out as staff keep it: a project list (A1:L18), the indicator list with merged
  // project and level-1 cells, the department goals and a 指标定义 sheet.
  sample = await (await XlsxPort.open(join(__dirname, "../../samples/sample.xlsx"))).read();
});

function fakeOf(stray: boolean, options: Partial<FakeWorkbook> = {}): FakeExcel {
  const state = workbookFromData(sample, { excelApi: "1.13", platform: "web", ...options });
  if (stray) {
    const list = state.sheets.find((s) => s.name === LIST);
    if (list === undefined) throw new Error(LIST);
    (list.rows[1_048_575] ??= [])[16_383] = { value: "备注" };
  }
  return new FakeExcel(state);
}

/** The pane's whole check: read, check, write the flags. */
async function check(fake: FakeExcel) {
  const port = new ExcelWorkbook({ host: fake.host() });
  const data = await port.read();
  const result = checkWorkbook(data, OPTIONS);
  await port.apply(planFlagWrite(data, result));
  return { data, result };
}

describe("the seed sample with a stray value at XFD1048576, in Excel on the web", () => {
  it("reads the same indicators and findings as without it, in the same five syncs", async () => {
    const plain = fakeOf(false);
    const stray = fakeOf(true);
    const without = await check(plain);
    const withStray = await check(stray);

    expect(withStray.result.report.summary).toEqual(without.result.report.summary);
    expect(withStray.result.report.summary.indicators).toBeGreaterThan(50);
    expect(where(withStray.result.findings)).toEqual(where(without.result.findings));
    expect(without.result.findings.length).toBeGreaterThan(0);
    // …and the same flags written.
    const rules = (f: FakeExcel) => f.workbook.sheets.map((s) => s.conditionalFormats.map((cf) => cf.areas));
    expect(rules(stray)).toEqual(rules(plain));

    // The stray cell is read, where it is; everything above it as before.
    const list = withStray.data.sheets.find((s) => s.name === LIST);
    const before = without.data.sheets.find((s) => s.name === LIST);
    expect(list?.rows).toHaveLength(1_048_576);
    expect(list?.rows[1_048_575]?.[16_383]).toEqual({ value: "备注" });
    expect(list?.rows.slice(0, before?.rows.length)).toEqual(before?.rows);
    expect(list?.merges).toEqual(before?.merges);

    expect(plain.syncs).toBe(6);
    expect(stray.syncs).toBe(plain.syncs);
    // No more cells in one read, and no larger a response, than the sheet without the stray value.
    expect(stray.largestRead).toBeLessThanOrEqual(plain.largestRead);
    expect(stray.largestResponse).toBeLessThan(plain.largestResponse * 1.5);
  });

  it("where ExcelApi 1.9 is missing, says which sheet and range are too large instead of reading", async () => {
    const fake = fakeOf(true, { excelApi: "1.8" });
    await expect(check(fake)).rejects.toMatchObject({
      code: "host",
      problem: { kind: "sheets-too-large", sheets: [{ sheet: "绩效指标", area: "A1:XFD1048576" }] },
    });
    expect(fake.largestRead).toBe(0);
    // Without the stray value the same host reads and checks the sample.
    await expect(check(fakeOf(false, { excelApi: "1.8" }))).resolves.toBeDefined();
  });
});

import { generatedData } from "../../bench/generated-workbook";
import { checkWorkbook, planFlagWrite, type CellData, type SheetData, type WorkbookData } from "../../src/core";
import { ExcelWorkbook } from "../../src/excel";
import { FakeExcel, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, workbookFromData } from "../support/office-model";
import { WHOLE_READ_CELLS } from "../../src/excel/read";
import { CELL_BYTES, RESPONSE_BUDGET, rowAddressBytes } from "../../src/excel/read-plan";
import { where } from "../support/check-workbook";
import { loadSeed } from "../support/seed";

/**
 * Excel on the web refuses a sync whose response exceeds 5 MB; the in-memory Excel with platform
 * "web" refuses it too. A department's indicator list of 10,000 rows or more is past it when read
 * in one sync, so on the web the read spreads its data over ceil(estimate ÷ RESPONSE_BUDGET)
 * syncs, planned from the used ranges' extents. These checks passing proves each sync stayed under
 * the limit, the check saw what the desktop sees, and the syncs are those the plan states; the
 * desktop keeps its five syncs a check.
 */

const OPTIONS = { asOf: "2026-06-30", locale: "zh-CN", source: "list.xlsx" } as const;
const LIST = "绩效指标";
const seed = loadSeed();

/** The pane's whole check (read, check, write the flags), and what it cost. */
async function check(data: WorkbookData, platform: "desktop" | "web") {
  const fake = new FakeExcel(workbookFromData(data, { excelApi: "1.13", platform }));
  const port = new ExcelWorkbook({ host: fake.host() });
  const read = await port.read();
  const readSyncs = fake.syncs;
  const result = checkWorkbook(read, OPTIONS);
  await port.apply(planFlagWrite(read, result));
  return { read, result, fake, readSyncs };
}

/** The first line where two long lists differ (null if none): jest's deep equality takes seconds on 400,000 cells. */
function firstDifference(a: readonly string[], b: readonly string[]): { line: number; a?: string; b?: string } | null {
  for (let line = 0; line < Math.max(a.length, b.length); line++) {
    if (a[line] !== b[line]) return { line, a: a[line], b: b[line] };
  }
  return null;
}

/** A read as lines: each sheet's name, merges, hidden rows and visibility, then each row as JSON. */
const readLines = (data: WorkbookData): string[] =>
  data.sheets.flatMap((sheet) => [
    JSON.stringify({ ...sheet, rows: sheet.rows.length }),
    ...sheet.rows.map((row) => JSON.stringify(row)),
  ]);

const cellsOf = (sheet: SheetData) => sheet.rows.reduce((n, row) => n + row.length, 0);
const valueCellsOf = (sheet: SheetData) =>
  sheet.rows.reduce(
    (n, row) => n + row.filter((c) => c !== null && (c.value !== null || c.error !== undefined)).length,
    0,
  );

/**
 * The read's data syncs the plan states for a workbook of one full sheet: its estimate over the
 * budget, rounded up. Read whole, a cell costs CELL_BYTES and a row the address of its visible
 * first cell; read where it holds values (past WHOLE_READ_CELLS), only the cells that hold one.
 */
function statedDataSyncs(sheet: SheetData): number {
  const rows = sheet.rows.length;
  const columns = sheet.rows.reduce((most, row) => Math.max(most, row.length), 0);
  const estimate =
    rows * columns > WHOLE_READ_CELLS
      ? valueCellsOf(sheet) * CELL_BYTES
      : rows * (columns * CELL_BYTES + rowAddressBytes(sheet.name));
  return Math.max(1, Math.ceil(estimate / RESPONSE_BUDGET));
}

describe("the seed's indicators as a list of many rows, in Excel on the web and on the desktop", () => {
  it.each([
    // rows, data syncs on the web, write syncs on the web: a whole check is 2 (sheets, extents) +
    // the data's + 2 (inspect, probe) + the write's, each request under REQUEST_BUDGET. The write
    // carries the findings sheet too: a row (link, wrapped text) for every error and warning, about
    // 0.44 a row of this list, so its syncs grow with the list.
    [100, 1, 1],
    [10_000, 2, 6],
    [20_000, 4, 11],
    [50_000, 9, 26],
  ])(
    "%d rows: the same data and findings; on the web in %d data syncs and %d write syncs, each response and request under 5 MB",
    async (rows, syncs, writes) => {
      const data = generatedData(seed, rows);
      const list = data.sheets[0] as SheetData;
      expect(cellsOf(list)).toBe((rows + 1) * 8);
      expect(statedDataSyncs(list)).toBe(syncs);

      const desktop = await check(data, "desktop");
      const web = await check(data, "web");

      expect(firstDifference(readLines(web.read), readLines(desktop.read))).toBeNull();
      expect(web.result.report.summary).toEqual(desktop.result.report.summary);
      expect(firstDifference(where(web.result.findings), where(desktop.result.findings))).toBeNull();
      expect(web.result.report.summary.indicators).toBe(rows);
      const rules = (f: FakeExcel) => f.workbook.sheets.map((s) => s.conditionalFormats.map((cf) => cf.areas));
      expect(rules(web.fake)).toEqual(rules(desktop.fake));

      expect(desktop.fake.syncs).toBe(6);
      expect(web.readSyncs).toBe(2 + syncs);
      expect(web.fake.syncs).toBe(2 + syncs + 2 + writes);
      expect(web.fake.largestResponse).toBeLessThan(MAX_RESPONSE_BYTES);
      expect(web.fake.largestRequest).toBeLessThan(MAX_REQUEST_BYTES);
      // On seed-like data each sync carries less than the budget: the estimate errs on the safe side.
      expect(web.fake.largestResponse).toBeLessThan(RESPONSE_BUDGET);
      // Past 10,000 rows, what the web reads in several syncs the desktop reads in one, over 5 MB.
      if (rows >= 20_000) expect(desktop.fake.largestResponse).toBeGreaterThan(MAX_RESPONSE_BYTES);
    },
  );
});

/**
 * The list with what a clerk's list also has, spread over every part of the sheet so that every
 * band boundary passes some of it: merged project cells, hidden rows, a completion rate column of
 * percent-formatted numbers and now and then an error value.
 */
function clerkList(rows: number): WorkbookData {
  const list = generatedData(seed, rows).sheets[0] as SheetData;
  const cells: (CellData | null)[][] = list.rows.map((row, r) => {
    const rate: CellData =
      r === 0
        ? { value: "完成值" }
        : r % 101 === 0
          ? { value: null, error: "#N/A" }
          : { value: (r % 97) / 100, numberFormat: "0%" };
    return [...row, rate];
  });
  const merges = [];
  for (let r = 7; r + 2 < cells.length && merges.length < 400; r += 211) {
    merges.push({ top: r, left: 1, bottom: r + 2, right: 1 });
  }
  const hiddenRows = [];
  for (let r = 5; r < cells.length; r += 89) hiddenRows.push(r);
  return { sheets: [{ name: LIST, visibility: "visible", rows: cells, merges, hiddenRows }] };
}

describe("a clerk's list read in bands on the web", () => {
  it.each([
    // Read whole (9 × 8,001 cells), in two bands.
    [8_000, 2],
    // Read where it holds values (9 × 20,001 cells), in four bands.
    [20_000, 4],
  ])(
    "%d rows: the same cells, merges, hidden rows, formats and errors as the desktop reads, in %d data syncs",
    async (rows, syncs) => {
      const data = clerkList(rows);
      expect(statedDataSyncs(data.sheets[0] as SheetData)).toBe(syncs);
      const desktop = await check(data, "desktop");
      const web = await check(data, "web");
      expect(web.readSyncs).toBe(2 + syncs);
      expect(firstDifference(readLines(web.read), readLines(desktop.read))).toBeNull();
      const sheet = web.read.sheets[0];
      expect(sheet?.merges.length).toBeGreaterThan(10);
      expect(sheet?.hiddenRows?.length).toBeGreaterThan(50);
      expect(sheet?.rows[202]?.[8]).toEqual({ value: null, error: "#N/A" });
      expect(sheet?.rows[5]?.[8]).toEqual({ value: 0.05, numberFormat: "0%" });
      expect(firstDifference(where(web.result.findings), where(desktop.result.findings))).toBeNull();
      expect(web.fake.largestResponse).toBeLessThan(MAX_RESPONSE_BYTES);
    },
  );
});

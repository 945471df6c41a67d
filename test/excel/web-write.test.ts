import { generatedData } from "../../bench/generated-workbook";
import { checkWorkbook, planCheckedWorkbook, type WorkbookData } from "../../src/core";
import { ExcelWorkbook } from "../../src/excel";
import { REQUEST_BUDGET } from "../../src/excel/write-plan";
import { FakeExcel, MAX_REQUEST_BYTES, workbookFromData } from "../support/office-model";
import { loadSeed } from "../support/seed";

/**
 * Excel on the web refuses a request over 5 MB as it refuses a response (Resource limits and
 * performance optimization for Office Add-ins). Writing the checked workbook (the 绩效目标表, the
 * helper sheet, names and flags) for thousands of indicators queues far more than that; on the web
 * the write is spread over syncs planned before writing, each estimated under REQUEST_BUDGET.
 */

const OPTIONS = { asOf: "2026-06-30", locale: "zh-CN", source: "list.xlsx" } as const;
const seed = loadSeed();

async function checkAndWrite(data: WorkbookData, platform: "desktop" | "web") {
  const fake = new FakeExcel(workbookFromData(data, { excelApi: "1.13", platform }));
  const port = new ExcelWorkbook({ host: fake.host() });
  const read = await port.read();
  const before = fake.syncs;
  const requestsBefore = fake.requests.length;
  await port.apply(planCheckedWorkbook(read, checkWorkbook(read, OPTIONS)));
  return { fake, writeSyncs: fake.syncs - before, requests: fake.requests.slice(requestsBefore) };
}

/** The written workbook as comparable data: every sheet's cells, merges, formats and rules. */
const written = (fake: FakeExcel) =>
  JSON.stringify(
    fake.workbook.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      rows: s.rows,
      merges: s.merges,
      cfs: s.conditionalFormats.map(({ type, areas, formula, fill }) => ({ type, areas, formula, fill })),
      page: s.page,
    })),
  );

describe("the checked workbook written to Excel on the web", () => {
  it("5,000 indicators: every write sync's request under the limit, the same workbook as the desktop's one sync", async () => {
    const data = generatedData(seed, 5_000);
    const web = await checkAndWrite(data, "web");
    const desktop = await checkAndWrite(data, "desktop");
    expect(web.requests.length).toBe(web.writeSyncs);
    expect(Math.max(...web.requests)).toBeLessThan(MAX_REQUEST_BYTES);
    expect(Math.max(...web.requests)).toBeLessThan(REQUEST_BUDGET * 1.25);
    // The desktop, with no request limit, sends the same in far fewer syncs.
    expect(desktop.writeSyncs).toBeLessThan(web.writeSyncs);
    expect(Math.max(...desktop.requests)).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(written(web.fake)).toBe(written(desktop.fake));
  }, 120_000);

  it("the model refuses one web sync over 5 MB, before running any of it", async () => {
    const fake = new FakeExcel(workbookFromData({ sheets: [] }, { platform: "web" }));
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.add("S");
        for (let i = 0; i < 40_000; i++)
          sheet.getRange(`A${i + 1}`).values = [["一二三四五六七八九十一二三四五六七八九十"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.workbook.sheets).toEqual([]);
  });
});

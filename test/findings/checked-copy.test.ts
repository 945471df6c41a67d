import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { parseCellLink, reportSchema, type Report } from "../../src/core";
import { generatedWorkbook } from "../../bench/generated-workbook";
import { sheetPart } from "../roundtrip/package-parts";
import { loadSeed } from "../support/seed";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample.xlsx");
const MONITORING = join(__dirname, "..", "..", "samples", "monitoring.xlsx");
const io = { stdout: () => undefined, stderr: (t: string) => console.error(t), now: () => new Date(2026, 5, 30) };

async function checkTo(input: string, out: string, json: string, ...more: string[]): Promise<Report> {
  const code = await main([input, "--out", out, "--json", json, "--as-of", "2026-06-30", ...more], io);
  expect(code).toBeLessThanOrEqual(1);
  return reportSchema.parse(JSON.parse(await readFile(json, "utf8")));
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A worksheet part's XML, by sheet name. */
async function sheetXml(file: string, sheet: string): Promise<string> {
  return (await sheetPart(await readFile(file), sheet)) ?? "";
}

/** The findings sheet's rows that carry a link: the linked cell and the message beside it. */
async function linkedRows(file: string): Promise<{ sheet: string; cell: string; message: string }[]> {
  const ws = (await open(file)).getWorksheet("检查结果");
  expect(ws).toBeDefined();
  const rows: { sheet: string; cell: string; message: string }[] = [];
  ws!.eachRow((row) => {
    const link = row.getCell("G").value;
    const formula = link !== null && typeof link === "object" && "formula" in link ? (link.formula ?? null) : null;
    const target = formula === null ? null : parseCellLink(formula);
    if (target !== null) rows.push({ ...target, message: String(row.getCell("H").value) });
  });
  return rows;
}

/** `check-targets sample.xlsx --out copy.xlsx`: the copy carries its findings. */
describe("the checked copy's findings sheet", () => {
  let dir: string;
  let copy: string;
  let report: Report;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "check-targets-findings-"));
    copy = join(dir, "copy.xlsx");
    report = await checkTo(SAMPLE, copy, join(dir, "report.json"));
  }, 60_000);

  it("has a row with a working link and the message for every error and warning of the report", async () => {
    const rows = await linkedRows(copy);
    const flagged = report.findings.filter((f) => f.severity !== "info");
    expect(flagged.length).toBeGreaterThan(10);
    for (const f of flagged) expect(rows).toContainEqual({ sheet: f.sheet, cell: f.cell, message: f.message });
    expect(rows).toHaveLength(flagged.length);
    // Every link goes to a sheet of the workbook.
    const wb = await open(copy);
    for (const r of rows) expect(wb.getWorksheet(r.sheet)).toBeDefined();
  });

  it("freezes its header and filters its list in the file", async () => {
    const xml = await sheetXml(copy, "检查结果");
    expect(xml).toMatch(/<pane [^>]*ySplit="8"[^>]*state="frozen"/);
    expect(xml).toMatch(/<autoFilter ref="A8:J\d+"\/>/);
    // The schema's order: the filter after the cells, before the merged areas.
    expect(xml.indexOf("</sheetData>")).toBeLessThan(xml.indexOf("<autoFilter"));
    expect(xml.indexOf("<autoFilter")).toBeLessThan(xml.indexOf("<mergeCells"));
    expect(xml).toMatch(/<col min="11" max="11"[^>]*hidden="1"/);
  });

  it("checks again to the same findings and the same sheets, and --clear removes it", async () => {
    const again = join(dir, "again.xlsx");
    const second = await checkTo(copy, again, join(dir, "again.json"));
    expect(second.findings).toEqual(report.findings);
    expect(second.summary).toEqual(report.summary);
    const names = (file: string) => open(file).then((wb) => wb.worksheets.map((w) => w.name).sort());
    expect(await names(again)).toEqual(await names(copy));
    expect((second.sheets ?? []).find((s) => s.name === "检查结果")?.role).toBe("owned");

    const cleared = join(dir, "cleared.xlsx");
    await checkTo(copy, cleared, join(dir, "cleared.json"), "--clear");
    const left = await names(cleared);
    expect(left).not.toContain("检查结果");
    expect(left).not.toContain("绩效目标表");
    expect(left).toEqual((await names(SAMPLE)).filter((n) => n !== "检查结果"));
  }, 60_000);
});

/** A sheet's cells as lines of JSON, row by row (values, formulas with their text). */
async function sheetLines(file: string, sheet: string): Promise<string[]> {
  const ws = (await open(file)).getWorksheet(sheet);
  expect(ws).toBeDefined();
  const lines: string[] = [];
  ws!.eachRow({ includeEmpty: false }, (row, n) => lines.push(`${n} ${JSON.stringify(row.values)}`));
  return lines;
}

/** Issue 14: the copy checked again gives the same findings and sheets; --clear takes the add-in's sheets away. */
describe.each([
  ["sample.xlsx", SAMPLE],
  ["monitoring.xlsx", MONITORING],
])("%s's checked copy, checked again", (name, input) => {
  let dir: string;
  let copy: string;
  let report: Report;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "check-targets-recheck-"));
    // The copies keep the input's name (in folders of their own): the findings sheet names the file checked.
    await mkdir(join(dir, "first"));
    await mkdir(join(dir, "again"));
    copy = join(dir, "first", name);
    report = await checkTo(input, copy, join(dir, "report.json"));
  }, 60_000);

  it("gives the same findings, lights and scores, and writes the same 检查结果 and 绩效目标表", async () => {
    const again = join(dir, "again", name);
    const second = await checkTo(copy, again, join(dir, "again.json"));
    expect(second.findings.length).toBeGreaterThan(10);
    expect(second.findings).toEqual(report.findings);
    expect(second.projects).toEqual(report.projects);
    expect(second.fiscalYear).toEqual(report.fiscalYear);
    for (const sheet of ["检查结果", "绩效目标表"]) {
      const lines = await sheetLines(copy, sheet);
      expect(lines.length).toBeGreaterThan(10);
      expect(await sheetLines(again, sheet)).toEqual(lines);
    }
    const names = (file: string) => open(file).then((wb) => wb.worksheets.map((w) => w.name));
    expect(await names(again)).toEqual(await names(copy));
  }, 60_000);

  it("--clear removes the findings sheet and the add-in's other sheets, and the cleared copy checks the same", async () => {
    const cleared = join(dir, "cleared.xlsx");
    await checkTo(copy, cleared, join(dir, "cleared.json"), "--clear");
    const names = (await open(cleared)).worksheets.map((w) => w.name);
    expect(names).not.toContain("检查结果");
    expect(names).not.toContain("绩效目标表");
    expect(names).toEqual((await open(input)).worksheets.map((w) => w.name));
    const third = await checkTo(cleared, join(dir, "third.xlsx"), join(dir, "third.json"));
    expect(third.findings).toEqual(report.findings);
  }, 60_000);
});

/** A list long enough for more than 1,000 errors and warnings: the sheet still has a row for each. */
describe("the checked copy of a long list", () => {
  let dir: string;
  let copy: string;
  let report: Report;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "check-targets-findings-long-"));
    const input = join(dir, "long.xlsx");
    await generatedWorkbook(loadSeed(), 3_000).xlsx.writeFile(input);
    copy = join(dir, "copy.xlsx");
    report = await checkTo(input, copy, join(dir, "report.json"));
  }, 120_000);

  it("has a row with its link and message for each of more than 1,000 errors and warnings, in order", async () => {
    const flagged = report.findings.filter((f) => f.severity !== "info");
    expect(flagged.length).toBeGreaterThan(1_000);
    const rows = await linkedRows(copy);
    const infos = report.findings.filter((f) => f.severity === "info");
    expect(rows).toHaveLength(flagged.length + infos.length);
    // Errors first, then warnings, each in the report's order; the infos after them.
    const ordered = [...report.findings].sort(
      (a, b) => ["error", "warning", "info"].indexOf(a.severity) - ["error", "warning", "info"].indexOf(b.severity),
    );
    expect(rows).toEqual(ordered.map((f) => ({ sheet: f.sheet, cell: f.cell, message: f.message })));
    // No line saying that some were left out.
    const ws = (await open(copy)).getWorksheet("检查结果")!;
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell("A").value ?? "")));
    expect(texts.filter((t) => /未列出|not listed/.test(t))).toEqual([]);
  }, 60_000);
});

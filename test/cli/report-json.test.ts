import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook, reportSchema, type Report } from "../../src/core";
import { reportJson, reportText, writeReportFile } from "../../src/cli/report-json";
import { readWorkbookFile } from "../../src/xlsx";

const SAMPLES = join(__dirname, "..", "..", "samples");

/** What the command wrote before the report was written in pieces: the text it must still be. */
const whole = (report: Report): string => `${JSON.stringify(reportSchema.parse(report), null, 2)}\n`;

async function reportOf(file: string, fiscalYear: number | null = null): Promise<Report> {
  const data = await readWorkbookFile(join(SAMPLES, file));
  return checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: file, fiscalYear }).report;
}

describe("the report's JSON, written in pieces", () => {
  it("is byte for byte the whole report's pretty-printed JSON, on both samples", async () => {
    for (const file of ["sample.xlsx", "monitoring.xlsx"]) {
      const report = await reportOf(file);
      expect(report.findings.length).toBeGreaterThan(10);
      expect(reportText(report)).toBe(whole(report));
      // Many pieces: a finding does not wait for the whole text.
      expect([...reportJson(report)].length).toBeGreaterThan(report.findings.length);
    }
  });

  it("keeps the whole's shape where lists are empty, optional keys absent, and keys unknown to the schema", async () => {
    const report = await reportOf("sample.xlsx", 2021);
    const empty: Report = { ...report, projects: [], findings: [], goals: [] };
    expect(reportText(empty)).toBe(whole(empty));
    const { sheets: _sheets, skipped: _skipped, fiscalYear: _year, ...bare } = report;
    expect(reportText(bare)).toBe(whole(bare));
    // The schema's parse drops a key it does not know; so do the pieces.
    const extra = { ...report, internal: "not for the report", findings: report.findings.map((f) => ({ ...f, debug: 1 })) };
    expect(reportText(extra as Report)).toBe(whole(extra as Report));
    expect(reportText(extra as Report)).not.toContain("debug");
  });

  it("writes the file whole or not at all: an invalid finding leaves the earlier report and no partial file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "check-targets-report-json-"));
    const path = join(dir, "report.json");
    const report = await reportOf("sample.xlsx");
    await writeReportFile(path, report);
    expect(await readFile(path, "utf8")).toBe(whole(report));
    const invalid = { ...report, findings: [...report.findings, { ...report.findings[0]!, severity: "fatal" }] };
    await writeFile(path, "the earlier report");
    await expect(writeReportFile(path, invalid as Report)).rejects.toThrow(/severity/);
    expect(await readFile(path, "utf8")).toBe("the earlier report");
    expect(await readdir(dir)).toEqual(["report.json"]);
  });

  it("names the report, not the file beside it, when the file system refuses the write", async () => {
    const dir = await mkdtemp(join(tmpdir(), "check-targets-report-json-"));
    // Where the report is first written, a folder: opening it fails (as root, too).
    await mkdir(join(dir, `.report.json.${process.pid}.partial`));
    const report = await reportOf("sample.xlsx");
    const refusal = await writeReportFile(join(dir, "report.json"), report).then(
      () => null,
      (error: NodeJS.ErrnoException) => error,
    );
    expect(refusal?.code).toBe("EISDIR");
    expect(refusal?.message).toContain(join(dir, "report.json"));
    expect(refusal?.message).not.toContain("partial");
    expect(refusal?.path).toBe(join(dir, "report.json"));
    // The folder in the way is not the command's to remove.
    expect((await readdir(dir)).sort()).toEqual([`.report.json.${process.pid}.partial`]);
  });
});

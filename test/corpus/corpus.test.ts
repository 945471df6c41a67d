/**
 * The whole corpus of real spreadsheet files (`/work/shared/corpus`, or CHECK_TARGETS_CORPUS):
 * 389 files from the public test suites of other spreadsheet projects, each with what the
 * command must do with it (MANIFEST.tsv: read → exit 0 or 1; refuse → exit 2 with one line
 * naming the reason). Each file goes through the command as a user runs it on one workbook.
 * Skipped, saying so, where the corpus is absent (a fresh clone outside this machine).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/xlsx/read/read-file";
import { runCli, type Captured } from "../hostile/run-cli";

const CORPUS = process.env.CHECK_TARGETS_CORPUS ?? "/work/shared/corpus";
const present = existsSync(join(CORPUS, "MANIFEST.tsv"));
if (!present) console.warn(`corpus tests skipped: no ${join(CORPUS, "MANIFEST.tsv")} (set CHECK_TARGETS_CORPUS)`);
const describeCorpus = present ? describe : describe.skip;

type Row = { file: string; expect: "read" | "refuse"; repo: string };

const manifest = (): Row[] =>
  readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [file = "", expect = "", repo = ""] = line.split("\t");
      if (expect !== "read" && expect !== "refuse") throw new Error(`MANIFEST.tsv: ${line}`);
      return { file, expect, repo };
    });

/**
 * One file's limit through the command, in CPU time (the machine may be shared, which stretches
 * wall-clock time, not CPU): the slowest corpus file takes under 1 s of CPU here; the reader
 * until now spent minutes on one.
 */
const PER_FILE_CPU_MS = 10_000;

/** The reasons the command gives for a file it cannot read: each refusal must name one. */
const REASONS =
  /: (not an \.xlsx workbook|an Apple Numbers file|an old \.xls workbook|a WPS \.et workbook|an OpenDocument \(\.ods\) file|a binary \.xlsb workbook|the workbook is password-protected|the workbook is damaged or incomplete|the workbook is damaged or unsafe|the workbook is too large to read safely)/;

describeCorpus("the corpus of real spreadsheet files", () => {
  const rows = present ? manifest() : [];
  const outcomes = new Map<string, { r: Captured; cpuMs: number }>();

  beforeAll(async () => {
    // One after another: a file's time is then its own, not shared with the others'.
    for (const row of rows) {
      const started = process.cpuUsage();
      const r = await runCli([join(CORPUS, "files", row.file), "--lang", "en-US"]);
      const used = process.cpuUsage(started);
      outcomes.set(row.file, { r, cpuMs: (used.user + used.system) / 1000 });
    }
  }, 600_000);

  it("holds the files the manifest lists, both kinds", () => {
    expect(rows.filter((r) => r.expect === "read").length).toBeGreaterThan(300);
    expect(rows.filter((r) => r.expect === "refuse").length).toBeGreaterThan(30);
  });

  it("reads every file the manifest says must be read: exit 0 or 1, a summary line, nothing on stderr", () => {
    const wrong = rows
      .filter((row) => row.expect === "read")
      .flatMap((row) => {
        const o = outcomes.get(row.file);
        if (o === undefined) return [`${row.file}: not run`];
        const ok = (o.r.code === 0 || o.r.code === 1) && o.r.stderr === "" && o.r.stdout.startsWith(`${row.file}: `);
        return ok ? [] : [`${row.file}: exit ${o.r.code}, ${o.r.stderr.trim() || o.r.stdout.slice(0, 200)}`];
      });
    expect(wrong).toEqual([]);
  });

  it("refuses every file the manifest says must be refused: exit 2, one line naming the file and the reason", () => {
    const wrong = rows
      .filter((row) => row.expect === "refuse")
      .flatMap((row) => {
        const o = outcomes.get(row.file);
        if (o === undefined) return [`${row.file}: not run`];
        const lines = o.r.stderr.trimEnd().split("\n");
        const ok =
          o.r.code === 2 &&
          o.r.stdout === "" &&
          lines.length === 1 &&
          (lines[0] ?? "").startsWith(join(CORPUS, "files", row.file)) &&
          REASONS.test(lines[0] ?? "");
        return ok ? [] : [`${row.file}: exit ${o.r.code}, ${o.r.stderr.trim()}`];
      });
    expect(wrong).toEqual([]);
  });

  it(`takes under ${PER_FILE_CPU_MS / 1000} s of CPU for any one file`, () => {
    const slow = [...outcomes]
      .filter(([, o]) => o.cpuMs > PER_FILE_CPU_MS)
      .map(([file, o]) => `${file}: ${Math.round(o.cpuMs)} ms of CPU`);
    expect(slow).toEqual([]);
  });
});

/**
 * Values read from a few corpus files, each checked by hand against the file's XML (unzip -p):
 * what the command checks is what the file holds.
 */
describeCorpus("values read from corpus files, as their XML holds them", () => {
  const file = (name: string) => join(CORPUS, "files", name);

  it("a Tencent Docs (腾讯文档) export, every element prefixed ns2:", async () => {
    const { sheets } = await readWorkbookFile(file("0759_t04.xlsx"));
    expect(sheets.map((s) => s.name)).toEqual(["工作表1"]);
    const [header, first] = sheets[0]?.rows ?? [];
    // sharedStrings items 0–3, then row 2: A2 1.0, B2 11.0, D2 item 12.
    expect(header?.slice(0, 4).map((c) => c?.value)).toEqual(["序号", "ID号", "工位号", "eblock编码"]);
    expect(first?.slice(0, 4).map((c) => c?.value)).toEqual([1, 11, 1, "A1JB037FPHA03224400489"]);
  });

  it('a .NET export with the x: prefix, a byte-order mark and t="str" cells', async () => {
    const { sheets } = await readWorkbookFile(file("0154_59021.xlsx"));
    expect(sheets.map((s) => s.name)).toEqual(["ERIS Rates & Codes"]);
    const rows = sheets[0]?.rows ?? [];
    expect(rows[0]?.[0]?.value).toBe("Destination");
    expect(rows[1]?.map((c) => c?.value ?? null)).toEqual([
      "Abkhazia - Fixed",
      "7840",
      0.1345,
      "Increase",
      "10/02/2016",
      "",
      "1",
      "1",
    ]);
  });

  it("a WPS 表格 file: shared strings and WPS's custom number format 176", async () => {
    const { sheets } = await readWorkbookFile(file("0785_date1.xlsx"));
    expect(sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
    const rows = sheets[0]?.rows ?? [];
    expect(rows[0]?.map((c) => c?.value)).toEqual(["a", "b"]);
    // A2 s=2 and B2 s=3 are xfs with numFmtId 176 = "0.00_ "; the cells hold text all the same.
    expect(rows[1]).toEqual([
      { value: "1.00", numberFormat: "0.00_ " },
      { value: "1", numberFormat: "0.00_ " },
    ]);
  });

  it("a workbook whose relationships part is damaged (bad CRC): its one sheet found through the content types", async () => {
    const { sheets } = await readWorkbookFile(file("0399_issue252.xlsx"));
    expect(sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

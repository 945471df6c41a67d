import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generatedWorkbook } from "../../bench/generated-workbook";
import { reportSchema } from "../../src/core";
import { runCli } from "../hostile/run-cli";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";
import { workbookOf } from "../support/sheet-builder";

/** A folder of department workbooks, as a district finance bureau receives them (issue 7). */

let sample: string;
let sampleBytes: Buffer;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "check-targets-folder-src-"));
  sample = join(dir, "sample.xlsx");
  await buildSampleWorkbook(loadSeed()).xlsx.writeFile(sample);
  sampleBytes = await readFile(sample);
});

/** Three files that cannot be checked: a truncated workbook, a password-protected one, a CSV. */
async function addBadFiles(folder: string): Promise<void> {
  await writeFile(join(folder, "truncated.xlsx"), sampleBytes.subarray(0, Math.floor(sampleBytes.length / 2)));
  await writeFile(
    join(folder, "locked.xlsx"),
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]),
  );
  await writeFile(join(folder, "notes.csv"), "项目编码,项目名称\n13020823P00925610020B,隔离点\n");
}

const sheetRows = (ws: ExcelJS.Worksheet | undefined): unknown[][] => {
  const rows: unknown[][] = [];
  ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe("check-targets <folder>", () => {
  it("checks 20 copies of the sample and three bad files in one command: 20 reports, the summary, three failures, exit 1", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-"));
    for (let i = 1; i <= 20; i++) await copyFile(sample, join(folder, `dept${String(i).padStart(2, "0")}.xlsx`));
    await addBadFiles(folder);
    const reports = join(folder, "reports");

    const r = await runCli([folder, "--json", reports, "--lang", "en-US"]);

    expect(r.code).toBe(1);
    // A line per workbook in folder order, then the total and where the outputs went.
    const out = r.stdout.trimEnd().split("\n");
    expect(out.slice(0, 20)).toEqual(
      Array.from(
        { length: 20 },
        (_, i) =>
          `dept${String(i + 1).padStart(2, "0")}.xlsx: 15 projects, 95 indicators — 2 errors, 38 warnings, 0 infos`,
      ),
    );
    expect(out.slice(20)).toEqual([
      "23 workbooks checked, 3 could not be read — 40 errors, 760 warnings, 0 infos",
      `reports: ${reports}`,
      `summary: ${join(reports, "summary.xlsx")}`,
    ]);
    // Three failures, one line each with its reason.
    const failures = r.stderr.trimEnd().split("\n");
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatch(/locked\.xlsx: the workbook is password-protected/);
    expect(failures[1]).toMatch(/notes\.csv: not an \.xlsx workbook but a text \(CSV\) file/);
    expect(failures[2]).toMatch(/truncated\.xlsx: the workbook is damaged or incomplete/);

    // 20 reports, each valid against the schema.
    const written = (await readdir(reports)).filter((f) => f.endsWith(".report.json")).sort();
    expect(written).toHaveLength(20);
    for (const file of written) {
      const report = reportSchema.parse(JSON.parse(await readFile(join(reports, file), "utf8")));
      expect(report.summary).toMatchObject({ projects: 15, indicators: 95, errors: 2, warnings: 38 });
    }

    // The summary workbook: a row per workbook and project, a row per failure.
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(join(reports, "summary.xlsx"));
    const byProject = sheetRows(summary.getWorksheet("By project"));
    expect(byProject[0]).toEqual([
      "Workbook",
      "Status",
      "Project code",
      "Project name",
      "Sheet",
      "Errors",
      "Warnings",
      "Infos",
      "Light",
      "Score",
      "Note",
    ]);
    expect(byProject).toHaveLength(1 + 20 * 15 + 3);
    const dept01 = byProject.filter((row) => row[0] === "dept01.xlsx");
    expect(dept01).toHaveLength(15);
    const report01 = reportSchema.parse(JSON.parse(await readFile(join(reports, "dept01.report.json"), "utf8")));
    expect(dept01.map((row) => [row[2], row[3], row[8]])).toEqual(
      report01.projects.map((p) => [p.code, p.name, p.light]),
    );
    const sum = (column: number) => dept01.reduce((total, row) => total + Number(row[column] ?? 0), 0);
    expect([sum(5), sum(6), sum(7)]).toEqual([2, 38, 0]);
    const failed = byProject.filter((row) => row[1] === "could not be read");
    expect(failed.map((row) => row[0])).toEqual(["locked.xlsx", "notes.csv", "truncated.xlsx"]);
    expect(String(failed[0]?.[10])).toMatch(/password-protected/);
    expect(sheetRows(summary.getWorksheet("By workbook"))).toHaveLength(1 + 23);
  });

  it("writes the summary where --summary says, and no report without --json", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-"));
    await copyFile(sample, join(folder, "a.xlsx"));
    const target = join(await mkdtemp(join(tmpdir(), "check-targets-summary-")), "汇总.xlsx");
    const r = await runCli([folder, "--summary", target]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/共检查 1 个工作簿 —— 错误 2，警告 38，提示 0/);
    expect(r.stdout).toContain(`汇总：${target}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["按项目", "按工作簿"]);
    expect(await readdir(folder)).toEqual(["a.xlsx"]);
  });

  it("goes below the folder only with --recursive, its reports mirroring the subfolders", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-"));
    await mkdir(join(folder, "商务局", "2021"), { recursive: true });
    await copyFile(sample, join(folder, "top.xlsx"));
    await copyFile(sample, join(folder, "商务局", "2021", "nested.xlsx"));
    const flat = await runCli([folder]);
    expect(flat.stdout).toMatch(/共检查 1 个工作簿/);
    const reports = join(folder, "reports");
    const deep = await runCli([folder, "--recursive", "--json", reports]);
    expect(deep.stdout).toMatch(/共检查 2 个工作簿/);
    expect(existsSync(join(reports, "商务局", "2021", "nested.report.json"))).toBe(true);
    expect(existsSync(join(reports, "top.report.json"))).toBe(true);
    // A second run does not read its own summary back as a department's workbook.
    const again = await runCli([folder, "--recursive", "--json", reports]);
    expect(again.stdout).toMatch(/共检查 2 个工作簿/);
  });

  it("exits 0 when no workbook has an error finding and every file was read", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-"));
    const clean = workbookOf({
      指标: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["隔离点", "产出指标", "数量指标", "征用医用隔离点", "≥5家"],
      ],
    });
    await clean.xlsx.writeFile(join(folder, "clean.xlsx"));
    const r = await runCli([folder]);
    expect(r.stdout).toMatch(/错误 0/);
    expect(r.code).toBe(0);
  });

  it("shows progress only on a terminal, and clears it at the end", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-"));
    await copyFile(sample, join(folder, "a.xlsx"));
    await copyFile(sample, join(folder, "b.xlsx"));
    const tty = await runCli([folder, "--lang", "en-US"], { tty: true });
    expect(tty.progress).toEqual(["checking 1/2 a.xlsx", "checking 2/2 b.xlsx", ""]);
    const pipe = await runCli([folder, "--lang", "en-US"]);
    expect(pipe.progress).toEqual([]);
    expect(pipe.stdout).not.toContain("checking");
  });

  it("refuses options that name one output for a folder, with exit 2", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-"));
    const out = await runCli([folder, "--out", join(folder, "x.xlsx")]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^--out 指定一个检查后的副本，只能用于单个工作簿/);
    const json = await runCli([folder, "--json", "-", "--lang", "en-US"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/--json names a folder/);
  });
});

describe("check-targets <folder>: each workbook within its limits", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "check-targets-folder-limits-"));
    await copyFile(sample, join(folder, "a-sample.xlsx"));
    await generatedWorkbook(loadSeed(), 20_000).xlsx.writeFile(join(folder, "b-list.xlsx"));
  }, 120_000);

  it("names a workbook that needs more memory than --file-memory, and checks the others", async () => {
    const r = await runCli([folder, "--lang", "en-US", "--file-memory", "24"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toBe("a-sample.xlsx: 15 projects, 95 indicators — 2 errors, 38 warnings, 0 infos");
    expect(r.stdout).toMatch(/2 workbooks checked, 1 could not be read/);
    expect(r.stderr).toBe(
      `${join(folder, "b-list.xlsx")}: needed more than 24 MiB of memory to check; skipped (the limit is set with --file-memory)\n`,
    );
  });

  it("names a workbook that takes longer than --file-timeout, stopped rather than waited for", async () => {
    const started = performance.now();
    const r = await runCli([folder, "--lang", "en-US", "--file-timeout", "0.05", "--jobs", "1"]);
    const seconds = (performance.now() - started) / 1000;
    expect(r.code).toBe(1);
    // 50 ms is less than any check takes, or a process takes to start: both are named, in folder order.
    expect(r.stderr.trimEnd().split("\n")).toEqual(
      ["a-sample.xlsx", "b-list.xlsx"].map(
        (f) => `${join(folder, f)}: took longer than 0.05 s to check; skipped (the limit is set with --file-timeout)`,
      ),
    );
    expect(r.stdout).toMatch(/2 workbooks checked, 2 could not be read/);
    expect(seconds).toBeLessThan(10);
  });
});

describe("check-targets <folder>: files that are not workbooks", () => {
  it("names each with what it is, whatever its kind", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-kinds-"));
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await writeFile(join(folder, "old.xls"), ole);
    await writeFile(join(folder, "wps.et"), ole);
    const numbers = new JSZip();
    numbers.file("Index/Document.iwa", "x");
    await writeFile(join(folder, "mac.numbers"), await numbers.generateAsync({ type: "nodebuffer" }));
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    await writeFile(join(folder, "calc.ods"), await ods.generateAsync({ type: "nodebuffer" }));
    await writeFile(join(folder, "list.tsv"), "项目编码\t项目名称\n");
    await writeFile(join(folder, "readme.txt"), "not a spreadsheet, not listed");

    const r = await runCli([folder, "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^5 workbooks checked, 5 could not be read/);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `${join(folder, "calc.ods")}: an OpenDocument (.ods) file, not an .xlsx workbook; open it in Excel (or WPS) and save it as .xlsx`,
      `${join(folder, "list.tsv")}: not an .xlsx workbook but a text (TSV) file; open it in Excel (or WPS) and save it as .xlsx`,
      `${join(folder, "mac.numbers")}: an Apple Numbers file, not an .xlsx workbook; export it from Numbers as .xlsx (File › Export To › Excel)`,
      `${join(folder, "old.xls")}: an old .xls workbook; open it in Excel (or WPS) and save it as .xlsx`,
      `${join(folder, "wps.et")}: a WPS .et workbook; open it in Excel (or WPS) and save it as .xlsx`,
    ]);
    // Without --lang, in Chinese: each worker words its file's refusal in the command's language.
    const zh = await runCli([folder]);
    expect(zh.code).toBe(1);
    expect(zh.stderr.trimEnd().split("\n")).toEqual([
      `${join(folder, "calc.ods")}：是 OpenDocument（.ods）文件，不是 .xlsx 工作簿；请用 Excel（或 WPS）打开它，另存为 .xlsx 工作簿后再检查`,
      `${join(folder, "list.tsv")}：不是 .xlsx 工作簿，而是文本（TSV）文件；请用 Excel（或 WPS）打开它，另存为 .xlsx 工作簿后再检查`,
      `${join(folder, "mac.numbers")}：是苹果 Numbers 文件，不是 .xlsx 工作簿；请在 Numbers 中导出为 .xlsx（“文件”>“导出为”>“Excel”）后再检查`,
      `${join(folder, "old.xls")}：是旧版 .xls 工作簿；请用 Excel（或 WPS）打开它，另存为 .xlsx 工作簿后再检查`,
      `${join(folder, "wps.et")}：是 WPS 表格的 .et 工作簿；请用 Excel（或 WPS）打开它，另存为 .xlsx 工作簿后再检查`,
    ]);
  });
});

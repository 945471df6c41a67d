import { mkdtemp, readFile, writeFile, copyFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { reportSchema } from "../../src/core";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";
import { generatedWorkbook } from "../../bench/generated-workbook";

type Captured = { code: number; stdout: string; stderr: string };

async function run(argv: string[]): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    now: () => new Date(2026, 5, 30),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe("check-targets", () => {
  let dir: string;
  let sample: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "check-targets-cli-"));
    sample = join(dir, "sample.xlsx");
    await buildSampleWorkbook(loadSeed()).xlsx.writeFile(sample);
  });

  it("checks a workbook, prints a summary and exits 1 when there are errors", async () => {
    const r = await run([sample]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/sample\.xlsx：15 个项目，95 个指标 —— 错误 2，警告 38，提示 0/);
    expect(r.stderr).toBe("");
  });

  it("lists errors first, then warnings, infos last, and says how many of each were not listed", async () => {
    const file = join(dir, "long-list.xlsx");
    await generatedWorkbook(loadSeed(), 400).xlsx.writeFile(file);
    const r = await run([file, "--lang", "en-US"]);
    const lines = r.stdout.trimEnd().split("\n");
    const head = /(\d+) errors, (\d+) warnings, (\d+) infos/.exec(lines[0] ?? "");
    const [errors, warnings, infos] = [1, 2, 3].map((i) => Number(head?.[i]));
    // Line 2 states the fiscal year and the as-of date; the findings follow.
    expect(lines[1]).toMatch(/^ {2}Fiscal year \d{4} \(.+\); as of \d{4}-\d{2}-\d{2}, /);
    const listed = lines.slice(2, 32).map((line) => /^ {2}(error|warning|info) /.exec(line)?.[1]);
    expect(listed).toHaveLength(30);
    // Sorted by severity: every error before any warning, every warning before any info.
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const ranks = listed.map((s) => (s === undefined ? -1 : rank[s as keyof typeof rank]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks.filter((x) => x === 0)).toHaveLength(Math.min(errors!, 30));
    // What was left out, by severity: here some warnings and all the infos (none since issue 12:
    // the analyser reads every name of the seed, so no unmapped notes).
    const shownWarnings = ranks.filter((x) => x === 1).length;
    const infosLeft = infos! > 0 ? `, ${infos} infos` : "";
    expect(lines[32]).toBe(`  … ${warnings! - shownWarnings} warnings${infosLeft} not listed; see the --json report`);
    // The report itself keeps reading order.
    const json = join(dir, "long-list.json");
    await run([file, "--json", json]);
    const report = reportSchema.parse(JSON.parse(await readFile(json, "utf8")));
    expect(report.findings.map((f) => f.severity)).not.toEqual(
      [...report.findings].sort((a, b) => rank[a.severity] - rank[b.severity]).map((f) => f.severity),
    );
  });

  it("says in Chinese how many findings were not listed", async () => {
    const file = join(dir, "long-list-zh.xlsx");
    await generatedWorkbook(loadSeed(), 100).xlsx.writeFile(file);
    const r = await run([file]);
    expect(r.stdout).toMatch(/\n {2}…… 另有 \d+ 条警告未列出，完整内容见 --json 报告\n$/);
  });

  it("speaks English with --lang en-US", async () => {
    const r = await run([sample, "--lang", "en-US"]);
    expect(r.stdout).toMatch(/15 projects, 95 indicators — 2 errors, 38 warnings, 0 infos/);
  });

  it("writes a report that matches the schema, with --as-of", async () => {
    const json = join(dir, "report.json");
    await run([sample, "--json", json, "--as-of", "2026-03-31"]);
    const report = reportSchema.parse(JSON.parse(await readFile(json, "utf8")));
    expect(report.asOf).toBe("2026-03-31");
    expect(report.findings).toHaveLength(40);
  });

  it("writes a summary workbook for one workbook with --summary", async () => {
    const target = join(dir, "one-summary.xlsx");
    const r = await run([sample, "--summary", target, "--lang", "en-US"]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const rows: unknown[][] = [];
    wb.getWorksheet("By project")?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(1 + 15);
    expect(rows.slice(1).every((row) => row[0] === "sample.xlsx" && row[1] === "checked")).toBe(true);
    expect(rows.slice(1).reduce((sum, row) => sum + Number(row[5]), 0)).toBe(2);
  });

  it("writes the report to stdout with --json -", async () => {
    const r = await run([sample, "--json", "-"]);
    expect(reportSchema.parse(JSON.parse(r.stdout)).summary.errors).toBe(2);
  });

  it("writes a checked copy and leaves the input byte for byte as it was", async () => {
    const before = await readFile(sample);
    const out = join(dir, "checked.xlsx");
    await run([sample, "--out", out]);
    expect((await readFile(sample)).equals(before)).toBe(true);
    expect((await stat(out)).size).toBeGreaterThan(0);
    // The refusal is worded in the command's language: zh-CN by default, English with --lang en-US.
    const again = await run([sample, "--out", sample]);
    expect(again).toEqual({
      code: 2,
      stdout: "",
      stderr: `${sample}：这是被检查的工作簿本身，不会覆盖它；请用 --out 另指定一个文件\n`,
    });
    const english = await run([sample, "--out", sample, "--lang", "en-US"]);
    expect(english).toEqual({
      code: 2,
      stdout: "",
      stderr: `${sample}: refusing to overwrite the input; choose another --out\n`,
    });
    expect((await readFile(sample)).equals(before)).toBe(true);
  });

  it("exits 2 with one clear line for a missing file, in Chinese by default and in English with --lang en-US", async () => {
    const nope = join(dir, "nope.xlsx");
    expect(await run([nope])).toEqual({ code: 2, stdout: "", stderr: `${nope}：找不到该文件\n` });
    expect(await run([nope, "--lang", "en-US"])).toEqual({ code: 2, stdout: "", stderr: `${nope}: file not found\n` });
  });

  it("exits 2 for a file that is not a workbook", async () => {
    const csv = join(dir, "list.xlsx");
    await writeFile(csv, "项目编码,项目名称\n1,2\n");
    const r = await run([csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${csv}：不是 .xlsx 工作簿，而是文本文件（CSV、HTML 或 XML？）；请用 Excel（或 WPS）打开它，另存为 .xlsx 工作簿后再检查\n`,
    );
    const english = await run([csv, "--lang", "en-US"]);
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(/not an \.xlsx workbook/);
  });

  it("exits 2 for a truncated workbook", async () => {
    const bytes = await readFile(sample);
    const cut = join(dir, "cut.xlsx");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await run([cut, "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/damaged or incomplete/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 for a password-protected workbook (an OLE file with an EncryptionInfo stream)", async () => {
    // The container shape Excel writes for an encrypted .xlsx: OLE signature, stream names in UTF-16.
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    const locked = join(dir, "locked.xlsx");
    await writeFile(locked, ole);
    const r = await run([locked, "--lang", "en-US"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/password-protected/);
    const zh = await run([locked]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/locked\.xlsx：工作簿设有打开密码（已加密）/);
  });

  it("prints usage on --help and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r).toEqual({ code: 0, stdout: expect.stringMatching(/^usage: check-targets/), stderr: "" });
  });

  it("exits 2 on an unknown flag, naming it, in the command's language", async () => {
    const r = await run([sample, "--fix"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^命令行参数有误：.*--fix/);
    const en = await run([sample, "--fix", "--lang", "en-US"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/--fix.*\(check-targets --help lists the options\)\n$/);
  });

  it("exits 2 on a bad flag value, naming the option, in zh-CN unless --lang says en-US", async () => {
    const r = await run([sample, "--as-of", "30/06/2026"]);
    expect(r).toMatchObject({ code: 2, stderr: "--as-of 需要日期，格式为 YYYY-MM-DD\n" });
    const en = await run([sample, "--as-of", "30/06/2026", "--lang=en-US"]);
    expect(en).toMatchObject({ code: 2, stderr: "--as-of takes a date as YYYY-MM-DD\n" });
    // A language that is not one: said in the default language.
    const lang = await run([sample, "--lang", "fr"]);
    expect(lang).toMatchObject({ code: 2, stderr: "--lang 只能是 zh-CN 或 en-US\n" });
    const two = await run([sample, sample]);
    expect(two).toMatchObject({ code: 2, stderr: "请只给出一个工作簿或文件夹（给出了 2 个）\n" });
  });

  it("checks every workbook of a folder and goes past a bad one", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-folder-"));
    await copyFile(sample, join(folder, "a.xlsx"));
    await copyFile(sample, join(folder, "b.xlsx"));
    await writeFile(join(folder, "broken.xlsx"), "not a workbook");
    const reports = join(folder, "reports");
    const r = await run([folder, "--json", reports]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.xlsx：不是 \.xlsx 工作簿/);
    expect(r.stdout).toMatch(/共检查 3 个工作簿/);
    const a = reportSchema.parse(JSON.parse(await readFile(join(reports, "a.report.json"), "utf8")));
    expect(a.summary.indicators).toBe(95);
  });
});

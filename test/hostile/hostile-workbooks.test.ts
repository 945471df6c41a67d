import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook, OWNED, reportSchema, type Report } from "../../src/core";
import { openWorkbook, workbookData } from "../support/exceljs";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";
import { mergedList, READABLE } from "./fixtures";
import { runCli, type Captured } from "./run-cli";
import { staffChanges } from "./staff-cells";

/**
 * Issue 7: workbooks as clerks keep them after years of copying and saving. Each is checked by
 * the command as a user runs it, with --out and --json: no throw, an exit status of 0 or 1, every
 * indicator's target parsed or reported at its cell, and every staff cell of the checked copy as
 * it was in the original.
 */

type Checked = { input: Buffer; output: Buffer; report: Report; cli: Captured };

let dir: string;
const checked = new Map<string, Checked>();

async function check(name: string, input: Buffer): Promise<Checked> {
  const file = join(dir, `${name}.xlsx`);
  await writeFile(file, input);
  const out = join(dir, `${name}.checked.xlsx`);
  const json = join(dir, `${name}.report.json`);
  const cli = await runCli([file, "--out", out, "--json", json, "--lang", "en-US"]);
  const report = reportSchema.parse(JSON.parse(await readFile(json, "utf8")));
  return { input, output: await readFile(out), report, cli };
}

/** "rule sheet!cell" of every finding, in report order. */
const where = (report: Report): string[] => report.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

/** The findings of a workbook read straight from its bytes, without the command line. */
async function findingsOf(wb: ExcelJS.Workbook): Promise<string[]> {
  const file = join(dir, `direct-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  const { report } = checkWorkbook(workbookData(await openWorkbook(file)), {
    asOf: "2026-06-30",
    locale: "en-US",
    source: "direct.xlsx",
  });
  return where(report);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "check-targets-hostile-"));
  for (const [name, build] of Object.entries(READABLE)) checked.set(name, await check(name, await build()));
}, 120_000);

const get = (name: string): Checked => {
  const c = checked.get(name);
  if (!c) throw new Error(`fixture ${name} was not checked`);
  return c;
};

describe.each(Object.keys(READABLE))("the hostile workbook %s", (name) => {
  it("is checked without a throw, exit status 0 or 1, nothing on stderr but what the copy lacks", () => {
    const { cli } = get(name);
    expect([0, 1]).toContain(cli.code);
    expect(cli.stderr).toMatch(/^(.*: the checked copy lacks these parts of the original: .*\n)?$/);
    if (name !== "charts") expect(cli.stderr).toBe("");
    expect(cli.stdout).toMatch(new RegExp(`^${name}\\.xlsx: \\d+ projects`));
  });

  it("has every target parsed or reported at its cell", () => {
    const { report } = get(name);
    const reported = new Set(
      report.findings
        .filter((f) => f.rule === "target-missing" || f.rule === "target-unparseable")
        .map((f) => `${f.sheet}!${f.cell}`),
    );
    for (const p of report.projects) {
      for (const ind of p.indicators) {
        const kind = ind.target.parsed.kind;
        const ok = kind === "quantitative" || kind === "qualitative" || reported.has(`${ind.sheet}!${ind.cell}`);
        expect({ at: `${ind.sheet}!${ind.cell}`, kind, ok }).toEqual({
          at: `${ind.sheet}!${ind.cell}`,
          kind,
          ok: true,
        });
      }
    }
  });

  it("leaves every staff cell, sheet and merged area of the checked copy as it was", async () => {
    const { input, output } = get(name);
    expect(await staffChanges(input, output)).toEqual([]);
  });
});

describe("what each hostile workbook yields", () => {
  it("empty: no project, and the empty sheet named", () => {
    const { cli, report } = get("empty");
    expect(cli.code).toBe(0);
    expect(report.summary).toMatchObject({ projects: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 });
    expect(cli.stdout).toMatch(/sheets with no table found: Sheet1/);
  });

  it("images: the picture-only sheet is skipped and the picture kept in the copy", async () => {
    const { report, output } = get("images");
    expect(report.skipped).toEqual(["图片"]);
    expect(report.summary).toMatchObject({ projects: 15, indicators: 95, errors: 2, warnings: 38 });
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(output as unknown as ArrayBuffer);
    expect(copy.getWorksheet("图片")?.getImages()).toHaveLength(1);
  });

  it("charts: the chart's sheet is read for tables, and the copy keeps the chart as it was", async () => {
    const { cli, report, output } = get("charts");
    expect(report.skipped).toEqual(["图表"]);
    expect(cli.stderr).toBe("");
    const zip = await JSZip.loadAsync(output);
    const charts = Object.keys(zip.files).filter((f) => f.startsWith("xl/charts/"));
    expect(charts.length).toBeGreaterThan(0);
  });

  it("stray value at XFD1048576: the same findings as the sample, and the stray cell kept", async () => {
    const { report, output } = get("stray");
    expect(where(report)).toEqual(await findingsOf(buildSampleWorkbook(loadSeed())));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(output as unknown as ArrayBuffer);
    expect(copy.getWorksheet("绩效指标")?.getCell("XFD1048576").value).toBe("备注");
  });

  it("5,000 merged areas: read as the same list unmerged", async () => {
    const { report } = get("merges");
    expect(report.summary.indicators).toBe(5_000);
    expect(where(report)).toEqual(await findingsOf(mergedList(false)));
  });

  it("32,767-character cells: each target read or reported at its cell", () => {
    const { report } = get("long-cells");
    const unreadable = report.findings.filter((f) => f.rule === "target-unparseable").map((f) => f.cell);
    expect(unreadable).toEqual(["F2", "F4"]);
    const kinds = report.projects.flatMap((p) => p.indicators.map((i) => [i.cell, i.target.parsed.kind]));
    expect(kinds).toEqual(
      expect.arrayContaining([
        ["F3", "qualitative"],
        ["F5", "quantitative"],
      ]),
    );
  });

  it("cached errors: each target that shows one is a missing target, the error named", () => {
    const { report } = get("cached-errors");
    const missing = report.findings.filter((f) => f.rule === "target-missing");
    expect(missing.map((f) => `${f.sheet}!${f.cell}`)).toEqual(
      ["E2", "E3", "E4", "E5", "E6", "E7", "E8"].map((c) => `指标!${c}`),
    );
    for (const [i, error] of ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"].entries()) {
      expect(missing[i]?.message).toContain(`"${error}"`);
    }
  });

  it("cached errors elsewhere: each named at its cell, never read as a blank, a zero or a gap", () => {
    const { report } = get("cached-errors");
    const errors = report.findings.filter((f) => f.rule === "cell-error");
    expect(errors.map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([
      "项目!C2 The 预算数 cell shows the error value #REF! (a broken formula), so the check cannot read its value; correct the formula or type the value.",
      "项目!D2 The 财政资金 cell shows the error value #DIV/0! (a broken formula), so the check cannot read its value; correct the formula or type the value.",
      "项目!G2 The 6月底 cell shows the error value #N/A (a broken formula), so the check cannot read its value; correct the formula or type the value.",
      "指标!B2 The 一级指标 cell shows the error value #N/A (a broken formula), so the check cannot read its value; correct the formula or type the value.",
      "指标!F3 The 完成值 cell shows the error value #DIV/0! (a broken formula), so the check cannot read its value; correct the formula or type the value.",
    ]);
    expect(errors.find((f) => f.cell === "F3")).toMatchObject({ project: "隔离点", indicator: "指标2" });
    // Nothing judged on what the errors hide: no sum of funds, no gap in the plan, no missing actual.
    expect(where(report).filter((w) => /^(budget-sum|plan-invalid|actual-)/.test(w))).toEqual([]);
  });

  it("dates for numbers: a date-formatted budget is read as its number and disagrees with its funds", () => {
    const { report } = get("dates-for-numbers");
    expect(where(report)).toEqual(expect.arrayContaining(["budget-sum 项目!C2", "target-not-quantitative 指标!E2"]));
    expect(report.findings.find((f) => f.rule === "target-not-quantitative")?.message).toContain("2021-06-30");
  });

  it("numbers stored as text: read as numbers; a bare number as a target is incomplete", () => {
    const { report } = get("numbers-as-text");
    expect(report.projects.map((p) => [p.budget, p.fiscal, p.other, p.plan])).toEqual([
      [72.02, 70, 2.02, [25, 50, 75, 100]],
      [1281.02, 1281.02, 0, [25, 50, 75, 100]],
    ]);
    expect(where(report).filter((w) => !w.startsWith("category-") && !w.startsWith("indicator-unmapped"))).toEqual([
      "target-incomplete 指标!E2",
      "target-incomplete 指标!E3",
    ]);
  });

  it("hidden and very hidden sheets: read like visible ones", async () => {
    const { report } = get("hidden-sheets");
    expect(where(report)).toEqual(await findingsOf(buildSampleWorkbook(loadSeed())));
    expect(report.sheets?.filter((s) => s.role === "data").map((s) => s.name)).toEqual([
      "项目清单",
      "绩效指标",
      "部门整体目标",
    ]);
  });

  it("a staff sheet named 绩效目标表: kept, and the standard table written beside it", async () => {
    const { output } = get("named-like-ours");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(output as unknown as ArrayBuffer);
    expect(copy.getWorksheet("绩效目标表")?.getCell("A1").value).toBe("本表由财务科填写，请勿改动");
    const ours = copy.getWorksheet(`${OWNED.tableSheet}(检查目标)`);
    const firstRow = (ours?.getRow(1).values ?? []) as unknown[];
    expect(firstRow.some((v) => typeof v === "string" && v.startsWith(OWNED.marker))).toBe(true);
  });

  it("a malformed 指标定义 sheet: each unusable row reported at the cell at fault", () => {
    const { report } = get("malformed-definitions");
    expect(where(report).filter((w) => w.startsWith("definition-invalid"))).toEqual(
      ["B3", "F4", "D5", "G6", "I7", "H9", "J10", "F11"].map((c) => `definition-invalid 指标定义!${c}`),
    );
    // A unit cell showing #REF! would otherwise read as blank and leave the definition unit-less unseen.
    expect(report.findings.find((f) => f.cell === "F11")?.message).toBe(
      "Row 11 of 指标定义 was not used: its 计量单位 (unit) cell shows the error value #REF! (a broken formula); correct the formula or type the value.",
    );
  });

  it("a 指标定义 sheet without a header: reported at its first cell, saying what the header must hold", () => {
    const { report } = get("definitions-without-header");
    expect(where(report).filter((w) => w.startsWith("definition-invalid"))).toEqual(["definition-invalid 指标定义!A1"]);
    expect(report.findings.find((f) => f.rule === "definition-invalid")?.message).toMatch(
      /^The 指标定义 sheet has no header row and was not used: its first row must name the columns, at least 指标名称/,
    );
  });
});

describe("the staff-cell comparison", () => {
  it("sees a changed value, a changed format and a removed merge", async () => {
    const original = get("images").input;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("绩效指标")!;
    ws.getCell("G5").value = "100%";
    ws.getCell("A4").numFmt = "0.00";
    const merged = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges)[0]!;
    ws.unMergeCells(merged);
    const changes = await staffChanges(original, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(changes.some((c) => c.startsWith("绩效指标!G5:"))).toBe(true);
    expect(changes.some((c) => c.startsWith("绩效指标!A4:"))).toBe(true);
    expect(changes.some((c) => c.startsWith("绩效指标: "))).toBe(true);
  });
});

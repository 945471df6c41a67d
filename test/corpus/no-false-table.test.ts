/**
 * Issue 12, deliver 7: tables are recognised by what their cells hold, so the reader must not
 * see a target table where there is none. Every workbook of the shared corpus that the manifest
 * says must be read (`read`) and that is not one of the three 绩效评价表 of hktianyi/Meeting is
 * test data of other spreadsheet projects — dates, prices, formulas, styles — and holds no
 * performance targets: checking it must read no table and give no finding of the rules that
 * judge a table's rows. Skipped, saying so, where the corpus is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, type RuleId } from "../../src/core";
import { readWorkbookFile } from "../../src/xlsx/read/read-file";

const CORPUS = process.env.CHECK_TARGETS_CORPUS ?? "/work/shared/corpus";
const present = existsSync(join(CORPUS, "MANIFEST.tsv"));
if (!present) console.warn(`no-false-table tests skipped: no ${join(CORPUS, "MANIFEST.tsv")} (set CHECK_TARGETS_CORPUS)`);
const describeCorpus = present ? describe : describe.skip;

/** The only target workbooks of the corpus (README.md of the corpus). */
const TARGET_REPO = "hktianyi/Meeting";

/** Rules that only a table read from the workbook can give: none may fire on a workbook with no targets. */
const TABLE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "target-missing",
  "target-unparseable",
  "target-not-quantitative",
  "target-direction",
  "target-unit",
  "target-out-of-range",
  "target-goal-mismatch",
  "target-incomplete",
  "category-misuse",
  "target-restates-name",
  "target-exceeds-budget",
  "weights-sum",
  "indicator-unmapped",
  "indicator-duplicate",
  "category-missing",
  "budget-sum",
  "plan-invalid",
  "project-code",
  "project-duplicate",
  "actual-fails-target",
  "actual-unparseable",
  "actual-behind",
  "spending-behind-plan",
  "deviation-reason-missing",
  "actual-pending",
  "column-unused",
]);

/** The files the manifest says must be read, from the target repository or from any other. */
const files = (targets: boolean): string[] =>
  readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter(([, expect, repo]) => expect === "read" && (repo === TARGET_REPO) === targets)
    .map(([file]) => file ?? "");

type Outcome = { tables: string[]; findings: string[]; skipped: string[] };

/** One workbook checked as the command checks it: the tables read, table-rule findings, sheets skipped with targets. */
async function outcome(file: string): Promise<Outcome> {
  let data;
  try {
    data = await readWorkbookFile(join(CORPUS, "files", file));
  } catch (e) {
    // corpus.test.ts holds what the command must do with each file; what matters here is what is read.
    return { tables: [], findings: [`unreadable: ${(e as Error).message.split("\n")[0]}`], skipped: [] };
  }
  const { report } = checkWorkbook(data, { asOf: "2026-06-30", locale: "en-US", source: file });
  return {
    tables: (report.sheets ?? []).flatMap((s) => s.tables.map((t) => `${s.name}: ${t.kind} at row ${t.headerRow}`)),
    findings: report.findings.filter((f) => TABLE_RULES.has(f.rule)).map((f) => `${f.rule} ${f.sheet}!${f.cell}`),
    skipped: report.findings.filter((f) => f.rule === "sheet-skipped").map((f) => `${f.sheet}!${f.cell}`),
  };
}

describeCorpus("no target table where the corpus holds none", () => {
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    // One after another, in this process: about 15 s for the whole corpus on one core.
    for (const file of files(false)) outcomes.set(file, await outcome(file));
  }, 300_000);

  it("checks over 300 workbooks that are not target workbooks", () => {
    expect(outcomes.size).toBeGreaterThan(300);
  });

  it("reads no table in any of them", () => {
    const found = [...outcomes].filter(([, o]) => o.tables.length > 0).map(([f, o]) => `${f}: ${o.tables.join("; ")}`);
    expect(found).toEqual([]);
  });

  it("the same harness does see the tables of the corpus's three target workbooks", async () => {
    const targets = files(true);
    expect(targets).toHaveLength(3);
    for (const file of targets) expect((await outcome(file)).tables).not.toEqual([]);
  });

  it("names no sheet as skipped with targets: formatted numbers (12%, ￥1.11) are not targets", () => {
    const named = [...outcomes].flatMap(([f, o]) => o.skipped.map((s) => `${f}: ${s}`));
    console.log(`sheet-skipped on the corpus: ${named.length} sheets${named.length > 0 ? `: ${named.join("; ")}` : ""}`);
    expect(named).toEqual([]);
  });

  it("gives no finding of a rule that judges a table's rows", () => {
    const found = [...outcomes]
      .filter(([, o]) => o.findings.length > 0)
      .map(([f, o]) => `${f}: ${o.findings.slice(0, 5).join("; ")}`);
    expect(found).toEqual([]);
  });
});

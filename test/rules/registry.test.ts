import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, formatFinding, type Finding } from "../../src/core";
import { RULE_IDS, RULES, type RuleId } from "../../src/core/model/rule-registry";
import { REVIEW_CHECKS } from "../../src/core/rules";
import { FilePort } from "../../src/xlsx";
import { checkBuilt } from "../support/check-workbook";
import { CHECKS_DOC, rulesTable, withRulesTable } from "../../scripts/docs-checks";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";
import { PLANTED_INDICATORS, PLANTED_PROJECTS } from "../support/planted-defects";
import { workbookOf } from "../support/sheet-builder";

const samples = join(__dirname, "../../samples");

/** Test files other than this one. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(e.name) && path !== __filename ? [path] : [];
  });
}

async function checkFile(file: string, asOf: string): Promise<Finding[]> {
  const data = await (await FilePort.open(join(samples, file))).read();
  return checkWorkbook(data, { asOf, locale: "zh-CN", source: file }).findings;
}

/** Findings of every rule the bundled workbooks and the seed give, mid-year and at year end. */
async function realFindings(): Promise<Finding[]> {
  const seed = loadSeed();
  return [
    ...(await checkFile("sample.xlsx", "2026-06-30")),
    ...(await checkFile("monitoring.xlsx", "2024-06-30")),
    ...(await checkFile("monitoring.xlsx", "2025-01-20")),
    ...(await checkBuilt(buildSampleWorkbook(seed, { definitions: false }))).findings,
    ...(await checkBuilt(workbookOf({ 项目清单: PLANTED_PROJECTS, 绩效指标: PLANTED_INDICATORS }))).findings,
  ];
}

describe("the rule registry", () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await realFindings();
  });

  it("holds every finding's details as its rule declares them, with a severity the rule may give", () => {
    expect(findings.length).toBeGreaterThan(100);
    const wrong = findings.flatMap((f) => {
      const entry = RULES[f.rule];
      const parsed = entry.details.safeParse(f.details);
      const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      if (!entry.severities.includes(f.severity)) problems.push(`severity ${f.severity}`);
      return problems.map((p) => `${f.rule} ${f.sheet}!${f.cell} ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it("is exercised by real workbooks, or else by a test of its own that names it", () => {
    const seen = new Set(findings.map((f) => f.rule));
    expect(seen.size).toBeGreaterThanOrEqual(20);
    const unseen = RULE_IDS.filter((id) => !seen.has(id));
    const testSources = testFiles(join(__dirname, "..")).map((f) => readFileSync(f, "utf8"));
    const untested = unseen.filter((id) => !testSources.some((src) => src.includes(`"${id}`) || src.includes(`${id} `)));
    expect(untested).toEqual([]);
  });

  it("gives every review rule a check that runs it, and no review check a monitoring rule", () => {
    const emitted = new Set<RuleId>(REVIEW_CHECKS.flatMap((c) => c.emits));
    const review = RULE_IDS.filter((id) => RULES[id].group === "review");
    expect([...emitted].filter((id) => RULES[id].group === "monitoring")).toEqual([]);
    expect(review.filter((id) => !emitted.has(id))).toEqual([]);
  });

  it("words every finding in both languages without an empty or undefined part", () => {
    for (const f of findings) {
      for (const locale of ["zh-CN", "en-US"] as const) {
        const text = formatFinding(f, locale);
        expect(text).not.toMatch(/undefined|null|NaN|“”|""/);
      }
    }
  });

  it("is what docs/checks.md lists (regenerate with npx tsx scripts/docs-checks.ts)", () => {
    const doc = readFileSync(CHECKS_DOC, "utf8");
    expect(doc).toBe(withRulesTable(doc));
    for (const id of RULE_IDS) expect(rulesTable()).toContain(`| \`${id}\` |`);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyse } from "../../src/core/analyser";
import { DEFAULT_SETTINGS, formatTarget, parseTarget, type Finding, type Indicator } from "../../src/core";
import { makeContext, runRules } from "../../src/core/rules";
import type { WorkbookModel } from "../../src/core/sheets/read-workbook";

/**
 * Issue 12, item 6: indicator rows as published in 绩效目标表 / 绩效自评表 of many regions (one
 * source address a row, test/fixtures/indicators/published.tsv), each labelled by hand with its
 * measure kind, direction and unit family, and with what is wrong in the publication itself.
 */
type Row = {
  source: string;
  name: string;
  level1: string;
  level2: string;
  target: string;
  operator: string;
  kind: string;
  direction: "positive" | "reverse";
  unit: string;
  wrong: string;
};

const FILE = join(__dirname, "..", "fixtures", "indicators", "published.tsv");
const [header, ...lines] = readFileSync(FILE, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
const rows: Row[] = lines.map((line) => {
  const [source, name, level1, level2, target, operator, kind, direction, unit, wrong] = line.split("\t");
  return {
    source: source ?? "",
    name: name ?? "",
    level1: level1 ?? "",
    level2: level2 ?? "",
    target: target ?? "",
    operator: operator ?? "",
    kind: kind ?? "",
    direction: direction === "reverse" ? "reverse" : "positive",
    unit: unit ?? "",
    wrong: wrong ?? "",
  };
});

const SHEET = "指标";
function indicator(row: Row, i: number, target = row.target): Indicator {
  const r = i + 2;
  return {
    projectKey: row.source,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    description: "",
    targetText: target,
    target: parseTarget(target),
    targetFromColumns: false,
    direction: null,
    basis: "",
    weight: null,
    actualText: null,
    deviationReason: null,
    sheet: SHEET,
    row: r - 1,
    cells: {
      level1: null,
      level2: { sheet: SHEET, cell: `D${r}` },
      name: { sheet: SHEET, cell: `E${r}` },
      target: { sheet: SHEET, cell: `F${r}` },
      weight: null,
      actual: null,
      deviationReason: null,
    },
  };
}

/** The review rules on a workbook model holding just these indicators. */
function review(indicators: Indicator[]): Finding[] {
  const model: WorkbookModel = {
    projects: [],
    projectRows: [],
    indicators,
    goals: [],
    layouts: [],
    skipped: [],
    sheets: [],
    staleMappings: [],
    cellErrors: [],
  };
  return runRules(makeContext(model, DEFAULT_SETTINGS));
}

/** What is wrong in a publication, by the word its label starts with, and the rule that must say so. */
const RULE_OF_LABEL: Record<string, Finding["rule"]> = {
  direction: "target-direction",
  unit: "target-unit",
  vague: "target-not-quantitative",
  "not-quantitative": "target-not-quantitative",
  "no-time": "target-not-quantitative",
  category: "category-misuse",
  unparseable: "target-unparseable",
  incomplete: "target-incomplete",
};

const FLIP: Record<string, string> = { ">=": "<=", "<=": ">=", ">": "<", "<": ">" };
const directional = rows.filter((r) => FLIP[r.operator] !== undefined);
const wrongDirection = (r: Row) => r.wrong.startsWith("direction");

/** The same target with the operator turned round: ≥90% → ≤90%. */
function flipped(row: Row): string {
  const t = parseTarget(row.target);
  if (t.kind !== "quantitative" || t.operator === null || t.operator === "range" || t.operator === "=") {
    throw new Error(`row ${row.name}: ${row.target} has no operator to flip`);
  }
  const operator = FLIP[t.operator] as ">=" | "<=" | ">" | "<";
  return formatTarget({ ...t, operator });
}

const unitRight = (expected: string, got: string | null) =>
  expected === "-" ? got === null : expected === "count" ? got?.startsWith("count") === true : got === expected;

describe("the labelled corpus of published indicators", () => {
  it("has the columns it is read by, and every row a source", () => {
    expect(header?.split("\t")).toEqual([
      "source",
      "name",
      "level1",
      "level2",
      "target",
      "operator",
      "kind",
      "direction",
      "unit",
      "published_wrong",
    ]);
    for (const r of rows) expect(r.source).toMatch(/^https?:\/\//);
    // The issue asks for at least 300 real rows from many regions.
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.source)).size).toBeGreaterThanOrEqual(30);
  });

  it("reads kind and unit family right on at least 95% of rows", () => {
    const misses = rows.filter((r) => {
      const a = analyse({ name: r.name, level1: r.level1, level2: r.level2, target: parseTarget(r.target) });
      return a.kind !== r.kind || !unitRight(r.unit, a.unitFamily);
    });
    const accuracy = 1 - misses.length / rows.length;
    // The figure docs/judgement.md reports; printed so a run shows it.
    console.log(`labelled corpus: ${rows.length} rows, kind and unit family right on ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("gives no direction warning on a correctly published operator", () => {
    const findings = review(directional.map((r, i) => indicator(r, i)));
    const warned = new Set(findings.filter((f) => f.rule === "target-direction").map((f) => f.cell));
    const expected = directional.filter(wrongDirection).map((r) => `F${directional.indexOf(r) + 2}`);
    expect([...warned].sort()).toEqual(expected.sort());
  });

  it("gives a direction warning on every target whose operator is flipped", () => {
    const findings = review(directional.map((r, i) => indicator(r, i, flipped(r))));
    const warned = new Set(findings.filter((f) => f.rule === "target-direction").map((f) => f.cell));
    const expected = directional.filter((r) => !wrongDirection(r)).map((r) => `F${directional.indexOf(r) + 2}`);
    expect([...warned].sort()).toEqual(expected.sort());
  });

  it("flags every row whose publication is itself wrong, by the rule its label names", () => {
    const findings = review(rows.map((r, i) => indicator(r, i)));
    const flagged = new Set(findings.map((f) => `${f.rule} ${f.cell.replace(/^[A-Z]+/, "")}`));
    const unflagged = rows.filter((r, i) => {
      if (r.wrong === "") return false;
      const rule = RULE_OF_LABEL[r.wrong.split(":")[0] ?? ""];
      return rule === undefined || !flagged.has(`${rule} ${i + 2}`);
    });
    expect(unflagged.map((r) => `${r.name} ${r.target}: ${r.wrong}`)).toEqual([]);
    expect(rows.filter((r) => r.wrong !== "").length).toBeGreaterThan(0);
  });
});

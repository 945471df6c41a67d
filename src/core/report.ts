import type { Finding, Severity } from "./model/finding";
import type { Report, TrafficLight } from "./model/report";
import { formatFinding, type Locale } from "./messages";
import { fromA1 } from "./sheets/address";
import type { WorkbookModel } from "./sheets/read-workbook";

const LIGHT_OF: Readonly<Record<Severity, TrafficLight>> = { error: "red", warning: "amber", info: "green" };
const RANK: Readonly<Record<TrafficLight, number>> = { blue: 0, green: 1, amber: 2, red: 3 };

/** The worst severity among a project's findings, as a light. */
function lightsByProject(findings: readonly Finding[]): Map<string, TrafficLight> {
  const lights = new Map<string, TrafficLight>();
  for (const f of findings) {
    if (f.projectKey === null) continue;
    const l = LIGHT_OF[f.severity];
    if (RANK[l] > RANK[lights.get(f.projectKey) ?? "green"]) lights.set(f.projectKey, l);
  }
  return lights;
}

/** Findings in reading order: sheet by sheet as the workbook lists them, then row, then column. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetIndex = new Map(sheetOrder.map((name, i) => [name, i]));
  const pos = (f: Finding) => fromA1(f.cell) ?? { row: 0, col: 0 };
  return [...findings].sort(
    (a, b) =>
      (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) ||
      pos(a).row - pos(b).row ||
      pos(a).col - pos(b).col ||
      a.rule.localeCompare(b.rule),
  );
}

export type ReportInput = {
  model: WorkbookModel;
  findings: readonly Finding[];
  source: string;
  asOf: string;
  locale: Locale;
};

/**
 * Builds the report of SPEC §7. Its type is the schema's; the CLI validates it against the
 * schema where it leaves the program (parse at the border, not on every build).
 */
export function buildReport({ model, findings, source, asOf, locale }: ReportInput): Report {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const lights = lightsByProject(findings);
  const indicatorsOf = new Map<string, WorkbookModel["indicators"]>();
  for (const i of model.indicators) {
    const list = indicatorsOf.get(i.projectKey);
    if (list) list.push(i);
    else indicatorsOf.set(i.projectKey, [i]);
  }
  const report: Report = {
    schemaVersion: 1,
    source,
    asOf,
    projects: model.projects.map((p) => ({
      code: p.code,
      name: p.name,
      sheet: p.sheet,
      budget: p.budget,
      fiscal: p.fiscal,
      other: p.other,
      plan: p.plan === null ? null : [...p.plan],
      spent: p.spent,
      light: lights.get(p.key) ?? "green",
      score: null,
      indicators: (indicatorsOf.get(p.key) ?? []).map((i) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        description: i.description,
        target: { text: i.targetText, parsed: i.target },
        actual: i.actualText,
        sheet: i.sheet,
        cell: i.cells.target.cell,
        definition: null,
      })),
    })),
    goals: model.goals.map((g) => ({
      name: g.name,
      target: { text: g.targetText, parsed: g.target },
      sheet: g.sheet,
      cell: g.cell,
    })),
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      project: f.project,
      indicator: f.indicator,
      message: formatFinding(f, locale),
    })),
    summary: {
      projects: model.projects.length,
      indicators: model.indicators.length,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    },
  };
  return report;
}

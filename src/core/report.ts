import type { Match } from "./definitions/library";
import type { Finding, Severity } from "./model/finding";
import type { Indicator } from "./model/project";
import type { IndicatorScore, ProjectScore } from "./monitoring";
import type { Report, TrafficLight } from "./model/report";
import { formatFinding, type Locale } from "./messages";
import { columnLetters, fromA1 } from "./sheets/address";
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

const reportDefinition = (m: Match | null): { id: string; name: string; score: number } | null =>
  m === null ? null : { id: m.definition.id, name: m.definition.name, score: m.score };

/** Findings in reading order: sheet by sheet as the workbook lists them, then row, then column. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetIndex = new Map(sheetOrder.map((name, i) => [name, i]));
  // Positions parsed once, not on every comparison: a long list has tens of thousands of findings.
  const keyed = findings.map((f) => ({
    f,
    sheet: sheetIndex.get(f.sheet) ?? 0,
    at: fromA1(f.cell) ?? { row: 0, col: 0 },
  }));
  keyed.sort(
    (a, b) => a.sheet - b.sheet || a.at.row - b.at.row || a.at.col - b.at.col || a.f.rule.localeCompare(b.f.rule),
  );
  return keyed.map((k) => k.f);
}

export type ReportInput = {
  model: WorkbookModel;
  findings: readonly Finding[];
  source: string;
  asOf: string;
  locale: Locale;
  /** The definition each indicator was mapped to; none when omitted. */
  definitionOf?: (indicator: Indicator) => Match | null;
  /** Self-evaluation scores by project key, where monitoring ran. */
  scores?: ReadonlyMap<string, ProjectScore>;
  /** Projects that beat every quantitative target by 20%: their green light turns blue. */
  blue?: ReadonlySet<string>;
};

/** What was read where: every sheet's role and tables, rows 1-based and columns as letters. */
function sheetsOf(model: WorkbookModel): NonNullable<Report["sheets"]> {
  return model.sheets.map((sheet) => ({
    name: sheet.name,
    role: sheet.role,
    tables: model.layouts
      .filter((l) => l.sheet === sheet.name)
      .map((l) => ({
        kind: l.kind,
        headerRow: l.headerRow + 1,
        columns: Object.fromEntries(Object.entries(l.columns).map(([role, col]) => [role, columnLetters(col)])),
        source: l.source,
      })),
  }));
}

const scoreFields = (s: IndicatorScore | undefined): { weight?: number; score?: number | null } =>
  s === undefined ? {} : { weight: Math.round(s.weight * 100) / 100, score: s.score };

/**
 * Builds the report of SPEC §7. Its type is the schema's; the CLI validates it against the
 * schema where it leaves the program (parse at the border, not on every build).
 */
export function buildReport({
  model,
  findings,
  source,
  asOf,
  locale,
  definitionOf,
  scores,
  blue,
}: ReportInput): Report {
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
      light: lights.get(p.key) ?? (blue?.has(p.key) ? "blue" : "green"),
      score: scores?.get(p.key)?.total ?? null,
      indicators: (indicatorsOf.get(p.key) ?? []).map((i, k) => ({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        description: i.description,
        target: { text: i.targetText, parsed: i.target },
        actual: i.actualText,
        sheet: i.sheet,
        cell: i.cells.target.cell,
        definition: definitionOf === undefined ? null : reportDefinition(definitionOf(i)),
        ...scoreFields(scores?.get(p.key)?.indicators[k]),
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
    sheets: sheetsOf(model),
    skipped: [...model.skipped],
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

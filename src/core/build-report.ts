import type { Judgement } from "./definitions/judgement";
import type { Match } from "./definitions/library";
import type { Finding, Severity } from "./model/finding";
import { indicatorsByProject } from "./model/group";
import type { Indicator } from "./model/project";
import {
  isMonitoringFinding,
  type Deviation,
  type FiscalYear,
  type IndicatorScore,
  type ProjectScore,
} from "./monitoring";
import type { Report, ReportAnalysis, ReportProject, TrafficLight } from "./model/report";
import { formatFinding, type Locale } from "./messages";
import { formatLightReason, type LightBasis } from "./messages/light-reason";
import { columnLetters, fromA1 } from "./sheets/address";
import type { WorkbookModel } from "./sheets/read-workbook";

const LIGHT_OF: Readonly<Record<Severity, TrafficLight>> = { error: "red", warning: "amber", info: "green" };
const RANK: Readonly<Record<TrafficLight, number>> = { blue: 0, green: 1, amber: 2, red: 3 };

/** The worst severity among a project's findings (those `counts` keeps), as a light. */
function lightsByProject(
  findings: readonly Finding[],
  counts: (f: Finding) => boolean = () => true,
): Map<string, TrafficLight> {
  const lights = new Map<string, TrafficLight>();
  for (const f of findings) {
    if (f.projectKey === null || !counts(f)) continue;
    const l = LIGHT_OF[f.severity];
    if (RANK[l] > RANK[lights.get(f.projectKey) ?? "green"]) lights.set(f.projectKey, l);
  }
  return lights;
}

type ReportedDefinition = { id: string; name: string; score: number };

/**
 * A match as the report names it, one object per match: rows of the same name share their
 * match, and a long list would otherwise carry tens of thousands of equal copies.
 */
function reportedDefinitions(): (m: Match | null) => ReportedDefinition | null {
  const seen = new Map<Match, ReportedDefinition>();
  return (m) => {
    if (m === null) return null;
    let reported = seen.get(m);
    if (reported === undefined) {
      reported = { id: m.definition.id, name: m.definition.name, score: m.score };
      seen.set(m, reported);
    }
    return reported;
  };
}

/** Rows and columns of a sheet fit in 2^20 × 2^14: one number orders a cell within its sheet. */
const ROW_STRIDE = 16_384;
const SHEET_STRIDE = 1_048_576 * ROW_STRIDE;

/** Findings in reading order: sheet by sheet as the workbook lists them, then row, then column, then rule. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetIndex = new Map(sheetOrder.map((name, i) => [name, i]));
  // Positions computed once, not on every comparison: a long list has tens of thousands of findings.
  const keyed = findings.map((f) => {
    const at = fromA1(f.cell);
    const place = at === null ? 0 : at.row * ROW_STRIDE + at.col;
    return { f, key: (sheetIndex.get(f.sheet) ?? 0) * SHEET_STRIDE + place };
  });
  // Rule ids are lower-case ASCII: comparing code units orders them as localeCompare would.
  keyed.sort((a, b) => a.key - b.key || (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0));
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
  /**
   * Projects with actuals or spending: their light says how the year is going (monitoring findings
   * only, docs/checks.md); an unmonitored project's light is its target review's.
   */
  monitored?: ReadonlySet<string>;
  /** The fiscal year judged, where monitoring ran. */
  fiscalYear?: FiscalYear;
  /** An indicator's deviation from its target, where it has one. */
  deviationOf?: (indicator: Indicator) => Deviation | null;
  /** What the check judged each indicator by: its analysis in the report; none when omitted. */
  judgementOf?: (indicator: Indicator) => Judgement;
};

/**
 * A judgement as the report carries it, one object per judgement: judgements are remembered by
 * content, so rows of the same indicator share theirs (as `reportedDefinitions` does for matches).
 */
function reportedAnalyses(): (j: Judgement) => ReportAnalysis {
  const seen = new Map<Judgement, ReportAnalysis>();
  return (j) => {
    let reported = seen.get(j);
    if (reported === undefined) {
      reported = { ...j.analysis, direction: j.direction, source: j.directionFrom };
      seen.set(j, reported);
    }
    return reported;
  };
}

const RULE_BASIS: Readonly<Partial<Record<Finding["rule"], keyof Omit<LightBasis, "light">>>> = {
  "actual-fails-target": "failed",
  "actual-behind": "behind",
  "actual-unparseable": "unreadable",
  "actual-pending": "pending",
  "spending-behind-plan": "spending",
  "deviation-reason-missing": "reasons",
};

/** Monitoring findings counted by kind, per project: what the light's reason says. */
function lightBases(findings: readonly Finding[]): Map<string, Omit<LightBasis, "light">> {
  const out = new Map<string, Omit<LightBasis, "light">>();
  for (const f of findings) {
    const key = RULE_BASIS[f.rule];
    if (f.projectKey === null || key === undefined || (f.severity === "info" && key !== "pending")) continue;
    let b = out.get(f.projectKey);
    if (b === undefined) {
      b = { failed: 0, behind: 0, unreadable: 0, pending: 0, spending: 0, reasons: 0 };
      out.set(f.projectKey, b);
    }
    b[key]++;
  }
  return out;
}

const NO_BASIS: Omit<LightBasis, "light"> = {
  failed: 0,
  behind: 0,
  unreadable: 0,
  pending: 0,
  spending: 0,
  reasons: 0,
};

/** Findings give red, amber or green only (blue is earned, never found). */
const statusOf = (light: TrafficLight | undefined): NonNullable<ReportProject["targetStatus"]> =>
  light === "red" || light === "amber" ? light : "green";

/** The project's `evaluation` entry where it was scored; none otherwise (older readers see no change). */
const evaluationEntry = (score: ProjectScore | undefined): Pick<ReportProject, "evaluation"> =>
  score === undefined ? {} : { evaluation: evaluationOf(score) };

/** The self-evaluation as the report carries it. */
function evaluationOf(score: ProjectScore): NonNullable<ReportProject["evaluation"]> {
  return {
    kind: score.kind,
    executionRate: score.executionRate === null ? null : Math.round(score.executionRate * 10_000) / 10_000,
    executionWeight: score.executionWeight,
    execution: score.execution,
    total: score.total,
    grade: score.grade,
  };
}

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
        // Only where content decided a role: absent, every role was decided by its header (or the saved mapping).
        ...(Object.values(l.decided).includes("content") ? { decided: { ...l.decided } } : {}),
      })),
    ...(sheet.skip === undefined ? {} : { skip: { ...sheet.skip } }),
  }));
}

type ReportedIndicator = Report["projects"][number]["indicators"][number];

/** An indicator as the report lists it; weight and score only where the project was scored. */
function reportedIndicator(
  i: Indicator,
  definition: ReportedDefinition | null,
  score: IndicatorScore | undefined,
  deviation: Deviation | null | undefined,
  analysis: ReportAnalysis | undefined,
): ReportedIndicator {
  const out: ReportedIndicator = {
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    description: i.description,
    target: { text: i.targetText, parsed: i.target },
    actual: i.actualText,
    sheet: i.sheet,
    cell: i.cells.target.cell,
    definition,
  };
  if (score !== undefined) {
    out.weight = Math.round(score.weight * 100) / 100;
    out.score = score.score;
  }
  if (deviation !== undefined) out.deviation = deviation;
  if (analysis !== undefined) out.analysis = analysis;
  return out;
}

/** Findings counted by severity in one pass. */
function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Builds the report of docs/cli.md. Its type is the schema's; the CLI validates it against the
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
  monitored,
  fiscalYear,
  deviationOf,
  judgementOf,
}: ReportInput): Report {
  const counts = countBySeverity(findings);
  const reportDefinition = reportedDefinitions();
  const reportAnalysis = reportedAnalyses();
  const lights = lightsByProject(findings);
  const monitoringLights = lightsByProject(findings, isMonitoringFinding);
  const targetStatus = lightsByProject(findings, (f) => !isMonitoringFinding(f));
  const bases = lightBases(findings);
  const lightOf = (key: string): TrafficLight => {
    const found = monitored?.has(key) ? monitoringLights.get(key) : lights.get(key);
    return found ?? (blue?.has(key) ? "blue" : "green");
  };
  const indicatorsOf = indicatorsByProject(model.indicators);
  const report: Report = {
    schemaVersion: 1,
    source,
    asOf,
    ...(fiscalYear === undefined ? {} : { fiscalYear: { ...fiscalYear } }),
    projects: model.projects.map((p): ReportProject => ({
      code: p.code,
      name: p.name,
      sheet: p.sheet,
      budget: p.budget,
      fiscal: p.fiscal,
      other: p.other,
      plan: p.plan === null ? null : [...p.plan],
      spent: p.spent,
      light: lightOf(p.key),
      ...(monitored?.has(p.key)
        ? {
            lightReason: formatLightReason({ light: lightOf(p.key), ...(bases.get(p.key) ?? NO_BASIS) }, locale),
          }
        : {}),
      targetStatus: statusOf(targetStatus.get(p.key)),
      score: scores?.get(p.key)?.total ?? null,
      ...evaluationEntry(scores?.get(p.key)),
      indicators: (indicatorsOf.get(p.key) ?? []).map((i, k) =>
        reportedIndicator(
          i,
          reportDefinition(definitionOf?.(i) ?? null),
          scores?.get(p.key)?.indicators[k],
          monitored?.has(p.key) ? (deviationOf?.(i) ?? null) : undefined,
          judgementOf === undefined ? undefined : reportAnalysis(judgementOf(i)),
        ),
      ),
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
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
    },
  };
  return report;
}

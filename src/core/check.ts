import { BUILTIN_DEFINITIONS } from "./definitions/builtin";
import { append } from "./model/arrays";
import { buildLibrary, type Library } from "./definitions/library";
import { readDefinitionSheet } from "./definitions/read-definition-sheet";
import type { Finding } from "./model/finding";
import type { Report } from "./model/report";
import type { Locale } from "./messages";
import { buildReport, sortFindings } from "./build-report";
import { makeContext, runRules, type RuleContext } from "./rules";
import {
  deviationOf,
  executionBudget,
  unusedColumns,
  exceedsEveryTarget,
  fiscalYearOf,
  monitoringFindings,
  scoreProject,
  yearPosition,
  type FiscalYear,
  type ProjectScore,
  type YearPosition,
} from "./monitoring";
import { indicatorsByProject } from "./model/group";
import type { Indicator, Project } from "./model/project";
import type { Direction } from "./definitions/direction";
import { definitionFindings, settingsFindings } from "./rules/input-findings";
import type { WorkbookData } from "./model/workbook-data";
import { readWorkbook, type WorkbookModel } from "./sheets/read-workbook";
import type { TableMapping } from "./sheets/table-mapping";
import type { Settings } from "./check-settings";
import { effectiveSettings, mappingFromLayouts, readSettings, type SettingsIssue } from "./settings-sheet";

export type CheckOptions = {
  /** YYYY-MM-DD; passed in so that a check is reproducible. */
  asOf: string;
  locale: Locale;
  /** Shown in the report: a file name, or the workbook's name in Excel. */
  source: string;
  /** Overrides the workbook's own settings (which override the defaults), key by key. */
  settings?: Partial<Settings>;
  /** The fiscal year to judge (--year, the pane's field); else the settings sheet's, else the workbook's. */
  fiscalYear?: number | null;
  /** YYYY-MM-DD, the day the check runs: shown on the findings sheet when given. */
  checkedOn?: string;
};

export type CheckResult = {
  report: Report;
  model: WorkbookModel;
  findings: Finding[];
  /** The settings the check ran with: defaults, the workbook's, the caller's. */
  settings: Settings;
  /** The definitions the rows were mapped to: the workbook's 指标定义 over the built-in library. */
  library: Library;
  /** The tables as read, in the form the settings sheet saves (planSettingsSheet). */
  mapping: TableMapping[];
  /** Whether more is better for an indicator, as the check judged it (the live flags need it). */
  directionOf: (indicator: Indicator) => Direction;
  /** The fiscal year judged and where the as-of date falls in it (the live flags need it). */
  fiscalYear: FiscalYear;
  position: YearPosition;
  /** The language of the report's messages, which the add-in's own sheets use too. */
  locale?: Locale;
  /** The day the check ran, when the caller said (CheckOptions.checkedOn). */
  checkedOn?: string;
};

/**
 * The use case on data already read: the workbook's settings and definitions, then its layouts
 * (as the saved mapping says, else detected), every rule, and the report.
 */
export function checkWorkbook(data: WorkbookData, options: CheckOptions): CheckResult {
  const stored = readSettings(data);
  const saved = stored.ok ? stored.value : stored.error.fallback;
  const settings = effectiveSettings(saved.settings, options.settings);
  const model = readWorkbook(data, { mapping: saved.mapping });
  const stale: SettingsIssue[] = model.staleMappings.map((index) => ({
    sheet: saved.sheet ?? "",
    cell: saved.mappingCells[index] ?? "B1",
    key: "mapping",
    reason: "stale-mapping",
    detail: saved.mapping[index]?.sheet ?? "",
  }));
  const definitions = readDefinitionSheet(data);
  const library = buildLibrary(BUILTIN_DEFINITIONS, definitions.definitions);
  const ctx = makeContext(model, settings, library);
  const findings = [
    ...runRules(ctx),
    ...definitionFindings(definitions.issues),
    ...settingsFindings([...(stored.ok ? [] : stored.error.issues), ...stale]),
  ];
  const fiscalYear = fiscalYearOf(data, options.asOf, settingsYear(settings), options.fiscalYear ?? null);
  const position = yearPosition(options.asOf, fiscalYear.year);
  const monitored = monitor(ctx, position, data);
  append(findings, monitored.findings);
  const sorted = sortFindings(
    findings,
    data.sheets.map((s) => s.name),
  );
  const directionOf = (ind: Indicator): Direction => ctx.judgementOf(ind).direction;
  const report = buildReport({
    model,
    findings: sorted,
    source: options.source,
    asOf: options.asOf,
    locale: options.locale,
    definitionOf: (ind) => ctx.matchOf(ind).match,
    scores: monitored.scores,
    blue: monitored.blue,
    monitored: monitored.projects,
    fiscalYear,
    deviationOf: (ind) => deviationOf(ind, directionOf),
    judgementOf: ctx.judgementOf,
  });
  return {
    report,
    model,
    findings: sorted,
    settings,
    library,
    mapping: mappingFromLayouts(model.layouts),
    directionOf,
    fiscalYear,
    position,
    locale: options.locale,
    ...(options.checkedOn === undefined ? {} : { checkedOn: options.checkedOn }),
  };
}

/** The settings sheet's fiscal year: a year, or `auto` to find it in the workbook. */
const settingsYear = (settings: Settings): number | null =>
  settings.fiscalYear === "auto" ? null : Number(settings.fiscalYear);

/**
 * Monitoring (绩效运行监控) and self-evaluation (绩效自评): where actual values or spending are
 * present, the monitoring rules, each project's score, and the projects that earn a blue light.
 */
function monitor(ctx: RuleContext, position: YearPosition, data: WorkbookData) {
  const budgetOf = (p: Project) => executionBudget(data, p);
  const findings = monitoringFindings({ rules: ctx, position, settings: ctx.settings, budgetOf });
  const directionOf = (ind: Indicator) => ctx.judgementOf(ind).direction;
  const byProject = indicatorsByProject(ctx.model.indicators);
  const scores = new Map<string, ProjectScore>();
  const blue = new Set<string>();
  const projects = new Set<string>();
  for (const project of ctx.model.projects) {
    const indicators = byProject.get(project.key) ?? [];
    if (project.spent === null && indicators.every((i) => i.actualText === null)) continue;
    projects.add(project.key);
    scores.set(project.key, scoreProject(project, indicators, ctx.settings, directionOf, position, budgetOf(project)));
    if (exceedsEveryTarget(indicators, directionOf)) blue.add(project.key);
  }
  // Where monitoring ran, a column it could not place is named, so a clerk knows it was not used.
  if (projects.size > 0) append(findings, unusedColumns(data, ctx.model.layouts));
  return { findings, scores, blue, projects };
}

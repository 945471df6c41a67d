import { BUILTIN_DEFINITIONS } from "../definitions/builtin";
import { cachedJudge, type Judgement } from "../definitions/judgement";
import { buildLibrary, cachedMatcher, type Library, type MatchResult } from "../definitions/library";
import type { Definition } from "../definitions/schema";
import { normalizeName } from "../definitions/similarity";
import type { Finding, FindingDetails, RuleId, Severity } from "../model/finding";
import type { CellRef, Goal, Indicator, Project } from "../model/project";
import type { WorkbookModel } from "../sheets/read-workbook";
import type { Settings } from "../settings";

/** Everything a rule may look at; rules are pure functions of it. */
export type RuleContext = {
  model: WorkbookModel;
  settings: Settings;
  projectOf: (indicator: Indicator) => Project | undefined;
  /** The indicator's definition, or none and the closest candidate. */
  matchOf: (indicator: Indicator) => MatchResult;
  /** Department goals measuring what the definition measures. */
  goalsOf: (definition: Definition) => readonly Goal[];
  /** What the indicator is judged by: its definition, else the built-in defaults. */
  judgementOf: (indicator: Indicator) => Judgement;
};

export type Rule = (ctx: RuleContext) => Finding[];

const UNMAPPED: MatchResult = { match: null, candidate: null };

/**
 * Maps every indicator and every goal once. A goal belongs to a definition when its name maps
 * to it (外贸出口额 → exports) or when the definition names it (部门目标 column).
 */
export function makeContext(
  model: WorkbookModel,
  settings: Settings,
  library: Library = buildLibrary(BUILTIN_DEFINITIONS, []),
): RuleContext {
  const byKey = new Map(model.projects.map((p) => [p.key, p]));
  const match = cachedMatcher(library, settings.mappingThreshold);
  // One entry per indicator: its match now, its judgement when first asked for (several rules ask).
  const mapped = new Map<Indicator, { match: MatchResult; judgement: Judgement | null }>();
  for (const ind of model.indicators)
    mapped.set(ind, { match: match(ind.name, ind.level1, ind.level2), judgement: null });
  const goalsById = new Map<string, Goal[]>();
  const goalsByName = new Map<string, Goal[]>();
  for (const goal of model.goals) {
    const id = match(goal.name, "", "").match?.definition.id;
    if (id !== undefined) goalsById.set(id, [...(goalsById.get(id) ?? []), goal]);
    const name = normalizeName(goal.name);
    goalsByName.set(name, [...(goalsByName.get(name) ?? []), goal]);
  }
  const judge = cachedJudge();
  const matchOf = (ind: Indicator): MatchResult => mapped.get(ind)?.match ?? UNMAPPED;
  const judgementOf = (ind: Indicator): Judgement => {
    const entry = mapped.get(ind);
    if (entry === undefined) return judge(ind, null);
    entry.judgement ??= judge(ind, entry.match.match?.definition ?? null);
    return entry.judgement;
  };
  return {
    model,
    settings,
    projectOf: (ind) => byKey.get(ind.projectKey),
    matchOf,
    judgementOf,
    goalsOf: (d) => {
      const named = d.goal === null ? [] : (goalsByName.get(normalizeName(d.goal)) ?? []);
      return [...named, ...(goalsById.get(d.id) ?? []).filter((g) => !named.includes(g))];
    },
  };
}

export function indicatorFinding(
  ctx: RuleContext,
  rule: RuleId,
  severity: Severity,
  indicator: Indicator,
  at: CellRef,
  details: FindingDetails = {},
): Finding {
  const project = ctx.projectOf(indicator);
  return {
    rule,
    severity,
    sheet: at.sheet,
    cell: at.cell,
    project: project?.name ?? indicator.projectKey,
    projectKey: indicator.projectKey,
    indicator: indicator.name,
    details,
  };
}

export function projectFinding(
  rule: RuleId,
  severity: Severity,
  project: Project,
  at: CellRef,
  details: FindingDetails = {},
): Finding {
  return {
    rule,
    severity,
    sheet: at.sheet,
    cell: at.cell,
    project: project.name,
    projectKey: project.key,
    indicator: null,
    details,
  };
}

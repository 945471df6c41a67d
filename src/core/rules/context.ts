import { BUILTIN_DEFINITIONS } from "../definitions/builtin";
import { cachedJudge, type Judgement } from "../definitions/judgement";
import { buildLibrary, cachedMatcher, type Library, type MatchResult } from "../definitions/library";
import type { Definition } from "../definitions/schema";
import { normalizeName } from "../definitions/similarity";
import type { Finding, RuleId, Severity } from "../model/finding";
import type { DetailsOf } from "../model/rule-registry";
import type { CellRef, Goal, Indicator, Project } from "../model/project";
import type { WorkbookModel } from "../sheets/read-workbook";
import type { Settings } from "../check-settings";

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
  /** True for a cell that shows an error value: it is reported as such, not judged as blank. */
  showsError: (ref: CellRef | null) => boolean;
};

export type Rule = (ctx: RuleContext) => Finding[];

/**
 * Maps goals once and indicators when first asked. A goal belongs to a definition when its name maps
 * to it (外贸出口额 → exports) or when the definition names it (部门目标 column).
 */
export function makeContext(
  model: WorkbookModel,
  settings: Settings,
  library: Library = buildLibrary(BUILTIN_DEFINITIONS, []),
): RuleContext {
  const byKey = new Map(model.projects.map((p) => [p.key, p]));
  const match = cachedMatcher(library, settings.mappingThreshold);
  const goalsById = new Map<string, Goal[]>();
  const goalsByName = new Map<string, Goal[]>();
  for (const goal of model.goals) {
    const id = match(goal.name, "", "").match?.definition.id;
    if (id !== undefined) goalsById.set(id, [...(goalsById.get(id) ?? []), goal]);
    const name = normalizeName(goal.name);
    goalsByName.set(name, [...(goalsByName.get(name) ?? []), goal]);
  }
  // Both remembered by content, not per row: a long list repeats a few dozen indicators.
  const judge = cachedJudge();
  const matchOf = (ind: Indicator): MatchResult => match(ind.name, ind.level1, ind.level2);
  const judgementOf = (ind: Indicator): Judgement => judge(ind, matchOf(ind).match?.definition ?? null);
  const errorCells = new Set(model.cellErrors.map((e) => `${e.sheet}!${e.cell}`));
  return {
    model,
    settings,
    showsError: (ref) => ref !== null && errorCells.size > 0 && errorCells.has(`${ref.sheet}!${ref.cell}`),
    projectOf: (ind) => byKey.get(ind.projectKey),
    matchOf,
    judgementOf,
    goalsOf: (d) => {
      const named = d.goal === null ? [] : (goalsByName.get(normalizeName(d.goal)) ?? []);
      return [...named, ...(goalsById.get(d.id) ?? []).filter((g) => !named.includes(g))];
    },
  };
}

/**
 * A project as findings name it: by code and name, since names repeat (four projects of the seed
 * are called （2）已启用疫情防控隔离点相关费用).
 */
export function projectLabel(project: Pick<Project, "code" | "name">): string {
  return project.code === null || project.code === "" ? project.name : `${project.code} ${project.name}`;
}

export function indicatorFinding<R extends RuleId>(
  ctx: RuleContext,
  rule: R,
  severity: Severity,
  indicator: Indicator,
  at: CellRef,
  details: DetailsOf<R>,
): Finding {
  const project = ctx.projectOf(indicator);
  return {
    rule,
    severity,
    sheet: at.sheet,
    cell: at.cell,
    project: project === undefined ? indicator.projectKey : projectLabel(project),
    projectKey: indicator.projectKey,
    indicator: indicator.name,
    details,
  };
}

export function projectFinding<R extends RuleId>(
  rule: R,
  severity: Severity,
  project: Project,
  at: CellRef,
  details: DetailsOf<R>,
): Finding {
  return {
    rule,
    severity,
    sheet: at.sheet,
    cell: at.cell,
    project: projectLabel(project),
    projectKey: project.key,
    indicator: null,
    details,
  };
}

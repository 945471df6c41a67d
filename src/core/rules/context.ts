import type { Finding, FindingDetails, RuleId, Severity } from "../model/finding";
import type { CellRef, Indicator, Project } from "../model/project";
import type { WorkbookModel } from "../sheets/read-workbook";
import type { Settings } from "../settings";

/** Everything a rule may look at; rules are pure functions of it. */
export type RuleContext = {
  model: WorkbookModel;
  settings: Settings;
  projectOf: (indicator: Indicator) => Project | undefined;
};

export type Rule = (ctx: RuleContext) => Finding[];

export function makeContext(model: WorkbookModel, settings: Settings): RuleContext {
  const byKey = new Map(model.projects.map((p) => [p.key, p]));
  return { model, settings, projectOf: (ind) => byKey.get(ind.projectKey) };
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

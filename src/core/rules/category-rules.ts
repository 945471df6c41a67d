import { FRAMEWORKS, isCost } from "../definitions/framework";
import { TupleMemo } from "../definitions/tuple-memo";
import type { Finding } from "../model/finding";
import { groupBy, indicatorsByProject } from "../model/group";
import type { Indicator } from "../model/project";
import { indicatorFinding, projectFinding, type Rule, type RuleContext } from "./context";

/** Why an indicator sits in the wrong category, or null. */
function misuse(ctx: RuleContext, ind: Indicator): string | null {
  const { level1, level2, name } = ind;
  if (/满意度|满意率/.test(name) && level1 !== "" && level1 !== "满意度指标") return "satisfaction";
  if (/预算执行率|资金执行率|支出进度/.test(name) && level1 === "效益指标") return "execution";
  if (isCost(level1, level2) && level1 === "效益指标") return "cost";
  const allowed = FRAMEWORKS[ctx.settings.framework][level1];
  if (allowed !== undefined && level2 !== "" && !allowed.includes(level2)) return "level2";
  return null;
}

export const checkCategoryMisuse: Rule = (ctx) => {
  // Remembered per name and category: a long list repeats a few dozen of them.
  const seen = new TupleMemo<string | null>();
  const out: Finding[] = [];
  for (const ind of ctx.model.indicators) {
    const reason = seen.get([ind.name, ind.level1, ind.level2], () => misuse(ctx, ind));
    if (reason === null) continue;
    const at = ind.cells.level2 ?? ind.cells.name;
    out.push(
      indicatorFinding(ctx, "category-misuse", "warning", ind, at, { reason, level1: ind.level1, level2: ind.level2 }),
    );
  }
  return out;
};

export const checkDuplicateIndicators: Rule = (ctx) => {
  // By project, then name: no joined key to build and hash for every row.
  const first = new Map<string, Map<string, Indicator>>();
  const out: Finding[] = [];
  for (const ind of ctx.model.indicators) {
    let names = first.get(ind.projectKey);
    if (names === undefined) {
      names = new Map();
      first.set(ind.projectKey, names);
    }
    const seen = names.get(ind.name);
    if (seen === undefined) names.set(ind.name, ind);
    else
      out.push(
        indicatorFinding(ctx, "indicator-duplicate", "warning", ind, ind.cells.name, { first: seen.cells.name.cell }),
      );
  }
  return out;
};

export const checkCategoryMissing: Rule = (ctx) => {
  const framework = FRAMEWORKS[ctx.settings.framework];
  const byProject = indicatorsByProject(ctx.model.indicators);
  const out: Finding[] = [];
  for (const project of ctx.model.projects) {
    const inds = byProject.get(project.key);
    if (!inds) continue;
    const at = project.cells.name ?? inds[0]?.cells.name;
    if (!at) continue;
    const present = new Set<string>();
    const outputs = new Set<string>();
    for (const i of inds) {
      present.add(i.level1);
      if (i.level1 === "产出指标") outputs.add(i.level2);
    }
    for (const level1 of Object.keys(framework)) {
      // The 2021 layout's level-1 成本指标 is required like the others.
      if (!present.has(level1))
        out.push(projectFinding("category-missing", "warning", project, at, { level1, level2: null }));
    }
    if (ctx.settings.framework === "2020" && present.has("产出指标")) {
      for (const level2 of framework["产出指标"] ?? []) {
        if (!outputs.has(level2))
          out.push(projectFinding("category-missing", "warning", project, at, { level1: "产出指标", level2 }));
      }
    }
  }
  return out;
};

export const checkWeights: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const [, inds] of groupBy(
    ctx.model.indicators.filter((i) => i.cells.weight !== null),
    (i) => i.projectKey,
  )) {
    const first = inds[0];
    // A project whose weights are all blank is not weighted; one given weight makes it so.
    if (!first?.cells.weight || inds.every((i) => i.weight === null)) continue;
    const sum = inds.reduce((total, i) => total + (i.weight ?? 0), 0);
    // 预算执行率 is scored outside the indicator list unless the sheet lists it as a row.
    const listsExecution = inds.some((i) => /预算执行率/.test(i.name));
    const expected = listsExecution ? 100 : 100 - ctx.settings.executionWeight;
    if (Math.abs(sum - expected) > 1e-6) {
      out.push(indicatorFinding(ctx, "weights-sum", "warning", first, first.cells.weight, { sum, expected }));
    }
  }
  return out;
};

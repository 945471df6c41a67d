import { FRAMEWORKS, isCost } from "../framework";
import { TupleMemo } from "../definitions/tuple-memo";
import type { Finding } from "../model/finding";
import { groupBy, indicatorsByProject } from "../model/group";
import type { Indicator } from "../model/project";
import { indicatorFinding, projectFinding, type Rule, type RuleContext } from "./context";

/** Why an indicator sits in the wrong category, or null. */
function misuse(ctx: RuleContext, ind: Indicator): { reason: string; expected?: string } | null {
  const { level1, level2, name } = ind;
  // 满意程度 too; not 认可度, which the forms list as a social benefit (社会认可度).
  if (/满意度|满意率|满意程度/.test(name) && level1 !== "" && level1 !== "满意度指标") return { reason: "satisfaction" };
  if (/预算执行率|资金执行率|支出进度/.test(name) && level1 === "效益指标") return { reason: "execution" };
  if (isCost(level1, level2) && level1 === "效益指标") return { reason: "cost" };
  const filed = byMeasure(ctx, ind);
  if (filed !== null) return filed;
  const allowed = FRAMEWORKS[ctx.settings.framework][level1];
  if (allowed !== undefined && level2 !== "" && !allowed.includes(level2)) return { reason: "level2" };
  return definedElsewhere(ctx, ind);
}

/** Dimensions of the target's unit that are amounts, not qualities. */
const isAmountUnit = (dimension: string): "money" | "count" | null =>
  dimension.startsWith("money:") ? "money" : dimension.startsWith("count:") ? "count" : null;

/**
 * Filed otherwise than what it measures says: an amount or a count is not a quality (≤858亿美元
 * under 质量指标), and money a department earns or brings in is an economic, not a social, benefit
 * (外贸出口额 under 社会效益指标).
 */
function byMeasure(ctx: RuleContext, ind: Indicator): { reason: string; expected: string } | null {
  const { analysis } = ctx.judgementOf(ind);
  if (ind.level2 === "质量指标") {
    const t = ind.target;
    const amount = t.kind === "quantitative" && t.unit !== null ? isAmountUnit(t.unit.dimension) : null;
    if (amount === "count") return { reason: "quality-count", expected: "产出指标 / 数量指标" };
    if (amount === "money") {
      const expected = analysis.direction === "reverse" ? "成本指标" : "产出指标 / 数量指标";
      return { reason: "quality-money", expected };
    }
  }
  if (ind.level2 === "社会效益指标" && analysis.kind === "money" && analysis.direction === "positive") {
    return { reason: "economic", expected: "效益指标 / 经济效益指标" };
  }
  return null;
}

/**
 * Filed otherwise than its definition says: the level 1 of a definition the name or a synonym
 * names (a near match is only offered, never applied), and the level 2 too where the department
 * set it on its own 指标定义 sheet. A cost is a cost in either framework (产出/成本指标 in 2020,
 * 成本指标/经济成本指标 in 2021).
 */
function definedElsewhere(ctx: RuleContext, ind: Indicator): { reason: string; expected: string } | null {
  const m = ctx.matchOf(ind).match;
  const d = m?.definition;
  if (m == null || d == null || m.via === "fuzzy" || d.level1 === null || ind.level1 === "") return null;
  if (isCost(d.level1, d.level2 ?? "") && isCost(ind.level1, ind.level2)) return null;
  const expected = d.level2 === null ? d.level1 : `${d.level1} / ${d.level2}`;
  if (d.level1 !== ind.level1) return { reason: "definition", expected };
  const ownLevel2 = d.source === "sheet" && d.level2 !== null && ind.level2 !== "";
  return ownLevel2 && d.level2 !== ind.level2 ? { reason: "definition", expected } : null;
}

export const checkCategoryMisuse: Rule = (ctx) => {
  // Remembered per name and category: a long list repeats a few dozen of them.
  const seen = new TupleMemo<{ reason: string; expected?: string } | null>();
  const out: Finding[] = [];
  for (const ind of ctx.model.indicators) {
    const found = seen.get([ind.name, ind.level1, ind.level2, ind.targetText], () => misuse(ctx, ind));
    if (found === null) continue;
    const at = ind.cells.level2 ?? ind.cells.name;
    out.push(
      indicatorFinding(ctx, "category-misuse", "warning", ind, at, {
        reason: found.reason,
        level1: ind.level1,
        level2: ind.level2,
        expected: found.expected ?? null,
        definition: ctx.matchOf(ind).match?.definition.name ?? null,
      }),
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

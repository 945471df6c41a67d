import type { Indicator, Project } from "../model/project";
import { judgedTarget, readActual, type DirectionOf } from "./actual";
import type { Settings } from "../settings";
import { convert } from "../target-expression";

/** Weights of the level-1 categories out of 90 (100 less 预算执行率's 10); 成本指标 counts as output. */
const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = { 产出指标: 50, 成本指标: 50, 效益指标: 30, 满意度指标: 10 };

export type IndicatorScore = { weight: number; score: number | null };
export type ProjectScore = { execution: number | null; indicators: IndicatorScore[]; total: number | null };

/** Share (0–1) of its weight an indicator earns, or null when its actual cannot be scored. */
export function earnedShare(ind: Indicator, settings: Settings, directionOf: DirectionOf): number | null {
  const actual = readActual(ind.actualText);
  if (ind.target.kind === "qualitative") {
    if (actual.kind !== "grade") return null;
    const { gradeAchieved, gradePartial, gradeFailed } = settings;
    return { 达成: gradeAchieved, 部分达成: gradePartial, 未达成: gradeFailed }[actual.grade] / 100;
  }
  if (ind.target.kind !== "quantitative" || actual.kind !== "value") return null;
  const direction = directionOf(ind);
  const target = judgedTarget(ind.target, direction);
  const value =
    actual.unit === null || target.unit === null ? actual.value : convert(actual.value, actual.unit, target.unit);
  if (value === null) return null;
  if (target.operator === "range") {
    const max = target.max ?? target.value;
    if (value >= target.value && value <= max) return 1;
    return value < target.value ? Math.max(0, value / target.value) : Math.max(0, max / value);
  }
  if (target.operator === "<=" || target.operator === "<") {
    if (value <= target.value) return 1;
    return settings.reverseScoring === "ratio"
      ? target.value / value
      : Math.max(0, 1 - (value - target.value) / target.value);
  }
  return target.value <= 0 ? 1 : Math.min(Math.max(value / target.value, 0), 1);
}

/**
 * The weight each indicator carries: its 分值 where the sheet gives one, else its category's
 * share (产出 50, 效益 30, 满意度 10, scaled when 预算执行率 weighs other than 10) split evenly.
 */
export function indicatorWeights(indicators: readonly Indicator[], executionWeight: number): number[] {
  if (indicators.length > 0 && indicators.every((i) => i.weight !== null)) return indicators.map((i) => i.weight ?? 0);
  const scale = (100 - executionWeight) / 90;
  const counts = new Map<string, number>();
  for (const i of indicators) {
    const group = i.level1 === "成本指标" ? "产出指标" : i.level1;
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return indicators.map((i) => {
    const group = i.level1 === "成本指标" ? "产出指标" : i.level1;
    return ((CATEGORY_WEIGHTS[group] ?? 0) * scale) / (counts.get(group) ?? 1);
  });
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The self-evaluation score (绩效自评); the total only when every part can be scored. */
export function scoreProject(
  project: Project,
  indicators: readonly Indicator[],
  settings: Settings,
  directionOf: DirectionOf,
): ProjectScore {
  const executionWeight = settings.executionWeight;
  const weights = indicatorWeights(indicators, executionWeight);
  const scored = indicators.map((ind, i) => {
    const share = earnedShare(ind, settings, directionOf);
    const weight = weights[i] ?? 0;
    return { weight, score: share === null ? null : round2(weight * share) };
  });
  const execution =
    project.spent === null || !project.budget
      ? null
      : round2(executionWeight * Math.min(project.spent / project.budget, 1));
  const complete = execution !== null && scored.length > 0 && scored.every((s) => s.score !== null);
  const total = complete ? round2(execution + scored.reduce((sum, s) => sum + (s.score ?? 0), 0)) : null;
  return { execution, indicators: scored, total };
}

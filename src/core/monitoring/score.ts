import type { Indicator, Project } from "../model/project";
import { actualInTargetUnit, isCumulative, judgedTarget, readActual, type DirectionOf } from "./actual";
import type { YearPosition } from "./as-of";
import type { Settings } from "../check-settings";

/** Weights of the level-1 categories out of 90 (100 less 预算执行率's 10); 成本指标 counts as output. */
const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = { 产出指标: 50, 成本指标: 50, 效益指标: 30, 满意度指标: 10 };

export type IndicatorScore = { weight: number; score: number | null };
/** 预计得分 (projected: the year so far, at its pace) before the year ends; 自评得分 (final) after. */
export type ScoreKind = "projected" | "final";
/** The published grades: 优 ≥90, 良 80–90, 中 60–80, 差 <60. */
export type ScoreGrade = "优" | "良" | "中" | "差";
export type ProjectScore = {
  kind: ScoreKind;
  /** 预算执行率 = spent ÷ budget (the adjusted budget where given), 0–1; null without both. */
  executionRate: number | null;
  executionWeight: number;
  execution: number | null;
  indicators: IndicatorScore[];
  total: number | null;
  grade: ScoreGrade | null;
};

export function gradeOf(total: number | null): ScoreGrade | null {
  if (total === null) return null;
  return total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
}

/**
 * Share (0–1) of its weight an indicator earns, or null when its actual cannot be scored.
 * `pace` scales a quantity that adds up over the year to the year's end (100 ÷ elapsed share);
 * 1 once the year is over.
 */
export function earnedShare(ind: Indicator, settings: Settings, directionOf: DirectionOf, pace = 1): number | null {
  const actual = readActual(ind.actualText);
  if (actual.kind === "grade") {
    const { gradeAchieved, gradePartial, gradeFailed } = settings;
    return { 达成: gradeAchieved, 部分达成: gradePartial, 未达成: gradeFailed }[actual.grade] / 100;
  }
  if (ind.target.kind !== "quantitative" || actual.kind !== "value") return null;
  const direction = directionOf(ind);
  const target = judgedTarget(ind.target, direction);
  const read = actualInTargetUnit(actual, target);
  if (read === null) return null;
  // Only an "at least" target is projected: a range or an exact figure is not reached by going faster.
  const projected = isCumulative(target, direction) && (target.operator === ">=" || target.operator === ">");
  const value = projected ? read * pace : read;
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

/**
 * The self-evaluation score (绩效自评); the total only when every part can be scored. Before the
 * year's end it is 预计得分: quantities that add up, and spending, taken at the year's pace so far.
 * `budget` is the budget 预算执行率 divides by (the adjusted one where the sheet gives it).
 */
export function scoreProject(
  project: Project,
  indicators: readonly Indicator[],
  settings: Settings,
  directionOf: DirectionOf,
  position: YearPosition,
  budget: number | null = project.budget,
): ProjectScore {
  const kind: ScoreKind = position.yearEnd ? "final" : "projected";
  const pace = kind === "final" || position.elapsed <= 0 ? 1 : 100 / position.elapsed;
  const executionWeight = settings.executionWeight;
  const weights = indicatorWeights(indicators, executionWeight);
  const scored = indicators.map((ind, i) => {
    const share = earnedShare(ind, settings, directionOf, pace);
    const weight = weights[i] ?? 0;
    return { weight, score: share === null ? null : round2(weight * share) };
  });
  const executionRate = project.spent === null || !budget ? null : project.spent / budget;
  const execution = executionRate === null ? null : round2(executionWeight * Math.min(executionRate * pace, 1));
  const complete = execution !== null && scored.length > 0 && scored.every((s) => s.score !== null);
  const total = complete ? round2(execution + scored.reduce((sum, s) => sum + (s.score ?? 0), 0)) : null;
  return { kind, executionRate, executionWeight, execution, indicators: scored, total, grade: gradeOf(total) };
}

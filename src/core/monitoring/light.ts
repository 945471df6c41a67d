import type { Finding, RuleId } from "../model/finding";
import type { Indicator } from "../model/project";
import { actualInTargetUnit, judgedTarget, readActual, type DirectionOf } from "./actual";

/** Share by which every quantitative target must be beaten for a blue light (docs/checks.md). */
const BLUE_SHARE = 0.2;

/** The findings that say how the year is going (progress, failures, spending): only they colour a monitored light. */
export const MONITORING_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "actual-fails-target",
  "actual-unparseable",
  "actual-behind",
  "actual-pending",
  "spending-behind-plan",
  "deviation-reason-missing",
]);

export const isMonitoringFinding = (f: Finding): boolean => MONITORING_RULES.has(f.rule);

/**
 * Blue: the project has actuals and beats every quantitative target by 20% or more
 * (≥ targets by ×1.2, ≤ limits by ×0.8).
 */
export function exceedsEveryTarget(indicators: readonly Indicator[], directionOf: DirectionOf): boolean {
  const quantitative = indicators.filter((i) => i.target.kind === "quantitative");
  if (quantitative.length === 0) return false;
  return quantitative.every((ind) => {
    if (ind.target.kind !== "quantitative") return false;
    const actual = readActual(ind.actualText);
    if (actual.kind !== "value") return false;
    const target = judgedTarget(ind.target, directionOf(ind));
    const value = actualInTargetUnit(actual, target);
    if (value === null || target.operator === "range") return false;
    return target.operator === "<=" || target.operator === "<"
      ? value <= target.value * (1 - BLUE_SHARE)
      : value >= target.value * (1 + BLUE_SHARE);
  });
}

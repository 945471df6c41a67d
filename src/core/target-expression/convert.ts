import type { Operator, Quantitative, Unit } from "./schema";

/** The value in its dimension's base (万元 → 元, 亿美元 → 美元, 个月 → days). */
export function toBase(value: number, unit: Unit): number {
  return value * unit.scale;
}

/**
 * `value` of unit `from` expressed in unit `to`; null when they measure different things
 * (元 vs 美元, 元 vs 元/天, % vs 个百分点): those are never compared silently.
 */
export function convert(value: number, from: Unit, to: Unit): number | null {
  if (from.dimension !== to.dimension) return null;
  if (from.scale === to.scale) return value;
  return (value * from.scale) / to.scale;
}

export type Comparison = "pass" | "fail" | "incomparable";

/** Converted values carry float noise (0.1 万元 = 1000.0000000000001 元); equality is relative. */
const EPSILON = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

function holds(v: number, op: Operator, target: Quantitative): boolean {
  const t = target.value;
  switch (op) {
    case ">=":
      return v >= t || near(v, t);
    case "<=":
      return v <= t || near(v, t);
    case ">":
      return v > t && !near(v, t);
    case "<":
      return v < t && !near(v, t);
    case "=":
      return near(v, t);
    case "range": {
      const max = target.max ?? t;
      return (v >= t || near(v, t)) && (v <= max || near(v, max));
    }
  }
}

/**
 * Judges an actual value (完成值) against a target, in the target's unit. An actual written
 * without a unit is taken in the target's unit, and a target without one in the actual's. A
 * target without an operator (`85%` alone) has nothing to judge by: pass `fallbackOperator`
 * (e.g. from the indicator's direction) or get "incomparable".
 */
export function compareWithTarget(
  actual: { value: number; unit: Unit | null },
  target: Quantitative,
  fallbackOperator?: Operator,
): Comparison {
  const op = target.operator ?? fallbackOperator;
  // 下降5% bounds a change from a baseline the sheet does not hold: an actual level cannot be judged by it.
  if (target.change !== undefined) return "incomparable";
  if (op === undefined || !Number.isFinite(actual.value)) return "incomparable";
  const from = actual.unit ?? target.unit;
  const to = target.unit ?? actual.unit;
  const value = from === null || to === null ? actual.value : convert(actual.value, from, to);
  if (value === null) return "incomparable";
  return holds(value, op, target) ? "pass" : "fail";
}

import type { Indicator } from "../model/project";
import { convert } from "../target-expression";
import { judgedTarget, readActual, type DirectionOf } from "./actual";

/**
 * How far the actual lies from its target, as a share of the target (+0.5 = 50% above), in the
 * target's unit; null for a qualitative target, a range, or an actual that cannot be compared.
 */
export function deviationOf(ind: Indicator, directionOf: DirectionOf): number | null {
  if (ind.target.kind !== "quantitative") return null;
  const actual = readActual(ind.actualText);
  if (actual.kind !== "value") return null;
  const target = judgedTarget(ind.target, directionOf(ind));
  if (target.operator === "range" || target.value === 0) return null;
  const value =
    actual.unit === null || target.unit === null ? actual.value : convert(actual.value, actual.unit, target.unit);
  return value === null ? null : (value - target.value) / target.value;
}

import type { Direction } from "../definitions/direction";
import type { Indicator } from "../model/project";
import { parseTarget } from "../target-expression";
import { convert } from "../target-expression";
import type { Quantitative, Unit } from "../target-expression/schema";
import { readAnswer } from "./qualitative";

export type Actual =
  | { kind: "none" }
  | { kind: "value"; value: number; unit: Unit | null }
  | { kind: "grade"; grade: "达成" | "部分达成" | "未达成" }
  /** The result is not in yet: 正在推进, 正在调查, 待统计. */
  | { kind: "pending"; text: string }
  | { kind: "text"; text: string }
  | { kind: "unreadable" };

/**
 * A 完成值 as written: a number with or without unit (`2500元`, `19家`, `92%`, `十九家`), a grade
 * for a qualitative target (达成 / 部分达成 / 未达成 and the forms staff write: 已完成, 基本完成,
 * 已按时拨付, 未拨付), an answer that is not in yet (正在推进, 正在调查), or other text.
 */
export function readActual(text: string | null): Actual {
  if (text === null || text.trim() === "") return { kind: "none" };
  const trimmed = text.trim();
  const answer = readAnswer(trimmed);
  if (answer === "pending") return { kind: "pending", text: trimmed };
  if (answer !== null) return { kind: "grade", grade: answer };
  const parsed = parseTarget(trimmed);
  if (parsed.kind === "quantitative" && parsed.operator === null)
    return { kind: "value", value: parsed.value, unit: parsed.unit };
  if (parsed.kind === "qualitative") return { kind: "text", text: trimmed };
  return { kind: "unreadable" };
}

/** Past this a plain number is not a fraction of one: 0.75 is 75%, 1 is 100%, 75 is 75%. */
const FRACTION_LIMIT = 1.5;

/**
 * The actual in the target's unit, or null when it cannot be expressed so. A plain number
 * against a percent target reads as reviewers write it: `0.75` (a fraction) and `75` are both 75%.
 */
export function actualInTargetUnit(actual: { value: number; unit: Unit | null }, target: Quantitative): number | null {
  if (target.unit === null) return actual.value;
  if (actual.unit === null) {
    const fraction =
      target.unit.dimension === "percent" && Math.abs(actual.value) <= FRACTION_LIMIT && target.value > FRACTION_LIMIT;
    return fraction ? actual.value * 100 : actual.value;
  }
  return convert(actual.value, actual.unit, target.unit);
}

/** Whether more is better for an indicator: from its definition, its row, or the defaults. */
export type DirectionOf = (ind: Indicator) => Direction;

/**
 * The target as monitoring judges it: `=` on a higher-is-better measure means "at least" (two
 * fairs held when 等于2次 was planned is not a failure), and a bare number takes the direction.
 */
export function judgedTarget(target: Quantitative, direction: Direction): Quantitative {
  const op = target.operator;
  if (op === null) return { ...target, operator: direction === "reverse" ? "<=" : ">=" };
  if (op === "=" && direction === "positive") return { ...target, operator: ">=" };
  return target;
}

/** Unit families whose quantities add up over the year: counts, money, length, area, weight, volume. */
const CUMULATIVE_FAMILY = /^(count|money|unit):|^(length|area|mass|volume)$/;

/**
 * Whether a target accumulates over the year (≥18 家, ≥10 亿元, ≥20 公里, ≥1000 平方米, ≥500 人次),
 * so that mid-year it can be "behind" rather than failed; rates, prices, per-unit standards,
 * satisfaction and deadlines do not. Decided from the unit family alone, in this one place, until
 * an indicator analyser can say it of the indicator itself.
 */
export function isCumulative(target: Quantitative, direction: Direction): boolean {
  if (direction !== "positive" || target.unit === null || target.unit.per !== null) return false;
  return CUMULATIVE_FAMILY.test(target.unit.dimension);
}

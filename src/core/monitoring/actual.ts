import type { Direction } from "../definitions/direction";
import type { Indicator } from "../model/project";
import { parseTarget } from "../target-expression";
import type { Quantitative, Unit } from "../target-expression/schema";

export type Actual =
  | { kind: "none" }
  | { kind: "value"; value: number; unit: Unit | null }
  | { kind: "grade"; grade: "达成" | "部分达成" | "未达成" }
  | { kind: "text"; text: string }
  | { kind: "unreadable" };

const GRADES = ["部分达成", "未达成", "达成"] as const;

/**
 * A 完成值 as written: a number with or without unit (`2500元`, `19家`, `92%`, `十九家`), a grade
 * for a qualitative target (达成 / 部分达成 / 未达成, or 完成 / 已完成 as 达成), or other text.
 */
export function readActual(text: string | null): Actual {
  if (text === null || text.trim() === "") return { kind: "none" };
  const trimmed = text.trim();
  const grade = GRADES.find((g) => trimmed === g || trimmed === `已${g}`);
  if (grade) return { kind: "grade", grade };
  if (/^(已?完成|已?达到|是|按时完成)$/.test(trimmed)) return { kind: "grade", grade: "达成" };
  if (/^(未完成|否)$/.test(trimmed)) return { kind: "grade", grade: "未达成" };
  const parsed = parseTarget(trimmed);
  if (parsed.kind === "quantitative" && parsed.operator === null)
    return { kind: "value", value: parsed.value, unit: parsed.unit };
  if (parsed.kind === "qualitative") return { kind: "text", text: trimmed };
  return { kind: "unreadable" };
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

/**
 * Counts and amounts add up over the year (≥18 家, ≥10 亿元); rates, prices and per-unit
 * standards do not. Only the former can be "behind" rather than failed mid-year.
 */
export function isCumulative(target: Quantitative, direction: Direction): boolean {
  if (direction !== "positive" || target.unit === null || target.unit.per !== null) return false;
  return /^(count|money|unit):/.test(target.unit.dimension);
}

import type { Operator, Quantitative, TargetExpression, Unit } from "./schema";

const SYMBOL: Record<Exclude<Operator, "range">, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<" };

/** The unit as written (scale and per-part included): `万元`, `元/天`, `%`; "" for none. */
export function describeUnit(unit: Unit | null): string {
  return unit?.text ?? "";
}

/** Plain digits; JavaScript's own exponent form (1e+21) is kept because the parser reads it back. */
export function formatNumber(n: number): string {
  return String(n);
}

const CHANGE_WORD = { increase: "提高", decrease: "下降" } as const;

function formatLevel(expr: Quantitative): string {
  const unit = describeUnit(expr.unit);
  if (expr.operator === "range") return `[${formatNumber(expr.value)},${formatNumber(expr.max ?? expr.value)}]${unit}`;
  const op = expr.operator === null ? "" : SYMBOL[expr.operator];
  return `${op}${formatNumber(expr.value)}${unit}`;
}

/**
 * A parsed target written back in one canonical form for messages: `≥80%`, `≤0.2万元`,
 * `[80,100]%`, `≤25000元/日`. Operators become symbols, numbers lose thousands separators and
 * full-width digits, the unit keeps its written words. Parsing the result gives the same target.
 * Qualitative targets return their text; unparseable ones "" (show the cell's own text instead).
 */
export function formatTarget(expr: TargetExpression): string {
  switch (expr.kind) {
    case "quantitative": {
      const change = expr.change === undefined ? "" : CHANGE_WORD[expr.change];
      return change + formatLevel(expr);
    }
    case "missing": {
      const op = expr.operator === null || expr.operator === "range" ? "" : SYMBOL[expr.operator];
      return `${op}${describeUnit(expr.unit)}`;
    }
    case "qualitative":
      return expr.text;
    case "unparseable":
      return "";
  }
}

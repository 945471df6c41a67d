import { z } from "zod";

/** Comparison written in a target: symbolic (≥), verbal (不低于) or suffix (以上) all end up here. */
export const operatorSchema = z.enum([">=", "<=", "=", ">", "<", "range"]);
export type Operator = z.infer<typeof operatorSchema>;

/**
 * A unit as written, resolved to a dimension and a scale.
 * `dimension` decides what may be compared: "money:CNY" (元, 人民币), "money:USD", "money:EUR",
 * "percent" (80% is value 80, scale 1; ‰ has scale 0.1), "percentage-point" (个百分点), "count:家"
 * (one per counting word), "duration" (in days: 月 = 365/12, 年 = 365), "workday", "length" (米),
 * "area" (平方米), "mass" (千克), "volume", "score" (分), "multiple" (倍), "number" (a bare 万 or 亿), "unit:枚" (a short word the
 * reader does not know).
 * A per-part (`/天`, `/半年`, `/间`) becomes part of the dimension ("money:CNY/天"), so 元 and 元/天
 * never compare. `scale` converts to the dimension's base (万元 → 10000, 亿美元 → 1e8); per-parts are
 * not converted into each other, only matched after synonyms (日 → 天, 个月 → 月).
 */
export const unitSchema = z.object({
  /** The unit's words as written, after width and spacing are normalised: `万元/日`, `亿人民币`. */
  text: z.string(),
  dimension: z.string(),
  scale: z.number().positive(),
  /** The per-part as normalised (天 for 日), or null. */
  per: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

export const quantitativeSchema = z.object({
  kind: z.literal("quantitative"),
  /** null when the text carries no operator at all (`85%` alone): the rule target-incomplete reads it. */
  operator: operatorSchema.nullable(),
  value: z.number(),
  /** Upper bound, only for operator "range"; `value` is then the lower bound. */
  max: z.number().nullable(),
  /** null when the text carries no unit (`≥180`). */
  unit: unitSchema.nullable(),
  /**
   * Set when the target is a change from a baseline, not a level: 下降5% (decrease), 同比增长10%
   * (increase). The value and operator then bound the change. Absent for a level.
   */
  change: z.enum(["increase", "decrease"]).optional(),
});
export const qualitativeSchema = z.object({ kind: z.literal("qualitative"), text: z.string() });
export const missingSchema = z.object({
  kind: z.literal("missing"),
  operator: operatorSchema.nullable(),
  unit: unitSchema.nullable(),
});
/**
 * `reason` is for logs and tests, not for display: bad-number, trailing-text, expected-number,
 * bad-range, range-reversed, range-unit-mismatch, operator-with-range, conflicting-operators,
 * chinese-number-without-unit, noise, internal-error (a bug in the reader; never expected).
 */
export const unparseableSchema = z.object({ kind: z.literal("unparseable"), reason: z.string() });

export const targetExpressionSchema = z.discriminatedUnion("kind", [
  quantitativeSchema,
  qualitativeSchema,
  missingSchema,
  unparseableSchema,
]);
export type TargetExpression = z.infer<typeof targetExpressionSchema>;
export type Quantitative = z.infer<typeof quantitativeSchema>;

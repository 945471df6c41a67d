import { z } from "zod";

/** Comparison written in a target: symbolic (≥), verbal (不低于) or suffix (以上) all end up here. */
export const operatorSchema = z.enum([">=", "<=", "=", ">", "<", "range"]);
export type Operator = z.infer<typeof operatorSchema>;

/**
 * A unit as written, resolved to a dimension and a scale.
 * `dimension` decides what may be compared: "money:CNY", "money:USD", "percent", "count:家", "duration"…
 * A per-part (`/天`, `/半年`, `/间`) becomes part of the dimension ("money:CNY/day"), so 元 and 元/天
 * never compare. `scale` converts to the dimension's base (万元 → 10000, 亿美元 → 1e8); per-parts are
 * not converted into each other, only matched after synonyms (天 = 日).
 */
export const unitSchema = z.object({
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
});
export const qualitativeSchema = z.object({ kind: z.literal("qualitative"), text: z.string() });
export const missingSchema = z.object({
  kind: z.literal("missing"),
  operator: operatorSchema.nullable(),
  unit: unitSchema.nullable(),
});
export const unparseableSchema = z.object({ kind: z.literal("unparseable"), reason: z.string() });

export const targetExpressionSchema = z.discriminatedUnion("kind", [
  quantitativeSchema,
  qualitativeSchema,
  missingSchema,
  unparseableSchema,
]);
export type TargetExpression = z.infer<typeof targetExpressionSchema>;
export type Quantitative = z.infer<typeof quantitativeSchema>;

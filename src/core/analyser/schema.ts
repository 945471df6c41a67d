import { z } from "zod";

/** What an indicator measures, as a reviewer would name it. `unknown`: the name gives no sign. */
export const measureKindSchema = z.enum([
  "rate",
  "count",
  "money",
  "duration",
  "date",
  "length",
  "area",
  "weight",
  "score",
  "satisfaction",
  "qualitative",
  "unknown",
]);
export type MeasureKind = z.infer<typeof measureKindSchema>;

/**
 * The unit a measure is written in, by family: `money` (any currency, any scale), `percent`,
 * `count:次` / `count:人次` (a count names what it counts), `duration` (days, months and 工作日),
 * `date`, `length`, `area`, `mass`, `score`. null: any unit, or none, will do.
 */
export const unitFamilySchema = z.string().nullable();

export const analysisSchema = z.object({
  kind: measureKindSchema,
  /** positive: more is better; reverse: less is better (costs, deadlines, complaints). */
  direction: z.enum(["positive", "reverse"]),
  /** Adds up over the year (counts, amounts, lengths), so a half-year's actual is part of it. */
  cumulative: z.boolean(),
  unitFamily: unitFamilySchema,
  /** The period the name states (`年` in 年征用补偿标准, `天` in 日均…), or null. */
  period: z.string().nullable(),
  /** A price or charge that means nothing without a time basis: 租金, 征用补偿标准. */
  needsTimeBasis: z.boolean(),
  /** 0 when nothing in the name or target told; 0.9 when the head word decided. */
  confidence: z.number().min(0).max(1),
  /** The words that decided, for the message: `处理率`, `时限`, `家`. */
  basis: z.string(),
  /** Where those words are: the name, the description, the target's unit, the category; none when nothing told. */
  basisFrom: z.enum(["name", "description", "target", "category", "none"]),
});
export type Analysis = z.infer<typeof analysisSchema>;

/** What the analyser reads: the row as the clerk wrote it. */
export type AnalyserInput = {
  name: string;
  level1?: string;
  level2?: string;
  description?: string;
  /** The target as parsed; its unit is the fallback when the name tells nothing. */
  target?: import("../target-expression/schema").TargetExpression;
};

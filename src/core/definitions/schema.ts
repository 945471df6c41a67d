import { z } from "zod";
import { unitSchema } from "../target-expression/schema";

/** 正向: higher is better (expects ≥ > =); 反向: lower is better (expects ≤ <), e.g. every cost. */
export const directionSchema = z.enum(["positive", "reverse"]);
export type Direction = z.infer<typeof directionSchema>;

/**
 * An indicator definition (docs/definitions.md): how to judge an indicator. Every judging field is nullable:
 * null means "not said here", and the indicator's category decides (a 成本指标 is reverse and
 * must be a number whatever its definition leaves open).
 */
export const definitionSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    synonyms: z.array(z.string().min(1)),
    level1: z.string().min(1).nullable(),
    level2: z.string().min(1).nullable(),
    /** The unit targets must be written in; only its dimension is compared (万元 = 元, 元 ≠ 元/天). */
    unit: unitSchema.nullable(),
    direction: directionSchema.nullable(),
    /** Valid range of the target's value, in `unit` (or, without one, as written). */
    min: z.number().finite().nullable(),
    max: z.number().finite().nullable(),
    /** True: a qualitative target is a finding. The category may require a number anyway. */
    requiresNumber: z.boolean().nullable(),
    /** The department goal (部门整体绩效目标) it belongs to, by the goal's name. */
    goal: z.string().min(1).nullable(),
    source: z.enum(["builtin", "sheet"]),
    /** Where a sheet definition was written (its name cell); null for the built-in library. */
    at: z.object({ sheet: z.string(), cell: z.string() }).nullable(),
  })
  .refine((d) => d.min === null || d.max === null || d.min <= d.max, { message: "min above max", path: ["max"] });
export type Definition = z.infer<typeof definitionSchema>;

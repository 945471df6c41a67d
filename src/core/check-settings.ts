import { z } from "zod";

/** A project-code pattern must compile; a bad one would make the project-code rule throw. */
const patternSchema = z.string().refine(
  (p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      // Only the answer matters here: the settings reader reports the cell as invalid.
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

/**
 * Settings a department keeps in its workbook (docs/writing.md). Every field has the default docs/definitions.md
 * names, so an empty or partial settings block still yields a complete, typed value.
 */
export const settingsSchema = z.object({
  /** "2020": 成本指标 under 产出指标, as the seed; "2021": 成本指标 at level 1 (财预〔2021〕101号). */
  framework: z.enum(["2020", "2021"]).default("2020"),
  /** 8 digits, P, 11 digits, one digit or capital letter. */
  projectCodePattern: patternSchema.default("^\\d{8}P\\d{11}[0-9A-Z]$"),
  /** 预算数 may differ from 财政资金 + 其他资金 by this much (万元). */
  budgetTolerance: z.number().nonnegative().default(0.005),
  /** Weight of 预算执行率 in the self-evaluation (10; some provinces give 20). */
  executionWeight: z.number().min(0).max(100).default(10),
  /** A fuzzy name match is applied from this score up; below, it is only offered (0–1). */
  mappingThreshold: z.number().min(0).max(1).default(0.8),
  /** A project target may differ from its department goal by this share of the goal (0.05 = 5%). */
  goalTolerance: z.number().min(0).max(1).default(0.05),
  /** actual-behind: points an actual may lag the year's elapsed share (docs/checks.md: 10). */
  progressTolerance: z.number().min(0).max(100).default(10),
  /** spending-behind-plan: a warning beyond this many points behind the plan … */
  spendingWarning: z.number().min(0).max(100).default(10),
  /** … and an error beyond this many. */
  spendingError: z.number().min(0).max(100).default(20),
  /** deviation-reason-missing: an actual beyond its target by this share (0.3 = 30%) needs a reason too. */
  deviationShare: z.number().min(0).default(0.3),
  /**
   * A reverse (cost) indicator over its limit scores weight × limit ÷ actual ("ratio"), or
   * weight × (1 − overshoot ÷ limit), 0 at twice the limit ("overshoot").
   */
  reverseScoring: z.enum(["ratio", "overshoot"]).default("ratio"),
  /** Share of its weight (%) a qualitative indicator earns by grade, within the published bands. */
  gradeAchieved: z.number().min(80).max(100).default(100),
  gradePartial: z.number().min(60).max(80).default(70),
  gradeFailed: z.number().min(0).max(60).default(30),
  /** The fiscal year the workbook covers: a year such as 2023, or `auto` to find it in the workbook. */
  fiscalYear: z
    .string()
    .regex(/^(auto|(19|20)\d{2})$/)
    .default("auto"),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** The keys a settings sheet may hold, in the order it lists them. */
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

export { tableMappingSchema, type TableMapping } from "./sheets/table-mapping";

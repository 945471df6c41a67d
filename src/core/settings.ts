import { z } from "zod";

/**
 * Settings a department keeps in its workbook (SPEC §6). Every field has the default the SPEC
 * names, so an empty or partial settings block still yields a complete, typed value.
 */
export const settingsSchema = z.object({
  /** "2020": 成本指标 under 产出指标, as the seed; "2021": 成本指标 at level 1 (财预〔2021〕101号). */
  framework: z.enum(["2020", "2021"]).default("2020"),
  /** 8 digits, P, 11 digits, one digit or capital letter. */
  projectCodePattern: z.string().default("^\\d{8}P\\d{11}[0-9A-Z]$"),
  /** 预算数 may differ from 财政资金 + 其他资金 by this much (万元). */
  budgetTolerance: z.number().nonnegative().default(0.005),
  /** Weight of 预算执行率 in the self-evaluation (10; some provinces give 20). */
  executionWeight: z.number().min(0).max(100).default(10),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

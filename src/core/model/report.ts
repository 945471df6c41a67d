import { z } from "zod";
import { analysisSchema } from "../analyser/schema";
import { targetExpressionSchema } from "../target-expression/schema";
import { reportFindingSchema } from "./finding";
import { layoutKindSchema } from "./layout-kind";

const nullableNumber = z.number().nullable();

export const trafficLightSchema = z.enum(["red", "amber", "green", "blue"]);
export type TrafficLight = z.infer<typeof trafficLightSchema>;

export const reportTargetSchema = z.object({ text: z.string(), parsed: targetExpressionSchema });

/**
 * How the check read an indicator (additive to version 1): the analyser's reading of the measure
 * (kind, cumulative, unit family, period, how sure, the deciding words) and the direction the
 * rules used, with `source` saying what decided it: the indicator's definition (the workbook's
 * 指标定义 or the built-in library), the row's own 正向/反向, the analyser, or nothing (`default`:
 * no direction warning is given on it).
 */
export const reportAnalysisSchema = analysisSchema.extend({
  source: z.enum(["definition", "row", "analyser", "default"]),
});

export const reportIndicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  description: z.string(),
  target: reportTargetSchema,
  actual: z.string().nullable(),
  sheet: z.string(),
  cell: z.string(),
  definition: z.object({ id: z.string(), name: z.string(), score: z.number() }).nullable(),
  /** Self-evaluation: the weight the indicator carries and what its actual earns (null: not scored). */
  weight: z.number().optional(),
  score: z.number().nullable().optional(),
  /** Actual less target in the target's unit (个百分点 for a percent target); additive to version 1. */
  deviation: z.object({ value: z.number(), unit: z.string() }).nullable().optional(),
  /** What the measure is and which way is better, and what decided it (additive to version 1). */
  analysis: reportAnalysisSchema.optional(),
});

/** The target-wording status, apart from the light: the worst of the findings that are not monitoring's. */
export const targetStatusSchema = z.enum(["red", "amber", "green"]);

/**
 * The self-evaluation beside the light (additive to version 1): 预计得分 (projected) before the
 * fiscal year ends, 自评得分 (final) after, with 预算执行率 and the grade (优 ≥90, 良 80–90, 中 60–80, 差 <60).
 */
export const reportEvaluationSchema = z.object({
  kind: z.enum(["projected", "final"]),
  /** 预算执行率, 0–1: spent ÷ the budget (adjusted where the sheet gives it). */
  executionRate: z.number().nullable(),
  executionWeight: z.number(),
  execution: z.number().nullable(),
  total: z.number().nullable(),
  grade: z.enum(["优", "良", "中", "差"]).nullable(),
});

/** The fiscal year judged and where it was found (additive to version 1). */
export const reportFiscalYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(["given", "settings", "title", "sheet-name", "plan", "as-of"]),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
});

export const reportProjectSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  sheet: z.string(),
  budget: nullableNumber,
  fiscal: nullableNumber,
  other: nullableNumber,
  plan: z.array(nullableNumber).length(4).nullable(),
  spent: nullableNumber,
  light: trafficLightSchema,
  /** Why the light has its colour, in the report's language; null where nothing was monitored. */
  lightReason: z.string().nullable().optional(),
  targetStatus: targetStatusSchema.optional(),
  score: nullableNumber,
  evaluation: reportEvaluationSchema.optional(),
  indicators: z.array(reportIndicatorSchema),
});

export const reportGoalSchema = z.object({
  name: z.string(),
  target: reportTargetSchema,
  sheet: z.string(),
  cell: z.string(),
});

/** A table as read: its layout, header row (1-based) and which column (letter) plays which role. */
export const reportTableSchema = z.object({
  kind: layoutKindSchema,
  headerRow: z.number().int().positive(),
  columns: z.record(z.string(), z.string()),
  /** detected now, or applied from the workbook's saved mapping (saved / corrected). */
  source: z.enum(["detected", "saved", "corrected"]),
  /**
   * Per role: decided by the header's words or by the column's content (a header in no list).
   * Present when content decided any role; absent, every role was decided by its header (or,
   * per `source`, by the saved mapping).
   */
  decided: z.record(z.string(), z.enum(["header", "content", "saved"])).optional(),
});

/** Why a sheet holding target-like cells was still skipped, and where the first such cell is. */
export const reportSkipSchema = z.object({
  reason: z.enum(["no-header", "no-target-column", "no-indicator-column"]),
  /** How many cells read as targets (≥95%, 100 人次), and the first of them (A1). */
  targetCells: z.number().int().nonnegative(),
  firstTarget: z.string(),
});

/** What became of a sheet: read for data, read as 指标定义, the add-in's own, or skipped (none of the layouts). */
export const reportSheetSchema = z.object({
  name: z.string(),
  role: z.enum(["data", "definitions", "owned", "skipped"]),
  tables: z.array(reportTableSchema),
  /** On a skipped sheet with target-like cells: why no table was read there. */
  skip: reportSkipSchema.optional(),
});

/** The report of docs/cli.md: what the CLI writes as JSON and the task pane shows. */
export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.string(),
  asOf: z.iso.date(),
  fiscalYear: reportFiscalYearSchema.optional(),
  projects: z.array(reportProjectSchema),
  goals: z.array(reportGoalSchema),
  findings: z.array(reportFindingSchema),
  /** Additive to schema version 1: older readers ignore it, older reports lack it. */
  sheets: z.array(reportSheetSchema).optional(),
  /** Names of the sheets that hold none of the layouts (also in `sheets`, role "skipped"). */
  skipped: z.array(z.string()).optional(),
  summary: z.object({
    projects: z.number().int().nonnegative(),
    indicators: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    infos: z.number().int().nonnegative(),
  }),
});
export type Report = z.infer<typeof reportSchema>;
export type ReportProject = z.infer<typeof reportProjectSchema>;
export type ReportIndicator = z.infer<typeof reportIndicatorSchema>;
export type ReportAnalysis = z.infer<typeof reportAnalysisSchema>;
export type ReportSheet = z.infer<typeof reportSheetSchema>;
export type ReportEvaluation = z.infer<typeof reportEvaluationSchema>;
export type ReportFiscalYear = z.infer<typeof reportFiscalYearSchema>;

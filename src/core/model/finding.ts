import { z } from "zod";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

/** Every rule id of SPEC §5; the message catalogues are keyed by it, so a new rule cannot go unworded. */
export const ruleIdSchema = z.enum([
  "target-missing",
  "target-unparseable",
  "target-not-quantitative",
  "target-direction",
  "target-unit",
  "target-out-of-range",
  "target-goal-mismatch",
  "target-incomplete",
  "category-misuse",
  "target-restates-name",
  "target-exceeds-budget",
  "weights-sum",
  "indicator-unmapped",
  "indicator-duplicate",
  "category-missing",
  "budget-sum",
  "plan-invalid",
  "project-code",
  "project-duplicate",
  "actual-fails-target",
  "actual-unparseable",
  "actual-behind",
  "spending-behind-plan",
  "deviation-reason-missing",
  // Monitoring: an answer that is not in yet (正在调查), a column the reader could not place.
  "actual-pending",
  "column-unused",
  // Inputs of the check itself: a cell showing an error value where a value is read, a 指标定义
  // row or a settings cell that cannot be used.
  "cell-error",
  "definition-invalid",
  "settings-invalid",
  // A sheet holding target-like cells (≥95%, 100 人次) that no table could be read from, and why.
  "sheet-skipped",
]);
export type RuleId = z.infer<typeof ruleIdSchema>;

/** Typed facts a message is built from; wording lives in ../messages. */
export type FindingDetails = Readonly<Record<string, string | number | null>>;

/** A finding as the rules produce it: data, not prose. */
export type Finding = {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the offending value. */
  cell: string;
  project: string | null;
  /** The project's key (code, else name): names repeat across projects, keys do not. */
  projectKey: string | null;
  indicator: string | null;
  details: FindingDetails;
};

/** A finding as the report carries it: the same, worded in the report's language. */
export const reportFindingSchema = z.object({
  rule: ruleIdSchema,
  severity: severitySchema,
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9][0-9]*$/),
  project: z.string().nullable(),
  indicator: z.string().nullable(),
  message: z.string().min(1),
});
export type ReportFinding = z.infer<typeof reportFindingSchema>;

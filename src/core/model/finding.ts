import { z } from "zod";
import { RULE_IDS, severitySchema, type RuleId, type Severity } from "./rule-registry";

export { severitySchema, type Severity };

/** Every rule id, from the registry; the message catalogues are keyed by it, so a new rule cannot go unworded. */
export const ruleIdSchema = z.enum(RULE_IDS);
export type { RuleId };

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

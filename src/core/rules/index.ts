import type { Finding } from "../model/finding";
import { checkCellErrors } from "./cell-error-rule";
import { checkCategoryMissing, checkCategoryMisuse, checkDuplicateIndicators, checkWeights } from "./category-rules";
import { checkConsistency, checkDirectionConsistency } from "./consistency-rules";
import type { Rule, RuleContext } from "./context";
import { checkGoalMismatch, checkUnmapped } from "./definition-rules";
import { checkBudgetSum, checkDuplicateProjects, checkPlan, checkProjectCodes } from "./project-rules";
import { oneFixPerCell } from "./one-fix";
import { checkSkippedSheets } from "./sheet-skipped-rule";
import { checkTargets } from "./target-rules";

/** Target review (申报审核): always run. */
export const REVIEW_RULES: readonly Rule[] = [
  checkTargets,
  checkGoalMismatch,
  checkConsistency,
  checkDirectionConsistency,
  checkUnmapped,
  checkCategoryMisuse,
  checkDuplicateIndicators,
  checkCategoryMissing,
  checkWeights,
  checkBudgetSum,
  checkPlan,
  checkProjectCodes,
  checkDuplicateProjects,
  checkCellErrors,
  checkSkippedSheets,
];

export function runRules(ctx: RuleContext, rules: readonly Rule[] = REVIEW_RULES): Finding[] {
  return oneFixPerCell(rules.flatMap((rule) => rule(ctx)));
}

export { makeContext, type RuleContext } from "./context";

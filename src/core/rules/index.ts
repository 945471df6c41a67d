import type { Finding, RuleId } from "../model/finding";
import { checkCellErrors } from "./cell-error-rule";
import { checkCategoryMissing, checkCategoryMisuse, checkDuplicateIndicators, checkWeights } from "./category-rules";
import { checkConsistency, checkDirectionConsistency } from "./consistency-rules";
import type { Rule, RuleContext } from "./context";
import { checkGoalMismatch, checkUnmapped } from "./definition-rules";
import { checkBudgetSum, checkDuplicateProjects, checkPlan, checkProjectCodes } from "./project-rules";
import { oneFixPerCell } from "./one-fix";
import { checkSkippedSheets } from "./sheet-skipped-rule";
import { checkTargets } from "./target-rules";

/** A check and the rules it may emit: the registry test holds every review rule to one. */
export type Check = { emits: readonly RuleId[]; run: Rule };

/** Target review (申报审核): always run, in this order (findings keep it within a cell). */
export const REVIEW_CHECKS: readonly Check[] = [
  {
    emits: [
      "target-missing",
      "target-unparseable",
      "target-not-quantitative",
      "target-restates-name",
      "target-incomplete",
      "target-direction",
      "target-out-of-range",
      "target-unit",
      "target-exceeds-budget",
    ],
    run: checkTargets,
  },
  { emits: ["target-goal-mismatch"], run: checkGoalMismatch },
  { emits: ["target-unit"], run: checkConsistency },
  { emits: ["target-direction"], run: checkDirectionConsistency },
  { emits: ["indicator-unmapped"], run: checkUnmapped },
  { emits: ["category-misuse"], run: checkCategoryMisuse },
  { emits: ["indicator-duplicate"], run: checkDuplicateIndicators },
  { emits: ["category-missing"], run: checkCategoryMissing },
  { emits: ["weights-sum"], run: checkWeights },
  { emits: ["budget-sum"], run: checkBudgetSum },
  { emits: ["plan-invalid"], run: checkPlan },
  { emits: ["project-code"], run: checkProjectCodes },
  { emits: ["project-duplicate"], run: checkDuplicateProjects },
  { emits: ["cell-error"], run: checkCellErrors },
  { emits: ["sheet-skipped"], run: checkSkippedSheets },
];

export function runRules(ctx: RuleContext, checks: readonly Check[] = REVIEW_CHECKS): Finding[] {
  return oneFixPerCell(checks.flatMap((check) => check.run(ctx)));
}

export { makeContext, type RuleContext } from "./context";

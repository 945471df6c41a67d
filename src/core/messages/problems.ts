import type { WorkbookProblem } from "../model/workbook-problem";
import type { Locale, ProblemCatalogue } from "./catalogue";
import { enUSProblems } from "./problems-en-us";
import { zhCNProblems } from "./problems-zh-cn";

const PROBLEMS: Readonly<Record<Locale, ProblemCatalogue>> = { "zh-CN": zhCNProblems, "en-US": enUSProblems };

/** A workbook problem (what a WorkbookError carries) in the user's language. */
export function formatProblem(problem: WorkbookProblem, locale: Locale): string {
  // Each entry takes the problem of its own kind; the table is typed so by ProblemCatalogue.
  const word = PROBLEMS[locale][problem.kind] as (p: WorkbookProblem) => string;
  return word(problem);
}

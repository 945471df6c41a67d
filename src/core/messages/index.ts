import type { Finding } from "../model/finding";
import type { WorkbookProblem } from "../model/workbook-problem";
import { detailReader, type Catalogue, type Locale, type ProblemCatalogue } from "./catalogue";
import { enUS, enUSProblems } from "./en-us";
import { zhCN, zhCNProblems } from "./zh-cn";

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { "zh-CN": zhCN, "en-US": enUS };
const PROBLEMS: Readonly<Record<Locale, ProblemCatalogue>> = { "zh-CN": zhCNProblems, "en-US": enUSProblems };

export function formatFinding(finding: Finding, locale: Locale): string {
  return CATALOGUES[locale][finding.rule](detailReader(finding.details), finding);
}

/** A workbook problem (what a WorkbookError carries) in the user's language. */
export function formatProblem(problem: WorkbookProblem, locale: Locale): string {
  // Each entry takes the problem of its own kind; the table is typed so by ProblemCatalogue.
  const word = PROBLEMS[locale][problem.kind] as (p: WorkbookProblem) => string;
  return word(problem);
}

export type { Locale } from "./catalogue";

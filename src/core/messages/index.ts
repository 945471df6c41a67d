import type { Finding } from "../model/finding";
import { detailReader, type Catalogue, type Locale } from "./catalogue";
import { enUS } from "./en-us";
import { zhCN } from "./zh-cn";

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { "zh-CN": zhCN, "en-US": enUS };

export function formatFinding(finding: Finding, locale: Locale): string {
  return CATALOGUES[locale][finding.rule](detailReader(finding.details), finding);
}

export { formatProblem } from "./problems";

export type { Locale } from "./catalogue";

import type { Finding, FindingDetails, RuleId } from "../model/finding";

export type Locale = "zh-CN" | "en-US";

/** One sentence per rule: what is wrong and what would be right. */
export type Catalogue = Readonly<Record<RuleId, (d: Detail, f: Finding) => string>>;

/** Reads a detail as display text; a missing one reads as empty rather than "undefined". */
export type Detail = (key: string) => string;

export function detailReader(details: FindingDetails): Detail {
  return (key) => {
    const v = details[key];
    if (v === undefined || v === null) return "";
    return typeof v === "number" ? String(Number.parseFloat(v.toPrecision(10))) : v;
  };
}

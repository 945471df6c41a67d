import type { Finding, FindingDetails, RuleId } from "../model/finding";
import type { DetailKey } from "../model/rule-registry";
import type { ProblemOf, WorkbookProblemKind } from "../model/workbook-problem";

export type Locale = "zh-CN" | "en-US";

/**
 * Reads one of rule R's details as display text; a missing one reads as empty rather than
 * "undefined". Typed by the registry, so a message cannot read a key its rule never writes.
 */
export type Detail<R extends RuleId> = (key: DetailKey<R>) => string;

/** A detail of any rule, for wording shared across rules (a suggested fix). */
export type AnyDetail = (key: { [R in RuleId]: DetailKey<R> }[RuleId]) => string;

/** One sentence per rule: what is wrong and what would be right. */
export type Catalogue = { readonly [R in RuleId]: (d: Detail<R>, f: Finding) => string };

/**
 * One sentence per workbook problem (model/workbook-problem.ts): what could not be done and what
 * the user can do. Typed by the union, so a kind without its sentence does not compile.
 */
export type ProblemCatalogue = { readonly [K in WorkbookProblemKind]: (problem: ProblemOf<K>) => string };

export function detailReader(details: FindingDetails): AnyDetail {
  return (key: string) => {
    const v = details[key];
    if (v === undefined || v === null) return "";
    return typeof v === "number" ? String(Number.parseFloat(v.toPrecision(10))) : v;
  };
}

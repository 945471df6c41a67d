import type { Indicator } from "./project";

/** Items by key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byProjectOf = new WeakMap<readonly Indicator[], ReadonlyMap<string, readonly Indicator[]>>();

/**
 * A model's indicators by project key, in list order. Rules, scores, the report and the
 * 绩效目标表 all ask; the grouping is made once per indicator list (a model's list is not
 * changed once read).
 */
export function indicatorsByProject(indicators: readonly Indicator[]): ReadonlyMap<string, readonly Indicator[]> {
  let groups = byProjectOf.get(indicators);
  if (groups === undefined) {
    groups = groupBy(indicators, (ind) => ind.projectKey);
    byProjectOf.set(indicators, groups);
  }
  return groups;
}

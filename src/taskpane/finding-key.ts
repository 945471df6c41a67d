import type { Finding } from "../core";

/** The identity of a finding across checks: the same rule at the same cell about the same indicator. */
export const findingKey = (f: Finding): string => `${f.rule}|${f.sheet}!${f.cell}|${f.indicator ?? ""}`;

/** What a re-check changed: findings gone since the last check, and findings new in this one. */
export function changesBetween(
  before: readonly Finding[],
  after: readonly Finding[],
): { resolved: number; added: number } {
  const count = (list: readonly Finding[]) => {
    const m = new Map<string, number>();
    for (const f of list) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
    return m;
  };
  const was = count(before);
  const now = count(after);
  let resolved = 0;
  let added = 0;
  for (const [key, n] of was) resolved += Math.max(0, n - (now.get(key) ?? 0));
  for (const [key, n] of now) added += Math.max(0, n - (was.get(key) ?? 0));
  return { resolved, added };
}

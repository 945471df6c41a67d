import { formatFinding, type Finding, type Report, type Severity, type TrafficLight } from "../core";
import { findingKey } from "./finding-key";
import type { Locale } from "./locale";

/**
 * The findings list as data: prepared once per check (worded, ordered, indexed for search), then
 * filtered on every keystroke in one pass. Pure, so the filter's speed is measured in the bench
 * (bench/pane.ts) and its behaviour in a unit test, without React.
 */

/** One finding as the list shows it. `key` survives a re-check when the same problem is still there. */
export type FindingItem = {
  key: string;
  finding: Finding;
  message: string;
  /** The project it belongs to ("" for findings of no project: settings, definitions). */
  group: string;
  /** Lower-cased text the search box looks in: message, address, indicator, project. */
  haystack: string;
};

export type ProjectGroup = {
  key: string;
  code: string | null;
  name: string;
  light: TrafficLight | null;
  /** The self-evaluation score, once every actual is in. */
  score: number | null;
  /** The score is 预计 (projected): the fiscal year has not ended. */
  projected: boolean;
  counts: Readonly<Record<Severity, number>>;
};

export type Prepared = {
  items: readonly FindingItem[];
  groups: ReadonlyMap<string, ProjectGroup>;
  /** Findings per rule, over the whole check, most frequent first. */
  rules: readonly { rule: string; count: number }[];
  totals: Readonly<Record<Severity, number>>;
};

export type ListFilter = {
  severities: ReadonlySet<Severity>;
  /** Project keys; empty means every project. */
  projects: ReadonlySet<string>;
  /** The projects' traffic lights (the summary's light buttons); empty means every light. */
  lights: ReadonlySet<TrafficLight>;
  rule: string | null;
  query: string;
};

export type ListRow =
  | { type: "project"; key: string; group: ProjectGroup; shown: number }
  | { type: "finding"; key: string; item: FindingItem };

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
export const OTHER_GROUP = "";

const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });

export function prepareFindings(
  findings: readonly Finding[],
  report: Pick<Report, "projects">,
  projectKeys: readonly string[],
  locale: Locale,
  otherTitle: string,
): Prepared {
  const groups = new Map<string, ProjectGroup>();
  report.projects.forEach((p, i) => {
    const key = projectKeys[i] ?? p.code ?? p.name;
    const projected = p.evaluation?.kind === "projected";
    groups.set(key, { key, code: p.code, name: p.name, light: p.light, score: p.score, projected, counts: zero() });
  });
  const other: ProjectGroup = {
    key: OTHER_GROUP,
    code: null,
    name: otherTitle,
    light: null,
    score: null,
    projected: false,
    counts: zero(),
  };
  const seen = new Map<string, number>();
  const ruleCounts = new Map<string, number>();
  const totals = zero();
  const items: FindingItem[] = findings.map((finding) => {
    const base = findingKey(finding);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const group = (finding.projectKey === null ? undefined : groups.get(finding.projectKey)) ?? other;
    (group.counts as Record<Severity, number>)[finding.severity]++;
    totals[finding.severity]++;
    ruleCounts.set(finding.rule, (ruleCounts.get(finding.rule) ?? 0) + 1);
    const message = formatFinding(finding, locale);
    const haystack = [message, `${finding.sheet}!${finding.cell}`, finding.indicator, group.code, group.name]
      .filter((s) => s !== null && s !== "")
      .join("\n")
      .toLowerCase();
    return { key: n === 0 ? base : `${base}#${n}`, finding, message, group: group.key, haystack };
  });
  if (other.counts.error + other.counts.warning + other.counts.info > 0) groups.set(OTHER_GROUP, other);

  // Projects with errors first, then those with warnings, each in the workbook's order; within a
  // project errors, then warnings, then notes, each in the sheet's order (the core sorts by cell).
  const order = [...groups.values()].map((g, i) => ({ g, i }));
  const groupRank = (g: ProjectGroup) => (g.counts.error > 0 ? 0 : g.counts.warning > 0 ? 1 : 2);
  order.sort((a, b) => groupRank(a.g) - groupRank(b.g) || a.i - b.i);
  const position = new Map(order.map(({ g }, i) => [g.key, i]));
  const sorted = items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        (position.get(a.item.group) ?? 0) - (position.get(b.item.group) ?? 0) ||
        RANK[a.item.finding.severity] - RANK[b.item.finding.severity] ||
        a.i - b.i,
    )
    .map(({ item }) => item);
  return {
    items: sorted,
    groups: new Map(order.map(({ g }) => [g.key, g])),
    rules: [...ruleCounts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count),
    totals,
  };
}

/** The rows to show: a header before each project's first shown finding, then its findings. */
export function filterRows(prepared: Prepared, filter: ListFilter): ListRow[] {
  const query = filter.query.trim().toLowerCase();
  // The projects of the chosen lights (findings of no project have no light: left out then).
  const lit =
    filter.lights.size === 0
      ? null
      : new Set([...prepared.groups.values()].filter((g) => g.light !== null && filter.lights.has(g.light)).map((g) => g.key));
  const rows: ListRow[] = [];
  let header: Extract<ListRow, { type: "project" }> | null = null;
  for (const item of prepared.items) {
    const f = item.finding;
    if (!filter.severities.has(f.severity)) continue;
    if (filter.projects.size > 0 && !filter.projects.has(item.group)) continue;
    if (lit !== null && !lit.has(item.group)) continue;
    if (filter.rule !== null && f.rule !== filter.rule) continue;
    if (query !== "" && !item.haystack.includes(query)) continue;
    if (header === null || header.group.key !== item.group) {
      const group = prepared.groups.get(item.group);
      if (group === undefined) continue;
      header = { type: "project", key: `project:${group.key}`, group, shown: 0 };
      rows.push(header);
    }
    header.shown++;
    rows.push({ type: "finding", key: item.key, item });
  }
  return rows;
}

/** The first finding at a cell Excel selected (a range's top-left cell), among the shown rows. */
export function rowAtCell(rows: readonly ListRow[], sheet: string, address: string): ListRow | null {
  const cell = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address)
    .split(":")[0]
    ?.replace(/\$/g, "")
    .toUpperCase();
  const lower = sheet.toLowerCase();
  return (
    rows.find(
      (r) => r.type === "finding" && r.item.finding.cell === cell && r.item.finding.sheet.toLowerCase() === lower,
    ) ?? null
  );
}

import type { Finding, Severity } from "../model/finding";

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** A finding with its place in the check's list (that of the report) and its number on the findings sheet. */
export type NumberedFinding = { finding: Finding; index: number; number: number };

/**
 * The findings as the findings sheet lists them: errors, then warnings, then infos, each in the
 * reading order the check gave them (a stable partition), numbered from 1.
 */
export function numberFindings(findings: readonly Finding[]): NumberedFinding[] {
  const buckets: NumberedFinding[][] = [[], [], []];
  findings.forEach((finding, index) => buckets[RANK[finding.severity]]?.push({ finding, index, number: 0 }));
  const ordered = buckets.flat();
  ordered.forEach((n, i) => (n.number = i + 1));
  return ordered;
}

/** The findings-sheet numbers of the errors and warnings at each source cell: sheet, then A1 cell. */
export function numbersByCell(numbered: readonly NumberedFinding[]): Map<string, Map<string, number[]>> {
  const at = new Map<string, Map<string, number[]>>();
  for (const { finding, number } of numbered) {
    if (finding.severity === "info") continue;
    let sheet = at.get(finding.sheet);
    if (sheet === undefined) at.set(finding.sheet, (sheet = new Map()));
    const list = sheet.get(finding.cell);
    if (list === undefined) sheet.set(finding.cell, [number]);
    else list.push(number);
  }
  return at;
}

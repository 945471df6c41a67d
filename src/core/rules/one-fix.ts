import type { Finding } from "../model/finding";

/**
 * Findings whose suggestion is a whole target, strongest first: the department goal fixes the
 * value, the direction and completeness only the operator. The first present on a cell gives the
 * one suggestion every other finding on that cell repeats, so a clerk who follows any of them
 * satisfies all (G89: ≤858亿美元 → ≥848万美元, not ≥858亿美元 then ≥848万美元).
 */
const AUTHORITY: ReadonlyArray<readonly [Finding["rule"], string]> = [
  ["target-goal-mismatch", "expected"],
  ["target-direction", "suggested"],
  ["target-incomplete", "suggested"],
];
const SUGGESTING = new Map<Finding["rule"], string>(AUTHORITY);

export function oneFixPerCell(findings: readonly Finding[]): Finding[] {
  const chosen = new Map<string, string>();
  for (const [rule, key] of AUTHORITY) {
    for (const f of findings) {
      const at = `${f.sheet}!${f.cell}`;
      const value = f.details[key];
      if (f.rule === rule && typeof value === "string" && value !== "" && !chosen.has(at)) chosen.set(at, value);
    }
  }
  return findings.map((f) => {
    const key = SUGGESTING.get(f.rule);
    const fix = chosen.get(`${f.sheet}!${f.cell}`);
    if (key === undefined || fix === undefined || f.details[key] === fix) return f;
    return { ...f, details: { ...f.details, [key]: fix } };
  });
}

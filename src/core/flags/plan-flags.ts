import type { Finding } from "../model/finding";
import { columnLetters, fromA1, toA1 } from "../sheets/address";

/**
 * A conditional-format rule the add-in owns: one per sheet, column and severity, over exactly
 * the flagged cells, so the rule count follows the columns checked, not the rows.
 */
export type FlagRule = {
  sheet: string;
  severity: "error" | "warning";
  /** A1 ranges, e.g. ["G5", "G9:G11"]. */
  ranges: string[];
  /** Excel formula without "="; it carries FLAG_MARKER so a re-run can find and replace it. */
  formula: string;
};

export type FlagPlan = { rules: FlagRule[] };

/** Present in every formula of ours; nothing a clerk writes contains it. */
export const FLAG_MARKER = "check-targets";

export const isOwnFlagFormula = (formula: string): boolean => formula.includes(`"${FLAG_MARKER}:`);

/** Always TRUE, and recognisably ours: the marker is a text literal. */
const flagFormula = (severity: FlagRule["severity"]): string => `ISTEXT("${FLAG_MARKER}:${severity}")`;

/** Consecutive rows of one column as A1 ranges: [4,5,6,9] → G5:G7, G10. */
function columnRanges(col: number, rows: number[]): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const row of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (row !== prev + 1) {
      out.push(start === prev ? toA1(start, col) : `${toA1(start, col)}:${columnLetters(col)}${prev + 1}`);
      start = row;
    }
    prev = row;
  }
  return out;
}

/** Errors red, warnings amber; infos are not flagged in the sheet. */
export function planFlags(findings: readonly Finding[]): FlagPlan {
  const groups = new Map<string, { sheet: string; severity: FlagRule["severity"]; col: number; rows: number[] }>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const at = fromA1(f.cell);
    if (at === null) continue;
    const key = `${f.sheet}\u0000${at.col}\u0000${f.severity}`;
    const group = groups.get(key) ?? { sheet: f.sheet, severity: f.severity, col: at.col, rows: [] };
    group.rows.push(at.row);
    groups.set(key, group);
  }
  const rules = [...groups.values()].map((g) => ({
    sheet: g.sheet,
    severity: g.severity,
    ranges: columnRanges(g.col, g.rows),
    formula: flagFormula(g.severity),
  }));
  // Errors first: where a cell has both, red wins.
  rules.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { rules };
}

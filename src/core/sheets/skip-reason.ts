import type { RoleOf } from "./detect-layout";
import { rowRoles } from "./detect-layout";
import { isTargetLike } from "./content-roles";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";

/** Why a sheet with target-like cells holds no table the check could read. */
export type SkipReason = {
  reason: "no-header" | "no-target-column" | "no-indicator-column";
  targetCells: number;
  /** A1 of the first target-like cell. */
  firstTarget: string;
};

/** Operators that only a target has: a date range (1-1月) or a bare value is also data. */
const COMPARISONS: ReadonlySet<string> = new Set([">=", "<=", ">", "<"]);

/** A skipped sheet is looked at this far: enough to name it, bounded on a huge one. */
const MAX_ROWS = 2000;
const MAX_COLUMNS = 64;
/** Fewer target-like cells than this are a note or a stray value, not a table missed. */
const MIN_TARGETS = 3;

/**
 * Why a sheet that no layout matched was skipped though it holds targets (≥95%, 100 人次):
 * a header names indicators but no target column, or targets but no indicator column, or
 * there is no header at all. Null when the sheet holds no targets to speak of.
 */
export function skipReason(view: SheetView, roleOf: RoleOf, parse: TargetParser): SkipReason | null {
  let count = 0;
  let compared = 0;
  let first: { row: number; col: number } | null = null;
  const rows = Math.min(view.rowCount, MAX_ROWS);
  for (let r = 0; r < rows; r++) {
    const span = Math.min(view.rowSpan(r), MAX_COLUMNS);
    for (let c = 0; c < span; c++) {
      const text = view.headerText(r, c);
      if (view.isCovered(r, c) || !isTargetLike(text, parse)) continue;
      count++;
      const target = parse(text);
      if (target.kind === "quantitative" && COMPARISONS.has(target.operator ?? "")) compared++;
      first ??= { row: r, col: c };
    }
  }
  if (first === null || count < MIN_TARGETS) return null;
  let reason: SkipReason["reason"] = "no-header";
  for (let r = 0; r <= first.row; r++) {
    const { columns } = rowRoles(view, r, roleOf);
    const indicator = ["name", "goalName", "level1", "level2"].some((role) => role in columns);
    const target = columns.target !== undefined || columns.operator !== undefined;
    if (indicator && !target) reason = "no-target-column";
    else if (target && !indicator) reason = "no-indicator-column";
  }
  // With no header to say so, values with units alone (12%, ￥1.11: a sheet of formatted numbers)
  // or date ranges (1-1月) are data; targets compare (≥95%, 不超过5天), and a sheet of them has
  // some that do.
  if (reason === "no-header" && compared === 0) return null;
  return { reason, targetCells: count, firstTarget: view.address(first.row, first.col) };
}

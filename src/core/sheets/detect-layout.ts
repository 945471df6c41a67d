import { headerRole, type HeaderRole } from "./header-roles";
import type { SheetView } from "./sheet-view";

export type LayoutKind = "indicator-list" | "project-list" | "goal-list";

/** Which column plays which role, as detected (and, later, as corrected by the user). */
export type ColumnMap = Partial<Record<HeaderRole, number>>;

export type DetectedLayout = { kind: LayoutKind; headerRow: number; columns: ColumnMap };

/** Header rows sit below at most this many title rows. */
const HEADER_SEARCH_ROWS = 40;

function rowRoles(view: SheetView, row: number): ColumnMap {
  const columns: ColumnMap = {};
  for (let c = 0; c < view.colCount; c++) {
    const role = headerRole(view.text(row, c));
    if (role !== null && columns[role] === undefined) columns[role] = c;
  }
  return columns;
}

function classify(columns: ColumnMap): LayoutKind | null {
  const has = (role: HeaderRole): boolean => columns[role] !== undefined;
  const hasProject = has("projectCode") || has("projectName");
  const hasIndicator = has("name") || has("goalName");
  if (hasIndicator && (has("target") || has("operator")) && (has("level1") || has("level2") || hasProject)) {
    return "indicator-list";
  }
  if (hasProject && (has("budget") || has("fiscal") || has("plan3") || has("spent"))) return "project-list";
  if (hasIndicator && has("target")) return "goal-list";
  return null;
}

/**
 * Finds the header row and the layout it announces. The row that recognises the most roles
 * wins, so a title row that happens to contain 项目 loses to the real header below it.
 */
export function detectLayout(view: SheetView): DetectedLayout | null {
  let best: DetectedLayout | null = null;
  let bestScore = 1;
  const last = Math.min(view.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const columns = rowRoles(view, r);
    const kind = classify(columns);
    const score = Object.keys(columns).length;
    if (kind !== null && score > bestScore) {
      best = { kind, headerRow: r, columns };
      bestScore = score;
    }
  }
  return best;
}

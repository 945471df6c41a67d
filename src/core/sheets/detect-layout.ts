import { isAmbiguousOperatorHeader, type HeaderRole } from "./header-roles";
import { headerValue, type SheetView } from "./sheet-view";

/** The four layouts of SPEC §4. */
export type LayoutKind = "indicator-list" | "project-list" | "goal-list" | "standard-form";

/** Which column plays which role, as detected (and, later, as corrected by the user). */
export type ColumnMap = Partial<Record<HeaderRole, number>>;

/** A header row as found: its roles, the header texts and where the data starts. */
export type HeaderRow = {
  row: number;
  /** First data row: the row after the header, or after a second header row (3月底 under 资金支出计划). */
  dataRow: number;
  columns: ColumnMap;
  headers: Partial<Record<HeaderRole, string>>;
  /** Columns headed as an operator or a direction; their content decides which is which. */
  operatorCandidates: { col: number; role: "operator" | "direction"; ambiguous: boolean }[];
};

export type RoleOf = (text: string) => HeaderRole | null;

/** Roles of one row; the first column of a role wins, operator-like columns are all kept. */
export function rowRoles(view: SheetView, row: number, roleOf: RoleOf): HeaderRow {
  const found: HeaderRow = { row, dataRow: row + 1, columns: {}, headers: {}, operatorCandidates: [] };
  const span = view.rowSpan(row);
  for (let c = 0; c < span; c++) {
    if (view.isCovered(row, c)) continue;
    const text = view.headerText(row, c);
    const role = roleOf(text);
    if (role === null) continue;
    // A label merged down beside the grid (the 自评表's 绩效指标 left of 一级指标) names the rows, not a column.
    if ((view.mergeAt(row, c)?.bottom ?? row) > row + 1) continue;
    if (role === "operator" || role === "direction") {
      found.operatorCandidates.push({ col: c, role, ambiguous: isAmbiguousOperatorHeader(text) });
    }
    if (found.columns[role] === undefined) {
      found.columns[role] = c;
      found.headers[role] = text;
    }
  }
  return found;
}

const has = (columns: ColumnMap, role: HeaderRole): boolean => columns[role] !== undefined;
const hasProject = (columns: ColumnMap): boolean => has(columns, "projectCode") || has(columns, "projectName");

/**
 * The layout a header announces, or null. A standard form's indicator grid reads as an
 * indicator list here; the reader tells the two apart by the label cells above the grid.
 */
export function classify(columns: ColumnMap): Exclude<LayoutKind, "standard-form"> | null {
  const hasIndicator = has(columns, "name") || has(columns, "goalName");
  const hasTarget = has(columns, "target") || has(columns, "operator");
  if (hasIndicator && hasTarget && (has(columns, "level1") || has(columns, "level2") || hasProject(columns))) {
    return "indicator-list";
  }
  if (
    hasProject(columns) &&
    (has(columns, "budget") || has(columns, "fiscal") || has(columns, "plan3") || has(columns, "spent"))
  )
    return "project-list";
  if (hasIndicator && has(columns, "target")) return "goal-list";
  return null;
}

/** The header of a standard form's indicator grid: levels, name and target, no project columns. */
export function isGridHeader(columns: ColumnMap): boolean {
  return (
    !hasProject(columns) &&
    (has(columns, "level1") || has(columns, "level2")) &&
    has(columns, "name") &&
    (has(columns, "target") || has(columns, "operator"))
  );
}

/**
 * Joins a second header row (3月底 … under a merged 资金支出计划) when every cell it holds is a
 * header and it adds a role. A role it repeats replaces the upper row's when the upper cell is
 * merged across it (年度指标值 over 计算符号 | 指标值 | 计量单位).
 */
export function withSubHeader(view: SheetView, header: HeaderRow, roleOf: RoleOf): HeaderRow {
  const below = header.row + 1;
  if (below >= view.rowCount) return header;
  const sub = rowRoles(view, below, roleOf);
  let cells = 0;
  const span = view.rowSpan(below);
  for (let c = 0; c < span; c++) {
    if (view.isCovered(below, c) || view.isBlankCell(below, c)) continue;
    cells++;
    if (roleOf(view.headerText(below, c)) === null) return header;
  }
  const added = (Object.keys(sub.columns) as HeaderRole[]).filter((role) => {
    const upper = header.columns[role];
    const col = sub.columns[role];
    if (col === undefined) return false;
    if (upper === undefined) return true;
    const box = view.mergeAt(header.row, upper);
    return upper !== col && box !== null && box.left <= col && col <= box.right;
  });
  if (cells === 0 || added.length === 0) return header;
  const joined: HeaderRow = {
    ...header,
    dataRow: below + 1,
    columns: { ...header.columns },
    headers: { ...header.headers },
    operatorCandidates: [...header.operatorCandidates, ...sub.operatorCandidates],
  };
  for (const role of added) {
    joined.columns[role] = sub.columns[role];
    joined.headers[role] = sub.headers[role];
  }
  return joined;
}

/** A header needs two recognised roles, so a title row holding 项目 alone is not one. */
const MIN_ROLES = 2;

/** A cheap pre-check: how many of the row's cells are a role's header, up to MIN_ROLES. */
function roleCount(view: SheetView, row: number, roleOf: RoleOf): number {
  let hits = 0;
  const plain = view.plainRow(row);
  if (plain !== null) {
    // No merged areas: the stored cells are what a clerk sees, read without a lookup per cell.
    for (let c = 0; c < plain.length && hits < MIN_ROLES; c++) {
      if (roleOf(headerValue(plain[c]?.value)) !== null) hits++;
    }
    return hits;
  }
  const span = view.rowSpan(row);
  for (let c = 0; c < span && hits < MIN_ROLES; c++) if (roleOf(view.headerText(row, c)) !== null) hits++;
  return hits;
}

/** Every header row of a sheet, top to bottom: tables may be stacked anywhere in it. */
export function findHeaders(view: SheetView, roleOf: RoleOf): HeaderRow[] {
  const out: HeaderRow[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    if (roleCount(view, r, roleOf) < MIN_ROLES) continue;
    const header = rowRoles(view, r, roleOf);
    if (Object.keys(header.columns).length < MIN_ROLES) continue;
    // The second row may be what makes it a layout (项目编码 | 项目名称 | 资金支出计划 over 3月底 …).
    const joined = withSubHeader(view, header, roleOf);
    if (classify(joined.columns) === null) continue;
    out.push(joined);
    r = joined.dataRow - 1;
  }
  return out;
}

import type { HeaderRole } from "./header-roles";
import type { RoleOf } from "./detect-layout";
import type { SheetView } from "./sheet-view";

/** Label cells of a standard-form block (docs/layouts.md): 项目编码, 预算数, 3月底 … */
export type BlockRole =
  | "unit"
  | "projectCode"
  | "projectName"
  | "budget"
  | "fiscal"
  | "other"
  | "use"
  | "plan3"
  | "plan6"
  | "plan10"
  | "plan12"
  | "spent"
  | "goals";

const BLOCK_ROLES: ReadonlySet<HeaderRole> = new Set<BlockRole>([
  "unit",
  "projectCode",
  "projectName",
  "budget",
  "fiscal",
  "other",
  "use",
  "plan3",
  "plan6",
  "plan10",
  "plan12",
  "spent",
  "goals",
]);
const PLAN_ROLES: ReadonlySet<BlockRole> = new Set(["plan3", "plan6", "plan10", "plan12"]);
/** Labels that open a block: a grid row holding one of them is where the next block begins. */
const OPENING_ROLES: ReadonlySet<BlockRole> = new Set(["unit", "projectCode", "projectName", "budget", "fiscal"]);

/** How far above its grid a block's labels may reach. */
const MAX_BLOCK_ROWS = 16;

/** A label with a role, a section heading that only groups labels (资金支出计划（%）), or a value (null). */
type Item = { col: number; right: number; bottom: number; text: string; role: BlockRole | "section" | null };
export type Position = { row: number; col: number };

/** 单位：万元 — the unit line's note; the other cell of that line names the budget unit. */
const isUnitNote = (text: string): boolean => /^单位\s*[:：]/.test(text);

function labelRole(text: string, roleOf: RoleOf): BlockRole | "section" | null {
  const role = roleOf(text);
  if (role !== null && BLOCK_ROLES.has(role)) return role as BlockRole;
  // Another column's header among the labels (the 自评表's 分值 beside 全年执行数) is a label, not a value.
  if (role !== null) return "section";
  if (text.length > 20) return null;
  // 预算规模及资金用途: the section label whose second line holds the fund use.
  if (text.includes("资金用途")) return "use";
  // The reference template's 资金情况（万元） block: 年度资金总额 is the project's budget.
  if (/^(年度)?资金总额[:：]?$/.test(text.replace(/[\s\u3000]+/g, ""))) return "budget";
  return /^(资金)?支出计划/.test(text) ? "section" : null;
}

/** The non-blank cells of a row, a merged area counted once at its top-left. */
function rowItems(view: SheetView, row: number, roleOf: RoleOf): Item[] {
  const items: Item[] = [];
  const span = view.rowSpan(row);
  for (let c = 0; c < span; c++) {
    if (view.isCovered(row, c) || view.isBlankCell(row, c)) continue;
    const box = view.mergeAt(row, c);
    const text = view.headerText(row, c);
    items.push({ col: c, right: box?.right ?? c, bottom: box?.bottom ?? row, text, role: labelRole(text, roleOf) });
  }
  return items;
}

/** True when the row opens a new block: the grid above it has ended. */
export function opensBlock(view: SheetView, row: number, roleOf: RoleOf): boolean {
  return rowItems(view, row, roleOf).some(
    (i) => (i.role !== null && i.role !== "section" && OPENING_ROLES.has(i.role)) || isUnitNote(i.text),
  );
}

/**
 * Where a label's value sits: beside it (项目编码 | 13020823P…), or below it when the label stands
 * in a row of labels (3月底 | 6月底 … over 25% | 50% …). A value may be blank (其他资金 | ).
 */
function valuePosition(view: SheetView, items: readonly Item[], index: number, row: number, roleOf: RoleOf): Position {
  const item = items[index];
  if (item === undefined) return { row, col: 0 };
  const next = items[index + 1];
  if (next !== undefined && next.role === null) return { row, col: next.col };
  const below = item.bottom + 1;
  // A cell under the label, not under a wider area that merely reaches there (the fund-use line).
  const aligned = below < view.rowCount && !view.isCovered(below, item.col);
  const belowIsValue =
    aligned && !view.isBlankCell(below, item.col) && labelRole(view.headerText(below, item.col), roleOf) === null;
  if (belowIsValue) return { row: below, col: item.col };
  if (item.role === "use") {
    const use = useBelow(view, item, row, roleOf);
    if (use !== null) return use;
  }
  const inLabelRow =
    (next !== undefined && next.role !== null) || items.some((i) => i.role !== null && i.col < item.col);
  const isPlan = item.role !== null && item.role !== "section" && PLAN_ROLES.has(item.role);
  if (aligned && ((next !== undefined && next.role !== null) || (isPlan && inLabelRow)))
    return { row: below, col: item.col };
  return { row, col: item.right + 1 };
}

/** The fund use on the line under 预算规模及资金用途, right of the label, in a row without labels. */
function useBelow(view: SheetView, item: Item, row: number, roleOf: RoleOf): Position | null {
  const last = Math.max(item.bottom, row + 1);
  for (let r = row + 1; r <= last && r < view.rowCount; r++) {
    const items = rowItems(view, r, roleOf);
    if (items.some((i) => i.role !== null)) return null;
    const value = items.find((i) => i.col > item.col);
    if (value !== undefined) return { row: r, col: value.col };
  }
  return null;
}

export type BlockLabels = {
  /** The block's first label row: rows from here to the grid belong to the block. */
  top: number;
  values: Partial<Record<BlockRole, Position>>;
  /** From the unit line (366001唐山市… | 单位：万元). */
  unit: string | null;
};

/**
 * The label cells above a grid header, walking up from it: the closest label of each role wins,
 * and a role seen twice means the walk has reached the block above. Null unless a project code
 * or name is found: a grid without them is an indicator list, not a standard form.
 */
export function readBlockLabels(view: SheetView, gridRow: number, floor: number, roleOf: RoleOf): BlockLabels | null {
  const values: Partial<Record<BlockRole, Position>> = {};
  /** The row of the label each role was found by. */
  const labelRow: Partial<Record<BlockRole, number>> = {};
  let top = gridRow;
  let unit: string | null = null;
  for (let r = gridRow - 1; r >= Math.max(floor, gridRow - MAX_BLOCK_ROWS); r--) {
    const items = rowItems(view, r, roleOf);
    // A role seen again is the block above, unless its value lies on the row whose label gave the
    // role first: a table of funds (the 自评表's 年初预算数 | 全年预算数 over 年度资金总额 | 100 | 120),
    // where the column's label is the more precise one.
    const repeated = items.some((item, index) => {
      if (item.role === null || item.role === "section" || labelRow[item.role] === undefined) return false;
      return valuePosition(view, items, index, r, roleOf).row !== labelRow[item.role];
    });
    if (repeated) break;
    const note = items.findIndex((i) => isUnitNote(i.text));
    if (note >= 0) {
      const named = items.find((i, k) => k !== note && i.role === null);
      if (named !== undefined) unit ??= view.text(r, named.col);
      top = r;
    }
    items.forEach((item, index) => {
      if (item.role === null || item.role === "section") return;
      // The first label of a role in a row wins, as in a list's header (年初预算数 before 全年预算数).
      if (labelRow[item.role] === r) return;
      values[item.role] = valuePosition(view, items, index, r, roleOf);
      labelRow[item.role] = r;
      top = r;
    });
  }
  const named = (role: BlockRole): boolean => {
    const at = values[role];
    return at !== undefined && view.text(at.row, at.col) !== "";
  };
  return named("projectCode") || named("projectName") ? { top, values, unit } : null;
}

import type { Finding } from "../model/finding";
import type { Project } from "../model/project";
import { fromA1, toA1 } from "../sheets/address";
import { cellText } from "../sheets/cell-text";
import type { SheetData, WorkbookData } from "../model/workbook-data";
import { headerRole, normalizeHeader } from "../sheets/header-roles";
import type { SheetLayout } from "../sheets/table-mapping";

/** Budget headers that name the budget as it stands after the year's adjustments. */
const ADJUSTED: ReadonlySet<string> = new Set(
  ["全年预算数", "全年预算", "调整后预算数", "调整后预算", "调整预算数", "adjusted budget", "annual budget"].map(
    normalizeHeader,
  ),
);

/** How far above a value its column label may sit (a block's label row, a list's header). */
const LABEL_REACH = 20;

const textAt = (sheet: SheetData, row: number, col: number): string => cellText(sheet.rows[row]?.[col]);

function numberAt(sheet: SheetData, row: number, col: number): number | null {
  const v = sheet.rows[row]?.[col]?.value;
  if (typeof v === "number") return v;
  if (typeof v !== "string" || v.trim() === "") return null;
  const n = Number(v.replace(/[,，\s]/g, ""));
  return Number.isFinite(n) ? n : null;
}

/**
 * The budget 预算执行率 divides by: the adjusted budget (全年预算数, 调整后预算数) where the sheet
 * gives one beside the budget the reader took (年初预算数 comes first in the 自评表), else that budget.
 */
export function executionBudget(data: WorkbookData, project: Project): number | null {
  const ref = project.cells.budget;
  const at = ref === null ? null : fromA1(ref.cell);
  const sheet = ref === null ? undefined : data.sheets.find((s) => s.name === ref.sheet);
  if (at === null || sheet === undefined) return project.budget;
  for (let r = at.row - 1; r >= Math.max(0, at.row - LABEL_REACH); r--) {
    const label = textAt(sheet, r, at.col);
    if (headerRole(label) !== "budget") continue;
    if (ADJUSTED.has(normalizeHeader(label))) return project.budget;
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (c === at.col || !ADJUSTED.has(normalizeHeader(textAt(sheet, r, c)))) continue;
      return numberAt(sheet, at.row, c) ?? project.budget;
    }
    return project.budget;
  }
  return project.budget;
}

/** Rows below a header looked at for content: enough to see a column is in use. */
const CONTENT_REACH = 200;

/**
 * Columns of a table whose header the reader cannot place but which hold numbers or answers
 * below it (得分, 执行率, a region's own column): named (info) so a clerk knows they were not used.
 */
export function unusedColumns(data: WorkbookData, layouts: readonly SheetLayout[]): Finding[] {
  const out: Finding[] = [];
  for (const layout of layouts) {
    const sheet = data.sheets.find((s) => s.name === layout.sheet);
    if (sheet === undefined) continue;
    const used = new Set(Object.values(layout.columns));
    const header = sheet.rows[layout.headerRow] ?? [];
    for (let c = 0; c < header.length; c++) {
      const text = textAt(sheet, layout.headerRow, c).trim();
      if (text === "" || used.has(c) || headerRole(text) !== null) continue;
      const last = Math.min(sheet.rows.length, layout.dataRow + CONTENT_REACH);
      let filled = false;
      for (let r = layout.dataRow; r < last && !filled; r++) filled = textAt(sheet, r, c).trim() !== "";
      if (!filled) continue;
      out.push({
        rule: "column-unused",
        severity: "info",
        sheet: sheet.name,
        cell: toA1(layout.headerRow, c),
        project: null,
        projectKey: null,
        indicator: null,
        details: { header: text },
      });
    }
  }
  return out;
}

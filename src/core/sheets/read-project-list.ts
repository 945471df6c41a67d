import { newProject, type CellRef, type Plan, type Project } from "../model/project";
import type { TableSpan } from "./indicator-row";
import { planInPoints } from "./plan-values";
import type { SheetView } from "./sheet-view";

const PLAN_ROLES = ["plan3", "plan6", "plan10", "plan12"] as const;

function filledCells(view: SheetView, row: number, columns: TableSpan["columns"]): number {
  let n = 0;
  for (const col of new Set(Object.values(columns))) if (view.text(row, col) !== "") n++;
  return n;
}

/**
 * Reads a project list: one row per project. Every row is returned, duplicates included,
 * so the project-duplicate rule can see them.
 */
export function readProjectList(view: SheetView, table: TableSpan): Project[] {
  const { columns } = table;
  const projects: Project[] = [];
  const ref = (row: number, col: number | undefined): CellRef | null =>
    col === undefined ? null : { sheet: view.name, cell: view.address(row, col) };
  const text = (row: number, col: number | undefined): string | null => {
    if (col === undefined) return null;
    const value = view.text(row, col);
    return value === "" ? null : value;
  };
  const paragraph = (row: number, col: number | undefined): string | null =>
    col === undefined || view.paragraph(row, col) === "" ? null : view.paragraph(row, col);
  const num = (row: number, col: number | undefined, percentPoints = false): number | null =>
    col === undefined ? null : view.number(row, col, percentPoints);
  const hasPlan = PLAN_ROLES.some((role) => columns[role] !== undefined);
  let unit: string | null = null;

  for (let r = table.dataRow; r < table.endRow; r++) {
    if (view.isRowBlank(r)) continue;
    unit = text(r, columns.unit) ?? unit;
    const code = text(r, columns.projectCode);
    const name = text(r, columns.projectName);
    if (code === null && name === null) continue;
    // A title or note line between stacked tables fills one cell; a project fills at least two.
    if (filledCells(view, r, columns) < 2) continue;
    const project = newProject(code ?? name ?? "", code, name ?? code ?? "", view.name);
    const plan: Plan | null = hasPlan
      ? planInPoints([
          num(r, columns.plan3, true),
          num(r, columns.plan6, true),
          num(r, columns.plan10, true),
          num(r, columns.plan12, true),
        ])
      : null;
    projects.push({
      ...project,
      unit,
      budget: num(r, columns.budget),
      fiscal: num(r, columns.fiscal),
      other: num(r, columns.other),
      use: paragraph(r, columns.use),
      plan,
      goals: paragraph(r, columns.goals),
      spent: num(r, columns.spent),
      cells: {
        code: ref(r, columns.projectCode),
        name: ref(r, columns.projectName),
        budget: ref(r, columns.budget),
        fiscal: ref(r, columns.fiscal),
        other: ref(r, columns.other),
        plan: hasPlan
          ? [ref(r, columns.plan3), ref(r, columns.plan6), ref(r, columns.plan10), ref(r, columns.plan12)]
          : null,
        spent: ref(r, columns.spent),
      },
    });
  }
  return projects;
}

import { parseOperator, parseUnit } from "../target-expression";
import type { TargetExpression } from "../target-expression/schema";
import { newProject, type CellRef, type Indicator, type Project } from "../model/project";
import type { ColumnMap } from "./detect-layout";
import type { SheetView } from "./sheet-view";
import { headerRole } from "./header-roles";
import type { TargetParser } from "./target-cache";

export type IndicatorListResult = { indicators: Indicator[]; projects: Project[] };

/** Columns whose blank cells mean "same as above" (merged or left blank by habit). */
const CARRIED = ["unit", "projectCode", "projectName", "level1", "level2"] as const;

/**
 * Builds one target from the 指标值 cell and, where the template splits it, the operator and
 * unit columns (指标性质 / 计量单位). The 指标值 cell's own operator and unit win; the columns
 * fill only what it leaves out. 正向/反向 in an operator column is a direction, not an operator.
 */
function combineTarget(
  view: SheetView,
  row: number,
  columns: ColumnMap,
  targetCol: number,
  parseTarget: TargetParser,
): { text: string; target: TargetExpression; fromColumns: boolean } {
  const text = view.rawText(row, targetCol);
  const own = parseTarget(text);
  const opText = columns.operator === undefined ? "" : view.text(row, columns.operator);
  const unitText = columns.measureUnit === undefined ? "" : view.text(row, columns.measureUnit);
  const operator = opText === "" ? null : parseOperator(opText);
  const unit = unitText === "" ? null : parseUnit(unitText);
  if (operator === null && unit === null) return { text, target: own, fromColumns: false };
  const shown = `${operator === null || operator === "qualitative" ? "" : opText}${text.trim()}${unitText}`;
  if (own.kind !== "quantitative" || operator === "qualitative") return { text: shown, target: own, fromColumns: true };
  const target = { ...own, operator: own.operator ?? operator, unit: own.unit ?? unit };
  return { text: shown, target, fromColumns: true };
}

/** Reads a flat indicator list: one row per indicator, header at `headerRow`. */
export function readIndicatorList(
  view: SheetView,
  headerRow: number,
  columns: ColumnMap,
  parseTarget: TargetParser,
): IndicatorListResult {
  const indicators: Indicator[] = [];
  const projects = new Map<string, Project>();
  const nameCol = columns.name ?? columns.goalName;
  const targetCol = columns.target ?? columns.operator;
  if (nameCol === undefined || targetCol === undefined) return { indicators, projects: [] };
  const carried: Partial<Record<(typeof CARRIED)[number], string>> = {};
  const ref = (row: number, col: number | undefined): CellRef | null =>
    col === undefined ? null : { sheet: view.name, cell: view.address(row, col) };

  for (let r = headerRow + 1; r < view.rowCount; r++) {
    if (view.isRowBlank(r)) continue;
    // A repeated header (a second table pasted below the first) is not data.
    if (headerRole(view.text(r, nameCol)) === "name") continue;
    for (const role of CARRIED) {
      const col = columns[role];
      if (col === undefined) continue;
      const value = view.text(r, col);
      if (value !== "") carried[role] = value;
    }
    const name = view.text(r, nameCol);
    const targetRaw = view.rawText(r, targetCol);
    if (name === "" && targetRaw.trim() === "") continue;

    const code = carried.projectCode ?? null;
    const projectName = carried.projectName ?? code ?? view.name;
    const key = code ?? projectName;
    if (!projects.has(key)) {
      const project = newProject(key, code, projectName, view.name);
      project.unit = carried.unit ?? null;
      project.cells.code = ref(r, columns.projectCode);
      project.cells.name = ref(r, columns.projectName);
      projects.set(key, project);
    }
    const { text, target, fromColumns } = combineTarget(view, r, columns, targetCol, parseTarget);
    const actualText = columns.actual === undefined ? null : view.text(r, columns.actual);
    indicators.push({
      projectKey: key,
      level1: carried.level1 ?? "",
      level2: carried.level2 ?? "",
      name,
      description: columns.description === undefined ? "" : view.text(r, columns.description),
      targetText: text,
      target,
      targetFromColumns: fromColumns,
      basis: columns.basis === undefined ? "" : view.text(r, columns.basis),
      weight: columns.weight === undefined ? null : view.number(r, columns.weight),
      actualText: actualText === "" ? null : actualText,
      deviationReason: columns.deviationReason === undefined ? null : view.text(r, columns.deviationReason),
      sheet: view.name,
      row: r,
      cells: {
        level1: ref(r, columns.level1),
        level2: ref(r, columns.level2),
        name: { sheet: view.name, cell: view.address(r, nameCol) },
        target: { sheet: view.name, cell: view.address(r, targetCol) },
        weight: ref(r, columns.weight),
        actual: ref(r, columns.actual),
        deviationReason: ref(r, columns.deviationReason),
      },
    });
  }
  return { indicators, projects: [...projects.values()] };
}

import { newProject, type Indicator, type Project } from "../model/project";
import type { RoleOf } from "./detect-layout";
import { readIndicatorRow, refAt, type TableSpan } from "./indicator-row";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";
import { WeightLedger } from "./weight-columns";

export type IndicatorListResult = { indicators: Indicator[]; projects: Project[] };

/** Columns whose blank cells mean "same as above" (merged or left blank by habit). */
const CARRIED = ["unit", "projectCode", "projectName", "level1", "level2"] as const;

/**
 * Reads a flat indicator list: one row per indicator. Without project columns, the sheet's
 * name stands for the project.
 */
export function readIndicatorList(
  view: SheetView,
  table: TableSpan,
  parse: TargetParser,
  roleOf: RoleOf,
): IndicatorListResult {
  const { columns } = table;
  const indicators: Indicator[] = [];
  const projects = new Map<string, Project>();
  const nameCol = columns.name ?? columns.goalName;
  const carried: Partial<Record<(typeof CARRIED)[number], string>> = {};
  const weights = new WeightLedger(view, columns);

  for (let r = table.dataRow; r < table.endRow; r++) {
    // A name merged over several rows is one indicator: its other rows add only their weights.
    if (weights.continues(indicators[indicators.length - 1], r)) continue;
    // A named row is not blank: only rows without a name pay for a look at every cell.
    const named = nameCol !== undefined && view.text(r, nameCol) !== "";
    if (!named && view.isRowBlank(r)) continue;
    // A repeated header (a second table pasted below the first) is not data.
    if (nameCol !== undefined && roleOf(view.headerText(r, nameCol)) === "name") continue;
    for (const role of CARRIED) {
      const col = columns[role];
      if (col === undefined) continue;
      const value = view.text(r, col);
      if (value !== "") carried[role] = value;
    }
    const code = carried.projectCode ?? null;
    const projectName = carried.projectName ?? code ?? view.name;
    const key = code ?? projectName;
    const levels = { level1: carried.level1 ?? "", level2: carried.level2 ?? "" };
    const indicator = readIndicatorRow(view, r, columns, levels, key, parse);
    if (indicator === null) continue;
    if (!projects.has(key)) {
      const project = newProject(key, code, projectName, view.name);
      project.unit = carried.unit ?? null;
      project.cells.code = refAt(view, r, columns.projectCode);
      project.cells.name = refAt(view, r, columns.projectName);
      projects.set(key, project);
    }
    indicators.push(indicator);
    weights.add(indicator, r);
  }
  weights.settle();
  return { indicators, projects: [...projects.values()] };
}

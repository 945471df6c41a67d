import { newProject, type CellRef, type Indicator, type Project } from "../model/project";
import { opensBlock, readBlockLabels, type BlockLabels, type BlockRole } from "./block-labels";
import { resolveOperatorColumns } from "./column-content";
import type { ColumnMap, HeaderRow, RoleOf } from "./detect-layout";
import { readIndicatorRow } from "./indicator-row";
import { planInPoints } from "./plan-values";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";
import { WeightLedger } from "./weight-columns";

/** One block of the standard form: the project from its labels, the indicators from its grid. */
export type StandardBlock = {
  project: Project;
  indicators: Indicator[];
  header: HeaderRow;
  columns: ColumnMap;
  /** Rows top..end (inclusive) belong to the block. */
  top: number;
  end: number;
};

function projectOf(view: SheetView, labels: BlockLabels): Project {
  const at = (role: BlockRole) => labels.values[role];
  const ref = (role: BlockRole): CellRef | null => {
    const p = at(role);
    return p === undefined ? null : { sheet: view.name, cell: view.address(p.row, p.col) };
  };
  const text = (role: BlockRole): string | null => {
    const p = at(role);
    const value = p === undefined ? "" : view.text(p.row, p.col);
    return value === "" ? null : value;
  };
  const paragraph = (role: BlockRole): string | null => {
    const p = at(role);
    const value = p === undefined ? "" : view.paragraph(p.row, p.col);
    return value === "" ? null : value;
  };
  const num = (role: BlockRole, percentPoints = false): number | null => {
    const p = at(role);
    return p === undefined ? null : view.number(p.row, p.col, percentPoints);
  };
  const code = text("projectCode");
  const name = text("projectName") ?? code ?? "";
  const project = newProject(code ?? name, code, name, view.name);
  const hasPlan = (["plan3", "plan6", "plan10", "plan12"] as const).some((r) => at(r) !== undefined);
  return {
    ...project,
    unit: text("unit") ?? labels.unit,
    budget: num("budget"),
    fiscal: num("fiscal"),
    other: num("other"),
    use: paragraph("use"),
    plan: hasPlan
      ? planInPoints([num("plan3", true), num("plan6", true), num("plan10", true), num("plan12", true)])
      : null,
    goals: paragraph("goals"),
    spent: num("spent"),
    cells: {
      code: ref("projectCode"),
      name: ref("projectName"),
      budget: ref("budget"),
      fiscal: ref("fiscal"),
      other: ref("other"),
      plan: hasPlan ? [ref("plan3"), ref("plan6"), ref("plan10"), ref("plan12")] : null,
      spent: ref("spent"),
    },
  };
}

/**
 * Reads the standard-form blocks of a sheet: every grid header with a project's labels above
 * it. A grid runs until the next header or the first row that opens another block (its unit
 * line or 项目编码); merged and blank 一级/二级 cells carry the value from above.
 * `grids` are candidate grid headers in sheet order; `nextHeader` bounds each grid.
 */
export function readStandardForms(
  view: SheetView,
  grids: readonly HeaderRow[],
  nextHeader: (row: number) => number,
  parse: TargetParser,
  roleOf: RoleOf,
): StandardBlock[] {
  const blocks: StandardBlock[] = [];
  let floor = 0;
  for (const header of grids) {
    if (header.row < floor) continue;
    const labels = readBlockLabels(view, header.row, floor, roleOf);
    if (labels === null) continue;
    const bound = nextHeader(header.row);
    const columns = resolveOperatorColumns(view, header, bound);
    const project = projectOf(view, labels);
    const indicators: Indicator[] = [];
    const levels = { level1: "", level2: "" };
    let end = header.dataRow - 1;
    const weights = new WeightLedger(view, columns);
    for (let r = header.dataRow; r < bound; r++) {
      if (view.isRowBlank(r)) continue;
      if (opensBlock(view, r, roleOf)) break;
      if (weights.continues(indicators[indicators.length - 1], r)) {
        end = r;
        continue;
      }
      // Carried only from rows that hold an indicator, so a title line between blocks carries nothing.
      const level1 = columns.level1 === undefined ? "" : view.text(r, columns.level1);
      const level2 = columns.level2 === undefined ? "" : view.text(r, columns.level2);
      const row = { level1: level1 || levels.level1, level2: level2 || levels.level2 };
      const indicator = readIndicatorRow(view, r, columns, row, project.key, parse);
      if (indicator === null) continue;
      levels.level1 = row.level1;
      levels.level2 = row.level2;
      indicators.push(indicator);
      weights.add(indicator, r);
      end = r;
    }
    weights.settle();
    blocks.push({ project, indicators, header, columns, top: labels.top, end });
    floor = end + 1;
  }
  return blocks;
}

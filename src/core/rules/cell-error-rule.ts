import type { Finding } from "../model/finding";
import type { Indicator } from "../model/project";
import type { SheetCellError } from "../sheets/read-workbook";
import type { Rule, RuleContext } from "./context";

/** The header over the cell's column in the table that holds its row, or "" (a standard form's label cell). */
function headerOver(ctx: RuleContext, e: SheetCellError): string {
  let header = "";
  let headerRow = -1;
  for (const layout of ctx.model.layouts) {
    if (layout.sheet !== e.sheet || layout.headerRow >= e.row || layout.headerRow < headerRow) continue;
    const role = (Object.keys(layout.columns) as (keyof typeof layout.columns)[]).find(
      (r) => layout.columns[r] === e.col,
    );
    headerRow = layout.headerRow;
    header = role === undefined ? "" : (layout.headers[role] ?? "");
  }
  return header;
}

/**
 * A cell read for a value — a level, a name, a budget, a plan, an actual — that shows an error
 * value (#REF!, #N/A) instead. Excel keeps the formula's last result, the check reads it as
 * blank, and a blank would be carried from above, summed as zero or taken as no actual: the
 * error is named at its cell instead. (A target cell's error is a missing target.)
 */
export const checkCellErrors: Rule = (ctx) => {
  if (ctx.model.cellErrors.length === 0) return [];
  const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;
  const indicatorAt = new Map<string, Indicator>();
  for (const ind of ctx.model.indicators) indicatorAt.set(rowKey(ind.sheet, ind.row), ind);
  return ctx.model.cellErrors.map((e): Finding => {
    const ind = indicatorAt.get(rowKey(e.sheet, e.row));
    const project = ind === undefined ? undefined : ctx.projectOf(ind);
    return {
      rule: "cell-error",
      severity: "error",
      sheet: e.sheet,
      cell: e.cell,
      project: project?.name ?? ind?.projectKey ?? null,
      projectKey: ind?.projectKey ?? null,
      indicator: ind?.name || null,
      details: { error: e.error, column: headerOver(ctx, e) },
    };
  });
};

import type { RuleId } from "../model/finding";
import type { Project } from "../model/project";
import { fromA1, toA1 } from "../sheets/address";
import type { WorkbookModel } from "../sheets/read-workbook";
import type { Settings } from "../settings";
import type { FlagRule } from "./plan-flags";

/**
 * A check Excel can redo by itself: its findings need no snapshot, because the rule's formula
 * flags exactly the cells where the comparison fails, now and after every edit.
 */
export type LiveRule = { rule: RuleId; rules: FlagRule[] };

const marker = (kind: string): string => `ISTEXT("check-targets:${kind}")`;

/** Rows of `cells` that lie in one column, as a top-left cell and a range over them. */
function columnSpan(cells: readonly string[]): { topLeft: string; range: string } | null {
  const at = cells.map(fromA1).filter((a): a is { row: number; col: number } => a !== null);
  const first = at[0];
  if (!first || at.some((a) => a.col !== first.col)) return null;
  const rows = at.map((a) => a.row);
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  const topLeft = toA1(top, first.col);
  return { topLeft, range: top === bottom ? topLeft : `${topLeft}:${toA1(bottom, first.col)}` };
}

const relative = (base: { row: number; col: number }, cell: string | undefined): string | null => {
  const at = cell === undefined ? null : fromA1(cell);
  return at === null ? null : toA1(base.row, at.col);
};

/** 预算数 = 财政资金 + 其他资金, redone by Excel on every edit of any of the three. */
function budgetSum(projects: readonly Project[], settings: Settings): FlagRule[] {
  const bySheet = new Map<string, Project[]>();
  for (const p of projects) {
    if (p.cells.budget === null || p.cells.fiscal === null) continue;
    bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  }
  const rules: FlagRule[] = [];
  for (const [sheet, list] of bySheet) {
    const span = columnSpan(list.map((p) => p.cells.budget?.cell ?? ""));
    const first = list[0];
    const base = span === null ? null : fromA1(span.topLeft);
    if (span === null || base === null || !first) continue;
    const fiscal = relative(base, first.cells.fiscal?.cell);
    const other = relative(base, first.cells.other?.cell);
    if (fiscal === null) continue;
    const sum = other === null ? `N(${fiscal})` : `N(${fiscal})+N(${other})`;
    rules.push({
      sheet,
      severity: "error",
      ranges: [span.range],
      formula: `AND(${marker("budget-sum")},ISNUMBER(${span.topLeft}),ABS(${span.topLeft}-(${sum}))>${settings.budgetTolerance})`,
    });
  }
  return rules;
}

/** Every live rule for the workbook as read, whether or not it has findings now. */
export function liveRules(model: WorkbookModel, settings: Settings): LiveRule[] {
  return [{ rule: "budget-sum", rules: budgetSum(model.projectRows, settings) }];
}

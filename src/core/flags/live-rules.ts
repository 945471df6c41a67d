import type { Direction } from "../definitions/direction";
import { bounds } from "../model/arrays";
import type { RuleId } from "../model/finding";
import type { RULES } from "../model/rule-registry";
import { groupBy } from "../model/group";
import type { Indicator, Project } from "../model/project";
import { isCumulative, judgedTarget } from "../monitoring/actual";
import type { YearPosition } from "../monitoring/as-of";
import type { PlannedValue } from "../model/write-plan";
import { fromA1, toA1 } from "../sheets/address";
import { isDateFormat, isPercentFormat } from "../sheets/cell-text";
import type { CellData, SheetData, WorkbookData } from "../model/workbook-data";
import type { WorkbookModel } from "../sheets/read-workbook";
import type { Settings } from "../check-settings";
import type { Quantitative } from "../target-expression/schema";
import { formulaNumber } from "./formula-number";
import { atRow, keyTerms, type HelperColumns, type RowKey } from "./helper-columns";
import type { FlagRule } from "../model/write-plan";

/**
 * A check Excel can redo by itself. Its rules' formulas flag exactly the cells where the
 * comparison fails, now and after every edit; the findings at `covers` ("sheet!A1") need no
 * snapshot rule.
 */
export type LiveRule = { rule: RuleId; covers: ReadonlySet<string>; rules: (helper: HelperColumns) => FlagRule[] };

export type LiveInput = {
  data: WorkbookData;
  model: WorkbookModel;
  settings: Settings;
  position: YearPosition;
  directionOf: (ind: Indicator) => Direction;
};

const marker = (kind: string): string => `ISTEXT("check-targets:${kind}")`;

/** The top and bottom rows of cells in one column, with the top-left cell, or null. */
function span(cells: readonly string[]): { top: number; bottom: number; col: number } | null {
  const at = cells.map(fromA1).filter((a): a is { row: number; col: number } => a !== null);
  const first = at[0];
  if (!first || at.some((a) => a.col !== first.col)) return null;
  const { min, max } = bounds(at.map((a) => a.row));
  return { top: min, bottom: max, col: first.col };
}

/** A plain number a reviewer means as a share of one against a percent target (monitoring's reading). */
const isFraction = (value: unknown, target: number): boolean =>
  typeof value === "number" && Math.abs(value) <= 1.5 && target > 1.5;

/**
 * What monitoring reads in a 完成值 cell, in the target's unit, per unit of the cell's value (as
 * the cell's text reads: src/core/sheets/cell-text.ts), or null when that is no amount of it: a
 * percent-formatted 0.92 is 92% (92 against a bare 90, 920‰ against ≥5‰, nothing against ≥80分),
 * a date-formatted cell shows a date, any other number is taken in the target's unit.
 */
function cellScale(format: string | undefined, target: Quantitative): number | null {
  if (isDateFormat(format)) return null;
  if (!isPercentFormat(format)) return 1;
  if (target.unit === null) return 100;
  return target.unit.dimension === "percent" ? 100 / target.unit.scale : null;
}

/** Empty, as ISBLANK sees it: no value and no error. */
const isBlank = (c: CellData | null): boolean => c === null || (c.value === null && c.error === undefined);

const rangeOf = (s: { top: number; bottom: number; col: number }): string =>
  s.top === s.bottom ? toA1(s.top, s.col) : `${toA1(s.top, s.col)}:${toA1(s.bottom, s.col)}`;

/**
 * 预算数 = 财政资金 + 其他资金, redone by Excel on every edit of any of the three, on the rows
 * where 预算数 is a number and the funds are numbers or blank, at least one a number. The check
 * also reads amounts typed as text ("60", "72.02万元"), which no formula reads alike, and adds
 * nothing up where no fund is given (a 小计 row): those rows keep snapshot rules.
 */
function budgetSum({ data, model, settings }: LiveInput): LiveRule {
  const rows = model.projectRows.filter((p) => p.cells.budget !== null && p.cells.fiscal !== null);
  const sheets = new Map<string, SheetData>(data.sheets.map((s) => [s.name, s]));
  const covers = new Set<string>();
  const plans: { sheet: string; range: string; topLeft: string; funds: string[] }[] = [];
  for (const [sheet, list] of groupBy(rows, (p: Project) => p.sheet)) {
    const s = span(list.map((p) => p.cells.budget?.cell ?? ""));
    const first = list[0];
    const fiscal = first?.cells.fiscal ? fromA1(first.cells.fiscal.cell) : null;
    const other = first?.cells.other ? fromA1(first.cells.other.cell) : null;
    if (s === null || fiscal === null) continue;
    const fundColumns = other === null ? [fiscal.col] : [fiscal.col, other.col];
    plans.push({
      sheet,
      range: rangeOf(s),
      topLeft: toA1(s.top, s.col),
      funds: fundColumns.map((c) => toA1(s.top, c)),
    });
    const rowsOf = sheets.get(sheet)?.rows ?? [];
    for (const p of list) {
      const at = p.cells.budget ? fromA1(p.cells.budget.cell) : null;
      if (at === null) continue;
      const row = rowsOf[at.row] ?? [];
      const funds = fundColumns.map((c) => row[c] ?? null);
      if (
        typeof row[at.col]?.value === "number" &&
        funds.every((c) => typeof c?.value === "number" || isBlank(c)) &&
        funds.some((c) => typeof c?.value === "number")
      ) {
        covers.add(`${sheet}!${toA1(at.row, at.col)}`);
      }
    }
  }
  return {
    rule: "budget-sum",
    covers,
    rules: () =>
      plans.map(({ sheet, range, topLeft, funds }) => ({
        sheet,
        severity: "error",
        ranges: [range],
        formula: `AND(${[
          marker("budget-sum"),
          `ISNUMBER(${topLeft})`,
          ...funds.map((f) => `OR(ISNUMBER(${f}),ISBLANK(${f}))`),
          `COUNT(${funds.join(",")})>0`,
          `ABS(${topLeft}-(${funds.map((f) => `N(${f})`).join("+")}))>${formulaNumber(settings.budgetTolerance)}`,
        ].join(",")})`,
      })),
  };
}

/**
 * 完成值 against 指标值: the bounds a numeric actual must stay within, per row in the helper sheet
 * (in the cell's own terms: a percent-formatted cell holds 0.92 for 92%). Rows whose target has
 * no such bounds (qualitative, strict, a change from a baseline, or cumulative mid-year, which is
 * judged by progress), or whose cell monitoring reads no amount of the target's unit in, get none,
 * and their findings keep snapshot rules.
 */
function actualFailsTarget({ data, model, position, directionOf }: LiveInput): LiveRule {
  const sheets = new Map<string, SheetData>(data.sheets.map((s) => [s.name, s]));
  const covers = new Set<string>();
  const columns: {
    sheet: string;
    cells: string[];
    lo: Map<number, PlannedValue>;
    hi: Map<number, PlannedValue>;
    key: RowKey | null;
  }[] = [];
  const withActual = model.indicators.filter((i) => i.cells.actual !== null);
  for (const [key, inds] of groupBy(
    withActual,
    (i) => `${i.cells.actual?.sheet}!${fromA1(i.cells.actual?.cell ?? "")?.col}`,
  )) {
    const sheetName = inds[0]?.cells.actual?.sheet ?? key;
    const sheet = sheets.get(sheetName);
    const lo = new Map<number, PlannedValue>();
    const hi = new Map<number, PlannedValue>();
    const covered: string[] = [];
    for (const ind of inds) {
      const at = ind.cells.actual ? fromA1(ind.cells.actual.cell) : null;
      if (at === null || ind.target.kind !== "quantitative") continue;
      const direction = directionOf(ind);
      const target = judgedTarget(ind.target, direction);
      if (isCumulative(target, direction) && !position.yearEnd) continue;
      if (target.operator === ">" || target.operator === "<" || target.operator === "=") continue;
      // 较上年提高5% bounds a change from a baseline the sheet does not hold: monitoring cannot judge a level by it.
      if (target.change !== undefined) continue;
      const cell = sheet?.rows[at.row]?.[at.col] ?? null;
      const scale = cellScale(cell?.numberFormat, target);
      if (scale === null) continue;
      // A plain 0.92 against ≥80% is read as 92% (a fraction): no bound fits both it and a typed 92.
      if (scale === 1 && target.unit?.dimension === "percent" && isFraction(cell?.value, target.value)) continue;
      const min = target.operator === "<=" ? null : target.value / scale;
      const max =
        target.operator === ">="
          ? null
          : (target.operator === "range" ? (target.max ?? target.value) : target.value) / scale;
      if (min !== null) lo.set(at.row, { kind: "number", value: min });
      if (max !== null) hi.set(at.row, { kind: "number", value: max });
      if (typeof cell?.value === "number") covered.push(`${sheetName}!${ind.cells.actual?.cell}`);
    }
    if (lo.size + hi.size > 0 && sheet !== undefined) {
      // A row's bounds come from its 指标名称 and 指标值: the key that says the row is still the one read there.
      const first = inds[0];
      const keyColumns = [first?.cells.name, first?.cells.target]
        .filter((ref) => ref !== undefined && ref.sheet === sheetName)
        .map((ref) => fromA1(ref?.cell ?? "")?.col)
        .filter((col): col is number => col !== undefined);
      const rows = [...new Set([...lo.keys(), ...hi.keys()])].sort((a, b) => a - b);
      const sameColumns = inds.every(
        (i) =>
          fromA1(i.cells.name.cell)?.col === keyColumns[0] &&
          fromA1(i.cells.target.cell)?.col === keyColumns[1] &&
          i.cells.name.sheet === sheetName &&
          i.cells.target.sheet === sheetName,
      );
      const key = keyColumns.length === 2 && sameColumns ? { sheet, rows, columns: keyColumns } : null;
      // Findings the live rule flags need no snapshot; without a key there is no live rule.
      if (key !== null) for (const cell of covered) covers.add(cell);
      columns.push({
        sheet: sheetName,
        cells: inds.map((i) => i.cells.actual?.cell ?? ""),
        lo,
        hi,
        key,
      });
    }
  }
  return {
    rule: "actual-fails-target",
    covers,
    rules: (helper) =>
      columns.flatMap(({ sheet, cells, lo, hi, key }) => {
        const s = span(cells);
        // Without a key that moves with the row, a rule could compare a row with another row's bounds.
        if (s === null || key === null) return [];
        const topLeft = toA1(s.top, s.col);
        const label = `${sheet}!${topLeft.replace(/\d+$/, "")} 完成值`;
        const low = atRow(helper.add(`${label} ≥`, lo), topLeft);
        const high = atRow(helper.add(`${label} ≤`, hi), topLeft);
        // IFERROR: a row past a helper column's end reads #REF!, which must not poison the OR.
        const below = `AND(ISNUMBER(${low}),IFERROR(${topLeft}<${low},FALSE))`;
        const above = `AND(ISNUMBER(${high}),IFERROR(${topLeft}>${high},FALSE))`;
        const keys = keyTerms(helper, label, key, s.top);
        return [
          {
            sheet,
            severity: "error" as const,
            ranges: [rangeOf(s)],
            formula: `AND(${[marker("actual"), `ISNUMBER(${topLeft})`, ...keys, `OR(${below},${above})`].join(",")})`,
          },
        ];
      }),
  };
}

/** The rules the registry marks live, each with the builder of its formulas; none can be left out. */
type LiveRuleId = { [R in RuleId]: (typeof RULES)[R]["live"] extends true ? R : never }[RuleId];
const LIVE: { readonly [R in LiveRuleId]: (input: LiveInput) => LiveRule } = {
  "budget-sum": budgetSum,
  "actual-fails-target": actualFailsTarget,
};

/** Every live rule for the workbook as read, whether or not it has findings now. */
export function liveRules(input: LiveInput): LiveRule[] {
  return Object.values(LIVE).map((build) => build(input));
}

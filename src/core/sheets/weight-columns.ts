import type { Indicator } from "../model/project";
import type { ColumnMap, HeaderRow } from "./detect-layout";
import type { SheetView } from "./sheet-view";

/**
 * A 绩效评价表 heads three weight columns alike: 一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | … | 分值.
 * The indicator's own weight is the one after the indicator's name; the one beside 一级指标 is the
 * level-1 group's share, merged over the group's rows. Taking the first 权重 as every indicator's
 * weight summed a merged 50 once per row (issue 11 item 5).
 */
export function placeWeightColumns(found: HeaderRow, weights: readonly { col: number; text: string }[]): void {
  const name = found.columns.name ?? found.columns.goalName;
  if (weights.length < 2 || name === undefined) return;
  const own = weights.find((w) => w.col > name);
  if (own !== undefined) {
    found.columns.weight = own.col;
    found.headers.weight = own.text;
  }
  const level1 = found.columns.level1;
  const level2 = found.columns.level2 ?? name;
  const group = weights.find((w) => w.col < name);
  if (found.columns.level1Weight !== undefined || level1 === undefined || group === undefined) return;
  if (group.col > level1 && group.col < level2 && group.col !== found.columns.weight) {
    found.columns.level1Weight = group.col;
    found.headers.level1Weight = group.text;
  }
}

/** A weight area's key: its top-left cell, or the cell itself when it is not merged. */
function areaKey(view: SheetView, row: number, col: number): string {
  const box = view.mergeAt(row, col);
  return box === null ? `${row}:${col}` : `${box.top}:${box.left}`;
}

/** Nine decimals: enough for any 分值, and 49.99999999999999 reads as 50. */
const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

/**
 * Settles the weights of one table once every row is read: a merged cell's value counts once,
 * however many rows it covers.
 * - An indicator merged over several rows takes the weights of its rows (five 5-point rows: 25).
 * - A weight merged over several indicators is shared among them.
 * - A level-1 权重 is the group's share of the whole: the group's own weights are scaled to it,
 *   so the form's weights add up to its 总分 as the level-1 权重 do.
 */
export class WeightLedger {
  private readonly areas = new Map<string, Indicator[]>();
  private readonly groups = new Map<string, { weight: number | null; indicators: Indicator[] }>();

  constructor(
    private readonly view: SheetView,
    private readonly columns: ColumnMap,
  ) {}

  /** An indicator as read from its first row. */
  add(indicator: Indicator, row: number): void {
    const { view, columns } = this;
    if (columns.weight !== undefined) {
      const key = areaKey(view, row, columns.weight);
      const list = this.areas.get(key);
      if (list) list.push(indicator);
      else this.areas.set(key, [indicator]);
    }
    const groupCol = columns.level1Weight;
    if (groupCol === undefined) return;
    const key = areaKey(view, row, groupCol);
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { weight: view.number(row, groupCol), indicators: [] };
      this.groups.set(key, group);
    }
    group.indicators.push(indicator);
  }

  /**
   * True when the row continues the indicator above, whose name cell is merged over it; the
   * row's own weight is then the indicator's too. A row of its own returns false.
   */
  continues(last: Indicator | undefined, row: number): boolean {
    const { view, columns } = this;
    const nameCol = columns.name ?? columns.goalName;
    if (last === undefined || nameCol === undefined || !view.isCovered(row, nameCol)) return false;
    const box = view.mergeAt(row, nameCol);
    if (box === null || box.top !== last.row) return false;
    const col = columns.weight;
    if (col !== undefined && !view.isCovered(row, col)) {
      const extra = view.number(row, col);
      if (extra !== null) last.weight = (last.weight ?? 0) + extra;
    }
    return true;
  }

  settle(): void {
    for (const shared of this.areas.values()) {
      const first = shared[0];
      if (shared.length < 2 || first === undefined || first.weight === null) continue;
      const each = tidy(first.weight / shared.length);
      for (const ind of shared) ind.weight = each;
    }
    for (const { weight, indicators } of this.groups.values()) {
      if (weight === null || indicators.length === 0) continue;
      const own = indicators.reduce((sum, i) => sum + (i.weight ?? 0), 0);
      if (own > 0) {
        for (const ind of indicators) ind.weight = ind.weight === null ? null : tidy((weight * ind.weight) / own);
      } else {
        for (const ind of indicators) ind.weight = tidy(weight / indicators.length);
      }
    }
  }
}

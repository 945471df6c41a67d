import { parseOperator, parseUnit } from "../target-expression";
import type { TargetExpression } from "../target-expression/schema";
import type { CellRef, Indicator } from "../model/project";
import { directionWord } from "./column-content";
import type { ColumnMap } from "./detect-layout";
import { cellText } from "./cell-text";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";

const MISSING: TargetExpression = { kind: "missing", operator: null, unit: null };

/** The rows of one table: data from `dataRow` up to, not including, `endRow`. */
export type TableSpan = { dataRow: number; endRow: number; columns: ColumnMap };

type Target = { text: string; target: TargetExpression; fromColumns: boolean; error: string | null };

/**
 * Builds one target from the 指标值 cell and, where the template splits it, the operator and
 * unit columns (计算符号 / 计量单位). The 指标值 cell's own operator and unit win; the columns
 * fill only what it leaves out. An error value (#N/A) is a missing target, remembered as such.
 */
function combineTarget(
  view: SheetView,
  row: number,
  columns: ColumnMap,
  targetCol: number,
  parse: TargetParser,
): Target {
  const cell = view.cell(row, targetCol);
  const error = cell?.error ?? null;
  if (error !== null) return { text: error, target: MISSING, fromColumns: false, error };
  const text = cellText(cell);
  const own = parse(text);
  const opText =
    columns.operator === undefined || columns.operator === targetCol ? "" : view.text(row, columns.operator);
  const unitText = columns.measureUnit === undefined ? "" : view.text(row, columns.measureUnit);
  const operator = opText === "" ? null : parseOperator(opText);
  const unit = unitText === "" ? null : parseUnit(unitText);
  if (operator === null && unit === null) return { text, target: own, fromColumns: false, error: null };
  const shown = `${operator === null || operator === "qualitative" ? "" : opText}${text.trim()}${unitText}`;
  if (own.kind !== "quantitative" || operator === "qualitative") {
    return { text: shown, target: own, fromColumns: true, error: null };
  }
  const target = { ...own, operator: own.operator ?? operator, unit: own.unit ?? unit };
  // A split column left empty on this row leaves the target as incomplete as `85%` alone.
  const hasOperatorColumn = columns.operator !== undefined && columns.operator !== targetCol;
  const lacks =
    (hasOperatorColumn && target.operator === null) || (columns.measureUnit !== undefined && target.unit === null);
  return { text: shown, target, fromColumns: !lacks, error: null };
}

/** A module function, not a closure per row: a list has tens of thousands of rows. */
export function refAt(view: SheetView, row: number, col: number | undefined): CellRef | null {
  return col === undefined ? null : { sheet: view.name, cell: view.address(row, col) };
}

/** True when the row is a title or note spanning the name and target columns, not an indicator. */
function isSpanningRow(view: SheetView, row: number, nameCol: number, targetCol: number): boolean {
  const box = view.mergeAt(row, nameCol);
  return box !== null && box === view.mergeAt(row, targetCol);
}

/**
 * One indicator from one row, or null when the row holds none (no name and no target, or a
 * title spanning the columns). `levels` are the level-1 and level-2 values carried from above.
 */
export function readIndicatorRow(
  view: SheetView,
  row: number,
  columns: ColumnMap,
  levels: { level1: string; level2: string },
  projectKey: string,
  parse: TargetParser,
): Indicator | null {
  const nameCol = columns.name ?? columns.goalName;
  const targetCol = columns.target ?? columns.operator;
  if (nameCol === undefined || targetCol === undefined) return null;
  if (isSpanningRow(view, row, nameCol, targetCol)) return null;
  const name = view.text(row, nameCol);
  if (name === "" && view.isBlankCell(row, targetCol) && view.error(row, targetCol) === null) return null;
  const { text, target, fromColumns, error } = combineTarget(view, row, columns, targetCol, parse);
  const actualText = columns.actual === undefined ? "" : view.text(row, columns.actual);
  return {
    projectKey,
    level1: levels.level1,
    level2: levels.level2,
    name,
    description: columns.description === undefined ? "" : view.text(row, columns.description),
    targetText: text,
    target,
    targetFromColumns: fromColumns,
    targetError: error,
    direction: columns.direction === undefined ? null : directionWord(view.text(row, columns.direction)),
    basis: columns.basis === undefined ? "" : view.text(row, columns.basis),
    weight: columns.weight === undefined ? null : view.number(row, columns.weight),
    actualText: actualText === "" ? null : actualText,
    deviationReason: columns.deviationReason === undefined ? null : view.text(row, columns.deviationReason),
    sheet: view.name,
    row,
    cells: {
      level1: refAt(view, row, columns.level1),
      level2: refAt(view, row, columns.level2),
      name: { sheet: view.name, cell: view.address(row, nameCol) },
      target: { sheet: view.name, cell: view.address(row, targetCol) },
      weight: refAt(view, row, columns.weight),
      actual: refAt(view, row, columns.actual),
      deviationReason: refAt(view, row, columns.deviationReason),
    },
  };
}

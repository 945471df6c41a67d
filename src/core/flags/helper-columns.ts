import { OWNED } from "../owned";
import type { NamePlan, PlannedCell, PlannedValue, SheetPlan } from "../model/write-plan";
import { columnLetters, toA1 } from "../sheets/address";
import type { SheetData } from "../model/workbook-data";

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * The hidden helper sheet, built one column at a time: each column holds the values a rule's
 * formula reads, row for row with the staff sheet, and is reached through a workbook-level name.
 */
export class HelperColumns {
  private readonly cells: PlannedCell[] = [
    { row: 0, col: 0, value: { kind: "text", text: `${OWNED.marker}helper v1` } },
  ];
  readonly names: NamePlan[] = [];

  /** Adds a column; `values` maps 0-based staff rows to values. Returns the column's name. */
  add(label: string, values: ReadonlyMap<number, PlannedValue>): string {
    const index = this.names.length + 1;
    const letter = columnLetters(index);
    const name = `${OWNED.namePrefix}${index}`;
    this.cells.push({ row: 0, col: index, value: { kind: "text", text: label } });
    let last = 0;
    for (const [row, value] of values) {
      this.cells.push({ row, col: index, value });
      last = Math.max(last, row);
    }
    this.names.push({ name, refersTo: `${quoteSheet(OWNED.helperSheet)}!$${letter}$1:$${letter}$${last + 1}` });
    return name;
  }

  sheet(): SheetPlan | null {
    if (this.names.length === 0) return null;
    return {
      name: OWNED.helperSheet,
      visibility: "hidden",
      cells: this.cells,
      merges: [],
      columnWidths: [],
      rowHeights: [],
      page: null,
    };
  }
}

/** The helper value at the formula cell's row: `INDEX(CT_3,ROW(F7))`. */
export const atRow = (name: string, cell: string): string => `INDEX(${name},ROW(${cell}))`;

/** Prefix a kept text carries in the helper sheet, so an empty staff cell still has one. */
export const SNAP = "§";

/** What a staff cell held when it was read, as the helper sheet keeps it: the number itself, else §text (§# for an error). */
export function kept(sheet: SheetData, row: number, col: number): PlannedValue {
  const cell = sheet.rows[row]?.[col] ?? null;
  if (cell?.error !== undefined) return { kind: "text", text: `${SNAP}#` };
  const v = cell?.value ?? null;
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "text", text: `${SNAP}${v ? "TRUE" : "FALSE"}` };
  return { kind: "text", text: `${SNAP}${v ?? ""}` };
}

/** TRUE while `cell` still holds what the helper value `at` kept (numbers compared as numbers). */
export const holds = (cell: string, at: string): string =>
  `IFERROR(IF(ISNUMBER(${cell}),${cell}=${at},"${SNAP}"&${cell}=${at}),"${SNAP}#"=${at})`;

/**
 * Which staff row a helper row belongs to. The helper sheet does not move when a clerk inserts,
 * deletes or sorts staff rows, so each helper row also keeps what identified its staff row (a few
 * of its cells), and a rule reads its helper values only while the row at its position still
 * holds them: after a move the flag is either still right or absent until the next check, never
 * another row's comparison.
 */
export type RowKey = { sheet: SheetData; columns: readonly number[]; rows: readonly number[] };

/**
 * Adds the key columns of `key` and returns the formula terms (relative to `topLeftRow`, the rule's
 * first row) that hold while the row at a position is the one that was read there.
 */
export function keyTerms(helper: HelperColumns, label: string, key: RowKey, topLeftRow: number): string[] {
  return key.columns.map((col) => {
    const name = helper.add(
      `${label} 键 ${columnLetters(col)}`,
      new Map(key.rows.map((r) => [r, kept(key.sheet, r, col)])),
    );
    const cell = toA1(topLeftRow, col);
    return holds(cell, atRow(name, cell));
  });
}

/**
 * Columns that identify the `rows` of a sheet besides `exclude` (the checked column): the first
 * two, left to right, that hold text in every one of those rows (a name, a code), so an edit of the
 * checked cell itself never counts as a move.
 */
export function identityColumns(sheet: SheetData, rows: readonly number[], exclude: readonly number[]): number[] {
  const width = rows.reduce((most, r) => Math.max(most, sheet.rows[r]?.length ?? 0), 0);
  const columns: number[] = [];
  for (let col = 0; col < width && columns.length < 2; col++) {
    if (exclude.includes(col)) continue;
    const text = rows.every((r) => {
      const v = sheet.rows[r]?.[col]?.value;
      return typeof v === "string" && v.trim() !== "";
    });
    if (text) columns.push(col);
  }
  return columns;
}

import { OWNED } from "../owned";
import type { NamePlan, PlannedCell, PlannedValue, SheetPlan } from "../plan/write-plan";
import { columnLetters, toA1 } from "../sheets/address";

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * The hidden helper sheet, built one column at a time: each column holds the values a rule's
 * formula reads, row for row with the staff sheet, and is reached through a workbook-level name.
 */
export class HelperColumns {
  private readonly cells: PlannedCell[] = [
    { address: "A1", value: { kind: "text", text: `${OWNED.marker}helper v1` } },
  ];
  readonly names: NamePlan[] = [];

  /** Adds a column; `values` maps 0-based staff rows to values. Returns the column's name. */
  add(label: string, values: ReadonlyMap<number, PlannedValue>): string {
    const index = this.names.length + 1;
    const letter = columnLetters(index);
    const name = `${OWNED.namePrefix}${index}`;
    this.cells.push({ address: `${letter}1`, value: { kind: "text", text: label } });
    let last = 0;
    for (const [row, value] of values) {
      this.cells.push({ address: toA1(row, index), value });
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

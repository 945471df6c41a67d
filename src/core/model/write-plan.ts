import type { SheetVisibility } from "./workbook-data";

/**
 * What the add-in writes, as data (docs/writing.md). The core computes it; each adapter applies it in
 * one batch. Nothing in a plan touches a staff cell: staff sheets only receive conditional
 * formats, everything else goes to sheets the add-in owns.
 */

/** A cell's new content. Text is always written as text, never interpreted as a formula. */
export type PlannedValue =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; format?: string }
  /** Only formulas the core itself composed (without "="); never text from a staff cell. */
  | { kind: "formula"; formula: string };

/** Colours are 6-digit RGB hex without "#"; widths in characters, heights in points. */
export type CellStyle = {
  bold?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Thin border on all four sides. */
  border?: boolean;
};

/** A cell by its 0-based row and column (row 0, col 0 is A1): adapters format A1 only where their host needs a string. */
export type PlannedCell = { row: number; col: number; value: PlannedValue; style?: CellStyle };

export type PageSetup = {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Scale to one page wide, as many tall as needed. */
  fitToWidth: boolean;
  /** A1 range, e.g. "A1:F120". */
  printArea: string;
  /** Rows repeated at the top of every printed page, e.g. "1:1"; null for none. */
  printTitleRows: string | null;
  /** 1-based rows after which a new page starts (keeps each project's block on one page). */
  rowBreaks: number[];
};

/** A sheet the add-in owns, written whole (replacing any sheet of that name). */
export type SheetPlan = {
  name: string;
  visibility: SheetVisibility;
  cells: PlannedCell[];
  /** A1 ranges, e.g. "A5:A8". */
  merges: string[];
  /** `hidden`: the column is not shown on screen nor printed (the marker's column). */
  columnWidths: { column: string; width: number; hidden?: boolean }[];
  rowHeights: { row: number; height: number }[];
  page: PageSetup | null;
  /** Rows 1…n stay in view while scrolling (the findings sheet's header); absent: none. */
  frozenRows?: number;
  /** A1 area with a filter button on its first row, e.g. "A7:J40"; absent: none. */
  autoFilter?: string;
};

/** A workbook-level defined name, e.g. CT_T_绩效指标_G → '检查目标_辅助'!$B$1:$B$400. */
export type NamePlan = { name: string; refersTo: string };

export type WritePlan = {
  /** Owned sheets to write; each replaces a sheet of the same name. */
  sheets: SheetPlan[];
  /** When not null: every name with OWNED.namePrefix is replaced by these. null: names untouched. */
  names: NamePlan[] | null;
  /**
   * When not null: every conditional format of ours (FLAG_MARKER) on every sheet is replaced by
   * these. null: flags untouched (filling the table alone keeps the flags).
   */
  flags: FlagRule[] | null;
  /** Owned sheets to delete. */
  removeSheets: string[];
};

export const EMPTY_PLAN: WritePlan = { sheets: [], names: null, flags: null, removeSheets: [] };

/**
 * Conditional-format rules the add-in owns on staff sheets (docs/writing.md). A handful per checked
 * column, never one per cell:
 *  - a live rule per numeric check (live-rules.ts): an Excel formula over the staff cells that
 *    flags them exactly while the comparison fails, with or without the add-in;
 *  - a snapshot rule per column and severity for every other finding: it flags a cell while the
 *    cell still holds the value that was found wrong, and lets go as soon as a clerk edits it.
 * What the formulas need (snapshots, thresholds) sits in the hidden helper sheet, one column per
 * rule, row for row with the staff sheet, reached through workbook-level names (CT_…).
 */
export type FlagRule = {
  sheet: string;
  severity: "error" | "warning";
  /** A1 ranges, e.g. ["G4:G98"]; the formula is relative to the first range's top-left cell. */
  ranges: string[];
  /** Excel formula without "="; carries FLAG_MARKER so a re-run can find and replace it. */
  formula: string;
};

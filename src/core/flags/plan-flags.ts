import type { Finding, RuleId } from "../model/finding";
import type { NamePlan, PlannedCell, SheetPlan } from "../plan/write-plan";
import { OWNED } from "../owned";
import { columnLetters, fromA1, toA1 } from "../sheets/address";
import type { CellBox, SheetData, WorkbookData } from "../sheets/grid";
import { liveRules, type LiveRule } from "./live-rules";

/**
 * Conditional-format rules the add-in owns on staff sheets (SPEC §6). A handful per checked
 * column, never one per cell:
 *  - a live rule per numeric check (LIVE_RULES): an Excel formula over the staff cells that
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

export type FlagPlan = { rules: FlagRule[]; helper: SheetPlan | null; names: NamePlan[] };

/** Present in every formula of ours; nothing a clerk writes contains it. */
export const FLAG_MARKER = "check-targets";

export const isOwnFlagFormula = (formula: string): boolean => formula.includes(`"${FLAG_MARKER}:`);

/** Always TRUE, and recognisably ours: the marker is a text literal. */
export const markerTerm = (kind: string): string => `ISTEXT("${FLAG_MARKER}:${kind}")`;

/** Prefix a snapshot carries in the helper sheet, so an empty staff cell still has one. */
const SNAP = "§";

type Column = { sheet: SheetData; col: number; severity: FlagRule["severity"]; rows: Set<number> };

/** The top-left cell of the merged area holding (row, col): a flag on a merged cell goes there. */
function masterOf(merges: readonly CellBox[], row: number, col: number): { row: number; col: number } {
  const box = merges.find((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  return box ? { row: box.top, col: box.left } : { row, col };
}

/** What the snapshot formula compares with: the number itself, else §text (§# for an error). */
function snapshot(sheet: SheetData, row: number, col: number): PlannedCell["value"] {
  const cell = sheet.rows[row]?.[col] ?? null;
  if (cell?.error !== undefined) return { kind: "text", text: `${SNAP}#` };
  const v = cell?.value ?? null;
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "text", text: `${SNAP}${v ? "TRUE" : "FALSE"}` };
  return { kind: "text", text: `${SNAP}${v ?? ""}` };
}

/** Flags while the cell still holds its snapshot; relative to the range's first cell. */
function snapshotFormula(cell: string, name: string, severity: FlagRule["severity"]): string {
  const at = `INDEX(${name},ROW(${cell}))`;
  return (
    `AND(${markerTerm(severity)},${at}<>"",` +
    `IFERROR(IF(ISNUMBER(${cell}),${cell}=${at},"${SNAP}"&${cell}=${at}),"${SNAP}#"=${at}))`
  );
}

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Groups the findings no live rule expresses by sheet, column and severity. */
function snapshotColumns(data: WorkbookData, findings: readonly Finding[], live: ReadonlySet<RuleId>): Column[] {
  const sheets = new Map(data.sheets.map((s) => [s.name, s]));
  const columns = new Map<string, Column>();
  for (const f of findings) {
    if (f.severity === "info" || live.has(f.rule)) continue;
    const sheet = sheets.get(f.sheet);
    const at = fromA1(f.cell);
    if (!sheet || !at) continue;
    const { row, col } = masterOf(sheet.merges, at.row, at.col);
    const key = `${f.sheet}\u0000${col}\u0000${f.severity}`;
    const column = columns.get(key) ?? { sheet, col, severity: f.severity, rows: new Set<number>() };
    column.rows.add(row);
    columns.set(key, column);
  }
  // Errors first: where a cell has both, red wins (earlier rules take priority).
  return [...columns.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/** Builds the flag rules, the helper sheet and its names for one check's findings. */
export function planFlags(data: WorkbookData, findings: readonly Finding[], live: readonly LiveRule[] = []): FlagPlan {
  const liveIds = new Set(live.map((l) => l.rule));
  const columns = snapshotColumns(data, findings, liveIds);
  const rules: FlagRule[] = [];
  const names: NamePlan[] = [];
  const helperCells: PlannedCell[] = [{ address: "A1", value: { kind: "text", text: `${OWNED.marker}helper v1` } }];
  const helperCol = (i: number): string => columnLetters(i + 1);
  let lastRow = 1;

  columns.forEach((column, i) => {
    const rows = [...column.rows].sort((a, b) => a - b);
    const first = rows[0] ?? 0;
    const last = rows[rows.length - 1] ?? 0;
    const name = `${OWNED.namePrefix}${i + 1}`;
    const letter = helperCol(i);
    lastRow = Math.max(lastRow, last + 1);
    helperCells.push({
      address: `${letter}1`,
      value: { kind: "text", text: `${column.sheet.name}!${columnLetters(column.col)} ${column.severity}` },
    });
    for (const row of rows)
      helperCells.push({ address: toA1(row, i + 1), value: snapshot(column.sheet, row, column.col) });
    names.push({ name, refersTo: `${quoteSheet(OWNED.helperSheet)}!$${letter}$1:$${letter}$${last + 1}` });
    const topLeft = toA1(first, column.col);
    rules.push({
      sheet: column.sheet.name,
      severity: column.severity,
      ranges: [first === last ? topLeft : `${topLeft}:${toA1(last, column.col)}`],
      formula: snapshotFormula(topLeft, name, column.severity),
    });
  });
  for (const l of live) rules.push(...l.rules);

  const helper: SheetPlan | null =
    columns.length === 0
      ? null
      : {
          name: OWNED.helperSheet,
          visibility: "hidden",
          cells: helperCells,
          merges: [],
          columnWidths: [],
          rowHeights: [],
          page: null,
        };
  return { rules, helper, names };
}

export { liveRules };

import type { Finding } from "../model/finding";
import { append } from "../model/arrays";
import type { FlagRule, NamePlan, SheetPlan } from "../model/write-plan";
import { isOwnedSheet } from "../owned";
import { columnLetters, fromA1, toA1 } from "../sheets/address";
import type { CellBox, SheetData, WorkbookData } from "../model/workbook-data";
import { atRow, HelperColumns, holds, identityColumns, kept, keyTerms } from "./helper-columns";
import type { LiveRule } from "./live-rules";

export type FlagPlan = { rules: FlagRule[]; helper: SheetPlan | null; names: NamePlan[] };

/** Present in every formula of ours; nothing a clerk writes contains it. */
export const FLAG_MARKER = "check-targets";

export const isOwnFlagFormula = (formula: string): boolean => formula.includes(`"${FLAG_MARKER}:`);

/** Always TRUE, and recognisably ours: the marker is a text literal. */
export const markerTerm = (kind: string): string => `ISTEXT("${FLAG_MARKER}:${kind}")`;

type Column = { sheet: SheetData; col: number; severity: FlagRule["severity"]; rows: Set<number> };

/** The top-left cell of the merged area holding (row, col): a flag on a merged cell goes there. */
function masterOf(merges: readonly CellBox[], row: number, col: number): { row: number; col: number } {
  const box = merges.find((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  return box ? { row: box.top, col: box.left } : { row, col };
}

/**
 * Flags while the row at this position is the one read there (`keys`) and the cell still holds
 * its snapshot; relative to the range's first cell.
 */
function snapshotFormula(cell: string, name: string, severity: FlagRule["severity"], keys: readonly string[]): string {
  const at = atRow(name, cell);
  return `AND(${[markerTerm(severity), `${at}<>""`, ...keys, holds(cell, at)].join(",")})`;
}

/**
 * Groups by sheet, column and severity the findings no live rule expresses. Findings on the
 * add-in's own sheets (a bad settings cell) are reported, not flagged.
 */
function snapshotColumns(data: WorkbookData, findings: readonly Finding[], covered: ReadonlySet<string>): Column[] {
  const sheets = new Map(data.sheets.filter((s) => !isOwnedSheet(s)).map((s) => [s.name, s]));
  const columns = new Map<string, Column>();
  for (const f of findings) {
    if (f.severity === "info" || covered.has(`${f.rule} ${f.sheet}!${f.cell}`)) continue;
    const sheet = sheets.get(f.sheet);
    const at = fromA1(f.cell);
    if (!sheet || !at) continue;
    const { row, col } = masterOf(sheet.merges, at.row, at.col);
    const key = `${f.sheet}\u0000${col}\u0000${f.severity}`;
    const column = columns.get(key) ?? { sheet, col, severity: f.severity, rows: new Set<number>() };
    column.rows.add(row);
    columns.set(key, column);
  }
  return [...columns.values()];
}

/** Builds the flag rules, the helper sheet and its names for one check's findings. */
export function planFlags(data: WorkbookData, findings: readonly Finding[], live: readonly LiveRule[] = []): FlagPlan {
  const helper = new HelperColumns();
  const rules: FlagRule[] = [];
  const covered = new Set(live.flatMap((l) => [...l.covers].map((cell) => `${l.rule} ${cell}`)));
  for (const column of snapshotColumns(data, findings, covered)) {
    const rows = [...column.rows].sort((a, b) => a - b);
    const first = rows[0] ?? 0;
    const last = rows[rows.length - 1] ?? 0;
    const label = `${column.sheet.name}!${columnLetters(column.col)} ${column.severity}`;
    const name = helper.add(label, new Map(rows.map((row) => [row, kept(column.sheet, row, column.col)])));
    const topLeft = toA1(first, column.col);
    const key = { sheet: column.sheet, rows, columns: identityColumns(column.sheet, rows, [column.col]) };
    rules.push({
      sheet: column.sheet.name,
      severity: column.severity,
      ranges: [first === last ? topLeft : `${topLeft}:${toA1(last, column.col)}`],
      formula: snapshotFormula(topLeft, name, column.severity, keyTerms(helper, label, key, first)),
    });
  }
  for (const l of live) append(rules, l.rules(helper));
  // Errors first: where a cell has both, red wins (earlier rules take priority).
  const ordered = [...rules.filter((r) => r.severity === "error"), ...rules.filter((r) => r.severity !== "error")];
  return { rules: ordered, helper: helper.sheet(), names: helper.names };
}

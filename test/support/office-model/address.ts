import type { CellBox } from "../../../src/core";

/**
 * A1 addresses as Excel reads them, written apart from the adapter's src/excel/a1.ts on purpose:
 * the model checks the adapter, so it must not share the adapter's mistakes.
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** "A" → 0, "XFD" → 16383: bijective base 26. */
function columnOf(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + LETTERS.indexOf(ch) + 1, 0) - 1;
}

/** 0 → "A", 16383 → "XFD". */
function lettersOf(col: number): string {
  let out = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = LETTERS[(n - 1) % 26] + out;
  return out;
}

type End = { row: number | null; col: number | null };

/** One end of an area: "B3", "B" (a whole column), "3" (a whole row); $ signs ignored. */
function endOf(text: string): End | null {
  const m = /^\$?([A-Z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const [, letters = "", digits = ""] = m;
  if (digits.startsWith("0")) return null;
  return { col: letters === "" ? null : columnOf(letters), row: digits === "" ? null : Number(digits) - 1 };
}

/** One area without a sheet, 0-based and inclusive; null when Excel would refuse it. */
export function parseArea(ref: string): CellBox | null {
  const halves = ref.trim().toUpperCase().split(":");
  if (halves.length > 2) return null;
  const ends = halves.map(endOf);
  const [a, b = a] = ends;
  if (!a || !b) return null;
  const wholeColumns = a.row === null && b.row === null && a.col !== null && b.col !== null;
  const wholeRows = a.col === null && b.col === null && a.row !== null && b.row !== null;
  const cells = a.row !== null && a.col !== null && b.row !== null && b.col !== null;
  if (halves.length === 1 && !cells) return null;
  if (!wholeColumns && !wholeRows && !cells) return null;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row ?? 0, b.row ?? 0);
  const left = Math.min(a.col ?? 0, b.col ?? 0);
  const right = wholeRows ? MAX_COLS - 1 : Math.max(a.col ?? 0, b.col ?? 0);
  return bottom < MAX_ROWS && right < MAX_COLS ? { top, left, bottom, right } : null;
}

/** "A1" for one cell, "A1:C3" otherwise. */
export function areaA1(box: CellBox): string {
  const from = lettersOf(box.left) + String(box.top + 1);
  const to = lettersOf(box.right) + String(box.bottom + 1);
  return from === to ? from : `${from}:${to}`;
}

/** A sheet name as a reference prefix, always quoted. */
export const quoteSheet = (name: string): string => `'${name.split("'").join("''")}'`;

/** "'a, b'!A1, B2" → ["'a, b'!A1", "B2"]: commas inside a quoted sheet name do not split. */
export function splitAreas(address: string): string[] {
  const parts = address.match(/(?:'(?:[^']|'')*'|[^,])+/g) ?? [];
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** "'绩效 指标'!A1:B2" → { sheet: "绩效 指标", area: "A1:B2" }; a bare area has sheet null. */
export function splitSheet(address: string): { sheet: string | null; area: string } {
  const m = /^(?:'((?:[^']|'')*)'|([^'!]+))!(.*)$/.exec(address);
  if (!m) return { sheet: null, area: address };
  const [, quoted, bare, area = ""] = m;
  return { sheet: quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? null), area };
}

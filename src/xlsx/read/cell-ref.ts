import type { CellBox } from "../../core";

/** Past the last column (XFD) and row of a sheet: a reference beyond them is not a cell. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

/** "AB12" (or "$AB$12") → 0-based row and column; null when it is not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++; // $
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20; // letters in either case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > MAX_COLUMNS) return null;
  }
  if (col === 0) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
    if (row > MAX_ROWS) return null;
  }
  if (i === digitsFrom || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:C3" (or "A1") → an inclusive box, corners in either order; null when malformed. */
export function parseBox(ref: string): CellBox | null {
  const [a, b = a] = ref.split(":");
  const from = a === undefined ? null : parseCellRef(a);
  const to = b === undefined ? null : parseCellRef(b);
  if (from === null || to === null) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

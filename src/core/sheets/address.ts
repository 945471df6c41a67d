/** 0-based column → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 0-based column: A → 0, Z → 25, AA → 26 (uppercase letters only, as A1 writes them). */
export function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col - 1;
}

/** Letters of the columns asked for so far: a list of 100,000 rows names the same few columns. */
const LETTERS: string[] = [];

export function toA1(row: number, col: number): string {
  const letters = (LETTERS[col] ??= columnLetters(col));
  return `${letters}${row + 1}`;
}

/** Columns end at XFD (16,384) and rows at 1,048,576; a longer address is no A1 address. */
const MAX_COL_LETTERS = 3;
const MAX_ROW_DIGITS = 7;

/**
 * "AB12" → { row: 11, col: 27 }; null when not an A1 address. Parsed by hand, not by a
 * regular expression: a report sorts tens of thousands of findings by their cells.
 */
export function fromA1(address: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  if (i === 0 || i > MAX_COL_LETTERS || i === address.length || address.charCodeAt(i) === 48) return null;
  const digits = address.length - i;
  if (digits > MAX_ROW_DIGITS) return null;
  let row = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  return { row: row - 1, col: col - 1 };
}

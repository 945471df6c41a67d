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

/** Letters of the columns asked for so far: a list of 100,000 rows names the same few columns. */
const LETTERS: string[] = [];

export function toA1(row: number, col: number): string {
  const letters = (LETTERS[col] ??= columnLetters(col));
  return `${letters}${row + 1}`;
}

/** "AB12" → { row: 11, col: 27 }; null when not an A1 address. */
export function fromA1(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(address);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

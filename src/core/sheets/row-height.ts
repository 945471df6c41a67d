/** Points per printed line of 11-point text, and the default row height. */
export const LINE_HEIGHT = 14.5;
export const DEFAULT_ROW_HEIGHT = 15;

const NEWLINE = 10;

/**
 * Lines a wrapped text takes in a column `width` characters wide. Excel and LibreOffice do not
 * grow a written row to fit wrapped text on opening, so the table sets heights itself. Read code
 * unit by code unit: a table of 100,000 indicators measures a million texts, and a string per
 * character would be gigabytes of garbage.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 1);
  let lines = 0;
  let units = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (code === NEWLINE) {
      lines += Math.max(1, Math.ceil(units / usable));
      units = 0;
      continue;
    }
    // A character outside the BMP is one character, as wide as its first half says.
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    // Width in Excel's column units: a Han character is about two digits wide.
    units += code >= 0x2e80 && code <= 0xffef ? 2 : 1.1;
  }
  return lines;
}

export const heightFor = (lines: number): number => Math.max(DEFAULT_ROW_HEIGHT, lines * LINE_HEIGHT + 3);

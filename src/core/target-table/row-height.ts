/** Points per printed line of 11-point text, and the default row height. */
export const LINE_HEIGHT = 14.5;
export const DEFAULT_ROW_HEIGHT = 15;

/** Width of a character in Excel's column units: a Han character is about two digits wide. */
const charWidth = (ch: string): number => (/[\u2e80-\uffef]/.test(ch) ? 2 : 1.1);

/**
 * Lines a wrapped text takes in a column `width` characters wide. Excel and LibreOffice do not
 * grow a written row to fit wrapped text on opening, so the table sets heights itself.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(width - 1, 1);
  return text.split("\n").reduce((lines, part) => {
    let units = 0;
    for (const ch of part) units += charWidth(ch);
    return lines + Math.max(1, Math.ceil(units / usable));
  }, 0);
}

export const heightFor = (lines: number): number => Math.max(DEFAULT_ROW_HEIGHT, lines * LINE_HEIGHT + 3);

/**
 * A HYPERLINK formula that selects a cell of the workbook, composed here from a sheet name and an
 * A1 address the check itself found: the sheet name is quoted as Excel quotes it in a reference
 * (' doubled) and the whole target is a string literal (" doubled), so no sheet name, however
 * odd, escapes into the formula. The link shows the address, never staff text.
 */
export function cellLink(sheet: string, cell: string): string {
  return `HYPERLINK(${literal(linkTarget(sheet, cell))},${literal(cell)})`;
}

/** "#'sheet'!A1": the location a link inside the workbook goes to. */
export const linkTarget = (sheet: string, cell: string): string => `#'${sheet.replace(/'/g, "''")}'!${cell}`;

const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The sheet and cell a formula of cellLink's goes to; null for any other formula. */
export function parseCellLink(formula: string): { sheet: string; cell: string } | null {
  const m = /^HYPERLINK\("#'((?:[^"']|''|"")*)'!([A-Z]{1,3}[1-9][0-9]*)","[A-Z]{1,3}[1-9][0-9]*"\)$/.exec(formula);
  if (m === null || m[1] === undefined || m[2] === undefined) return null;
  return { sheet: m[1].replace(/""/g, '"').replace(/''/g, "'"), cell: m[2] };
}

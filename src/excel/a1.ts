import { columnIndex, columnLetters, type CellBox } from "../core";

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/**
 * One area in A1 notation, without a sheet: "B3", "$A$1:$C$9", whole columns "A:C" and whole
 * rows "2:4". 0-based and inclusive; null when it is not an address.
 */
export function parseArea(ref: string): CellBox | null {
  const text = ref.replace(/\$/g, "").trim().toUpperCase();
  const cells = /^([A-Z]{1,3})([1-9]\d*)(?::([A-Z]{1,3})([1-9]\d*))?$/.exec(text);
  if (cells) {
    const [, c1 = "", r1 = "", c2 = c1, r2 = r1] = cells;
    const box = { top: Number(r1) - 1, left: columnIndex(c1), bottom: Number(r2) - 1, right: columnIndex(c2) };
    return normalise(box);
  }
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (columns) {
    const [, c1 = "", c2 = ""] = columns;
    return normalise({ top: 0, left: columnIndex(c1), bottom: MAX_ROWS - 1, right: columnIndex(c2) });
  }
  const rows = /^([1-9]\d*):([1-9]\d*)$/.exec(text);
  if (rows) {
    const [, r1 = "", r2 = ""] = rows;
    return normalise({ top: Number(r1) - 1, left: 0, bottom: Number(r2) - 1, right: MAX_COLS - 1 });
  }
  return null;
}

function normalise(box: CellBox): CellBox | null {
  const out = {
    top: Math.min(box.top, box.bottom),
    left: Math.min(box.left, box.right),
    bottom: Math.max(box.top, box.bottom),
    right: Math.max(box.left, box.right),
  };
  return out.bottom < MAX_ROWS && out.right < MAX_COLS ? out : null;
}

/** "A1" for one cell, "A1:C3" otherwise. */
export function areaA1(box: CellBox): string {
  const from = `${columnLetters(box.left)}${box.top + 1}`;
  const to = `${columnLetters(box.right)}${box.bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}

/** A sheet name as a reference prefix: always quoted, which Excel accepts for any name. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Splits a comma-separated list of areas, each perhaps sheet-qualified, honouring quotes. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote.
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** "'绩效 指标'!A1:B2" → { sheet: "绩效 指标", area: "A1:B2" }; a bare area has sheet null. */
export function splitSheet(address: string): { sheet: string | null; area: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, area: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, area: address.slice(bang + 1) };
}

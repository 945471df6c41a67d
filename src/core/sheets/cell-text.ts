import type { CellData } from "./grid";

const isPercentFormat = (format: string | undefined): boolean =>
  format !== undefined && /%/.test(format.replace(/"[^"]*"/g, ""));

/** Drops binary noise (0.1 + 0.2) without rounding away real decimals. */
export function tidyNumber(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/**
 * The text a clerk sees in the cell, as far as the core needs it: a percent-formatted 0.92
 * reads "92%", so a target typed as a formatted number parses like one typed as text.
 */
export function cellText(cell: CellData | null | undefined): string {
  if (!cell || cell.value === null) return "";
  const v = cell.value;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isPercentFormat(cell.numberFormat)) return `${tidyNumber(v * 100)}%`;
  return String(tidyNumber(v));
}

/** Text with surrounding and doubled white space (incl. U+3000) removed; used for names. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u3000]+/g, " ").trim();
}

/**
 * A number from a cell: numeric values as they are (a percent format yields points, 0.25 → 25
 * only when `percentPoints`), text such as "72.02", "72.02万元", "25%", "1,281.02" read leniently.
 * null when there is no number.
 */
export function cellNumber(cell: CellData | null | undefined, percentPoints = false): number | null {
  if (!cell || cell.value === null || typeof cell.value === "boolean") return null;
  if (typeof cell.value === "number") {
    return percentPoints && isPercentFormat(cell.numberFormat) ? tidyNumber(cell.value * 100) : cell.value;
  }
  const text = cell.value
    .replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s\u3000]/g, "");
  const m = /^(-?\d+(?:\.\d+)?)(%|万元)?$/.exec(text);
  if (!m || m[1] === undefined) return null;
  return Number(m[1]);
}

export function isBlank(cell: CellData | null | undefined): boolean {
  return cellText(cell).trim() === "";
}

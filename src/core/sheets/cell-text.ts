import type { CellData } from "../model/workbook-data";

/** Quoted literals, [colour]/[locale] sections and escaped characters say nothing about a format's kind. */
const formatCode = (format: string): string => format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");

export const isPercentFormat = (format: string | undefined): boolean =>
  format !== undefined && /%/.test(format.replace(/"[^"]*"/g, ""));

/** yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日" …: a year or a day token outside quotes. */
export const isDateFormat = (format: string | undefined): boolean =>
  format !== undefined && /[yd]/i.test(formatCode(format));

/** Serials of 2000-01-01 and 2100-01-01: a number outside them was not meant as a date. */
const PLAUSIBLE_DATES = { from: 36526, to: 73051 } as const;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Drops binary noise (0.1 + 0.2) without rounding away real decimals. */
export function tidyNumber(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/** An Excel serial as YYYY-MM-DD (1900 date system). */
export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The text a clerk sees in the cell, as far as the core needs it: a percent-formatted 0.92
 * reads "92%", so a target typed as a formatted number parses like one typed as text. A
 * date-formatted cell reads as its date only when the serial is a plausible modern date; a
 * budget of 72.02 that a copied date format shows as 1900-03-12 still reads "72.02".
 */
export function cellText(cell: CellData | null | undefined): string {
  if (!cell || cell.value === null) return "";
  const v = cell.value;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isPercentFormat(cell.numberFormat)) return `${tidyNumber(v * 100)}%`;
  if (isDateFormat(cell.numberFormat) && v >= PLAUSIBLE_DATES.from && v < PLAUSIBLE_DATES.to) {
    return serialToIsoDate(v);
  }
  return String(tidyNumber(v));
}

/** Text with surrounding and doubled white space (incl. U+3000) removed; used for names. */
/** Like cleanText, but line breaks stay: a 绩效目标 cell lists its goals one per line. */
export function cleanParagraph(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => cleanText(line))
    .filter((line) => line !== "")
    .join("\n");
}

export function cleanText(text: string): string {
  return text.replace(/[\s\u3000]+/g, " ").trim();
}

/**
 * A number from a cell: numeric values as they are, whatever their format (a percent format
 * yields points, 0.25 → 25, only when `percentPoints`; a date format is ignored, since a date in
 * a budget or plan cell is a number someone formatted by accident), text such as "72.02",
 * "72.02万元", "25%", "1,281.02" read leniently. null when there is no number.
 */
export function cellNumber(cell: CellData | null | undefined, percentPoints = false): number | null {
  if (!cell || cell.value === null || typeof cell.value === "boolean") return null;
  if (typeof cell.value === "number") {
    if (!Number.isFinite(cell.value)) return null;
    if (percentPoints && isPercentFormat(cell.numberFormat)) return tidyNumber(cell.value * 100);
    return isDateFormat(cell.numberFormat) ? tidyNumber(cell.value) : cell.value;
  }
  const text = cell.value
    .replace(/[０-９．，％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s\u3000]/g, "");
  const m = /^(-?\d+(?:\.\d+)?)(%|万元)?$/.exec(text);
  if (!m || m[1] === undefined) return null;
  return Number(m[1]);
}

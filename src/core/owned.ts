import { cellText } from "./sheets/cell-text";
import type { SheetData } from "./model/workbook-data";

/**
 * The sheets and names the add-in owns. They carry a marker so that a re-check of a checked
 * workbook reads only the staff's sheets (docs/writing.md), whatever a clerk renames.
 */
export const OWNED = {
  /** The standard target table, filled and replaced by the add-in. */
  tableSheet: "绩效目标表",
  /** The findings of the last check, one row each, with links to their cells; replaced on every check. */
  findingsSheet: "检查结果",
  /** Hidden: thresholds and scales the flag formulas read through defined names. */
  helperSheet: "检查目标_辅助",
  /** Hidden: the mapping and settings, kept across Clear flags. */
  settingsSheet: "检查目标_设置",
  /** Prefix of every workbook-level defined name of ours. */
  namePrefix: "CT_",
  /** Text in the first row of every owned sheet. */
  marker: "check-targets:",
} as const;

/** True for a sheet the add-in wrote: its first row holds the marker. */
export function isOwnedSheet(sheet: SheetData): boolean {
  const first = sheet.rows[0] ?? [];
  return first.some((cell) => cellText(cell).startsWith(OWNED.marker));
}

export const isOwnedName = (name: string): boolean => name.startsWith(OWNED.namePrefix);

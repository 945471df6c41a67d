import { z } from "zod";
import { layoutKindSchema } from "../model/layout-kind";
import { columnIndex, columnLetters } from "./address";
import type { ColumnMap, HeaderRow, LayoutKind } from "./detect-layout";
import { HEADER_SYNONYMS, normalizeHeader, type HeaderRole } from "./header-roles";
import type { SheetView } from "./sheet-view";

const roleSchema = z.enum(Object.keys(HEADER_SYNONYMS) as [HeaderRole, ...HeaderRole[]]);
const letterSchema = z.string().regex(/^[A-Z]{1,3}$/, "a column letter such as A or AB");

/**
 * One table of the mapping as the workbook keeps it (docs/layouts.md): which sheet, which header row,
 * which column plays which role. Rows are 1-based and columns letters, as a clerk reads them.
 * `headers` are the header texts when the mapping was saved: if they no longer stand there,
 * someone moved the table, and the mapping is stale rather than silently wrong.
 */
export const tableMappingSchema = z.object({
  sheet: z.string().min(1),
  kind: layoutKindSchema,
  headerRow: z.number().int().positive(),
  dataRow: z.number().int().positive().optional(),
  columns: z.partialRecord(roleSchema, letterSchema),
  headers: z.partialRecord(roleSchema, z.string()).optional(),
  /** "corrected" when a user changed what was detected. */
  source: z.enum(["detected", "corrected"]).default("detected"),
});
export type TableMapping = z.infer<typeof tableMappingSchema>;

/** What was recognised on one sheet: shown in the pane and saved as the mapping. Rows 0-based. */
export type SheetLayout = {
  sheet: string;
  kind: LayoutKind;
  headerRow: number;
  dataRow: number;
  columns: ColumnMap;
  headers: Partial<Record<HeaderRole, string>>;
  /**
   * "detected" now; "saved" or "corrected" when the workbook's saved mapping was applied instead
   * of detection ("corrected": a user changed what had been detected).
   */
  source: "detected" | "saved" | "corrected";
  /**
   * How each role's column was decided: by its header's words, by what its cells hold (a header
   * in no list), or by the saved mapping.
   */
  decided: Partial<Record<HeaderRole, "header" | "content" | "saved">>;
};

/** A layout as the mapping saves it. */
export function toTableMapping(layout: SheetLayout): TableMapping {
  const columns: TableMapping["columns"] = {};
  for (const [role, col] of Object.entries(layout.columns) as [HeaderRole, number][])
    columns[role] = columnLetters(col);
  return {
    sheet: layout.sheet,
    kind: layout.kind,
    headerRow: layout.headerRow + 1,
    dataRow: layout.dataRow + 1,
    columns,
    headers: { ...layout.headers },
    source: layout.source === "corrected" ? "corrected" : "detected",
  };
}

/**
 * The saved mapping as a header the readers take, or a reason it no longer fits the sheet:
 * a header text that moved, or a row beyond the sheet.
 */
export function headerFromMapping(view: SheetView, mapping: TableMapping): HeaderRow | "stale" {
  const row = mapping.headerRow - 1;
  if (row >= view.rowCount) return "stale";
  const columns: ColumnMap = {};
  for (const [role, letters] of Object.entries(mapping.columns) as [HeaderRole, string][]) {
    columns[role] = columnIndex(letters);
  }
  const dataRow = Math.max(row + 1, (mapping.dataRow ?? mapping.headerRow + 1) - 1);
  for (const [role, text] of Object.entries(mapping.headers ?? {}) as [HeaderRole, string][]) {
    const col = columns[role];
    if (col === undefined) continue;
    // A two-row header has some of its texts on the second row (3月底 under 资金支出计划).
    let found = false;
    for (let r = row; r < dataRow && !found; r++) found = normalizeHeader(view.text(r, col)) === normalizeHeader(text);
    if (!found) return "stale";
  }
  return {
    row,
    dataRow,
    columns,
    headers: { ...mapping.headers },
    operatorCandidates: [],
  };
}

import type { SheetData } from "../../src/core";

/** The header of the smallest indicator list the checks read. */
export const LIST_HEADER = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"];

/** A visible sheet of plain text cells, first row at A1, as an adapter reads it. */
export const sheetOf = (name: string, rows: readonly (readonly string[])[]): SheetData => ({
  name,
  visibility: "visible",
  merges: [],
  rows: rows.map((row) => row.map((value) => ({ value }))),
});

import type { WritePlan } from "../core";
import type { ReadResult } from "../excel";

/**
 * What the pane needs of the workbook: the Office.js adapter (ExcelWorkbook) provides it in
 * Excel and in the preview; component tests pass a plain object.
 */
export interface PaneWorkbook {
  readWithAccess(): Promise<ReadResult>;
  apply(plan: WritePlan): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
}

import type { WritePlan } from "../core";
import type { CellEdit, ReadResult } from "../excel";

/** A cell or range the user selected in Excel: its sheet and A1 address. */
export type CellSelection = { sheet: string; address: string };

/**
 * What the pane needs of the workbook: the Office.js adapter (ExcelWorkbook) provides it in
 * Excel and in the preview; component tests pass a plain object.
 */
export interface PaneWorkbook {
  readWithAccess(): Promise<ReadResult>;
  apply(plan: WritePlan): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Edits staff cells at the user's request (a name added as a synonym on 指标定义); nothing is
   * written if a cell changed since the check. Absent: the pane does not offer the edit.
   */
  editCells?(edits: readonly CellEdit[]): Promise<void>;
  /**
   * Shows a sheet (Worksheet.activate): the findings sheet or the 绩效目标表 after they are
   * written. Absent: the pane does not offer to open them.
   */
  activate?(sheet: string): Promise<void>;
  /**
   * Calls `listener` whenever the user selects another cell; resolves to a function that stops
   * listening. Absent where the host raises no selection events.
   */
  watchSelection?(listener: (selection: CellSelection) => void): Promise<() => Promise<void>>;
}

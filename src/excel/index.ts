/** The Office.js adapter: the only place that talks to Excel. */
export { ExcelWorkbook, type ExcelWorkbookOptions } from "./excel-workbook";
export { capabilities, isExcelHost, officeHost, type Capabilities, type ExcelHost } from "./host";
export type { ReadResult, WorkbookAccess } from "./read";
export { FLAG_FILL, widthInPoints } from "./apply";
export { watchSelection, type SelectedCell } from "./selection-watch";
export type { CellEdit } from "./cell-edit";

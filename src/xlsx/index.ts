export { XlsxPort } from "./xlsx-port";
export { FilePort } from "./file-port";
export { openWorkbook, openWorkbookFile, type OpenedWorkbook } from "./open-workbook";
export { workbookData } from "./read-workbook";
export { dateToSerial } from "./cell-data";
export { applyPlan, mergeDisjoint } from "./apply-plan";
export { writeCheckedCopy, type CheckedCopy } from "./write/write-copy";
export { writeTableWorkbook, type TableCell, type TableSheet } from "./table-workbook";

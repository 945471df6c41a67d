export { XlsxPort } from "./xlsx-port";
export { openWorkbook, openWorkbookFile, type OpenedWorkbook } from "./open-workbook";
export { workbookData } from "./read-workbook";
export { dateToSerial } from "./cell-data";
export { applyPlan, mergeDisjoint } from "./apply-plan";
export { dropUnwritableFormats, keptFormats, restoreFormats, type CopyLoss, type KeptFormats } from "./kept-formats";
export { writeTableWorkbook, type TableCell, type TableSheet } from "./table-workbook";

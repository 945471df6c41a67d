export { XlsxPort } from "./xlsx-port";
export { openWorkbook } from "./open-workbook";
export { workbookData } from "./read-workbook";
export { dateToSerial } from "./cell-data";
export { applyPlan } from "./apply-plan";

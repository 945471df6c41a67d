/**
 * ExcelJS, for the tests only: an in-memory workbook builder and the port over it that the tests
 * of the core's reading and planning use (`XlsxPort` with `owned: "model"` applies a plan to the
 * ExcelJS model, so a test can look at it). The product reads and writes files with src/xlsx/read
 * and src/xlsx/write alone; ExcelJS is a devDependency.
 */
export { XlsxPort } from "./xlsx-port";
export { openWorkbook, openWorkbookFile, type OpenedWorkbook } from "./open-workbook";
export { workbookData } from "./read-workbook";
export { dateToSerial } from "./cell-data";
export { applyPlan, mergeDisjoint } from "./apply-plan";

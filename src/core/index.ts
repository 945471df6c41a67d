/** The only entry into the core (STYLE.md). */
export { check, checkWorkbook, type CheckOptions, type CheckResult } from "./check";
export { WorkbookError, type WorkbookPort } from "./workbook-port";
export type { CellBox, CellData, CellValue, SheetData, SheetVisibility, WorkbookData } from "./sheets/grid";
export { columnLetters, fromA1, toA1 } from "./sheets/address";
export { readWorkbook, type SheetLayout, type WorkbookModel } from "./sheets/read-workbook";
export { reportSchema, type Report, type ReportProject, type ReportIndicator, type TrafficLight } from "./model/report";
export { ruleIdSchema, severitySchema, type Finding, type RuleId, type Severity } from "./model/finding";
export type { Goal, Indicator, Project } from "./model/project";
export { formatFinding, type Locale } from "./messages";
export { DEFAULT_SETTINGS, settingsSchema, type Settings } from "./settings";
export { ok, err, type Result } from "./result";
export * from "./target-expression";
export { planFlags, isOwnFlagFormula, FLAG_MARKER, type FlagPlan, type FlagRule } from "./flags/plan-flags";

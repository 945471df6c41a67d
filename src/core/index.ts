/** The only entry into the core (docs/architecture.md). */
export { checkWorkbook, type CheckOptions, type CheckResult } from "./check";
export {
  CheckCancelled,
  runCheck,
  type Checked,
  type CheckRun,
  type CheckStage,
  type CheckSteps,
  type SessionOptions,
  type WriteOutcome,
} from "./session";
export { WorkbookError, type WorkbookPort } from "./workbook-port";
export type {
  DetectedFile,
  LargeSheet,
  ProblemOf,
  WorkbookErrorCode,
  WorkbookProblem,
  WorkbookProblemKind,
} from "./model/workbook-problem";
export type { CellBox, CellData, CellValue, SheetData, SheetVisibility, WorkbookData } from "./model/workbook-data";
export { columnIndex, columnLetters, fromA1, toA1 } from "./sheets/address";
export { readWorkbook, type SheetLayout, type WorkbookModel } from "./sheets/read-workbook";
export {
  reportAnalysisSchema,
  reportSchema,
  type Report,
  type ReportAnalysis,
  type ReportProject,
  type ReportIndicator,
  type TrafficLight,
} from "./model/report";
export { ruleIdSchema, severitySchema, type Finding, type RuleId, type Severity } from "./model/finding";
export type { Goal, Indicator, Project } from "./model/project";
export { formatFinding, type Locale } from "./messages";
export { formatProblem } from "./messages/problems";
export { sheetWords, type SheetWords } from "./messages/sheet-words";
export { DEFAULT_SETTINGS, settingsSchema, type Settings } from "./check-settings";
export { ok, err, type Result } from "./result";
export * from "./target-expression";
export { argbColor, FLAG_FILL as PALETTE, hashColor, LIGHT_FILL } from "./palette";
export { planFlags, isOwnFlagFormula, FLAG_MARKER, type FlagPlan } from "./flags/plan-flags";
export { liveRules, type LiveRule } from "./flags/live-rules";
export { planTargetTable } from "./target-table/plan-table";
export {
  findingsSheetName,
  planCheckedWorkbook,
  planClear,
  liveRulesOf,
  planFlagWrite,
  planTableWrite,
  tableSheetName,
} from "./plan/plan-workbook";
export { planFindingsSheet, type FindingsSource } from "./findings-sheet/plan-findings-sheet";
export { cellLink, linkTarget, parseCellLink } from "./findings-sheet/link";
export { numberFindings, type NumberedFinding } from "./findings-sheet/order";
export { OWNED, isOwnedSheet, isOwnedName } from "./owned";
export {
  EMPTY_PLAN,
  type CellStyle,
  type FlagRule,
  type NamePlan,
  type PageSetup,
  type PlannedCell,
  type PlannedValue,
  type SheetPlan,
  type WritePlan,
} from "./model/write-plan";
export { planSettingsSheet } from "./settings-sheet";
export { yearPosition, type YearPosition } from "./monitoring";
export type { TableMapping } from "./sheets/table-mapping";
export { HEADER_SYNONYMS, type HeaderRole } from "./sheets/header-roles";
export {
  readSettings,
  mappingFromLayouts,
  effectiveSettings,
  type StoredSettings,
  type SettingsIssue,
  type SettingsError,
} from "./settings-sheet";
export { tableMappingSchema } from "./sheets/table-mapping";
export type { ReadOptions, SheetSummary } from "./sheets/read-workbook";
export { reportSheetSchema, type ReportSheet } from "./model/report";
export type { ReportEvaluation, ReportFiscalYear } from "./model/report";
export {
  BUILTIN_DEFINITIONS,
  DEFINITION_SHEET,
  buildLibrary,
  definitionSchema,
  definitionColumnOf,
  isDefinitionSheet,
  matchName,
  readDefinitionSheet,
  SYNONYM_SEPARATORS,
  type Definition,
  type DefinitionIssue,
  type Direction,
  type Library,
  type Match,
  type MatchResult,
} from "./definitions";
export {
  analyse,
  analysisSchema,
  measureKindSchema,
  type Analysis,
  type AnalyserInput,
  type MeasureKind,
} from "./analyser";

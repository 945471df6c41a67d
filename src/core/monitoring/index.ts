export { yearPosition, CHECKPOINT_LABELS, type YearPosition } from "./as-of";
export { monitoringFindings, type MonitoringContext } from "./monitoring-rules";
export { scoreProject, earnedShare, indicatorWeights, type ProjectScore, type IndicatorScore } from "./score";
export { exceedsEveryTarget, isMonitoringFinding, MONITORING_RULES } from "./light";
export { readActual, type Actual, type DirectionOf } from "./actual";
export { deviationOf, formatDeviation, type Deviation } from "./deviation";
export { fiscalYearOf, type FiscalYear, type FiscalYearSource } from "./fiscal-year";
export { gradeOf, type ScoreGrade, type ScoreKind } from "./score";
export { readAnswer, deadlineOf } from "./qualitative";

export { yearPosition, CHECKPOINT_LABELS, type YearPosition } from "./as-of";
export { monitoringFindings, type MonitoringContext } from "./monitoring-rules";
export { scoreProject, earnedShare, indicatorWeights, type ProjectScore, type IndicatorScore } from "./score";
export { exceedsEveryTarget } from "./light";
export { readActual, type Actual, type DirectionOf } from "./actual";
export { deviationOf } from "./deviation";

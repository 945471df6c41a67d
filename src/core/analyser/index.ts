/** The indicator analyser: what a measure is, read from its name where no definition says. */
export { analyse } from "./analyse";
export { analysisSchema, measureKindSchema, type Analysis, type AnalyserInput, type MeasureKind } from "./schema";

/** Indicator definitions (docs/definitions.md): schema, built-in library, the 指标定义 sheet, mapping rows to them. */
export { definitionSchema, directionSchema, type Definition, type Direction } from "./schema";
export { BUILTIN_DEFINITIONS } from "./builtin";
export { definitionColumnOf, SYNONYM_SEPARATORS } from "./definition-columns";
export {
  readDefinitionSheet,
  type DefinitionIssue,
  type DefinitionSheet,
  type DefinitionColumn,
} from "./read-definition-sheet";
export { buildLibrary, matchName, cachedMatcher, type Library, type Match, type MatchResult } from "./library";
export { judge, type Judgement } from "./judgement";
export { DEFINITION_SHEET, isDefinitionSheet } from "../sheets/definition-sheet-name";
export { normalizeName, bigrams, dice, similarity } from "./similarity";
export { FRAMEWORKS, isCost, requiresNumber, type Framework } from "../framework";
export { defaultDirection } from "./direction";

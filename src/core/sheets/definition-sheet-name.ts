/** The sheet staff keep their own indicator definitions on (docs/definitions.md). */
export const DEFINITION_SHEET = "指标定义";

const NAMES: ReadonlySet<string> = new Set(["指标定义", "指标定义表", "indicatordefinitions", "definitions"]);

/** 指标定义, also with stray spaces, a 表 suffix or in English: read as definitions, never as a list. */
export function isDefinitionSheet(name: string): boolean {
  return NAMES.has(name.replace(/[\s\u3000]+/g, "").toLowerCase());
}

import { normalizeHeader } from "../sheets/header-roles";

/*
 * The 指标定义 sheet's columns, apart from its reader (read-definition-sheet.ts): the pane's
 * synonym edit finds the same columns on its main thread, without the reader and its parser.
 */

/** The columns of the 指标定义 sheet and the headers they may carry (README: "指标定义"). */
const COLUMNS = {
  id: ["编号", "指标编号", "定义编号", "id"],
  name: ["指标名称", "三级指标", "名称", "name", "indicator"],
  synonyms: ["同义词", "别名", "其他名称", "synonyms", "aliases"],
  level1: ["一级指标", "level 1", "level1"],
  level2: ["二级指标", "level 2", "level2"],
  unit: ["计量单位", "度量单位", "单位", "unit"],
  direction: ["指标方向", "方向", "正反向", "指标性质", "direction"],
  min: ["最小值", "下限", "有效范围下限", "min", "minimum"],
  max: ["最大值", "上限", "有效范围上限", "max", "maximum"],
  requiresNumber: ["必须定量", "是否定量", "定量", "quantitative", "requires number"],
  goal: ["部门目标", "对应部门目标", "所属部门目标", "部门整体目标", "goal", "department goal"],
} as const;
export type DefinitionColumn = keyof typeof COLUMNS;

const LOOKUP: ReadonlyMap<string, DefinitionColumn> = new Map(
  (Object.entries(COLUMNS) as [DefinitionColumn, readonly string[]][]).flatMap(([col, names]) =>
    names.map((n) => [normalizeHeader(n), col] as const),
  ),
);

/** The column a header on the 指标定义 sheet stands for, as this reader reads it, or null. */
export const definitionColumnOf = (header: string): DefinitionColumn | null =>
  LOOKUP.get(normalizeHeader(header)) ?? null;

/** What separates the synonyms written in one cell. */
export const SYNONYM_SEPARATORS = /[、，,;；/|\n]+/;

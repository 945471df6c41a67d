import type { TrafficLight } from "../model/report";
import type { SheetWords } from "../messages/sheet-words";
import type { STYLES } from "./layout";

/**
 * The official block of the 绩效目标表 (docs/writing.md), one per project, as data: the form's
 * rows from top to bottom, each a list of cells, read by `plan-table.ts` and nowhere else.
 * Changing the form — a label, a span, a style, the order of the rows — is editing this file.
 * The Word original splits its rows unevenly; the spans below reproduce its cells.
 *
 * Columns are the sheet's letters. A–G are the official form (TABLE_COLUMNS in layout.ts);
 * when actuals exist, H–J are the monitoring columns and K the 偏差原因 beside them
 * (MONITORING_WIDTHS, DEVIATION_REASON_WIDTH); the findings' numbers follow in a column of
 * their own, outside the template. Cells are written in the order listed (the plan lists its
 * cells in that order; the sheet is the same in any order).
 */

/** The columns a block may use, A–K. */
type Col = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K";
/** One column ("B") or a merged span of columns ("B:C"). */
export type Cols = Col | `${Col}:${Col}`;

/**
 * Which tables a cell or a row is in; absent: every table. `monitored`: only when actuals exist
 * (the monitoring columns); `projected` / `final`: monitored, before / after the fiscal year
 * ends (a project's scoreKind; `final` when the report does not say).
 */
export type When = "plain" | "monitored" | "projected" | "final";

/** A style of layout.ts; `light`: the label style filled in the colour of the project's light. */
export type StyleName = keyof typeof STYLES | "light";

/** The one-line texts of the table's words in the sheet's language (sheet-words.ts). */
type TableWord = {
  [K in keyof SheetWords["table"]]: SheetWords["table"][K] extends string ? K : never;
}[keyof SheetWords["table"]];

/**
 * A fixed text of the form — in Chinese in both languages, as the official form is — or a word
 * of the sheet's language.
 */
export type Words = { text: string } | { words: TableWord };

/** What a project's cell shows (plan-table.ts says how each is written: text, 0.00, 0%). */
export type ProjectField =
  /** "1.项目名称绩效目标表": the block's number and the project's name. */
  | "title"
  | "unit"
  | "code"
  | "name"
  | "budget"
  | "fiscal"
  | "other"
  | "use"
  /** The 资金支出计划 at 3月底, 6月底, 10月底, 12月底. */
  | "plan1"
  | "plan2"
  | "plan3"
  | "plan4"
  | "goals"
  /** Monitored only: 监控：红灯 … (LIGHT_LABELS), what the light means (sheet-words), the report's reason for it. */
  | "light"
  | "lightMeaning"
  | "lightReason"
  /** Monitored only: 预计得分 or 自评得分, its grade, 已支出, 预算执行率. */
  | "score"
  | "grade"
  | "spent"
  | "executionRate";

/** The source cells whose findings colour a project's cell (red for an error, amber for a warning). */
export type ProjectMark = "code" | "budget" | "spent" | "plan1" | "plan2" | "plan3" | "plan4";

export type TemplateCell = {
  cols: Cols;
  /** Rows the cell spans downwards, merged; absent: 1. */
  rows?: number;
  style: StyleName;
  show: Words | { field: ProjectField };
  mark?: ProjectMark;
  when?: When;
};

export type TemplateRow = {
  /** Points the row is at least high; wrapped text grows any row to fit (absent: the default height). */
  height?: number;
  /** The source cells whose findings' numbers go beside this row. */
  refer?: { to: "project" | "project and indicators"; when?: When };
  cells: readonly TemplateCell[];
};

/** The indicator grid's place in the block: its header row, then one row per indicator. */
export const INDICATOR_GRID = "indicator grid";

/** 监控 beside the title when monitored, in the fill of the light. */
export const LIGHT_LABELS: Readonly<Record<TrafficLight, string>> = {
  red: "监控：红灯",
  amber: "监控：黄灯",
  green: "监控：绿灯",
  blue: "监控：蓝灯",
};

/** One project's block, top to bottom. */
export const BLOCK: readonly (TemplateRow | typeof INDICATOR_GRID)[] = [
  {
    height: 24,
    cells: [
      { cols: "A:G", style: "title", show: { field: "title" }, when: "plain" },
      { cols: "A:J", style: "title", show: { field: "title" }, when: "monitored" },
    ],
  },
  // The light's reason: every finding of the project, numbered beside it.
  {
    refer: { to: "project and indicators", when: "monitored" },
    cells: [
      { cols: "A:E", style: "unit", show: { field: "unit" } },
      { cols: "F:G", style: "unitNote", show: { text: "单位：万元" } },
      { cols: "H:J", style: "light", show: { field: "light" }, when: "monitored" },
      { cols: "K", style: "text", show: { field: "lightMeaning" }, when: "monitored" },
    ],
  },
  {
    refer: { to: "project", when: "plain" },
    cells: [
      { cols: "A", style: "label", show: { text: "项目编码" } },
      { cols: "B:C", style: "value", show: { field: "code" }, mark: "code" },
      { cols: "D", style: "label", show: { text: "项目名称" } },
      { cols: "E:G", style: "value", show: { field: "name" } },
      { cols: "H", style: "label", show: { text: "预计得分" }, when: "projected" },
      { cols: "H", style: "label", show: { text: "自评得分" }, when: "final" },
      { cols: "I", style: "value", show: { field: "score" }, when: "monitored" },
      { cols: "J", style: "value", show: { field: "grade" }, when: "monitored" },
    ],
  },
  {
    cells: [
      { cols: "A", rows: 2, style: "label", show: { text: "预算规模及资金用途" } },
      { cols: "B", style: "label", show: { text: "预算数" } },
      { cols: "C", style: "value", show: { field: "budget" }, mark: "budget" },
      { cols: "D", style: "label", show: { text: "其中：财政资金" } },
      { cols: "E", style: "value", show: { field: "fiscal" } },
      { cols: "F", style: "label", show: { text: "其他资金" } },
      { cols: "G", style: "value", show: { field: "other" } },
      { cols: "H", style: "label", show: { text: "已支出" }, when: "monitored" },
      { cols: "I:J", style: "value", show: { field: "spent" }, mark: "spent", when: "monitored" },
    ],
  },
  {
    cells: [
      { cols: "B:G", style: "text", show: { field: "use" } },
      { cols: "H:J", style: "text", show: { field: "lightReason" }, when: "monitored" },
    ],
  },
  {
    cells: [
      // The line breaks before the parenthesis, never inside it.
      { cols: "A", rows: 2, style: "label", show: { text: "资金支出计划\n（%）" } },
      { cols: "B", style: "label", show: { text: "3月底" } },
      { cols: "C", style: "label", show: { text: "6月底" } },
      { cols: "D:E", style: "label", show: { text: "10月底" } },
      { cols: "F:G", style: "label", show: { text: "12月底" } },
      { cols: "H:J", style: "label", show: { text: "预算执行率" }, when: "monitored" },
    ],
  },
  {
    cells: [
      { cols: "H:J", style: "value", show: { field: "executionRate" }, when: "monitored" },
      { cols: "B", style: "value", show: { field: "plan1" }, mark: "plan1" },
      { cols: "C", style: "value", show: { field: "plan2" }, mark: "plan2" },
      { cols: "D:E", style: "value", show: { field: "plan3" }, mark: "plan3" },
      { cols: "F:G", style: "value", show: { field: "plan4" }, mark: "plan4" },
    ],
  },
  {
    height: 30,
    cells: [
      { cols: "A", style: "label", show: { text: "绩效目标" } },
      { cols: "B:G", style: "text", show: { field: "goals" } },
      { cols: "H:J", style: "value", show: { text: "" }, when: "monitored" },
    ],
  },
  INDICATOR_GRID,
  // Space before the next block.
  { height: 8, cells: [] },
];

/** What an indicator's cell shows. */
export type IndicatorField =
  | "level1"
  | "level2"
  | "name"
  | "description"
  /** 指标值 as written, trimmed. */
  | "target"
  | "basis"
  /** Monitored only: 完成值 as written, its deviation from the target, its score, the staff's 偏差原因. */
  | "actual"
  | "deviation"
  | "score"
  | "deviationReason";

/** The source cells whose findings colour an indicator's cell. */
export type IndicatorMark = "level2" | "name" | "target" | "actual" | "deviationReason";

export type GridColumn = {
  cols: Cols;
  /** The header row's text, in the label style. */
  header: Words;
  show: IndicatorField;
  style: StyleName;
  mark?: IndicatorMark;
  /**
   * Written once per run of rows that agree on this column and every merged column before it,
   * merged down, as the official form merges 一级/二级 cells; written after the rows.
   */
  merge?: true;
  when?: When;
};

/**
 * The indicator grid. The header row is written left to right; each indicator's row writes its
 * cells in the order listed, the merged ones after all the rows.
 */
export const GRID: readonly GridColumn[] = [
  {
    cols: "K",
    header: { words: "deviationReason" },
    show: "deviationReason",
    style: "text",
    mark: "deviationReason",
    when: "monitored",
  },
  { cols: "H", header: { text: "完成值" }, show: "actual", style: "value", mark: "actual", when: "monitored" },
  { cols: "I", header: { text: "偏差" }, show: "deviation", style: "value", when: "monitored" },
  { cols: "J", header: { text: "得分" }, show: "score", style: "value", when: "monitored" },
  { cols: "A", header: { text: "一级指标" }, show: "level1", style: "value", merge: true },
  { cols: "B", header: { text: "二级指标" }, show: "level2", style: "value", mark: "level2", merge: true },
  { cols: "C", header: { text: "三级指标" }, show: "name", style: "value", mark: "name" },
  { cols: "D:E", header: { text: "绩效指标描述" }, show: "description", style: "text" },
  { cols: "F", header: { text: "指标值" }, show: "target", style: "value", mark: "target" },
  { cols: "G", header: { text: "指标值确定依据" }, show: "basis", style: "value" },
];

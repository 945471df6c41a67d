import type { CellStyle } from "../plan/write-plan";

/**
 * The official block of the seed (SPEC §6) on a 7-column grid, A–G. The Word original splits
 * its rows unevenly; these merges reproduce its cells:
 *   项目编码 | code (B:C) | 项目名称 | name (E:G)
 *   预算规模及资金用途 | 预算数 | v | 其中：财政资金 | v | 其他资金 | v   (then the use, B:G)
 *   资金支出计划（%） | 3月底 | 6月底 | 10月底 (D:E) | 12月底 (F:G)
 *   一级指标 | 二级指标 | 三级指标 | 绩效指标描述 (D:E) | 指标值 | 指标值确定依据
 */
export const TABLE_COLUMNS = 7;

/** Characters; the sum (~100) prints one page wide on A4 portrait at about 75%. */
export const COLUMN_WIDTHS = [12, 14, 20, 13, 13, 16, 14] as const;

/** Printable height of an A4 portrait page in points, less margins, at the table's scale. */
export const PAGE_HEIGHT = 740;
/** The same for A4 landscape, used when the monitoring columns are added. */
export const PAGE_HEIGHT_LANDSCAPE = 500;

/** Monitoring columns, after G, when actual values exist. */
export const MONITORING_WIDTHS = [14, 10, 9] as const;

export const STYLES = {
  title: { bold: true, fontSize: 14, horizontal: "center", vertical: "middle" },
  unit: { horizontal: "left", vertical: "middle" },
  unitNote: { horizontal: "right", vertical: "middle" },
  label: { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true, fill: "F2F2F2" },
  value: { horizontal: "center", vertical: "middle", wrap: true, border: true },
  text: { horizontal: "left", vertical: "middle", wrap: true, border: true },
  note: { fontSize: 9, fontColor: "808080" },
} as const satisfies Record<string, CellStyle>;

/** Fills of cells whose source has a finding: Excel's light red and yellow presets. */
export const FINDING_FILL = { error: "FFC7CE", warning: "FFEB9C" } as const;

import type { CellStyle } from "../model/write-plan";

/**
 * The official block of the seed (docs/writing.md) on a 7-column grid, A–G; its rows, cells,
 * merges and styles are data in template.ts.
 */
export const TABLE_COLUMNS = 7;

/**
 * Characters. Wide enough that Excel's fit-to-width scale (84% with the findings column) leaves
 * room for two blocks of ten indicators on an A4 portrait page.
 */
export const COLUMN_WIDTHS = [13, 15, 21, 13, 13, 17, 15] as const;

/**
 * The official columns when the monitoring columns follow them (landscape). Wider where the
 * sample's texts wrap (服务对象满意度指标, 阻断传染源，控制疫情蔓延, 其中：财政资金), so a block's rows
 * keep to one line; the wider table prints at a smaller scale (74%), and two blocks fit a page.
 */
export const MONITORED_COLUMN_WIDTHS = [13, 19, 25, 15, 13, 17, 15] as const;

/** Right of the table: the findings-sheet numbers of a row's findings ("→3、5"). */
export const FINDING_REF_WIDTH = 9;
/** In the monitoring columns: the staff's 偏差原因, and the reason of the light beside it. */
export const DEVIATION_REASON_WIDTH = 20;

/** A4 in points, less Excel's default margins (0.7" left and right, 0.75" top and bottom). */
const PRINTABLE = {
  portrait: { width: 595.3 - 100.8, height: 841.9 - 108 },
  landscape: { width: 841.9 - 100.8, height: 595.3 - 108 },
} as const;
/** Excel's row heights and widths on paper differ a little from the screen's: keep this much spare. */
const SPARE = 0.97;

/**
 * Points of rows that fit on one printed page of a table `widths` characters wide, scaled to one
 * page wide as Excel does it: a column of w characters is 7w + 5 pixels (Calibri 11), the scale a
 * whole percent, never above 100%.
 */
export function pageCapacity(widths: readonly number[], orientation: "portrait" | "landscape"): number {
  const points = widths.reduce((sum, w) => sum + Math.round(w * 7) + 5, 0) * 0.75;
  const page = PRINTABLE[orientation];
  const scale = Math.min(100, Math.floor((page.width / points) * 100)) / 100;
  return (page.height / scale) * SPARE;
}

/** Monitoring columns, after G, when actual values exist. */
export const MONITORING_WIDTHS = [16, 13, 9] as const;

export const STYLES = {
  title: { bold: true, fontSize: 14, horizontal: "center", vertical: "middle" },
  unit: { horizontal: "left", vertical: "middle" },
  unitNote: { horizontal: "right", vertical: "middle" },
  label: { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true, fill: "F2F2F2" },
  value: { horizontal: "center", vertical: "middle", wrap: true, border: true },
  text: { horizontal: "left", vertical: "middle", wrap: true, border: true },
  note: { fontSize: 9, fontColor: "808080" },
  ref: { fontSize: 9, fontColor: "C00000", horizontal: "left", vertical: "middle" },
  legend: { fontSize: 9, horizontal: "left", vertical: "top", wrap: true },
} as const satisfies Record<string, CellStyle>;


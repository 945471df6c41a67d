import ExcelJS from "exceljs";
import type { Seed, SeedProject } from "./seed";

/**
 * Lays the seed out the way staff keep it (docs/layouts.md): a project list, a flat indicator list and
 * the department goals, each below title rows, with the merged project and level-1 cells and
 * percent-formatted plan cells that real workbooks have; or the seed's own standard form, block
 * after block. Variants (renamed, reordered, spacer columns …) are built from the same parts.
 */
export type LayoutOptions = {
  /** Title rows above the header. */
  titleRows?: number;
  /** Merge the project and level-1 cells of consecutive rows, as Word-pasted tables do. */
  merge?: boolean;
  /** Add a 分值 column (weights that add up to 90 per project). */
  weights?: boolean;
  /** Header text per column key, replacing the default (renamed columns, English headers). */
  headers?: Partial<Record<string, string>>;
  /** Column keys in the order to write them (reordered or left-out columns). */
  order?: readonly string[];
  /** A blank spacer column is inserted before each of these 0-based positions of `order`. */
  spacers?: readonly number[];
  /** Worksheet to write into (several tables stacked in one sheet); a new one otherwise. */
  into?: ExcelJS.Worksheet;
};

type Cell = string | number | null;
type Column<T> = { key: string; header: string; value: (item: T) => Cell; numFmt?: string };

const PROJECT_COLUMNS: Column<SeedProject>[] = [
  { key: "unit", header: "单位", value: (p) => p.unit },
  { key: "code", header: "项目编码", value: (p) => p.code },
  { key: "name", header: "项目名称", value: (p) => p.name },
  { key: "budget", header: "预算数（万元）", value: (p) => p.budget, numFmt: "0.00" },
  { key: "fiscal", header: "其中：财政资金", value: (p) => p.fiscal },
  { key: "other", header: "其他资金", value: (p) => p.other },
  { key: "use", header: "资金用途", value: (p) => p.use },
  ...([0, 1, 2, 3] as const).map((i) => ({
    key: `plan${i}`,
    header: ["3月底", "6月底", "10月底", "12月底"][i] ?? "",
    value: (p: SeedProject) => p.plan[i] / 100,
    numFmt: "0%",
  })),
  { key: "goals", header: "绩效目标", value: (p) => p.goals },
];

type Row = { p: SeedProject; ind: SeedProject["indicators"][number]; weight: number };

const INDICATOR_COLUMNS: Column<Row>[] = [
  { key: "code", header: "项目编码", value: (r) => r.p.code },
  { key: "project", header: "项目名称", value: (r) => r.p.name },
  { key: "level1", header: "一级指标", value: (r) => r.ind.level1 },
  { key: "level2", header: "二级指标", value: (r) => r.ind.level2 },
  { key: "name", header: "三级指标", value: (r) => r.ind.name },
  { key: "description", header: "绩效指标描述", value: (r) => r.ind.description },
  { key: "target", header: "指标值", value: (r) => r.ind.targetRaw },
  { key: "basis", header: "指标值确定依据", value: (r) => r.ind.basis },
  { key: "weight", header: "分值", value: (r) => r.weight },
];

function titles(ws: ExcelJS.Worksheet, lines: string[], count: number): void {
  for (let i = 0; i < count; i++) ws.addRow([lines[i] ?? ""]);
}

/** Columns in the asked order with the asked headers, and the sheet column (1-based) of each. */
function layout<T>(
  all: Column<T>[],
  opts: LayoutOptions,
  defaultOrder: readonly string[],
): { col: Column<T>; at: number }[] {
  const order = opts.order ?? defaultOrder;
  const spacers = new Set(opts.spacers ?? []);
  let at = 0;
  return order.map((key, i) => {
    const col = all.find((c) => c.key === key);
    if (!col) throw new Error(`no column ${key}`);
    at += spacers.has(i) ? 2 : 1;
    return { col: { ...col, header: opts.headers?.[key] ?? col.header }, at };
  });
}

/** Writes the header and one row per item; returns the first and last data row (1-based). */
function writeTable<T>(
  ws: ExcelJS.Worksheet,
  columns: { col: Column<T>; at: number }[],
  items: readonly T[],
): [number, number] {
  const header = ws.addRow([]);
  for (const { col, at } of columns) header.getCell(at).value = col.header;
  const first = ws.rowCount + 1;
  for (const item of items) {
    const row = ws.addRow([]);
    for (const { col, at } of columns) {
      const cell = row.getCell(at);
      cell.value = col.value(item);
      if (col.numFmt) cell.numFmt = col.numFmt;
    }
  }
  return [first, ws.rowCount];
}

export function addProjectList(
  wb: ExcelJS.Workbook,
  projects: readonly SeedProject[],
  name = "项目清单",
  opts: LayoutOptions = {},
): ExcelJS.Worksheet {
  const ws = opts.into ?? wb.addWorksheet(name);
  titles(ws, ["2021年项目支出预算及绩效目标", "单位：万元"], opts.titleRows ?? 2);
  writeTable(
    ws,
    layout(
      PROJECT_COLUMNS,
      opts,
      PROJECT_COLUMNS.map((c) => c.key),
    ),
    projects,
  );
  return ws;
}

/** Merges each run of equal values in `col` over rows [first, last] (1-based). */
function mergeRuns(
  ws: ExcelJS.Worksheet,
  col: number,
  first: number,
  last: number,
  key: (row: number) => string,
): void {
  let start = first;
  for (let r = first + 1; r <= last + 1; r++) {
    if (r > last || key(r) !== key(start)) {
      if (r - 1 > start) ws.mergeCells(start, col, r - 1, col);
      start = r;
    }
  }
}

const INDICATOR_ORDER = ["code", "project", "level1", "level2", "name", "description", "target", "basis"];

export function addIndicatorList(
  wb: ExcelJS.Workbook,
  projects: readonly SeedProject[],
  name = "绩效指标",
  opts: LayoutOptions = {},
): ExcelJS.Worksheet {
  const ws = opts.into ?? wb.addWorksheet(name);
  titles(ws, ["2021年项目支出绩效指标", "366001唐山市丰润区商务和投资促进局本级"], opts.titleRows ?? 2);
  const rows: Row[] = projects.flatMap((p) => {
    const weights = splitWeights(p.indicators.length);
    return p.indicators.map((ind, i) => ({ p, ind, weight: weights[i] ?? 0 }));
  });
  const order = opts.order ?? (opts.weights ? [...INDICATOR_ORDER, "weight"] : INDICATOR_ORDER);
  const columns = layout(INDICATOR_COLUMNS, { ...opts, order }, order);
  const [first, last] = writeTable(ws, columns, rows);
  if (opts.merge) {
    const keyAt = (row: number) => {
      const r = rows[row - first];
      return r ? `${r.p.code}|${r.ind.level1}` : "";
    };
    const projectAt = (row: number) => keyAt(row).split("|")[0] ?? "";
    for (const { col, at } of columns) {
      if (col.key === "code" || col.key === "project") mergeRuns(ws, at, first, last, projectAt);
      if (col.key === "level1") mergeRuns(ws, at, first, last, keyAt);
    }
  }
  return ws;
}

/** 90 points over n indicators in whole numbers. */
export function splitWeights(n: number): number[] {
  const base = Math.floor(90 / n);
  return Array.from({ length: n }, (_, i) => (i < 90 - base * n ? base + 1 : base));
}

export function addGoalList(
  wb: ExcelJS.Workbook,
  seed: Seed,
  name = "部门整体目标",
  opts: { headers?: [string, string, string, string]; into?: ExcelJS.Worksheet } = {},
): ExcelJS.Worksheet {
  const ws = opts.into ?? wb.addWorksheet(name);
  ws.addRow(["部门整体绩效目标"]);
  ws.addRow(opts.headers ?? ["序号", "部门整体绩效指标", "指标值", "指标说明"]);
  seed.goals.forEach((g, i) => ws.addRow([i + 1, g.name, g.target, g.description]));
  const exports = seed.overallGoals.find((g) => g.name === "出口");
  if (exports) ws.addRow([seed.goals.length + 1, "外贸出口额", `等于${exports.target}`, "全年完成外贸出口额"]);
  return ws;
}

/** The 指标定义 sheet's columns, as the README documents them. */
export const DEFINITION_HEADER = [
  "编号",
  "指标名称",
  "同义词",
  "一级指标",
  "二级指标",
  "计量单位",
  "指标方向",
  "最小值",
  "最大值",
  "必须定量",
  "部门目标",
  "说明",
];

type DefinitionRow = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  number | null,
  number | null,
  string,
  string,
  string,
];

const OUT = "产出指标";
const BENEFIT = "效益指标";
/** A cost of this department: a number of money, lower is better, never negative. */
const cost = (id: string, name: string, unit: string, note: string, synonyms = ""): DefinitionRow => [
  id,
  name,
  synonyms,
  OUT,
  "成本指标",
  unit,
  "反向",
  0,
  null,
  "是",
  "",
  note,
];
const qualitative = (id: string, name: string, level1: string, level2: string, synonyms = ""): DefinitionRow => [
  id,
  name,
  synonyms,
  level1,
  level2,
  "",
  "正向",
  null,
  null,
  "否",
  "",
  "定性指标",
];

/**
 * The department's own indicators, written once as a department would: the seed's indicators
 * the built-in library does not know (满意度, 拨付, 外资, 外贸 it does). 隔离点租金 is a daily
 * rent, as tables 2 and 3 state it (≤25000元/天).
 */
export const DEPARTMENT_DEFINITIONS: readonly DefinitionRow[] = [
  ["FR-01", "征用医用隔离点", "征用隔离点", OUT, "数量指标", "家", "正向", 1, null, "是", "", "征用的隔离点个数"],
  qualitative("FR-02", "隔离密切接触人员", OUT, "质量指标"),
  cost("FR-03", "空调单价", "元", "每台空调的采购单价"),
  cost("FR-04", "隔离点租金", "元/天", "每个隔离点每天的租金"),
  cost("FR-05", "采购电器费用", "元", "电器采购总额"),
  cost("FR-06", "项目支出", "元/天", "每天拨付的项目资金"),
  qualitative("FR-07", "阻断传染源，控制疫情蔓延", BENEFIT, "社会效益指标", "阻断传染源，控制疫情发展"),
  qualitative("FR-08", "采用隔离方式，阻断疫情", BENEFIT, "可持续影响指标"),
  ["FR-09", "签约项目个数", "签约项目数", OUT, "数量指标", "个", "正向", 0, null, "是", "签约亿元以上项目", ""],
  qualitative("FR-10", "按计划举办招商推介会", OUT, "质量指标"),
  cost("FR-11", "制作宣传片和招商画册费用", "元", "宣传片和画册制作费"),
  qualitative("FR-12", "促进洽谈项目落地", BENEFIT, "社会效益指标"),
  cost("FR-13", "征用补偿标准", "元/间", "每间每天的征用补偿"),
  cost("FR-14", "年征用补偿标准", "元/半年", "每半年的征用补偿"),
  ["FR-15", "出访团组个数", "", OUT, "数量指标", "个", "正向", 0, null, "是", "", ""],
  cost("FR-16", "因公临时出国（境）差旅", "元", "按唐财外文件标准", "因公临时出国（境）差旅费用"),
  qualitative("FR-17", "出访完成时限", OUT, "时效指标"),
  qualitative("FR-18", "国际交流合作参与方认可度", BENEFIT, "可持续影响指标"),
  qualitative("FR-19", "保质保量完成任务", OUT, "质量指标"),
  ["FR-20", "行政检查", "行政检查次数", OUT, "数量指标", "人次", "正向", 0, null, "是", "", ""],
  cost("FR-21", "购置设备", "元", "执法设备购置", "购置执法设备"),
  qualitative("FR-22", "市场建设", BENEFIT, "社会效益指标"),
];

export function addDefinitionSheet(
  wb: ExcelJS.Workbook,
  rows: readonly (readonly (string | number | null)[])[] = DEPARTMENT_DEFINITIONS,
  name = "指标定义",
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(DEFINITION_HEADER);
  for (const row of rows) ws.addRow([...row]);
  return ws;
}

export type StandardFormOptions = {
  /** Merge as a table pasted from Word does: title, unit line, values, level-1 runs. */
  merge?: boolean;
  /** A blank column after column A, through labels and grid alike. */
  spacer?: boolean;
  /** Labels in a row with their values in the row below, instead of beside them. */
  labelsAbove?: boolean;
  /** Header texts of the grid, replacing 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据. */
  gridHeader?: readonly string[];
};

const GRID_HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"];

/** Writes one project as the seed's block; returns the next free row (1-based). */
function addBlock(ws: ExcelJS.Worksheet, p: SeedProject, start: number, opts: StandardFormOptions): number {
  const col = (c: number) => (opts.spacer && c >= 2 ? c + 1 : c);
  const put = (r: number, c: number, v: Cell, to?: number, down = 0) => {
    ws.getCell(r, col(c)).value = v;
    const right = to === undefined ? col(c) : col(to);
    if (opts.merge && (right > col(c) || down > 0)) ws.mergeCells(r, col(c), r + down, right);
  };
  let r = start;
  put(r++, 1, `${p.table}.${p.title}`, 7);
  put(r, 1, p.unit, 4);
  put(r++, 5, "单位：万元", 7);
  if (opts.labelsAbove) {
    ["项目编码", "项目名称", "预算数", "其中：财政资金", "其他资金", "资金用途"].forEach((h, i) => put(r, i + 1, h));
    [p.code, p.name, p.budget, p.fiscal, p.other, p.use].forEach((v, i) => put(r + 1, i + 1, v));
    r += 2;
  } else {
    put(r, 1, "项目编码");
    put(r, 2, p.code, 3);
    put(r, 4, "项目名称");
    put(r++, 5, p.name, 7);
    put(r, 1, "预算规模及资金用途", undefined, 1);
    put(r, 2, "预算数");
    put(r, 3, p.budget);
    put(r, 4, "其中：财政    资金");
    put(r, 5, p.fiscal);
    put(r++, 6, "其他资金");
    put(r++, 2, p.use, 7);
  }
  put(r, 1, "资金支出计划（%）", undefined, opts.labelsAbove ? 0 : 1);
  ["3月底", "6月底", "10月底", "12月底"].forEach((h, i) => put(r, i + 2, h, i === 3 ? 7 : undefined));
  p.plan.forEach((v, i) => put(r + 1, i + 2, `${v}%`, i === 3 ? 7 : undefined));
  r += 2;
  put(r, 1, "绩效目标");
  put(r++, 2, p.goals, 7);
  r++; // the blank line before the grid
  (opts.gridHeader ?? GRID_HEADER).forEach((h, i) => put(r, i + 1, h));
  r++;
  const first = r;
  for (const ind of p.indicators) {
    [ind.level1, ind.level2, ind.name, ind.description, ind.targetRaw, ind.basis].forEach((v, i) => put(r, i + 1, v));
    r++;
  }
  if (opts.merge) mergeRuns(ws, col(1), first, r - 1, (row) => p.indicators[row - first]?.level1 ?? "");
  return r + 2;
}

/** The seed's own layout: one block per project, stacked in `sheet` (created when missing). */
export function addStandardForms(
  wb: ExcelJS.Workbook,
  projects: readonly SeedProject[],
  name = "项目绩效目标",
  opts: StandardFormOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name) ?? wb.addWorksheet(name);
  let row = ws.rowCount + 1;
  for (const p of projects) row = addBlock(ws, p, row, opts);
  return ws;
}

/** Display width of a text in Excel's column units: a Han character is about two digits wide. */
const displayWidth = (text: string): number =>
  Math.max(
    0,
    ...text.split("\n").map((line) => [...line].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1.1), 0)),
  );

/**
 * Dresses the sample as a clerk's sheet looks: columns wide enough (up to a limit, then wrapped),
 * the header row bold, merged cells centred. Presentation only: no value changes.
 */
export function dress(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    // The header is the first row with several cells; the title rows above it keep their look.
    const header = [...Array(Math.min(ws.rowCount, 8)).keys()]
      .map((i) => i + 1)
      .find((r) => ws.getRow(r).actualCellCount >= 3);
    if (header === undefined) continue;
    const widths = new Map<number, number>();
    ws.eachRow((row, r) => {
      if (r < header) return;
      row.eachCell((cell, c) => {
        // Wrapped only where merged: neither Excel nor LibreOffice grows a saved row to fit.
        if (r > header)
          cell.alignment = cell.isMerged
            ? { vertical: "middle", horizontal: "center", wrapText: true }
            : { vertical: "middle" };
        const text = cell.isMerged && cell.master !== cell ? "" : String(cell.text ?? "");
        widths.set(c, Math.max(widths.get(c) ?? 8, displayWidth(text) + 2));
      });
    });
    for (const [c, width] of widths) ws.getColumn(c).width = Math.min(width, 24);
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
    ws.getRow(header).eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    });
  }
}

/** The sample workbook shipped in samples/ and used by `npm run demo`. */
export function buildSampleWorkbook(seed: Seed, opts: { definitions?: boolean } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "check-targets sample";
  // Fixed dates keep the committed sample byte-stable across rebuilds.
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  addProjectList(wb, seed.projects);
  addIndicatorList(wb, seed.projects, "绩效指标", { merge: true });
  addGoalList(wb, seed);
  if (opts.definitions ?? true) addDefinitionSheet(wb);
  dress(wb);
  return wb;
}

import ExcelJS from "exceljs";
import type { Seed, SeedProject } from "./seed";

/**
 * Lays the seed out the way staff keep it (SPEC §4): a project list, a flat indicator list and
 * the department goals, each below title rows, with the merged project and level-1 cells and
 * percent-formatted plan cells that real workbooks have.
 */
export type LayoutOptions = {
  /** Title rows above the header. */
  titleRows?: number;
  /** Merge the project and level-1 cells of consecutive rows, as Word-pasted tables do. */
  merge?: boolean;
  /** Add a 分值 column (weights that add up to 90 per project). */
  weights?: boolean;
};

const PROJECT_HEADER = [
  "单位",
  "项目编码",
  "项目名称",
  "预算数（万元）",
  "其中：财政资金",
  "其他资金",
  "资金用途",
  "3月底",
  "6月底",
  "10月底",
  "12月底",
  "绩效目标",
];
const INDICATOR_HEADER = [
  "项目编码",
  "项目名称",
  "一级指标",
  "二级指标",
  "三级指标",
  "绩效指标描述",
  "指标值",
  "指标值确定依据",
];

function titles(ws: ExcelJS.Worksheet, lines: string[], count: number): void {
  for (let i = 0; i < count; i++) ws.addRow([lines[i] ?? ""]);
}

export function addProjectList(
  wb: ExcelJS.Workbook,
  projects: readonly SeedProject[],
  name = "项目清单",
  opts: LayoutOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  titles(ws, ["2021年项目支出预算及绩效目标", "单位：万元"], opts.titleRows ?? 2);
  ws.addRow(PROJECT_HEADER);
  for (const p of projects) {
    const row = ws.addRow([
      p.unit,
      p.code,
      p.name,
      p.budget,
      p.fiscal,
      p.other,
      p.use,
      ...p.plan.map((v) => v / 100),
      p.goals,
    ]);
    for (let c = 8; c <= 11; c++) row.getCell(c).numFmt = "0%";
    row.getCell(4).numFmt = "0.00";
  }
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

export function addIndicatorList(
  wb: ExcelJS.Workbook,
  projects: readonly SeedProject[],
  name = "绩效指标",
  opts: LayoutOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  titles(ws, ["2021年项目支出绩效指标", "366001唐山市丰润区商务和投资促进局本级"], opts.titleRows ?? 2);
  const header = opts.weights ? [...INDICATOR_HEADER, "分值"] : INDICATOR_HEADER;
  ws.addRow(header);
  const first = ws.rowCount + 1;
  const keys: string[] = [];
  for (const p of projects) {
    const weights = opts.weights ? splitWeights(p.indicators.length) : [];
    p.indicators.forEach((ind, i) => {
      const values = [p.code, p.name, ind.level1, ind.level2, ind.name, ind.description, ind.targetRaw, ind.basis];
      ws.addRow(opts.weights ? [...values, weights[i] ?? 0] : values);
      keys.push(`${p.code}|${ind.level1}`);
    });
  }
  const last = ws.rowCount;
  if (opts.merge) {
    const keyAt = (row: number) => keys[row - first] ?? "";
    const projectAt = (row: number) => keyAt(row).split("|")[0] ?? "";
    mergeRuns(ws, 1, first, last, projectAt);
    mergeRuns(ws, 2, first, last, projectAt);
    mergeRuns(ws, 3, first, last, keyAt);
  }
  return ws;
}

/** 90 points over n indicators in whole numbers. */
export function splitWeights(n: number): number[] {
  const base = Math.floor(90 / n);
  return Array.from({ length: n }, (_, i) => (i < 90 - base * n ? base + 1 : base));
}

export function addGoalList(wb: ExcelJS.Workbook, seed: Seed, name = "部门整体目标"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(["部门整体绩效目标"]);
  ws.addRow(["序号", "部门整体绩效指标", "指标值", "指标说明"]);
  seed.goals.forEach((g, i) => ws.addRow([i + 1, g.name, g.target, g.description]));
  const exports = seed.overallGoals.find((g) => g.name === "出口");
  if (exports) ws.addRow([seed.goals.length + 1, "外贸出口额", `等于${exports.target}`, "全年完成外贸出口额"]);
  return ws;
}

/** The sample workbook shipped in samples/ and used by `npm run demo`. */
export function buildSampleWorkbook(seed: Seed): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "check-targets sample";
  // Fixed dates keep the committed sample byte-stable across rebuilds.
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  addProjectList(wb, seed.projects);
  addIndicatorList(wb, seed.projects, "绩效指标", { merge: true });
  addGoalList(wb, seed);
  return wb;
}

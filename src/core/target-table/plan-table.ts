import type { Finding, Severity } from "../model/finding";
import type { TrafficLight } from "../model/report";
import { formatDeviation, type Deviation } from "../monitoring/deviation";
import { indicatorsByProject } from "../model/group";
import type { Indicator, Project } from "../model/project";
import { OWNED } from "../owned";
import { FLAG_FILL, LIGHT_FILL } from "../palette";
import type { CellStyle, PlannedCell, PlannedValue, SheetPlan } from "../model/write-plan";
import { columnLetters, toA1 } from "../sheets/address";
import type { WorkbookModel } from "../sheets/read-workbook";
import {
  COLUMN_WIDTHS,
  DEVIATION_REASON_WIDTH,
  FINDING_REF_WIDTH,
  MONITORED_COLUMN_WIDTHS,
  MONITORING_WIDTHS,
  pageCapacity,
  STYLES,
  TABLE_COLUMNS,
} from "./layout";
import { DEFAULT_ROW_HEIGHT, heightFor, wrappedLines } from "../sheets/row-height";
import { numberFindings, numbersByCell } from "../findings-sheet/order";
import type { Locale } from "../messages/catalogue";
import { sheetWords, type SheetWords } from "../messages/sheet-words";

/** Widths of the official columns, then the monitoring ones with 偏差原因 (when actuals exist), then the finding numbers. */
const widthsOf = (monitored: boolean): readonly number[] =>
  monitored
    ? [...MONITORED_COLUMN_WIDTHS, ...MONITORING_WIDTHS, DEVIATION_REASON_WIDTH, FINDING_REF_WIDTH]
    : [...COLUMN_WIDTHS, FINDING_REF_WIDTH];
const PLAN_LABELS = ["3月底", "6月底", "10月底", "12月底"] as const;
/** Column spans of the four plan cells and of the grid's six columns on the 7-column grid. */
const PLAN_SPANS = [
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 6],
] as const;
const GRID_SPANS = [
  [0, 0],
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 5],
  [6, 6],
] as const;

/**
 * One value object per distinct text, shared by every cell that shows it: a list of 100,000 rows
 * plans some 1.7 million cells, most of them blank or repeating a label or a category.
 */
class Texts {
  private readonly known = new Map<string, PlannedValue>();

  of(t: string): PlannedValue {
    let value = this.known.get(t);
    if (value === undefined) {
      value = { kind: "text", text: t };
      this.known.set(t, value);
    }
    return value;
  }
}

/** The table's fixed words, shared by every table planned. */
const FIXED = new Texts();
const fixed = (t: string): PlannedValue => FIXED.of(t);
const BLANK = fixed("");
const money = (n: number | null): PlannedValue => (n === null ? BLANK : { kind: "number", value: n, format: "0.00" });

/** Accumulates cells and merges row by row; rows are 1-based like A1 addresses. */
class Sheet {
  constructor(
    readonly widths: readonly number[],
    /** The findings-sheet numbers of the errors and warnings at each source cell. */
    private readonly numbers: Map<string, Map<string, number[]>>,
  ) {}

  readonly cells: PlannedCell[] = [];
  /** The findings-sheet numbers each row refers to, shown right of the table. */
  readonly refs = new Map<number, Set<number>>();
  readonly merges: string[] = [];
  /** Height each row needs: explicit, or from the lines of its wrapped text. */
  readonly heights = new Map<number, number>();
  private readonly texts = new Texts();
  row = 0;

  /** A text value, shared with every other cell of this table that shows the same text. */
  text(t: string): PlannedValue {
    return this.texts.of(t);
  }

  put(col: number, value: PlannedValue, style: CellStyle, toCol = col, toRow = this.row): void {
    const at = toA1(this.row - 1, col);
    this.cells.push({ address: at, value, style });
    // Bordered merges need the border on every cell of the area, or the outline breaks.
    for (let r = this.row; r <= toRow; r++) {
      for (let c = col; c <= toCol; c++) {
        if (r !== this.row || c !== col) this.cells.push({ address: toA1(r - 1, c), value: BLANK, style });
      }
    }
    if (toCol !== col || toRow !== this.row) this.merges.push(`${at}:${toA1(toRow - 1, toCol)}`);
    if (value.kind === "text" && style.wrap) {
      let width = 0;
      for (let c = col; c <= toCol; c++) width += this.widths[c] ?? 10;
      const perRow = Math.ceil(wrappedLines(value.text, width) / (toRow - this.row + 1));
      this.need(this.row, heightFor(perRow));
    }
  }

  need(row: number, height: number): void {
    this.heights.set(row, Math.max(this.heights.get(row) ?? DEFAULT_ROW_HEIGHT, height));
  }

  next(height?: number): number {
    this.row++;
    if (height !== undefined) this.need(this.row, height);
    return this.row;
  }

  heightOf(row: number): number {
    return this.heights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Notes that `row` shows the source cells `refs`: their findings' numbers go beside it. */
  refer(row: number, refs: readonly ({ sheet: string; cell: string } | null | undefined)[]): void {
    for (const ref of refs) {
      const found = ref ? this.numbers.get(ref.sheet)?.get(ref.cell) : undefined;
      if (found === undefined) continue;
      let set = this.refs.get(row);
      if (set === undefined) this.refs.set(row, (set = new Set()));
      for (const n of found) set.add(n);
    }
  }
}

/** The worst severity of the findings at each source cell, by sheet, then cell ("A1"). */
type Marks = Map<string, Map<string, Severity>>;

function severityAt(findings: readonly Finding[]): Marks {
  const rank = { info: 0, warning: 1, error: 2 } as const;
  const at: Marks = new Map();
  for (const f of findings) {
    let sheet = at.get(f.sheet);
    if (sheet === undefined) at.set(f.sheet, (sheet = new Map()));
    const known = sheet.get(f.cell);
    if (known === undefined || rank[f.severity] > rank[known]) sheet.set(f.cell, f.severity);
  }
  return at;
}

/** The marked variants of each style, made once: cells share their style objects. */
const MARKED = new Map<CellStyle, Record<"error" | "warning", CellStyle>>();

function marked(style: CellStyle, severity: Severity | undefined): CellStyle {
  if (severity === undefined || severity === "info") return style;
  let variants = MARKED.get(style);
  if (variants === undefined) {
    variants = { error: { ...style, fill: FLAG_FILL.error }, warning: { ...style, fill: FLAG_FILL.warning } };
    MARKED.set(style, variants);
  }
  return variants[severity];
}

/** Merges each run of equal values in a grid column, as the official form merges 一级/二级 cells. */
function runs(values: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && values[last.start] === v && v !== "") last.end = i;
    else out.push({ start: i, end: i });
  });
  return out;
}

/** What the monitoring columns show for one project, from the report. */
export type BlockMonitoring = {
  light: TrafficLight;
  /** The light's reason in words. */
  lightReason?: string | null;
  score: number | null;
  /** 预计得分 before the fiscal year ends, 自评得分 after; the grade beside it. */
  scoreKind?: "projected" | "final";
  grade?: string | null;
  /** 预算执行率 (0–1) as scored, against the adjusted budget where given. */
  executionRate?: number | null;
  indicators: readonly { score: number | null; deviation: Deviation | null }[];
};

const LIGHT_WORDS: Readonly<Record<TrafficLight, string>> = { red: "红灯", amber: "黄灯", green: "绿灯", blue: "蓝灯" };
const LIGHT_LABEL = Object.fromEntries(
  Object.entries(LIGHT_FILL).map(([light, fill]) => [light, { ...STYLES.label, fill }]),
) as Record<TrafficLight, CellStyle>;

const points = (n: number | null): PlannedValue => (n === null ? BLANK : { kind: "number", value: n, format: "0.00" });

/** The source cells of a project's own values and, when given, of its indicators. */
function projectRefs(project: Project, indicators: readonly Indicator[]): ({ sheet: string; cell: string } | null)[] {
  const { plan, ...cells } = project.cells;
  return [...Object.values(cells), ...(plan ?? []), ...indicators.flatMap((i) => Object.values(i.cells))];
}

/** Where one project's block goes, and what it marks: the parts below each write a few rows of it. */
type Block = {
  s: Sheet;
  project: Project;
  indicators: readonly Indicator[];
  monitoring: BlockMonitoring | null;
  words: SheetWords;
  /** The official block spans A–G (0…last); the monitoring columns H–J follow it (m…right). */
  last: number;
  m: number;
  right: number;
  /** 偏差原因, right of the monitoring columns, beside the light its reason. */
  reasonCol: number;
  mark: (ref: { sheet: string; cell: string } | null) => Severity | undefined;
};

function projectBlock(
  s: Sheet,
  index: number,
  project: Project,
  indicators: readonly Indicator[],
  marks: Marks,
  monitoring: BlockMonitoring | null,
  words: SheetWords,
): void {
  const last = TABLE_COLUMNS - 1;
  const right = monitoring === null ? last : last + MONITORING_WIDTHS.length;
  const b: Block = {
    s,
    project,
    indicators,
    monitoring,
    words,
    last,
    m: last + 1,
    right,
    reasonCol: right + 1,
    mark: (ref) => (ref === null ? undefined : marks.get(ref.sheet)?.get(ref.cell)),
  };
  titleRows(b, index);
  identityRow(b);
  budgetRows(b);
  planRows(b);
  goalsRow(b);
  indicatorGrid(b);
  s.next(8);
}

/** The block's title, the unit and, when monitored, the light and its reason. */
function titleRows({ s, project, indicators, monitoring, words, last, m, right, reasonCol }: Block, index: number): void {
  s.next(24);
  s.put(0, s.text(`${index}.${project.name}绩效目标表`), STYLES.title, right);
  s.next();
  s.put(0, s.text(project.unit ?? ""), STYLES.unit, 4);
  s.put(5, fixed("单位：万元"), STYLES.unitNote, last);
  if (monitoring) s.put(m, fixed(`监控：${LIGHT_WORDS[monitoring.light]}`), LIGHT_LABEL[monitoring.light], right);
  if (monitoring) s.put(reasonCol, s.text(words.table.lightReason[monitoring.light]), STYLES.text);
  // The light's reason: every finding of the project, numbered beside it.
  s.refer(s.row, monitoring ? projectRefs(project, indicators) : []);
}

/** 项目编码 and 项目名称; the score and grade when monitored. */
function identityRow({ s, project, monitoring, last, m, mark }: Block): void {
  s.next();
  s.refer(s.row, monitoring ? [] : projectRefs(project, []));
  s.put(0, fixed("项目编码"), STYLES.label);
  s.put(1, s.text(project.code ?? ""), marked(STYLES.value, mark(project.cells.code)), 2);
  s.put(3, fixed("项目名称"), STYLES.label);
  s.put(4, s.text(project.name), STYLES.value, last);
  if (monitoring) {
    s.put(m, fixed(monitoring.scoreKind === "projected" ? "预计得分" : "自评得分"), STYLES.label);
    s.put(m + 1, points(monitoring.score), STYLES.value);
    s.put(m + 2, s.text(monitoring.grade ?? ""), STYLES.value);
  }
}

/** 预算规模及资金用途: the amounts, the use of the funds; 已支出 and the light's reason when monitored. */
function budgetRows({ s, project, monitoring, last, m, right, mark }: Block): void {
  s.next();
  s.put(0, fixed("预算规模及资金用途"), STYLES.label, 0, s.row + 1);
  s.put(1, fixed("预算数"), STYLES.label);
  s.put(2, money(project.budget), marked(STYLES.value, mark(project.cells.budget)));
  s.put(3, fixed("其中：财政资金"), STYLES.label);
  s.put(4, money(project.fiscal), STYLES.value);
  s.put(5, fixed("其他资金"), STYLES.label);
  s.put(6, money(project.other), STYLES.value);
  if (monitoring) {
    s.put(m, fixed("已支出"), STYLES.label);
    s.put(m + 1, money(project.spent), marked(STYLES.value, mark(project.cells.spent)), right);
  }
  s.next();
  s.put(1, s.text(project.use ?? ""), STYLES.text, last);
  if (monitoring) s.put(m, s.text(monitoring.lightReason ?? ""), STYLES.text, right);
}

/** 资金支出计划 at its four checkpoints; 预算执行率 when monitored. */
function planRows({ s, project, monitoring, m, right, mark }: Block): void {
  s.next();
  // The line breaks before the parenthesis, never inside it.
  s.put(0, fixed("资金支出计划\n（%）"), STYLES.label, 0, s.row + 1);
  PLAN_SPANS.forEach(([from, to], i) => s.put(from, fixed(PLAN_LABELS[i] ?? ""), STYLES.label, to));
  if (monitoring) s.put(m, fixed("预算执行率"), STYLES.label, right);
  s.next();
  if (monitoring) {
    const rate =
      monitoring.executionRate !== undefined
        ? monitoring.executionRate
        : project.spent === null || !project.budget
          ? null
          : project.spent / project.budget;
    s.put(m, rate === null ? BLANK : { kind: "number", value: rate, format: "0.0%" }, STYLES.value, right);
  }
  PLAN_SPANS.forEach(([from, to], i) => {
    const v = project.plan?.[i] ?? null;
    const cell = project.cells.plan?.[i] ?? null;
    s.put(
      from,
      v === null ? BLANK : { kind: "number", value: v / 100, format: "0%" },
      marked(STYLES.value, mark(cell)),
      to,
    );
  });
}

function goalsRow({ s, project, monitoring, last, m, right }: Block): void {
  s.next(30);
  s.put(0, fixed("绩效目标"), STYLES.label);
  s.put(1, s.text(project.goals ?? ""), STYLES.text, last);
  if (monitoring) s.put(m, BLANK, STYLES.value, right);
}

/** The indicator grid: one row per indicator, levels 1 and 2 merged over their runs. */
function indicatorGrid({ s, indicators, monitoring, words, m, reasonCol, mark }: Block): void {
  s.next();
  ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"].forEach((h, i) => {
    const [from, to] = GRID_SPANS[i] ?? [i, i];
    s.put(from, fixed(h), STYLES.label, to);
  });
  if (monitoring) ["完成值", "偏差", "得分"].forEach((h, i) => s.put(m + i, fixed(h), STYLES.label));
  if (monitoring) s.put(reasonCol, fixed(words.table.deviationReason), STYLES.label);
  const first = s.row + 1;
  for (const [k, ind] of indicators.entries()) {
    s.next();
    s.refer(s.row, Object.values(ind.cells));
    if (monitoring) {
      const reason = ind.deviationReason ?? "";
      s.put(reasonCol, s.text(reason), marked(STYLES.text, mark(ind.cells.deviationReason)));
    }
    if (monitoring) {
      const scored = monitoring.indicators[k];
      s.put(m, s.text(ind.actualText ?? ""), marked(STYLES.value, mark(ind.cells.actual)));
      const deviation = scored?.deviation ?? null;
      s.put(m + 1, deviation === null ? BLANK : s.text(formatDeviation(deviation)), STYLES.value);
      s.put(m + 2, points(scored?.score ?? null), STYLES.value);
    }
    const values = [ind.level1, ind.level2, ind.name, ind.description, ind.targetText.trim(), ind.basis];
    values.forEach((v, i) => {
      const [from, to] = GRID_SPANS[i] ?? [i, i];
      const sev =
        i === 4
          ? mark(ind.cells.target)
          : i === 1
            ? mark(ind.cells.level2)
            : i === 2
              ? mark(ind.cells.name)
              : undefined;
      // Level 1 and 2 are written once per merged run below.
      if (i > 1) s.put(from, s.text(v), marked(i === 3 ? STYLES.text : STYLES.value, sev), to);
    });
  }
  for (const level of [0, 1] as const) {
    const keyOf = (ind: Indicator) => (level === 0 ? ind.level1 : `${ind.level1}\u0000${ind.level2}`);
    for (const { start, end } of runs(indicators.map(keyOf))) {
      const ind = indicators[start];
      if (!ind) continue;
      const row = s.row;
      s.row = first + start;
      const sev = level === 1 ? mark(ind.cells.level2) : undefined;
      s.put(level, s.text(level === 0 ? ind.level1 : ind.level2), marked(STYLES.value, sev), level, first + end);
      s.row = row;
    }
  }
}

/**
 * The standard 绩效目标表 (docs/writing.md): one official block per project, in the order of the
 * workbook, findings marked on the cells they concern. Every value is written as text or a
 * number, never as a formula.
 */
export function planTargetTable(
  model: WorkbookModel,
  findings: readonly Finding[],
  sheetName: string = OWNED.tableSheet,
  monitoring: ReadonlyMap<string, BlockMonitoring> | null = null,
  locale: Locale = "zh-CN",
  findingsSheet: string = OWNED.findingsSheet,
): SheetPlan {
  const widths = widthsOf(monitoring !== null);
  const words = sheetWords(locale);
  const s = new Sheet(widths, numbersByCell(numberFindings(findings)));
  const marks = severityAt(findings);
  const byProject = indicatorsByProject(model.indicators);
  // Landscape when the monitoring columns widen the table; the finding numbers are its last column.
  const lastCol = widths.length - 1;
  const orientation = monitoring === null ? "portrait" : "landscape";
  const pageHeight = pageCapacity(widths, orientation);
  // A block starts a new page when it would not fit on the rest of the current one.
  const rowBreaks: number[] = [];
  let used = 0;
  model.projects.forEach((p, i) => {
    const first = s.row + 1;
    projectBlock(s, i + 1, p, byProject.get(p.key) ?? [], marks, monitoring?.get(p.key) ?? null, words);
    let height = 0;
    for (let r = first; r <= s.row; r++) height += s.heightOf(r);
    if (used > 0 && used + height > pageHeight) {
      rowBreaks.push(first - 1);
      used = 0;
    }
    used += height;
  });
  for (const [row, numbers] of s.refs) {
    // The first three, in order: the column is narrow, and the findings sheet lists them all.
    const sorted = [...numbers].sort((a, b) => a - b);
    const shown = words.table.findingRefs(sorted.slice(0, 3)) + (sorted.length > 3 ? "…" : "");
    s.cells.push({ address: toA1(row - 1, lastCol), value: s.text(shown), style: STYLES.ref });
  }
  // A short legend under the last block, on the last page.
  if (model.projects.length > 0) {
    s.next();
    s.put(0, s.text(words.table.legend(findingsSheet)), STYLES.legend, lastCol);
  }
  // The marker sits in a hidden column right of the print area: it tells readers this sheet is ours.
  s.cells.push({
    address: `${columnLetters(lastCol + 1)}1`,
    value: s.text(`${OWNED.marker}table v1 由“检查目标”生成，重新检查时整表替换`),
    style: STYLES.note,
  });
  const lastRow = Math.max(s.row, 1);
  return {
    name: sheetName,
    visibility: "visible",
    cells: s.cells,
    merges: s.merges,
    columnWidths: [
      ...widths.map((width, i) => ({ column: columnLetters(i), width })),
      { column: columnLetters(lastCol + 1), width: 10, hidden: true },
    ],
    rowHeights: [...s.heights].filter(([, h]) => h !== DEFAULT_ROW_HEIGHT).map(([row, height]) => ({ row, height })),
    page: {
      paper: "A4",
      orientation,
      fitToWidth: true,
      printArea: `A1:${columnLetters(lastCol)}${lastRow}`,
      printTitleRows: null,
      rowBreaks,
    },
  };
}

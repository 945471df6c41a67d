import type { Finding, Severity } from "../model/finding";
import type { TrafficLight } from "../model/report";
import { formatDeviation, type Deviation } from "../monitoring/deviation";
import { indicatorsByProject } from "../model/group";
import type { CellRef, Indicator, Project } from "../model/project";
import { OWNED } from "../owned";
import { FLAG_FILL, LIGHT_FILL } from "../palette";
import type { CellStyle, PlannedCell, PlannedValue, SheetPlan } from "../model/write-plan";
import { columnIndex, columnLetters, toA1 } from "../sheets/address";
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
import {
  BLOCK,
  GRID,
  INDICATOR_GRID,
  LIGHT_LABELS,
  type Cols,
  type GridColumn,
  type IndicatorField,
  type ProjectField,
  type ProjectMark,
  type StyleName,
  type TemplateRow,
  type When,
  type Words,
} from "./template";
import { DEFAULT_ROW_HEIGHT, heightFor, wrappedLines } from "../sheets/row-height";
import { numberFindings, numbersByCell } from "../findings-sheet/order";
import type { Locale } from "../messages/catalogue";
import { sheetWords, type SheetWords } from "../messages/sheet-words";

/** Widths of the official columns, then the monitoring ones with 偏差原因 (when actuals exist), then the finding numbers. */
const widthsOf = (monitored: boolean): readonly number[] =>
  monitored
    ? [...MONITORED_COLUMN_WIDTHS, ...MONITORING_WIDTHS, DEVIATION_REASON_WIDTH, FINDING_REF_WIDTH]
    : [...COLUMN_WIDTHS, FINDING_REF_WIDTH];

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
    this.cells.push({ row: this.row - 1, col, value, style });
    // Bordered merges need the border on every cell of the area, or the outline breaks.
    for (let r = this.row; r <= toRow; r++) {
      for (let c = col; c <= toCol; c++) {
        if (r !== this.row || c !== col) this.cells.push({ row: r - 1, col: c, value: BLANK, style });
      }
    }
    if (toCol !== col || toRow !== this.row) this.merges.push(`${toA1(this.row - 1, col)}:${toA1(toRow - 1, toCol)}`);
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

const LIGHT_LABEL = Object.fromEntries(
  Object.entries(LIGHT_FILL).map(([light, fill]) => [light, { ...STYLES.label, fill }]),
) as Record<TrafficLight, CellStyle>;

const points = (n: number | null): PlannedValue => (n === null ? BLANK : { kind: "number", value: n, format: "0.00" });

/** The source cells of a project's own values and, when given, of its indicators. */
function projectRefs(project: Project, indicators: readonly Indicator[]): ({ sheet: string; cell: string } | null)[] {
  const { plan, ...cells } = project.cells;
  return [...Object.values(cells), ...(plan ?? []), ...indicators.flatMap((i) => Object.values(i.cells))];
}

/** Where one project's block goes, and what it marks: the template's rows are written from it. */
type Block = {
  s: Sheet;
  /** The block's number, from 1. */
  index: number;
  project: Project;
  indicators: readonly Indicator[];
  monitoring: BlockMonitoring | null;
  words: SheetWords;
  mark: (ref: CellRef | null) => Severity | undefined;
};

/** Whether a cell or row of the template is in this block's table (template.ts, `When`). */
function applies(when: When | undefined, monitoring: BlockMonitoring | null): boolean {
  switch (when) {
    case undefined:
      return true;
    case "plain":
      return monitoring === null;
    case "monitored":
      return monitoring !== null;
    case "projected":
      return monitoring !== null && monitoring.scoreKind === "projected";
    case "final":
      return monitoring !== null && monitoring.scoreKind !== "projected";
  }
}

const percentOfPlan = (project: Project, i: number): PlannedValue => {
  const v = project.plan?.[i] ?? null;
  return v === null ? BLANK : { kind: "number", value: v / 100, format: "0%" };
};

/** How each project field of the template is written. */
const PROJECT_FIELDS: Readonly<Record<ProjectField, (b: Block) => PlannedValue>> = {
  title: ({ s, index, project }) => s.text(`${index}.${project.name}绩效目标表`),
  unit: ({ s, project }) => s.text(project.unit ?? ""),
  code: ({ s, project }) => s.text(project.code ?? ""),
  name: ({ s, project }) => s.text(project.name),
  budget: ({ project }) => money(project.budget),
  fiscal: ({ project }) => money(project.fiscal),
  other: ({ project }) => money(project.other),
  use: ({ s, project }) => s.text(project.use ?? ""),
  plan1: ({ project }) => percentOfPlan(project, 0),
  plan2: ({ project }) => percentOfPlan(project, 1),
  plan3: ({ project }) => percentOfPlan(project, 2),
  plan4: ({ project }) => percentOfPlan(project, 3),
  goals: ({ s, project }) => s.text(project.goals ?? ""),
  light: ({ monitoring }) => (monitoring === null ? BLANK : fixed(LIGHT_LABELS[monitoring.light])),
  lightMeaning: ({ s, monitoring, words }) =>
    monitoring === null ? BLANK : s.text(words.table.lightReason[monitoring.light]),
  lightReason: ({ s, monitoring }) => s.text(monitoring?.lightReason ?? ""),
  score: ({ monitoring }) => points(monitoring?.score ?? null),
  grade: ({ s, monitoring }) => s.text(monitoring?.grade ?? ""),
  spent: ({ project }) => money(project.spent),
  executionRate: ({ project, monitoring }) => {
    const rate =
      monitoring?.executionRate !== undefined
        ? monitoring.executionRate
        : project.spent === null || !project.budget
          ? null
          : project.spent / project.budget;
    return rate === null ? BLANK : { kind: "number", value: rate, format: "0.0%" };
  },
};

const PROJECT_MARKS: Readonly<Record<ProjectMark, (p: Project) => CellRef | null>> = {
  code: (p) => p.cells.code,
  budget: (p) => p.cells.budget,
  spent: (p) => p.cells.spent,
  plan1: (p) => p.cells.plan?.[0] ?? null,
  plan2: (p) => p.cells.plan?.[1] ?? null,
  plan3: (p) => p.cells.plan?.[2] ?? null,
  plan4: (p) => p.cells.plan?.[3] ?? null,
};

/** The indicator fields that are texts (a merged column must be one: its runs compare texts). */
const INDICATOR_TEXTS = {
  level1: (ind) => ind.level1,
  level2: (ind) => ind.level2,
  name: (ind) => ind.name,
  description: (ind) => ind.description,
  target: (ind) => ind.targetText.trim(),
  basis: (ind) => ind.basis,
  actual: (ind) => ind.actualText ?? "",
  deviationReason: (ind) => ind.deviationReason ?? "",
} as const satisfies Partial<Record<IndicatorField, (ind: Indicator) => string>>;
type TextField = keyof typeof INDICATOR_TEXTS;
const isText = (field: IndicatorField): field is TextField => field in INDICATOR_TEXTS;

/** The other indicator fields, from the monitoring of the indicator's project (`k`: its place there). */
const INDICATOR_VALUES: Readonly<
  Record<Exclude<IndicatorField, TextField>, (ind: Indicator, k: number, b: Block) => PlannedValue>
> = {
  deviation: (_ind, k, { s, monitoring }) => {
    const deviation = monitoring?.indicators[k]?.deviation ?? null;
    return deviation === null ? BLANK : s.text(formatDeviation(deviation));
  },
  score: (_ind, k, { monitoring }) => points(monitoring?.indicators[k]?.score ?? null),
};

/**
 * The template's columns as 0-based indices ("D:E" → 3, 4), checked against the table's width:
 * a cell of every table within A–G, a monitored one within A–K.
 */
function placed(cols: Cols, when: When | undefined): { from: number; to: number } {
  const [first = "", last = first] = cols.split(":");
  const from = columnIndex(first);
  const to = columnIndex(last);
  const width = when === undefined || when === "plain" ? TABLE_COLUMNS : TABLE_COLUMNS + MONITORING_WIDTHS.length + 1;
  if (from > to || to >= width) throw new Error(`绩效目标表 template: ${cols} is outside the table`);
  return { from, to };
}

/** null: the label style in the fill of the project's light. */
const styleOf = (name: StyleName): CellStyle | null => (name === "light" ? null : STYLES[name]);
const wordsOf = (w: Words): ((b: Block) => PlannedValue) => {
  if ("words" in w) return ({ words }) => fixed(words.table[w.words]);
  const value = fixed(w.text);
  return () => value;
};

/** A fixed row of the template, read once: columns as indices, styles, words and fields resolved. */
const placeRow = (row: TemplateRow) => ({
  height: row.height,
  refer: row.refer,
  cells: row.cells.map((c) => ({
    ...placed(c.cols, c.when),
    /** Rows below the first that the cell covers. */
    down: (c.rows ?? 1) - 1,
    style: styleOf(c.style),
    value: "field" in c.show ? PROJECT_FIELDS[c.show.field] : wordsOf(c.show),
    mark: c.mark === undefined ? null : PROJECT_MARKS[c.mark],
    when: c.when,
  })),
});
type PlacedRow = ReturnType<typeof placeRow>;
const PLACED_BLOCK = BLOCK.map((row) => (row === INDICATOR_GRID ? row : placeRow(row)));

const textValue =
  (text: (ind: Indicator) => string) =>
  (ind: Indicator, _k: number, b: Block): PlannedValue =>
    b.s.text(text(ind));
/** A column of the indicator grid, read once. */
const placeColumn = ({ cols, header, show, style, mark, when }: GridColumn) => ({
  ...placed(cols, when),
  header: wordsOf(header),
  style: styleOf(style) ?? STYLES.label,
  value: isText(show) ? textValue(INDICATOR_TEXTS[show]) : INDICATOR_VALUES[show],
  mark: mark ?? null,
  when,
});
/** The header row, left to right. */
const GRID_HEADER = GRID.map(placeColumn).sort((a, b) => a.from - b.from);
/** Each indicator's row, in the template's order; the merged columns are written after the rows. */
const GRID_ROW = GRID.filter((c) => c.merge !== true).map(placeColumn);
const GRID_MERGED = GRID.filter((c) => c.merge === true).map((c) => {
  if (!isText(c.show)) throw new Error(`绩效目标表 template: ${c.cols} merges a field that is not a text`);
  return { ...placeColumn(c), text: INDICATOR_TEXTS[c.show] };
});

function projectBlock(
  s: Sheet,
  index: number,
  project: Project,
  indicators: readonly Indicator[],
  marks: Marks,
  monitoring: BlockMonitoring | null,
  words: SheetWords,
): void {
  const b: Block = {
    s,
    index,
    project,
    indicators,
    monitoring,
    words,
    mark: (ref) => (ref === null ? undefined : marks.get(ref.sheet)?.get(ref.cell)),
  };
  for (const part of PLACED_BLOCK) {
    if (part === INDICATOR_GRID) indicatorGrid(b);
    else fixedRow(b, part);
  }
}

/** One fixed row of the template. */
function fixedRow(b: Block, row: PlacedRow): void {
  const { s, project, monitoring } = b;
  s.next(row.height);
  if (row.refer !== undefined && applies(row.refer.when, monitoring)) {
    s.refer(s.row, projectRefs(project, row.refer.to === "project" ? [] : b.indicators));
  }
  for (const c of row.cells) {
    if (!applies(c.when, monitoring)) continue;
    const style = c.style ?? (monitoring === null ? STYLES.label : LIGHT_LABEL[monitoring.light]);
    const severity = c.mark === null ? undefined : b.mark(c.mark(project));
    s.put(c.from, c.value(b), marked(style, severity), c.to, s.row + c.down);
  }
}

/** The indicator grid: its header, one row per indicator, the merged columns over their runs. */
function indicatorGrid(b: Block): void {
  const { s, indicators, monitoring } = b;
  s.next();
  for (const c of GRID_HEADER) if (applies(c.when, monitoring)) s.put(c.from, c.header(b), STYLES.label, c.to);
  const first = s.row + 1;
  for (const [k, ind] of indicators.entries()) {
    s.next();
    s.refer(s.row, Object.values(ind.cells));
    for (const c of GRID_ROW) {
      if (!applies(c.when, monitoring)) continue;
      const severity = c.mark === null ? undefined : b.mark(ind.cells[c.mark]);
      s.put(c.from, c.value(ind, k, b), marked(c.style, severity), c.to);
    }
  }
  GRID_MERGED.forEach((c, j) => {
    if (!applies(c.when, monitoring)) return;
    // A run agrees on this column and on every merged column before it.
    const keyOf = (ind: Indicator): string => {
      let key = GRID_MERGED[0]?.text(ind) ?? "";
      for (let i = 1; i <= j; i++) key += `\u0000${GRID_MERGED[i]?.text(ind) ?? ""}`;
      return key;
    };
    for (const { start, end } of runs(indicators.map(keyOf))) {
      const ind = indicators[start];
      if (!ind) continue;
      const row = s.row;
      s.row = first + start;
      const severity = c.mark === null ? undefined : b.mark(ind.cells[c.mark]);
      s.put(c.from, s.text(c.text(ind)), marked(c.style, severity), c.to, first + end);
      s.row = row;
    }
  });
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
    s.cells.push({ row: row - 1, col: lastCol, value: s.text(shown), style: STYLES.ref });
  }
  // A short legend under the last block, on the last page.
  if (model.projects.length > 0) {
    s.next();
    s.put(0, s.text(words.table.legend(findingsSheet)), STYLES.legend, lastCol);
  }
  // The marker sits in a hidden column right of the print area: it tells readers this sheet is ours.
  s.cells.push({
    row: 0,
    col: lastCol + 1,
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

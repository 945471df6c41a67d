import type { Finding } from "../model/finding";
import type { Report } from "../model/report";
import type { Locale } from "../messages/catalogue";
import { sheetWords, suggestedFix } from "../messages/sheet-words";
import { OWNED } from "../owned";
import { FLAG_FILL } from "../palette";
import type { CellStyle, PlannedValue, SheetPlan } from "../model/write-plan";
import { columnLetters, toA1 } from "../sheets/address";
import { DEFAULT_ROW_HEIGHT, heightFor, wrappedLines } from "../sheets/row-height";
import { cellLink } from "./link";
import { numberFindings, type NumberedFinding } from "./order";

/** What the findings sheet is made from: the check's findings and its report (same order). */
export type FindingsSource = {
  report: Report;
  findings: readonly Finding[];
  /** Project codes by project key, for the code column. */
  codeOf: (projectKey: string | null) => string | null;
  /** Project names by project key: the findings name a project by code and name, the sheet has a column for each. */
  nameOf: (projectKey: string | null) => string | null;
  locale: Locale;
  checkedOn: string | null;
};

/** The columns, left to right, and their widths in characters. */
const COLUMNS = [
  "number",
  "severity",
  "code",
  "project",
  "indicator",
  "sheet",
  "cell",
  "message",
  "fix",
  "rule",
] as const;
type Column = (typeof COLUMNS)[number];
const WIDTH: Readonly<Record<Column, number>> = {
  number: 6,
  severity: 7,
  code: 22,
  project: 22,
  indicator: 18,
  sheet: 12,
  cell: 8,
  message: 52,
  fix: 20,
  rule: 22,
};
const col = (c: Column): number => COLUMNS.indexOf(c);
const LAST = COLUMNS.length - 1;
/** The marker's column, right of the table, hidden and outside the print area. */
const MARKER_COL = LAST + 1;
/**
 * Notes (infos) the sheet lists at most, after every error and warning. Errors and warnings are
 * never cut: each has its row, however many (docs/findings-sheet.md). Notes only inform, and a
 * list of 100,000 rows may hold as many; beyond this many a last line says how many more the
 * report holds. The pane's write is cut into requests of bounded size (src/excel/write-plan.ts),
 * so a long sheet costs time, not a refused request.
 */
export const FINDINGS_SHEET_INFO_LIMIT = 1_000;

/** The header row of the list (1-based): rows above it say what the sheet is. */
export const HEADER_ROW = 8;

const cellStyle = (extra: CellStyle = {}): CellStyle => ({ vertical: "top", wrap: true, border: true, ...extra });
const STYLE = {
  title: { bold: true, fontSize: 14, vertical: "middle" },
  line: { vertical: "middle", wrap: true },
  header: { bold: true, fill: "F2F2F2", border: true, wrap: true, vertical: "middle", horizontal: "center" },
  text: cellStyle(),
  centred: cellStyle({ horizontal: "center" }),
  link: cellStyle({ horizontal: "center", fontColor: "0563C1" }),
  severity: {
    error: cellStyle({ horizontal: "center", fill: FLAG_FILL.error }),
    warning: cellStyle({ horizontal: "center", fill: FLAG_FILL.warning }),
    info: cellStyle({ horizontal: "center", fill: FLAG_FILL.info }),
  },
  legend: {
    error: { fill: FLAG_FILL.error, border: true, horizontal: "center" },
    warning: { fill: FLAG_FILL.warning, border: true, horizontal: "center" },
  },
  blockTitle: { bold: true, vertical: "middle" },
  note: { fontSize: 9, fontColor: "808080" },
} as const satisfies Record<string, CellStyle | Record<string, CellStyle>>;

class Rows {
  readonly cells: SheetPlan["cells"] = [];
  readonly heights = new Map<number, number>();
  readonly merges: string[] = [];
  row = 0;

  next(): number {
    return ++this.row;
  }

  /** A cell, merged across to column `to` and down to row `down` when those are further. */
  put(c: number, value: PlannedValue, style: CellStyle, to = c, down = this.row): void {
    this.cells.push({ row: this.row - 1, col: c, value, style });
    if (to > c || down > this.row) this.merges.push(`${toA1(this.row - 1, c)}:${toA1(down - 1, to)}`);
    if (value.kind === "text" && style.wrap === true && down === this.row) {
      let width = 0;
      for (let k = c; k <= to; k++) width += WIDTH[COLUMNS[k] ?? "message"];
      const height = heightFor(wrappedLines(value.text, width));
      if (height > (this.heights.get(this.row) ?? DEFAULT_ROW_HEIGHT)) this.heights.set(this.row, height);
    }
  }

  text(c: number, text: string, style: CellStyle, to = c, down = this.row): void {
    this.put(c, { kind: "text", text }, style, to, down);
  }
}

function header(rows: Rows, locale: Locale): void {
  const h = sheetWords(locale).headers;
  rows.next();
  COLUMNS.forEach((c, i) => rows.text(i, h[c], STYLE.header));
}

function findingRow(rows: Rows, n: NumberedFinding, source: FindingsSource): void {
  const reported = source.report.findings[n.index];
  const f = n.finding;
  const words = sheetWords(source.locale);
  rows.next();
  rows.put(col("number"), { kind: "number", value: n.number }, STYLE.centred);
  rows.text(col("severity"), words.severity[f.severity], STYLE.severity[f.severity]);
  rows.text(col("code"), source.codeOf(f.projectKey) ?? "", STYLE.text);
  rows.text(col("project"), source.nameOf(f.projectKey) ?? f.project ?? "", STYLE.text);
  rows.text(col("indicator"), f.indicator ?? "", STYLE.text);
  rows.text(col("sheet"), f.sheet, STYLE.text);
  rows.put(col("cell"), { kind: "formula", formula: cellLink(f.sheet, f.cell) }, STYLE.link);
  rows.text(col("message"), reported?.message ?? "", STYLE.text);
  rows.text(col("fix"), suggestedFix(f, source.locale) ?? "", STYLE.text);
  rows.text(col("rule"), f.rule, STYLE.text);
}

/**
 * The findings sheet (检查结果): what the check found, in the workbook itself, so that whoever
 * opens the checked copy sees why a cell is red without the add-in. Every finding is a row with
 * a link that selects its cell; errors and warnings first, the infos in a block of their own
 * below. Text from the workbook is written as text; the only formulas are the links, which the
 * core composes from the finding's sheet and address.
 */
export function planFindingsSheet(
  source: FindingsSource,
  sheetName: string = OWNED.findingsSheet,
  infoLimit: number = FINDINGS_SHEET_INFO_LIMIT,
): SheetPlan {
  const { report, locale } = source;
  const words = sheetWords(locale);
  const rows = new Rows();

  rows.next();
  rows.heights.set(rows.row, 24);
  rows.text(0, words.findingsTitle, STYLE.title);
  rows.text(MARKER_COL, `${OWNED.marker}findings v1`, STYLE.note);
  rows.next();
  const dates = [
    words.source(report.source),
    ...(source.checkedOn === null ? [] : [words.checkedOn(source.checkedOn)]),
    words.asOf(report.asOf),
  ];
  rows.text(0, dates.join("　　"), STYLE.line, LAST);
  rows.next();
  rows.text(0, words.counts({ ...report.summary }), STYLE.line, LAST);
  for (const severity of ["error", "warning"] as const) {
    rows.next();
    if (severity === "error") rows.text(0, words.legendLabel, STYLE.line, 0, rows.row + 1);
    rows.text(col("severity"), words.severity[severity], STYLE.legend[severity]);
    rows.text(col("code"), words.legend[severity], STYLE.line, LAST);
  }
  rows.next();
  rows.text(0, words.recheck, STYLE.line, LAST);
  rows.next();

  const numbered = numberFindings(source.findings);
  const flagged = numbered.filter((n) => n.finding.severity !== "info");
  const allInfos = numbered.filter((n) => n.finding.severity === "info");
  const infos = allInfos.slice(0, infoLimit);
  header(rows, locale);
  for (const n of flagged) findingRow(rows, n, source);
  if (flagged.length === 0) {
    rows.next();
    rows.text(col("message"), words.none, STYLE.text);
  }
  const filterEnd = rows.row;

  if (infos.length > 0) {
    rows.next();
    rows.next();
    rows.text(0, words.infosTitle(allInfos.length), STYLE.blockTitle);
    header(rows, locale);
    for (const n of infos) findingRow(rows, n, source);
  }
  const unlisted = allInfos.length - infos.length;
  if (unlisted > 0) {
    rows.next();
    rows.text(0, words.unlisted(unlisted, infoLimit), STYLE.blockTitle);
  }

  const lastCol = columnLetters(LAST);
  return {
    name: sheetName,
    visibility: "visible",
    cells: rows.cells,
    merges: rows.merges,
    columnWidths: [
      ...COLUMNS.map((c, i) => ({ column: columnLetters(i), width: WIDTH[c] })),
      { column: columnLetters(MARKER_COL), width: 10, hidden: true },
    ],
    rowHeights: [...rows.heights].map(([row, height]) => ({ row, height })),
    page: {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: true,
      printArea: `A1:${lastCol}${rows.row}`,
      printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      rowBreaks: [],
    },
    frozenRows: HEADER_ROW,
    autoFilter: `A${HEADER_ROW}:${lastCol}${filterEnd}`,
  };
}

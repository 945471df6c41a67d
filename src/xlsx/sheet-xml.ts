import { columnLetters, fromA1, toA1, type CellStyle, type PlannedCell, type SheetPlan } from "../core";

/**
 * An owned sheet's cells written as worksheet XML, for the sheets too big for ExcelJS's model: a
 * 100,000-row list plans a 绩效目标表 of 1.7 million cells and 340,000 merged areas, which
 * ExcelJS holds as objects, styles cell by cell and renders as one string (gigabytes, a minute).
 * Here the plan is packed into typed arrays, and rendered in chunks straight from them.
 *
 * A planned cell comes with its row and column as numbers: the A1 reference of the `r` attribute
 * is formatted here, once per cell, and never parsed back. Each distinct format becomes one cell
 * format of the workbook's styles (write/styles-part.ts), shared by every cell that has it.
 */

/** What decides a cell's style in the file: its style and, for a number, its number format. */
export type CellFormat = { style: CellStyle | undefined; numFmt: string | undefined };

const BLANK = 0;
const TEXT = 1;
const NUMBER = 2;
const FORMULA = 3;

export type PackedSheet = {
  count: number;
  /** Cell by cell, sorted by row then column: 1-based rows, 0-based columns. */
  rows: Uint32Array;
  cols: Uint16Array;
  kinds: Uint8Array;
  /** Index into `formatList`. */
  formats: Uint16Array;
  /** The text, number or formula; null for a blank cell. */
  values: (string | number | null)[];
  /** Every distinct format (the first is that of the first planned cell). */
  formatList: { format: CellFormat }[];
  /** Merged areas, four numbers each: top, left, bottom, right. */
  merges: Uint32Array;
  /** Rows with a height of their own, ascending, and their heights in points. */
  heightRows: Uint32Array;
  heights: Float64Array;
  /** findings-sheet: the plan's filter area, written between <sheetData> and <mergeCells>; null for none. */
  autoFilter: string | null;
};

const styleKey = (s: CellStyle | undefined): string =>
  s === undefined
    ? ""
    : JSON.stringify([s.bold, s.fontSize, s.fontColor, s.fill, s.wrap, s.horizontal, s.vertical, s.border]);

/** The distinct formats of a sheet: by object first (plans share style objects), then by content. */
class Formats {
  readonly list: { format: CellFormat }[] = [];
  private readonly byObject = new Map<CellStyle | undefined, Map<string | undefined, number>>();
  private readonly byContent = new Map<string, Map<string | undefined, number>>();

  of(cell: PlannedCell): number {
    return this.id(cell.style, cell.value.kind === "number" ? cell.value.format : undefined);
  }

  /** No style at all: that of a cell ExcelJS makes itself, such as a merged area's missing corner. */
  plain(): number {
    return this.id(undefined, undefined);
  }

  private id(style: CellStyle | undefined, numFmt: string | undefined): number {
    let byFormat = this.byObject.get(style);
    if (byFormat === undefined) {
      const key = styleKey(style);
      byFormat = this.byContent.get(key) ?? new Map<string | undefined, number>();
      this.byContent.set(key, byFormat);
      this.byObject.set(style, byFormat);
    }
    let id = byFormat.get(numFmt);
    if (id === undefined) {
      id = this.list.length;
      if (id > 0xffff) throw new Error("an owned sheet with more than 65,536 distinct cell formats");
      this.list.push({ format: { style, numFmt } });
      byFormat.set(numFmt, id);
    }
    return id;
  }
}

/** The merged areas' corners, four numbers each (top, left, bottom, right), from "A1:G1". */
function mergeAreas(merges: readonly string[]): Uint32Array {
  const areas = new Uint32Array(merges.length * 4);
  merges.forEach((ref, k) => {
    const colon = ref.indexOf(":");
    const from = fromA1(ref.slice(0, colon));
    const to = fromA1(ref.slice(colon + 1));
    if (colon < 0 || !from || !to) throw new Error(`a planned merge that is no A1 area: ${ref}`);
    areas.set([from.row + 1, from.col, to.row + 1, to.col], k * 4);
  });
  return areas;
}

/**
 * Every cell to write, sorted as a worksheet stores them, by row then column (a plan lists them
 * in the order it made them): the planned cells (0 … n-1), then the cells each merged area covers
 * (n …), after the planned ones so that they win, as merging after writing does.
 */
function sortedCells(
  plan: SheetPlan,
  areas: Uint32Array,
): {
  order: Uint32Array;
  rows: Uint32Array;
  cols: Uint16Array;
  /** For each covered cell (index - n), its merged area's top-left cell. */
  masters: { rows: Uint32Array; cols: Uint16Array };
} {
  const n = plan.cells.length;
  let covered = 0;
  for (let a = 0; a < areas.length; a += 4) {
    covered += ((areas[a + 2] ?? 0) - (areas[a] ?? 0) + 1) * ((areas[a + 3] ?? 0) - (areas[a + 1] ?? 0) + 1) - 1;
  }
  const total = n + covered;
  const rows = new Uint32Array(total);
  const cols = new Uint16Array(total);
  const masters = { rows: new Uint32Array(covered), cols: new Uint16Array(covered) };
  let lastRow = 0;
  plan.cells.forEach((cell, i) => {
    const { row, col } = cell;
    if (!(Number.isInteger(row) && row >= 0 && Number.isInteger(col) && col >= 0 && col <= 0xffff)) {
      throw new Error(`a planned cell outside a sheet: row ${row}, column ${col}`);
    }
    rows[i] = row + 1;
    cols[i] = col;
    lastRow = Math.max(lastRow, row + 1);
  });
  let k = n;
  for (let a = 0; a < areas.length; a += 4) {
    const [top, left, bottom, right] = [areas[a] ?? 0, areas[a + 1] ?? 0, areas[a + 2] ?? 0, areas[a + 3] ?? 0];
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        rows[k] = r;
        cols[k] = c;
        masters.rows[k - n] = top;
        masters.cols[k - n] = left;
        k++;
      }
    }
    lastRow = Math.max(lastRow, bottom);
  }
  // Counting sort by row (stable), then each row's few cells by column (insertion sort, stable).
  const next = new Uint32Array(lastRow + 2);
  for (let i = 0; i < total; i++) {
    const bucket = (rows[i] ?? 0) + 1;
    next[bucket] = (next[bucket] ?? 0) + 1;
  }
  for (let r = 1; r < next.length; r++) next[r] = (next[r] ?? 0) + (next[r - 1] ?? 0);
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) {
    const bucket = rows[i] ?? 0;
    const at = next[bucket] ?? 0;
    order[at] = i;
    next[bucket] = at + 1;
  }
  for (let j = 1; j < total; j++) {
    const i = order[j] ?? 0;
    let to = j;
    for (; to > 0; to--) {
      const before = order[to - 1] ?? 0;
      if (rows[before] !== rows[i] || (cols[before] ?? 0) <= (cols[i] ?? 0)) break;
      order[to] = before;
    }
    order[to] = i;
  }
  return { order, rows, cols, masters };
}

/** The packed index of the cell at (row, col) among the first `count`, which are sorted; -1 if none. */
function find(packed: PackedSheet, row: number, col: number): number {
  let lo = 0;
  let hi = packed.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = packed.rows[mid] ?? 0;
    const c = packed.cols[mid] ?? 0;
    if (r === row && c === col) return mid;
    if (r < row || (r === row && c < col)) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Packs a sheet plan's cells, merged areas and row heights for writing as XML. A merged area's
 * other cells are blank and take its top-left cell's style, number format included, as ExcelJS's
 * merging (and Excel's) gives them.
 */
export function packSheet(plan: SheetPlan): PackedSheet {
  const merges = mergeAreas(plan.merges);
  const { order, rows, cols, masters } = sortedCells(plan, merges);
  const n = plan.cells.length;
  const total = order.length;
  const heights = plan.rowHeights.every((h, i) => i === 0 || (plan.rowHeights[i - 1]?.row ?? 0) < h.row)
    ? plan.rowHeights
    : [...plan.rowHeights].sort((a, b) => a.row - b.row);
  const packed: PackedSheet = {
    count: 0,
    rows: new Uint32Array(total),
    cols: new Uint16Array(total),
    kinds: new Uint8Array(total),
    formats: new Uint16Array(total),
    values: [],
    formatList: [],
    merges,
    heightRows: Uint32Array.from(heights, (h) => h.row),
    heights: Float64Array.from(heights, (h) => h.height),
    autoFilter: plan.autoFilter ?? null,
  };
  const formats = new Formats();
  for (let k = 0; k < total; k++) {
    const i = order[k] ?? 0;
    const following = order[k + 1];
    // The same cell again next: this one is overwritten.
    if (following !== undefined && rows[following] === rows[i] && cols[following] === cols[i]) continue;
    const at = packed.count;
    packed.rows[at] = rows[i] ?? 0;
    packed.cols[at] = cols[i] ?? 0;
    const cell = plan.cells[i];
    if (cell === undefined) {
      // Covered by a merged area: blank, styled as the area's top-left cell (written before it).
      const master = find(packed, masters.rows[i - n] ?? 0, masters.cols[i - n] ?? 0);
      packed.formats[at] = master < 0 ? formats.plain() : (packed.formats[master] ?? 0);
      packed.kinds[at] = BLANK;
      packed.values.push(null);
      packed.count++;
      continue;
    }
    packed.formats[at] = formats.of(cell);
    const v = cell.value;
    if (v.kind === "text") {
      packed.kinds[at] = v.text === "" ? BLANK : TEXT;
      packed.values.push(v.text === "" ? null : v.text);
    } else if (v.kind === "number") {
      if (!Number.isFinite(v.value))
        throw new Error(`a planned number that is not finite at ${toA1(cell.row, cell.col)}`);
      packed.kinds[at] = NUMBER;
      packed.values.push(v.value);
    } else {
      packed.kinds[at] = FORMULA;
      packed.values.push(v.formula);
    }
    packed.count++;
  }
  packed.formatList = formats.list;
  // Cells a later one overwrote leave room at the end: let it go.
  packed.rows = packed.rows.slice(0, packed.count);
  packed.cols = packed.cols.slice(0, packed.count);
  packed.kinds = packed.kinds.slice(0, packed.count);
  packed.formats = packed.formats.slice(0, packed.count);
  return packed;
}

/**
 * Escapes text for XML as ExcelJS does: the five special characters as entities, the control
 * characters XML 1.0 cannot carry dropped (and U+FFFE, U+FFFF, which it cannot either).
 */
const SPECIAL = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;
const SPECIAL_ALL = new RegExp(SPECIAL.source, "g");
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
export const escapeXml = (text: string): string =>
  SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (ch) => ENTITIES[ch] ?? "") : text;

/** Leading or trailing white space, or a line break, must be kept: `xml:space="preserve"`, as ExcelJS does. */
const NEEDS_PRESERVE = /^\s|\n|\s$/;

/** Characters of XML per chunk handed to the compressor: small enough to die young. */
const CHUNK = 1 << 15;

/** The worksheet's cells as <sheetData> and its merged areas as <mergeCells>, in chunks. */
export function* sheetDataXml(packed: PackedSheet, styleIds: readonly number[]): Generator<string> {
  const letters: string[] = [];
  const letter = (col: number): string => (letters[col] ??= columnLetters(col));
  let out = "<sheetData>";
  let i = 0;
  let h = 0;
  while (i < packed.count || h < packed.heightRows.length) {
    const row = Math.min(
      i < packed.count ? (packed.rows[i] ?? 0) : Infinity,
      h < packed.heightRows.length ? (packed.heightRows[h] ?? 0) : Infinity,
    );
    out += `<row r="${row}"`;
    if (packed.heightRows[h] === row) out += ` ht="${packed.heights[h++]}" customHeight="1"`;
    let cells = "";
    for (; i < packed.count && packed.rows[i] === row; i++) {
      const ref = `${letter(packed.cols[i] ?? 0)}${row}`;
      const styleId = styleIds[packed.formats[i] ?? 0] ?? 0;
      const s = styleId === 0 ? "" : ` s="${styleId}"`;
      const value = packed.values[i];
      switch (packed.kinds[i]) {
        case TEXT: {
          const text = String(value);
          const space = NEEDS_PRESERVE.test(text) ? ' xml:space="preserve"' : "";
          // An inline string: text, whatever it starts with, never a formula.
          cells += `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
          break;
        }
        case NUMBER:
          cells += `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
          break;
        case FORMULA:
          cells += `<c r="${ref}"${s}><f>${escapeXml(String(value))}</f></c>`;
          break;
        default:
          if (s !== "") cells += `<c r="${ref}"${s}/>`;
      }
    }
    out += cells === "" ? "/>" : `>${cells}</row>`;
    if (out.length >= CHUNK) {
      yield out;
      out = "";
    }
  }
  out += "</sheetData>";
  // findings-sheet: <autoFilter> comes after <sheetData> and before <mergeCells> in a worksheet.
  if (packed.autoFilter !== null) out += `<autoFilter ref="${escapeXml(packed.autoFilter)}"/>`;
  const merges = packed.merges.length / 4;
  if (merges > 0) {
    out += `<mergeCells count="${merges}">`;
    for (let k = 0; k < packed.merges.length; k += 4) {
      const m = packed.merges;
      out += `<mergeCell ref="${letter(m[k + 1] ?? 0)}${m[k]}:${letter(m[k + 3] ?? 0)}${m[k + 2]}"/>`;
      if (out.length >= CHUNK) {
        yield out;
        out = "";
      }
    }
    out += "</mergeCells>";
  }
  yield out;
}

/** The A1 area of the cells, for <dimension>. */
export function dimensionOf(packed: PackedSheet): string {
  if (packed.count === 0) return "A1";
  let right = 0;
  for (let i = 0; i < packed.count; i++) right = Math.max(right, packed.cols[i] ?? 0);
  let left = right;
  for (let i = 0; i < packed.count; i++) left = Math.min(left, packed.cols[i] ?? 0);
  const top = packed.rows[0] ?? 1;
  const bottom = packed.rows[packed.count - 1] ?? 1;
  return `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
}

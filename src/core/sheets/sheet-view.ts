import { toA1 } from "./address";
import { cellNumber, cellText, cleanParagraph, cleanText } from "./cell-text";
import type { CellBox, CellData, SheetData } from "../model/workbook-data";

/** Longer strings are data, never a header or a label. */
const MAX_HEADER_CELL = 60;

/** A cell value as a possible header: strings only, and short ones, trimmed. */
export function headerValue(value: CellData["value"] | undefined): string {
  // Trimmed only: header lookups normalise spacing themselves, and this runs on every cell.
  return typeof value === "string" && value.length <= MAX_HEADER_CELL ? value.trim() : "";
}

/**
 * Read access to one sheet with merged areas resolved: every cell of a merged area reads as
 * its top-left cell, which is how a clerk sees a merged 一级指标 cell. Hidden rows read like any
 * other: a clerk hides rows to tidy the view or filters a list, and the data still counts.
 */
/**
 * A merged area up to this many cells (after clamping to the sheet) is indexed cell by cell;
 * a larger one (a merge over whole columns) is kept in a short list and tested by its corners,
 * so that a stray value at XFD1048576 does not make every merge cost the sheet's area.
 */
const INDEXED_AREA = 1 << 16;

/** A cell that shows an error value, 0-based. */
export type CellError = { row: number; col: number; error: string };

/** A merged area with its place in the sheet's merge list: where areas overlap, the first listed wins. */
type Area = { box: CellBox; index: number; bottom: number; right: number };

/**
 * Read access to one sheet with merged areas resolved: every cell of a merged area reads as
 * its top-left cell, which is how a clerk sees a merged 一级指标 cell. Hidden rows read like any
 * other: a clerk hides rows to tidy the view or filters a list, and the data still counts.
 *
 * The cost is that of the cells present, never of the used range's area: loops over a row's
 * columns stop at rowSpan(row), and merged areas are indexed by the cells they cover within
 * the sheet's extent (or, when huge, kept as a list).
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Every cell of a small merged area (the top-left included) → its area. */
  private readonly cells = new Map<number, Area>();
  /** Small merged areas by the rows they reach. */
  private readonly byRow = new Map<number, Area[]>();
  /** Merged areas too large to index cell by cell. */
  private readonly large: Area[] = [];
  /** False when the sheet has no merged area: every lookup of one is then skipped. */
  private readonly merged: boolean;
  /** cleanText by raw text: a list repeats the same few names, levels and codes thousands of times. */
  private readonly tidied = new Map<string, string>();
  /** Error values (#REF!) met where a value was read, by cell: a formula error must not pass for a blank. */
  private readonly errorsMet = new Map<number, CellError>();

  constructor(private readonly sheet: SheetData) {
    this.name = sheet.name;
    this.rowCount = sheet.rows.length;
    // forEach skips the holes of a sparse row list.
    let colCount = 0;
    sheet.rows.forEach((row) => {
      if (row.length > colCount) colCount = row.length;
    });
    this.colCount = colCount;
    // Clamped to the cells that exist, so a merge over whole columns costs nothing; an area
    // given upside down (a damaged file) covers nothing rather than everything.
    sheet.merges.forEach((box, index) => {
      if (box.top < 0 || box.left < 0) return;
      const bottom = Math.min(box.bottom, this.rowCount - 1);
      const right = Math.min(box.right, this.colCount - 1);
      if (bottom < box.top || right < box.left) return;
      const area: Area = { box, index, bottom, right };
      if ((bottom - box.top + 1) * (right - box.left + 1) > INDEXED_AREA) {
        this.large.push(area);
        return;
      }
      for (let r = box.top; r <= bottom; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(area);
        else this.byRow.set(r, [area]);
        for (let c = box.left; c <= right; c++) {
          const key = this.key(r, c);
          if (!this.cells.has(key)) this.cells.set(key, area);
        }
      }
    });
    this.merged = this.cells.size > 0 || this.large.length > 0;
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  private areaAt(row: number, col: number): Area | null {
    if (!this.merged) return null;
    const small = this.cells.get(this.key(row, col)) ?? null;
    if (this.large.length === 0) return small;
    let found = small;
    for (const area of this.large) {
      if (found !== null && found.index < area.index) break;
      const { box } = area;
      if (row >= box.top && row <= area.bottom && col >= box.left && col <= area.right) {
        found = area;
        break;
      }
    }
    return found;
  }

  /** The merged areas reaching into a row. */
  private areasIn(row: number): readonly Area[] {
    const small = this.byRow.get(row) ?? [];
    if (this.large.length === 0) return small;
    return [...small, ...this.large.filter((a) => row >= a.box.top && row <= a.bottom)];
  }

  /**
   * One past the last column of the row that can show a value: its own cells and the merged
   * areas reaching into it. Loops over a row's columns go this far, not to colCount.
   */
  rowSpan(row: number): number {
    let span = this.sheet.rows[row]?.length ?? 0;
    if (!this.merged) return span;
    for (const area of this.areasIn(row)) span = Math.max(span, area.right + 1);
    return span;
  }

  private raw(row: number, col: number): CellData | null {
    return this.sheet.rows[row]?.[col] ?? null;
  }

  /** The merged area holding the cell, or null. */
  mergeAt(row: number, col: number): CellBox | null {
    return this.areaAt(row, col)?.box ?? null;
  }

  /** True for a cell inside a merged area other than its top-left: it shows the top-left's value. */
  isCovered(row: number, col: number): boolean {
    const box = this.mergeAt(row, col);
    return box !== null && (box.top !== row || box.left !== col);
  }

  cell(row: number, col: number): CellData | null {
    // Most sheets have no merged area: then a cell is just where it is (this runs on every cell read).
    if (!this.merged) return this.sheet.rows[row]?.[col] ?? null;
    const box = this.mergeAt(row, col);
    return box === null ? this.raw(row, col) : this.raw(box.top, box.left);
  }

  /** The cell's text with white space tidied. */
  text(row: number, col: number): string {
    const raw = this.probeText(row, col);
    if (raw === "") this.noteError(row, col, this.cell(row, col));
    return raw;
  }

  /**
   * The cell's text tidied, for guessing what a column holds: a cell looked at, not read for its
   * value, so an error value it shows is not noted (the reader that takes its value reports it).
   */
  probeText(row: number, col: number): string {
    const cell = this.cell(row, col);
    const value = cell?.value;
    const raw = typeof value === "string" ? value : cellText(cell);
    if (raw === "") return "";
    let tidy = this.tidied.get(raw);
    if (tidy === undefined) {
      tidy = cleanText(raw);
      this.tidied.set(raw, tidy);
    }
    return tidy;
  }

  /**
   * The text of a cell that may be a header: strings only, and short ones, so scanning a long
   * list for stacked tables does not tidy every description it holds.
   */
  headerText(row: number, col: number): string {
    return headerValue(this.cell(row, col)?.value);
  }

  /**
   * The row's cells as stored, when the sheet has no merged area (every cell then reads as
   * itself); null otherwise. For scans over every cell of a sheet.
   */
  plainRow(row: number): readonly (CellData | null)[] | null {
    return this.merged ? null : (this.sheet.rows[row] ?? []);
  }

  /** The cell's text tidied line by line, line breaks kept (资金用途, 绩效目标). */
  paragraph(row: number, col: number): string {
    const cell = this.cell(row, col);
    this.noteError(row, col, cell);
    return cleanParagraph(cellText(cell));
  }

  /** The cell's text exactly as displayed (a target's spaces matter: " %"). */
  rawText(row: number, col: number): string {
    return cellText(this.cell(row, col));
  }

  /** An error value such as "#N/A" shown in the cell, or null. */
  error(row: number, col: number): string | null {
    return this.cell(row, col)?.error ?? null;
  }

  number(row: number, col: number, percentPoints = false): number | null {
    const cell = this.cell(row, col);
    const n = cellNumber(cell, percentPoints);
    if (n === null) this.noteError(row, col, cell);
    return n;
  }

  /**
   * Remembers a cell read for its value that shows an error value instead (at its merged
   * area's top-left, where the value lives). Targets are read with their errors (rawText,
   * error) and report them themselves; everything else read through text, paragraph or number
   * would silently pass for blank.
   */
  private noteError(row: number, col: number, cell: CellData | null): void {
    if (cell?.error === undefined) return;
    const box = this.mergeAt(row, col);
    const at = box === null ? { row, col } : { row: box.top, col: box.left };
    const key = this.key(at.row, at.col);
    if (!this.errorsMet.has(key)) this.errorsMet.set(key, { ...at, error: cell.error });
  }

  /** The cells read for a value that showed an error value, in the order met. */
  errorCells(): readonly CellError[] {
    return [...this.errorsMet.values()];
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }

  isBlankCell(row: number, col: number): boolean {
    return cellText(this.cell(row, col)).trim() === "";
  }

  isRowBlank(row: number): boolean {
    const cells = this.sheet.rows[row] ?? [];
    for (let c = 0; c < cells.length; c++) if (cellText(cells[c]).trim() !== "") return false;
    // A covered cell shows its area's value: blank only if the areas reaching in are blank too.
    for (const area of this.areasIn(row)) {
      for (let c = area.box.left; c <= area.right; c++) {
        if (this.isCovered(row, c) && this.text(row, c) !== "") return false;
      }
    }
    return true;
  }
}

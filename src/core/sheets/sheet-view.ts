import { toA1 } from "./address";
import { cellNumber, cellText, cleanParagraph, cleanText } from "./cell-text";
import type { CellBox, CellData, SheetData } from "./grid";

/** Longer strings are data, never a header or a label. */
const MAX_HEADER_CELL = 60;

/**
 * Read access to one sheet with merged areas resolved: every cell of a merged area reads as
 * its top-left cell, which is how a clerk sees a merged 一级指标 cell. Hidden rows read like any
 * other: a clerk hides rows to tidy the view or filters a list, and the data still counts.
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Every cell of a merged area (the top-left included) → its area. */
  private readonly boxes = new Map<number, CellBox>();

  constructor(private readonly sheet: SheetData) {
    this.name = sheet.name;
    this.rowCount = sheet.rows.length;
    this.colCount = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
    // Clamped to the cells that exist, so a merge over whole columns costs nothing; an area
    // given upside down (a damaged file) covers nothing rather than everything.
    for (const box of sheet.merges) {
      if (box.top < 0 || box.left < 0) continue;
      const bottom = Math.min(box.bottom, this.rowCount - 1);
      const right = Math.min(box.right, this.colCount - 1);
      for (let r = box.top; r <= bottom; r++) {
        for (let c = box.left; c <= right; c++) {
          if (!this.boxes.has(this.key(r, c))) this.boxes.set(this.key(r, c), box);
        }
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  private raw(row: number, col: number): CellData | null {
    return this.sheet.rows[row]?.[col] ?? null;
  }

  /** The merged area holding the cell, or null. */
  mergeAt(row: number, col: number): CellBox | null {
    return this.boxes.get(this.key(row, col)) ?? null;
  }

  /** True for a cell inside a merged area other than its top-left: it shows the top-left's value. */
  isCovered(row: number, col: number): boolean {
    const box = this.mergeAt(row, col);
    return box !== null && (box.top !== row || box.left !== col);
  }

  cell(row: number, col: number): CellData | null {
    const box = this.mergeAt(row, col);
    return box === null ? this.raw(row, col) : this.raw(box.top, box.left);
  }

  /** The cell's text with white space tidied. */
  text(row: number, col: number): string {
    return cleanText(cellText(this.cell(row, col)));
  }

  /**
   * The text of a cell that may be a header: strings only, and short ones, so scanning a long
   * list for stacked tables does not tidy every description it holds.
   */
  headerText(row: number, col: number): string {
    const value = this.cell(row, col)?.value;
    // Trimmed only: header lookups normalise spacing themselves, and this runs on every cell.
    return typeof value === "string" && value.length <= MAX_HEADER_CELL ? value.trim() : "";
  }

  /** The cell's text tidied line by line, line breaks kept (资金用途, 绩效目标). */
  paragraph(row: number, col: number): string {
    return cleanParagraph(cellText(this.cell(row, col)));
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
    return cellNumber(this.cell(row, col), percentPoints);
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
    for (let c = 0; c < this.colCount; c++) if (this.isCovered(row, c) && this.text(row, c) !== "") return false;
    return true;
  }
}

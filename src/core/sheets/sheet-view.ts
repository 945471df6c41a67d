import { toA1 } from "./address";
import { cellNumber, cellText, cleanText } from "./cell-text";
import type { CellData, SheetData } from "./grid";

/**
 * Read access to one sheet with merged areas resolved: every cell of a merged area reads as
 * its top-left cell, which is how a clerk sees a merged 一级指标 cell.
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly masters = new Map<number, CellData | null>();

  constructor(private readonly sheet: SheetData) {
    this.name = sheet.name;
    this.rowCount = sheet.rows.length;
    this.colCount = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
    // Clamped to the cells that exist, so a merge over whole columns costs nothing.
    for (const box of sheet.merges) {
      const master = this.raw(box.top, box.left);
      const bottom = Math.min(box.bottom, this.rowCount - 1);
      const right = Math.min(box.right, this.colCount - 1);
      for (let r = box.top; r <= bottom; r++) {
        for (let c = box.left; c <= right; c++) {
          if (r !== box.top || c !== box.left) this.masters.set(this.key(r, c), master);
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

  cell(row: number, col: number): CellData | null {
    const k = this.key(row, col);
    return this.masters.has(k) ? (this.masters.get(k) ?? null) : this.raw(row, col);
  }

  /** The cell's text with white space tidied. */
  text(row: number, col: number): string {
    return cleanText(cellText(this.cell(row, col)));
  }

  /** The cell's text exactly as displayed (a target's spaces matter: " %"). */
  rawText(row: number, col: number): string {
    return cellText(this.cell(row, col));
  }

  number(row: number, col: number, percentPoints = false): number | null {
    return cellNumber(this.cell(row, col), percentPoints);
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }

  isRowBlank(row: number): boolean {
    for (let c = 0; c < this.colCount; c++) if (this.text(row, c) !== "") return false;
    return true;
  }
}

import type { CellBox, CellData, CellValue, SheetData, SheetVisibility } from "../../core";
import { parseBox, parseCellRef } from "./cell-ref";
import { isMain } from "./namespaces";
import type { Package } from "./package";
import { StringItem } from "./shared-strings";
import { isTrue } from "./workbook";

export type SheetContext = {
  sharedStrings: readonly string[];
  numberFormats: readonly (string | undefined)[];
  date1904: boolean;
};

/** One shared empty row for the gaps: a stray value at row 1,000,000 allocates no 999,999 arrays. */
const NO_CELLS: readonly (CellData | null)[] = Object.freeze([]);

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A t="d" cell's ISO 8601 date as the serial number Excel would hold; null when it is no date. */
function isoToSerial(text: string, date1904: boolean): number | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /[zZ]|[+-]\d\d:?\d\d$/.test(text)
      ? text
      : `${text}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

/** What one `<c>` holds while it is parsed. */
type OpenCell = {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string[];
  formula: string[] | null;
  inline: StringItem | null;
};

/** The cell's value from its type and text, as Excel shows it (a formula's cached result). */
function valueOf(cell: OpenCell, ctx: SheetContext): { value: CellValue; error?: string } {
  if (cell.inline !== null) return { value: cell.inline.take() };
  const text = cell.value.length === 1 ? (cell.value[0] ?? "") : cell.value.join("");
  switch (cell.type) {
    case "s": {
      const s = ctx.sharedStrings[Number(text)];
      return { value: s ?? null };
    }
    case "str":
    case "inlineStr":
      return { value: text };
    case "b":
      return { value: text === "" ? null : text === "1" || text === "true" };
    case "e":
      return text === "" ? { value: null } : { value: null, error: text };
    case "d": {
      if (text === "") return { value: null };
      return { value: isoToSerial(text, ctx.date1904) ?? text };
    }
    default: {
      if (text === "") return { value: null };
      const n = Number(text);
      // A number Excel wrote is always a number; text in a number cell is kept as it stands.
      return { value: Number.isFinite(n) && text.trim() !== "" ? n : text };
    }
  }
}

/**
 * One worksheet part as the core's plain data. Only `sheetData` and `mergeCells` are looked at:
 * data validations, conditional formats and the like pass through the parser without anything
 * being built for them, and a merged area or a dimension as large as the sheet costs nothing.
 */
export async function readSheetPart(
  pkg: Package,
  part: string,
  entry: { name: string; visibility: SheetVisibility },
  ctx: SheetContext,
): Promise<SheetData> {
  const rows: (CellData | null)[][] = [];
  const hiddenRows: number[] = [];
  const merges: CellBox[] = [];
  let inSheetData = false;
  let rowIndex = -1;
  let colIndex = -1;
  let cell: OpenCell | null = null;
  /** What the open element's text goes to: the cell's value, its formula, or an inline string. */
  let collect: string[] | null = null;

  const finishCell = (c: OpenCell): void => {
    const { value, error } = valueOf(c, ctx);
    const formula = c.formula === null ? undefined : c.formula.join("");
    if (value === null && error === undefined && !formula) return;
    const data: CellData = { value };
    const format = ctx.numberFormats[c.style];
    if (format !== undefined) data.numberFormat = format;
    if (formula) data.formula = formula;
    if (error !== undefined) data.error = error;
    (rows[c.row] ??= [])[c.col] = data;
  };

  await pkg.parse(part, {
    open(el) {
      if (!isMain(el.uri)) return;
      if (cell !== null) {
        if (el.local === "v") collect = cell.value;
        else if (el.local === "f") collect = cell.formula = [];
        else if (el.local === "is") cell.inline = new StringItem();
        else cell.inline?.open(el.local);
        return;
      }
      switch (el.local) {
        case "sheetData":
          inSheetData = true;
          return;
        case "row": {
          if (!inSheetData) return;
          const r = Number(el.attr("r"));
          // A row without its number follows the one before it.
          rowIndex = Number.isInteger(r) && r >= 1 ? r - 1 : rowIndex + 1;
          colIndex = -1;
          if (isTrue(el.attr("hidden"))) hiddenRows.push(rowIndex);
          return;
        }
        case "c": {
          if (!inSheetData) return;
          const ref = el.attr("r");
          const at = ref === undefined ? null : parseCellRef(ref);
          // A cell's own reference wins over its row element's (or stands for a missing one).
          if (at !== null) rowIndex = at.row;
          else if (rowIndex < 0) rowIndex = 0;
          colIndex = at?.col ?? colIndex + 1;
          cell = {
            row: rowIndex,
            col: colIndex,
            type: el.attr("t") ?? "n",
            style: Number(el.attr("s") ?? 0),
            value: [],
            formula: null,
            inline: null,
          };
          return;
        }
        case "mergeCell": {
          const box = parseBox(el.attr("ref") ?? "");
          if (box !== null) merges.push(box);
          return;
        }
      }
    },
    close(local, uri) {
      if (!isMain(uri)) return;
      if (cell !== null) {
        if (local === "c") {
          finishCell(cell);
          cell = null;
          collect = null;
        } else if (local === "v" || local === "f") collect = null;
        else if (local !== "is") cell.inline?.close(local);
        return;
      }
      if (local === "sheetData") inSheetData = false;
    },
    text(text) {
      if (collect !== null) collect.push(text);
      else cell?.inline?.text(text);
    },
  });

  blankCoveredCells(rows, merges);
  const dense: (readonly (CellData | null)[])[] = rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) dense[r] = NO_CELLS;
    else for (let c = 0; c < row.length; c++) row[c] ??= null;
  }
  return { name: entry.name, visibility: entry.visibility, rows: dense, merges, hiddenRows };
}

/**
 * Excel shows a merged area's value in its top-left cell only; a file may still hold values in
 * the cells it covers (some generators repeat them). Only the rows and columns that hold cells
 * are visited, so a merge over whole columns costs what the sheet's content costs.
 */
function blankCoveredCells(rows: (CellData | null)[][], merges: readonly CellBox[]): void {
  for (const box of merges) {
    const lastRow = Math.min(box.bottom, rows.length - 1);
    for (let r = box.top; r <= lastRow; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      const lastCol = Math.min(box.right, row.length - 1);
      for (let c = r === box.top ? box.left + 1 : box.left; c <= lastCol; c++) {
        if (row[c] !== undefined) row[c] = null;
      }
    }
  }
}

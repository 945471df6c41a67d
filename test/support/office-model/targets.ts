import type { CellBox } from "../../../src/core";
import { parseArea, quoteSheet } from "./address";
import { usedBox, type FakeConditionalFormat, type FakeSheet, type FakeWorkbook } from "./model";
import type { FakeRequestContext } from "./runtime";

/**
 * What the client objects of the in-memory Excel stand for, and how they find and read it. A
 * proxy holds a function that locates its state at sync time (a sheet, a box of cells on it,
 * several boxes, a conditional format), as an Office.js proxy holds an object path that Excel
 * resolves when the batch runs. Reading a grid counts its cells against Excel's 5,000,000-cell
 * limit (docs/excel-behaviour.md, "Requests and syncs").
 */

export type RangeTarget = { sheet: FakeSheet; box: CellBox };
export type AreasTarget = { sheet: FakeSheet; boxes: CellBox[] };
export type FormatTarget = { sheet: FakeSheet; cf: FakeConditionalFormat };

export function findSheet(workbook: FakeWorkbook, name: string): FakeSheet | null {
  const lower = name.toLowerCase();
  return workbook.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
}

/** As Excel writes a sheet in an address: bare when it can be, quoted otherwise. */
export function sheetPrefix(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && parseArea(name) === null;
  return bare ? name : quoteSheet(name);
}

/** The sheet's used range, scanned once a sync (until a write) however many proxies locate it. */
export const usedBoxOnce = (context: FakeRequestContext, sheet: FakeSheet, valuesOnly: boolean): CellBox | null =>
  context.once(sheet, valuesOnly ? "usedBox:values" : "usedBox:all", () => usedBox(sheet, valuesOnly));

export const boxSize = (box: CellBox) => ({ rows: box.bottom - box.top + 1, cols: box.right - box.left + 1 });

/** A cell-by-cell property of the box, refused (RangeExceedsLimit) past Excel's read limit. */
export function grid<V>(context: FakeRequestContext, box: CellBox, cell: (row: number, col: number) => V): V[][] {
  const { rows, cols } = boxSize(box);
  context.noteRead(rows * cols);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => cell(box.top + r, box.left + c)),
  );
}

import type { CellBox } from "../../../src/core";
import type { FakeCell } from "./model";
import { FakeRichApiError } from "./runtime";
import { checkFormula } from "./formula";
import { boxSize } from "./targets";

/**
 * Cells as Range.values and Range.formulas enter and read them: "=…" is a formula unless the cell
 * is text-formatted, refused when Excel could not take it (formula.ts; docs/excel-behaviour.md,
 * "Formulas"); number-like text becomes a number; an array must match the range's size; a cell
 * reads as its value, its error or "", with Excel's value types. The model does not calculate: a
 * formula reads as empty until a test sets its value.
 */

/** Entering a value as Excel does: "=…" is a formula unless the cell is text-formatted ("@"); a formula Excel cannot take is refused. */
export function enter(cell: FakeCell, input: unknown, asFormula: boolean, names: readonly string[]): void {
  delete cell.formula;
  delete cell.error;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new FakeRichApiError("InvalidArgument", `cannot enter ${typeof input}`);
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  if (input.startsWith("=") && input.length > 1) {
    checkFormula(input, "Range", names);
    cell.formula = input.slice(1);
    // The fake does not calculate: a formula's value is unknown (empty) until a test sets it.
    cell.value = null;
    return;
  }
  if (input === "") {
    cell.value = null;
    return;
  }
  // Excel turns number-like text into a number, which is why text goes in as "@" first.
  cell.value = !asFormula && /^[+-]?\d+(\.\d+)?$/.test(input.trim()) ? Number(input) : input;
}

/** Applies a scalar or a 2-D array to every cell of the box; null entries leave a cell alone. */
export function each(
  box: CellBox,
  input: unknown,
  what: string,
  apply: (row: number, col: number, v: unknown) => void,
): void {
  const { rows, cols } = boxSize(box);
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeRichApiError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = Array.isArray(input) ? (input[r] as unknown[])[c] : input;
      if (v !== null && v !== undefined) apply(box.top + r, box.left + c, v);
    }
  }
}

export function displayValue(cell: FakeCell | undefined): string | number | boolean {
  if (cell === undefined) return "";
  if (cell.error !== undefined) return cell.error;
  return cell.value ?? "";
}

export function valueType(cell: FakeCell | undefined): string {
  if (cell === undefined) return "Empty";
  if (cell.error !== undefined) return "Error";
  const v = cell.value;
  // The fake does not calculate: a formula without a value set by a test reads as empty.
  if (v === null) return "Empty";
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

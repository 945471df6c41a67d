import { fromA1, toA1, type PlannedCell, type SheetPlan } from "../../src/core";

/**
 * Plans carry a cell's 0-based row and column; tests name cells by their A1 address. These
 * convert with the core's own fromA1/toA1, so an assertion reads as it did with addresses.
 */

/** The row and column of an A1 address, to spread into a planned cell: `{ ...rowCol("B2"), value }`. */
export function rowCol(address: string): { row: number; col: number } {
  const cell = fromA1(address);
  if (cell === null) throw new Error(`not an A1 address: ${address}`);
  return cell;
}

/** A planned cell's A1 address. */
export const addressOf = (cell: Pick<PlannedCell, "row" | "col">): string => toA1(cell.row, cell.col);

/** The first cell the plan writes at an A1 address; undefined when it writes none there. */
export function plannedCell(plan: Pick<SheetPlan, "cells">, address: string): PlannedCell | undefined {
  const { row, col } = rowCol(address);
  return plan.cells.find((c) => c.row === row && c.col === col);
}

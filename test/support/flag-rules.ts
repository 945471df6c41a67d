import type ExcelJS from "exceljs";
import { fromA1, isOwnFlagFormula } from "../../src/core";

/** The conditional formats ExcelJS holds for a sheet (its typings leave the list out). */
export const formatsOf = (ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

export type OwnRule = { sheet: string; ref: string; formula: string };

export function ownRules(wb: ExcelJS.Workbook): OwnRule[] {
  return wb.worksheets.flatMap((ws) =>
    formatsOf(ws).flatMap((cf) =>
      cf.rules
        .filter((r) => r.type === "expression" && (r.formulae ?? []).some((f) => isOwnFlagFormula(String(f))))
        .map((r) => ({ sheet: ws.name, ref: cf.ref, formula: String((r as { formulae: string[] }).formulae[0]) })),
    ),
  );
}

/** True when `cell` lies in one of the space-separated A1 ranges of `ref`. */
export function inRef(ref: string, cell: string): boolean {
  const at = fromA1(cell);
  if (!at) return false;
  return ref.split(/\s+/).some((range) => {
    const [a, b = a] = range.split(":");
    const from = fromA1(a ?? "");
    const to = fromA1(b ?? "");
    return !!from && !!to && at.row >= from.row && at.row <= to.row && at.col >= from.col && at.col <= to.col;
  });
}

import type ExcelJS from "exceljs";
import { isOwnFlagFormula, type FlagPlan } from "../core";

/** Fill colours of Excel's own "light red" and "yellow" presets, which clerks recognise. */
const FILL = { error: "FFFFC7CE", warning: "FFFFEB9C" } as const;

const isOwn = (cf: ExcelJS.ConditionalFormattingOptions): boolean =>
  cf.rules.length > 0 &&
  cf.rules.every((r) => r.type === "expression" && (r.formulae ?? []).some((f) => isOwnFlagFormula(String(f))));

/** Drops the add-in's own rules from every sheet; other rules stay as they are. */
export function clearFlags(wb: ExcelJS.Workbook): void {
  // ExcelJS keeps the rules for which the filter returns true.
  const keep = (cf: ExcelJS.ConditionalFormattingOptions): boolean => !isOwn(cf);
  for (const ws of wb.worksheets) ws.removeConditionalFormatting(keep);
}

/** Replaces the add-in's rules with the plan's, in one pass over the workbook. */
export function applyFlags(wb: ExcelJS.Workbook, plan: FlagPlan): void {
  clearFlags(wb);
  plan.rules.forEach((rule, i) => {
    const ws = wb.getWorksheet(rule.sheet);
    // The plan comes from findings on this very workbook: a missing sheet is a bug.
    if (!ws) throw new Error(`flag plan names a sheet the workbook lacks: ${rule.sheet}`);
    ws.addConditionalFormatting({
      ref: rule.ranges.join(" "),
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [rule.formula],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: FILL[rule.severity] } } },
        },
      ],
    });
  });
}

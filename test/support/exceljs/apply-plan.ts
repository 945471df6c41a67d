import type ExcelJS from "exceljs";
import {
  isOwnedName,
  isOwnFlagFormula,
  OWNED,
  WorkbookError,
  type CellStyle,
  type FlagRule,
  type PlannedCell,
  type SheetPlan,
  type WritePlan,
  argbColor,
  PALETTE,
} from "../../../src/core";

/** Fill colours of Excel's own "light red" and "yellow" presets, which clerks recognise. */
const FLAG_FILL = { error: argbColor(PALETTE.error), warning: argbColor(PALETTE.warning) } as const;
/** ExcelJS's paperSize code for A4. */
const A4 = 9;

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

const isOwnRule = (cf: ExcelJS.ConditionalFormattingOptions): boolean =>
  cf.rules.length > 0 &&
  cf.rules.every((r) => r.type === "expression" && (r.formulae ?? []).some((f) => isOwnFlagFormula(String(f))));

function isOwnedWorksheet(ws: ExcelJS.Worksheet): boolean {
  let owned = false;
  ws.getRow(1).eachCell((cell) => {
    if (typeof cell.value === "string" && cell.value.startsWith(OWNED.marker)) owned = true;
  });
  return owned;
}

/** Every sheet the plan replaces or deletes must be ours: a staff sheet is never removed. */
function assertReplaceable(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const name of [...plan.sheets.map((s) => s.name), ...plan.removeSheets]) {
    const ws = wb.getWorksheet(name);
    if (ws && !isOwnedWorksheet(ws)) {
      throw new WorkbookError({ kind: "copy-not-owned", sheet: name });
    }
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
    cell.font = {
      bold: style.bold ?? false,
      ...(style.fontSize === undefined ? {} : { size: style.fontSize }),
      ...(style.fontColor === undefined ? {} : { color: { argb: argb(style.fontColor) } }),
    };
  }
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined) {
    cell.alignment = {
      ...(style.wrap === undefined ? {} : { wrapText: style.wrap }),
      ...(style.horizontal === undefined ? {} : { horizontal: style.horizontal }),
      ...(style.vertical === undefined ? {} : { vertical: style.vertical }),
    };
  }
  if (style.border) {
    const thin = { style: "thin" as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function writeCell(ws: ExcelJS.Worksheet, planned: PlannedCell): void {
  const cell = ws.getCell(planned.row + 1, planned.col + 1);
  const v = planned.value;
  // A string value is stored as a string in ExcelJS, whatever it starts with: text stays text.
  if (v.kind === "text") cell.value = v.text;
  else if (v.kind === "number") {
    cell.value = v.value;
    if (v.format !== undefined) cell.numFmt = v.format;
  } else cell.value = { formula: v.formula };
  if (planned.style) applyStyle(cell, planned.style);
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = wb.addWorksheet(plan.name, { state: plan.visibility });
  for (const { column, width } of plan.columnWidths) ws.getColumn(column).width = width;
  // The marker's hidden column, the frozen header rows, the filter (findings sheet).
  for (const { column, hidden } of plan.columnWidths) if (hidden === true) ws.getColumn(column).hidden = true;
  if (plan.frozenRows !== undefined && plan.frozenRows > 0) {
    ws.views = [{ state: "frozen", ySplit: plan.frozenRows, topLeftCell: `A${plan.frozenRows + 1}` }];
  }
  if (plan.autoFilter !== undefined) ws.autoFilter = plan.autoFilter;
  for (const { row, height } of plan.rowHeights) ws.getRow(row).height = height;
  for (const planned of plan.cells) writeCell(ws, planned);
  mergeDisjoint(ws, plan.merges);
  if (plan.page) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: A4,
      orientation: plan.page.orientation,
      fitToPage: plan.page.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      // ExcelJS puts "$" before each corner as given ("A1" → "$A1"): hand it "A$1" for "$A$1".
      printArea: plan.page.printArea.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
      ...(plan.page.printTitleRows === null ? {} : { printTitlesRow: plan.page.printTitleRows }),
    };
    for (const row of plan.page.rowBreaks) ws.getRow(row).addPageBreak();
  }
}

/**
 * ExcelJS checks each new merge against every earlier one, which makes a table of thousands of
 * merges quadratic (minutes at 10,000 rows). The plan's merges never overlap (a core test holds
 * it to that), so each is made against an empty merge index and the index is put back whole.
 */
export function mergeDisjoint(ws: ExcelJS.Worksheet, ranges: readonly string[]): void {
  const internal = ws as unknown as { _merges: Record<string, unknown> };
  const merged: Record<string, unknown> = { ...internal._merges };
  for (const range of ranges) {
    internal._merges = {};
    ws.mergeCells(range);
    Object.assign(merged, internal._merges);
  }
  internal._merges = merged;
}

function addFlag(wb: ExcelJS.Workbook, rule: FlagRule, priority: number): void {
  const ws = wb.getWorksheet(rule.sheet);
  // The plan comes from findings on this very workbook: a missing sheet is a bug.
  if (!ws) throw new Error(`flag plan names a sheet the workbook lacks: ${rule.sheet}`);
  ws.addConditionalFormatting({
    ref: rule.ranges.join(" "),
    rules: [
      {
        type: "expression",
        priority,
        formulae: [rule.formula],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: FLAG_FILL[rule.severity] } } },
      },
    ],
  });
}

/**
 * Applies a write plan to an ExcelJS workbook in one pass, for callers that look at the workbook
 * in memory (a checked copy on disk is written from the original file: src/xlsx/write). Checks
 * first, then writes, so a plan that cannot be applied leaves the workbook untouched.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  assertReplaceable(wb, plan);
  if (plan.flags !== null) {
    // ExcelJS keeps the rules for which the filter returns true.
    const keep = (cf: ExcelJS.ConditionalFormattingOptions): boolean => !isOwnRule(cf);
    for (const ws of wb.worksheets) ws.removeConditionalFormatting(keep);
  }
  for (const name of [...plan.removeSheets, ...plan.sheets.map((s) => s.name)]) {
    if (wb.getWorksheet(name)) wb.removeWorksheet(name);
  }
  if (plan.names !== null) {
    wb.definedNames.model = wb.definedNames.model.filter((n) => !isOwnedName(n.name));
    for (const n of plan.names) wb.definedNames.add(n.refersTo, n.name);
  }
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  plan.flags?.forEach((rule, i) => addFlag(wb, rule, i + 1));
}

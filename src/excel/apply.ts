import {
  FLAG_MARKER,
  fromA1,
  isOwnedName,
  isOwnedSheet,
  isOwnFlagFormula,
  WorkbookError,
  type CellBox,
  type CellStyle,
  type CellValue,
  type FlagRule,
  type SheetPlan,
  type WritePlan,
} from "../core";
import { areaA1 } from "./a1";
import { errorCode, REFUSED } from "./errors";
import type { Capabilities } from "./host";
import type { AdapterMessages } from "./messages";

/** Excel's own "light red" and "yellow" fills, which clerks recognise. */
export const FLAG_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** A width in characters (the plan's unit) as points (Office's): 8.43 characters = 64 px = 48 pt. */
export const widthInPoints = (characters: number): number => (Math.round(characters * 7) + 5) * 0.75;

type SheetInspection = {
  name: string;
  worksheet: Excel.Worksheet;
  protected: boolean;
  /** The add-in's own conditional formats on this sheet. */
  ours: Excel.ConditionalFormat[];
  /** Loaded only for sheets the plan replaces or deletes. */
  firstRow: Excel.Range | null;
};

type Inspection = {
  readOnly: boolean;
  structureProtected: boolean;
  sheetNames: string[];
  sheets: Map<string, SheetInspection>;
  ourNames: Excel.NamedItem[];
};

const key = (name: string) => name.toLowerCase();

/** Queues every load the write needs, for the sheets we expect, and syncs once. */
async function inspect(
  context: Excel.RequestContext,
  plan: WritePlan,
  expected: readonly string[],
): Promise<Inspection> {
  const workbook = context.workbook;
  workbook.load("readOnly");
  workbook.protection.load("protected");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const names = workbook.names;
  names.load("items/name");
  const ownedTargets = new Set([...plan.sheets.map((s) => key(s.name)), ...plan.removeSheets.map(key)]);

  const pending = expected.map((name) => {
    const worksheet = worksheets.getItem(name);
    worksheet.protection.load("protected");
    const formats = worksheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
    const firstRow = ownedTargets.has(key(name)) ? worksheet.getRange("1:1").getUsedRangeOrNullObject(true) : null;
    if (firstRow !== null) firstRow.load("values");
    return { name, worksheet, formats, firstRow };
  });
  await context.sync();

  const sheets = new Map<string, SheetInspection>();
  for (const { name, worksheet, formats, firstRow } of pending) {
    const ours = formats.items.filter((cf) => {
      if (cf.type !== "Custom") return false;
      const custom = cf.customOrNullObject;
      return !custom.isNullObject && isOwnFlagFormula(custom.rule.formula);
    });
    sheets.set(key(name), { name, worksheet, protected: worksheet.protection.protected, ours, firstRow });
  }
  return {
    readOnly: workbook.readOnly,
    structureProtected: workbook.protection.protected,
    sheetNames: worksheets.items.map((ws) => ws.name),
    sheets,
    ourNames: names.items.filter((n) => isOwnedName(n.name)),
  };
}

const sameSheets = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].map(key).sort().join("\u0000") === [...b].map(key).sort().join("\u0000");

/**
 * One sync when the sheets are the ones the last read saw (the usual case: check, then write);
 * two when the adapter has not read yet or the workbook's sheets changed since.
 */
async function inspectCurrent(
  context: Excel.RequestContext,
  plan: WritePlan,
  expected: readonly string[],
  text: AdapterMessages,
): Promise<Inspection> {
  let first: Inspection | null = null;
  try {
    first = await inspect(context, plan, expected);
  } catch (error) {
    // A sheet we expected is gone: nothing was written (loads only); look again.
    if (errorCode(error) !== "ItemNotFound") throw error;
  }
  if (first !== null && sameSheets(first.sheetNames, expected)) return first;
  const names = first?.sheetNames ?? (await listSheets(context));
  const second = await inspect(context, plan, names);
  if (!sameSheets(second.sheetNames, names)) throw new WorkbookError("host", text.changed);
  return second;
}

async function listSheets(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.map((ws) => ws.name);
}

function isOwnedFirstRow(name: string, firstRow: Excel.Range | null): boolean {
  if (firstRow === null || firstRow.isNullObject) return false;
  const cells = (firstRow.values[0] ?? []).map((value: unknown) =>
    value === "" ? null : { value: value as CellValue },
  );
  return isOwnedSheet({ name, visibility: "visible", rows: [cells], merges: [] });
}

/** Everything that must hold before the first write; throws with the reason otherwise. */
function checkWritable(
  inspection: Inspection,
  plan: WritePlan,
  caps: Capabilities,
  text: AdapterMessages,
): SheetInspection[] {
  if (inspection.readOnly) throw new WorkbookError("read-only", text.readOnly);
  const { sheets } = inspection;

  const flagSheets = new Set((plan.flags ?? []).map((f) => key(f.sheet)));
  if ([...flagSheets].some((name) => !sheets.has(name))) throw new WorkbookError("host", text.changed);
  if (!caps.rangeAreas && (plan.flags ?? []).some((f) => f.ranges.length > 1)) {
    throw new WorkbookError("host", text.multiArea);
  }

  // Sheets to delete: ours only. A staff sheet with the name of a sheet we write is never replaced.
  const replaced: SheetInspection[] = [];
  for (const planned of plan.sheets) {
    const existing = sheets.get(key(planned.name));
    if (existing === undefined) continue;
    if (!isOwnedFirstRow(existing.name, existing.firstRow)) {
      throw new WorkbookError("protected", text.notOwned(existing.name));
    }
    replaced.push(existing);
  }
  for (const name of plan.removeSheets) {
    const existing = sheets.get(key(name));
    if (existing !== undefined && isOwnedFirstRow(existing.name, existing.firstRow) && !replaced.includes(existing)) {
      replaced.push(existing);
    }
  }

  const touched = [...sheets.values()].filter(
    (s) => replaced.includes(s) || (plan.flags !== null && (s.ours.length > 0 || flagSheets.has(key(s.name)))),
  );
  const locked = touched.filter((s) => s.protected).map((s) => s.name);
  if (locked.length > 0) throw new WorkbookError("protected", text.protectedSheets(locked));
  if (inspection.structureProtected && (plan.sheets.length > 0 || replaced.length > 0)) {
    throw new WorkbookError("protected", text.protectedStructure);
  }
  return replaced;
}

function cellBox(addresses: readonly string[]): CellBox | null {
  let box: CellBox | null = null;
  for (const address of addresses) {
    const at = fromA1(address);
    if (at === null) continue;
    box =
      box === null
        ? { top: at.row, left: at.col, bottom: at.row, right: at.col }
        : {
            top: Math.min(box.top, at.row),
            left: Math.min(box.left, at.col),
            bottom: Math.max(box.bottom, at.row),
            right: Math.max(box.right, at.col),
          };
  }
  return box;
}

function applyStyle(range: Excel.Range, style: CellStyle, multiColumn: boolean): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = `#${style.fontColor}`;
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border === true) {
    type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical";
    const edges: Edge[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      ...(multiColumn ? ["InsideVertical" as const] : []),
    ];
    for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
  }
}

/** Queues a whole owned sheet: number formats before values, so text stays text. */
function queueSheet(context: Excel.RequestContext, plan: SheetPlan, caps: Capabilities): void {
  const worksheet = context.workbook.worksheets.add(plan.name);
  const box = cellBox(plan.cells.map((c) => c.address));
  if (box !== null) {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
    const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
    for (const cell of plan.cells) {
      const at = fromA1(cell.address);
      if (at === null) continue;
      const r = at.row - box.top;
      const c = at.col - box.left;
      const v = cell.value;
      (formats[r] as string[])[c] = v.kind === "text" ? "@" : v.kind === "number" ? (v.format ?? "General") : "General";
      (values[r] as (string | number)[])[c] =
        v.kind === "text" ? v.text : v.kind === "number" ? v.value : `=${v.formula}`;
    }
    const block = worksheet.getRange(areaA1(box));
    block.numberFormat = formats;
    block.values = values;
  }

  // Styles by runs of equal style along a row: a handful of ranges, not one per cell.
  const styled = plan.cells
    .map((cell) => ({ at: fromA1(cell.address), style: cell.style }))
    .filter((c): c is { at: { row: number; col: number }; style: CellStyle } => c.at !== null && c.style !== undefined)
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  let run: { row: number; from: number; to: number; style: CellStyle; id: string } | null = null;
  const flush = () => {
    if (run === null) return;
    const area = areaA1({ top: run.row, bottom: run.row, left: run.from, right: run.to });
    applyStyle(worksheet.getRange(area), run.style, run.to > run.from);
  };
  for (const { at, style } of styled) {
    const id = JSON.stringify(style);
    if (run !== null && run.row === at.row && run.to === at.col - 1 && run.id === id) run.to = at.col;
    else {
      flush();
      run = { row: at.row, from: at.col, to: at.col, style, id };
    }
  }
  flush();

  for (const merge of plan.merges) worksheet.getRange(merge).merge(false);
  for (const { column, width } of plan.columnWidths) {
    worksheet.getRange(`${column}:${column}`).format.columnWidth = widthInPoints(width);
  }
  for (const { row, height } of plan.rowHeights) worksheet.getRange(`${row}:${row}`).format.rowHeight = height;
  // findings-sheet: the marker's hidden column, the frozen header, the filter (ExcelApi 1.9, else none).
  for (const { column, hidden } of plan.columnWidths) {
    if (hidden === true) worksheet.getRange(`${column}:${column}`).columnHidden = true;
  }
  if (plan.frozenRows !== undefined && plan.frozenRows > 0) worksheet.freezePanes.freezeRows(plan.frozenRows);
  if (plan.autoFilter !== undefined && caps.autoFilter) worksheet.autoFilter.apply(plan.autoFilter);
  if (plan.page !== null && caps.pageLayout) {
    const layout = worksheet.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = plan.page.orientation === "landscape" ? "Landscape" : "Portrait";
    if (plan.page.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
    layout.setPrintArea(plan.page.printArea);
    if (plan.page.printTitleRows !== null) layout.setPrintTitleRows(plan.page.printTitleRows);
    for (const row of plan.page.rowBreaks) worksheet.horizontalPageBreaks.add(`A${row + 1}`);
  }
  if (plan.visibility !== "visible") worksheet.visibility = VISIBILITY[plan.visibility];
}

function queueFlag(context: Excel.RequestContext, rule: FlagRule, priority: number): void {
  const worksheet = context.workbook.worksheets.getItem(rule.sheet);
  const target =
    rule.ranges.length === 1 ? worksheet.getRange(rule.ranges[0]) : worksheet.getRanges(rule.ranges.join(","));
  const format = target.conditionalFormats.add("Custom");
  format.custom.rule.formula = `=${rule.formula}`;
  format.custom.format.fill.color = FLAG_FILL[rule.severity];
  format.priority = priority;
}

/**
 * A change Excel refuses in the legacy shared-workbook mode (for which Office.js has no
 * property), made and undone as the first action of the write: if Excel refuses it, the batch
 * stops before anything else is written.
 */
function queueProbe(worksheet: Excel.Worksheet): void {
  const probe = worksheet.getRange("A1").conditionalFormats.add("Custom");
  probe.custom.rule.formula = `=ISTEXT("${FLAG_MARKER}:probe")`;
  probe.delete();
}

/**
 * The write phase: one sync to inspect (two if the sheets changed since the read), then
 * everything is checked, then one sync writes it all. Anything that would stop the write —
 * read-only, a protected sheet, a staff sheet in the way — is found before the first write.
 */
export async function applyPhase(
  context: Excel.RequestContext,
  caps: Capabilities,
  plan: WritePlan,
  expectedSheets: readonly string[],
  text: AdapterMessages,
): Promise<void> {
  const inspection = await inspectCurrent(context, plan, expectedSheets, text);
  const replaced = checkWritable(inspection, plan, caps, text);

  const removeFlags = plan.flags === null ? [] : [...inspection.sheets.values()].flatMap((s) => s.ours);
  const removeNames = plan.names === null ? [] : inspection.ourNames;
  const writes =
    removeFlags.length + removeNames.length + replaced.length + plan.sheets.length + (plan.names ?? []).length;
  if (writes + (plan.flags ?? []).length === 0) return;

  const probeSheet = [...inspection.sheets.values()].find((s) => !s.protected && !replaced.includes(s));
  if (probeSheet !== undefined) queueProbe(probeSheet.worksheet);
  for (const format of removeFlags) format.delete();
  for (const name of removeNames) name.delete();
  for (const sheet of replaced) sheet.worksheet.delete();
  for (const sheet of plan.sheets) queueSheet(context, sheet, caps);
  for (const name of plan.names ?? []) context.workbook.names.add(name.name, `=${name.refersTo}`);
  (plan.flags ?? []).forEach((rule, i) => queueFlag(context, rule, i));
  try {
    await context.sync();
  } catch (error) {
    // The probe goes first: a refusal means nothing was written.
    if (REFUSED.has(errorCode(error) ?? "")) throw new WorkbookError("protected", text.refused, { cause: error });
    throw error;
  }
}

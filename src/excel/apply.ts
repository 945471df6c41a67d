import {
  FLAG_MARKER,
  isOwnedName,
  isOwnedSheet,
  isOwnFlagFormula,
  WorkbookError,
  type CellBox,
  type CellStyle,
  type CellValue,
  type FlagRule,
  type PlannedCell,
  type SheetPlan,
  type WritePlan,
  hashColor,
  PALETTE,
} from "../core";
import { areaA1, splitSheet } from "./a1";
import { errorCode } from "./errors";
import type { Capabilities } from "./host";
import { heldStep, packSteps, REQUEST_BUDGET, requestJsonBytes, rowsPerBand, type WriteStep } from "./write-plan";

/** Excel's own "light red" and "yellow" fills, which clerks recognise. */
/** The flag colours in Office.js notation. */
export const FLAG_FILL = { error: hashColor(PALETTE.error), warning: hashColor(PALETTE.warning) } as const;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** A width in characters (the plan's unit) as points (Office's): 8.43 characters = 64 px = 48 pt. */
export const widthInPoints = (characters: number): number => (Math.round(characters * 7) + 5) * 0.75;

type SheetInspection = {
  name: string;
  worksheet: Excel.Worksheet;
  protected: boolean;
  visibility: string;
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

/**
 * How the flags of a sheet are found: "whole" loads every rule's type and custom formula at once;
 * "careful" loads the types, then each custom rule's formula in a sync of its own, and skips a rule
 * Excel cannot read (office-js #6827, #6835: rules made in Excel's interface, two on the same
 * cells; such a rule is a staff rule, never ours).
 */
type FormatsLoad = "whole" | "careful";

const isOurs = (cf: Excel.ConditionalFormat): boolean => {
  if (cf.type !== "Custom") return false;
  const custom = cf.customOrNullObject;
  return !custom.isNullObject && isOwnFlagFormula(custom.rule.formula);
};

async function oursOneByOne(context: Excel.RequestContext, formats: Excel.ConditionalFormatCollection) {
  const ours: Excel.ConditionalFormat[] = [];
  for (const cf of formats.items.filter((f) => f.type === "Custom")) {
    cf.load("customOrNullObject/rule/formula");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one rule a sync: a rule Excel cannot read fails alone
      await context.sync();
    } catch (error) {
      if (errorCode(error) === "GeneralException") continue;
      throw error;
    }
    if (isOurs(cf)) ours.push(cf);
  }
  return ours;
}

/** Queues every load the write needs, for the sheets we expect, and syncs once (more, carefully, for the flags). */
async function inspect(
  context: Excel.RequestContext,
  plan: WritePlan,
  expected: readonly string[],
  formatsLoad: FormatsLoad = "whole",
): Promise<Inspection> {
  const workbook = context.workbook;
  workbook.load("readOnly");
  workbook.protection.load("protected");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = workbook.names;
  names.load("items/name");
  const ownedTargets = new Set([...plan.sheets.map((s) => key(s.name)), ...plan.removeSheets.map(key)]);

  const pending = expected.map((name) => {
    const worksheet = worksheets.getItem(name);
    worksheet.protection.load("protected");
    worksheet.load("visibility");
    // Only a write that replaces the flags needs to know them (office-js #6827, #6835: loading
    // them can fail on sheets with some rules made in Excel's interface).
    const formats =
      plan.flags === null
        ? null
        : worksheet
            .getRange()
            .conditionalFormats.load(
              formatsLoad === "whole"
                ? "items/type,items/id,items/customOrNullObject/rule/formula"
                : "items/type,items/id",
            );
    const firstRow = ownedTargets.has(key(name)) ? worksheet.getRange("1:1").getUsedRangeOrNullObject(true) : null;
    if (firstRow !== null) firstRow.load("values");
    return { name, worksheet, formats, firstRow };
  });
  await context.sync();

  const sheets = new Map<string, SheetInspection>();
  for (const { name, worksheet, formats, firstRow } of pending) {
    const ours =
      formats === null
        ? []
        : formatsLoad === "whole"
          ? formats.items.filter(isOurs)
          : await oursOneByOne(context, formats);
    sheets.set(key(name), {
      name,
      worksheet,
      protected: worksheet.protection.protected,
      visibility: worksheet.visibility,
      ours,
      firstRow,
    });
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
): Promise<Inspection> {
  let first: Inspection | null = null;
  let formatsLoad: FormatsLoad = "whole";
  try {
    first = await inspect(context, plan, expected);
  } catch (error) {
    // A sheet we expected is gone: nothing was written (loads only); look again. Any other
    // failure of a load that read the flags: look again, carefully (office-js #6827, #6835).
    if (errorCode(error) !== "ItemNotFound" && plan.flags === null) throw error;
    if (errorCode(error) !== "ItemNotFound") formatsLoad = "careful";
  }
  if (first !== null && sameSheets(first.sheetNames, expected)) return first;
  const names = first?.sheetNames ?? (await listSheets(context));
  const second = await inspect(context, plan, names, formatsLoad);
  if (!sameSheets(second.sheetNames, names)) throw new WorkbookError({ kind: "sheets-changed" });
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
): SheetInspection[] {
  if (inspection.readOnly) throw new WorkbookError({ kind: "read-only" });
  const { sheets } = inspection;

  const flagSheets = new Set((plan.flags ?? []).map((f) => key(f.sheet)));
  if ([...flagSheets].some((name) => !sheets.has(name))) throw new WorkbookError({ kind: "sheets-changed" });
  if (!caps.rangeAreas && (plan.flags ?? []).some((f) => f.ranges.length > 1)) {
    throw new WorkbookError({ kind: "multi-area" });
  }

  // Sheets to delete: ours only. A staff sheet with the name of a sheet we write is never replaced.
  const replaced: SheetInspection[] = [];
  for (const planned of plan.sheets) {
    const existing = sheets.get(key(planned.name));
    if (existing === undefined) continue;
    if (!isOwnedFirstRow(existing.name, existing.firstRow)) {
      throw new WorkbookError({ kind: "not-owned", sheet: existing.name });
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
  if (locked.length > 0) throw new WorkbookError({ kind: "protected-sheets", sheets: locked });
  if (inspection.structureProtected && (plan.sheets.length > 0 || replaced.length > 0)) {
    throw new WorkbookError({ kind: "protected-structure" });
  }
  return replaced;
}

function cellBox(cells: readonly { row: number; col: number }[]): CellBox | null {
  let box: CellBox | null = null;
  for (const at of cells) {
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

function applyStyle(range: Excel.Range, style: CellStyle, multiColumn: boolean, multiRow: boolean): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = `#${style.fontColor}`;
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border === true) {
    type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
    const edges: Edge[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      ...(multiColumn ? ["InsideVertical" as const] : []),
      ...(multiRow ? ["InsideHorizontal" as const] : []),
    ];
    for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
  }
}

const sheetOf = (context: Excel.RequestContext, name: string): Excel.Worksheet =>
  context.workbook.worksheets.getItem(name);

/** The cells of a sheet's block as rows of values and of number formats (number formats go first, so text stays text). */
function cellBlock(plan: SheetPlan): { box: CellBox; formats: string[][]; values: (string | number)[][] } | null {
  const box = cellBox(plan.cells);
  if (box === null) return null;
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  for (const cell of plan.cells) {
    const r = cell.row - box.top;
    const c = cell.col - box.left;
    const v = cell.value;
    (formats[r] as string[])[c] = v.kind === "text" ? "@" : v.kind === "number" ? (v.format ?? "General") : "General";
    (values[r] as (string | number)[])[c] =
      v.kind === "text" ? v.text : v.kind === "number" ? v.value : `=${v.formula}`;
  }
  return { box, formats, values };
}

/**
 * Rectangles of equal style: runs along a row, and a run repeated on the rows below extended down
 * (every cell still gets the border on all four sides). A few ranges, not one per cell or row:
 * each range costs Office.js's request several object paths and actions.
 */
function styleRuns(plan: SheetPlan): { area: string; style: CellStyle; multiColumn: boolean; multiRow: boolean }[] {
  const styled = plan.cells
    .filter((c): c is PlannedCell & { style: CellStyle } => c.style !== undefined)
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; from: number; to: number; style: CellStyle; id: string }[] = [];
  for (const cell of styled) {
    const id = JSON.stringify(cell.style);
    const run = runs[runs.length - 1];
    if (run !== undefined && run.row === cell.row && run.to === cell.col - 1 && run.id === id) run.to = cell.col;
    else runs.push({ row: cell.row, from: cell.col, to: cell.col, style: cell.style, id });
  }
  type Rect = { top: number; bottom: number; from: number; to: number; style: CellStyle };
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  let row = -1;
  let next = new Map<string, Rect>();
  for (const run of runs) {
    if (run.row !== row) {
      open = run.row === row + 1 ? next : new Map();
      next = new Map();
      row = run.row;
    }
    const id = `${run.from}:${run.to}:${run.id}`;
    const above = open.get(id);
    if (above !== undefined && above.bottom === run.row - 1) {
      above.bottom = run.row;
      next.set(id, above);
    } else {
      const rect = { top: run.row, bottom: run.row, from: run.from, to: run.to, style: run.style };
      rects.push(rect);
      next.set(id, rect);
    }
  }
  return rects.map((rect) => ({
    area: areaA1({ top: rect.top, bottom: rect.bottom, left: rect.from, right: rect.to }),
    style: rect.style,
    multiColumn: rect.to > rect.from,
    multiRow: rect.bottom > rect.top,
  }));
}

/**
 * A whole owned sheet as steps: added, its values and number formats in bands of rows, styles,
 * merges, sizes, print settings, visibility last.
 */
function sheetSteps(plan: SheetPlan, caps: Capabilities): WriteStep[] {
  const name = plan.name;
  const steps: WriteStep[] = [(context) => void context.workbook.worksheets.add(name)];
  const block = cellBlock(plan);
  if (block !== null) {
    const { box, formats, values } = block;
    const rows = values.length;
    const rowBytes = Math.ceil((requestJsonBytes(values) + requestJsonBytes(formats)) / Math.max(1, rows));
    const band = rowsPerBand(rowBytes, REQUEST_BUDGET);
    for (let first = 0; first < rows; first += band) {
      const last = Math.min(rows, first + band);
      const area = areaA1({ top: box.top + first, bottom: box.top + last - 1, left: box.left, right: box.right });
      const bandFormats = formats.slice(first, last);
      const bandValues = values.slice(first, last);
      steps.push((context) => {
        const range = sheetOf(context, name).getRange(area);
        range.numberFormat = bandFormats;
        range.values = bandValues;
      });
    }
  }
  for (const { area, style, multiColumn, multiRow } of styleRuns(plan)) {
    steps.push((context) => applyStyle(sheetOf(context, name).getRange(area), style, multiColumn, multiRow));
  }
  for (const merge of plan.merges) steps.push((context) => sheetOf(context, name).getRange(merge).merge(false));
  for (const { column, width } of plan.columnWidths) {
    steps.push((context) => {
      sheetOf(context, name).getRange(`${column}:${column}`).format.columnWidth = widthInPoints(width);
    });
  }
  for (const { row, height } of plan.rowHeights) {
    steps.push((context) => {
      sheetOf(context, name).getRange(`${row}:${row}`).format.rowHeight = height;
    });
  }
  // The marker's hidden column, the frozen header, the filter (ExcelApi 1.9, else none).
  for (const { column, hidden } of plan.columnWidths) {
    if (hidden === true) {
      steps.push((context) => {
        sheetOf(context, name).getRange(`${column}:${column}`).columnHidden = true;
      });
    }
  }
  const frozen = plan.frozenRows ?? 0;
  if (frozen > 0) steps.push((context) => sheetOf(context, name).freezePanes.freezeRows(frozen));
  const filter = plan.autoFilter;
  if (filter !== undefined && caps.autoFilter) {
    steps.push((context) => sheetOf(context, name).autoFilter.apply(filter));
  }
  const page = plan.page;
  if (page !== null && caps.pageLayout) {
    steps.push((context) => {
      const layout = sheetOf(context, name).pageLayout;
      layout.paperSize = "A4";
      layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
      // As the file path writes it (fitToWidth 1, fitToHeight 0): one page wide, as many tall as
      // needed. Left unset, the height is whatever the sheet had, by default one page.
      if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintArea(page.printArea);
      if (page.printTitleRows !== null) layout.setPrintTitleRows(page.printTitleRows);
    });
    for (const row of page.rowBreaks) {
      steps.push((context) => void sheetOf(context, name).horizontalPageBreaks.add(`A${row + 1}`));
    }
  }
  if (plan.visibility !== "visible") {
    const visibility = VISIBILITY[plan.visibility];
    steps.push((context) => {
      sheetOf(context, name).visibility = visibility;
    });
  }
  return steps;
}

/**
 * One flag rule. `priority` counts within the rule's sheet, so ours come first on every sheet
 * (Excel clamps a priority past the end to last place); `stopIfTrue` keeps every staff rule
 * below it from formatting a flagged cell, so no staff fill or font can hide the flag.
 */
function flagStep(rule: FlagRule, priority: number): WriteStep {
  return (context) => {
    const worksheet = sheetOf(context, rule.sheet);
    const target =
      rule.ranges.length === 1 ? worksheet.getRange(rule.ranges[0]) : worksheet.getRanges(rule.ranges.join(","));
    const format = target.conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${rule.formula}`;
    format.custom.format.fill.color = FLAG_FILL[rule.severity];
    format.priority = priority;
    format.stopIfTrue = true;
  };
}

/** The flag rules in plan order, each with its priority among the rules of its sheet. */
function flagSteps(rules: readonly FlagRule[]): WriteStep[] {
  const counts = new Map<string, number>();
  return rules.map((rule) => {
    const priority = counts.get(key(rule.sheet)) ?? 0;
    counts.set(key(rule.sheet), priority + 1);
    return flagStep(rule, priority);
  });
}

/**
 * A change Excel refuses in the legacy shared-workbook mode (for which Office.js has no
 * property), made and undone alone in a sync before anything is written: whatever Excel answers
 * when it refuses, nothing was written.
 */
async function probe(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet | null,
): Promise<void> {
  if (worksheet !== null) {
    const added = worksheet.getRange("A1").conditionalFormats.add("Custom");
    added.custom.rule.formula = `=ISTEXT("${FLAG_MARKER}:probe")`;
    added.delete();
  }
  try {
    await context.sync();
  } catch (error) {
    throw new WorkbookError({ kind: "write-refused" }, { cause: error });
  }
}

/**
 * The write phase: one sync to inspect (two if the sheets changed since the read), then
 * everything is checked, then a probe sync, then the write: one sync on the desktop, on the web
 * as many as keep each request under REQUEST_BUDGET (write-plan.ts). Anything that would stop the
 * write — read-only, a protected sheet, a staff sheet in the way, the legacy shared mode — is found
 * before the first write.
 */
export async function applyPhase(
  context: Excel.RequestContext,
  caps: Capabilities,
  plan: WritePlan,
  expectedSheets: readonly string[],
): Promise<void> {
  const inspection = await inspectCurrent(context, plan, expectedSheets);
  const replaced = checkWritable(inspection, plan, caps);

  const removeFlags =
    plan.flags === null
      ? []
      : [...inspection.sheets.values()].flatMap((s) => s.ours.map((format) => ({ sheet: s.name, format })));
  const removeNames = plan.names === null ? [] : inspection.ourNames;
  const writes =
    removeFlags.length + removeNames.length + replaced.length + plan.sheets.length + (plan.names ?? []).length;
  if (writes + (plan.flags ?? []).length === 0) return;

  // Each old flag is deleted through the collection of its own range, not the whole sheet's
  // (office-js #5222: ItemNotFound there when another rule shares a cell); its range is loaded
  // with the probe.
  const ranges = removeFlags.map(({ format }) => format.getRangeOrNullObject().load("address"));
  const probeSheet = [...inspection.sheets.values()].find((s) => !s.protected && !replaced.includes(s));
  if (probeSheet !== undefined || ranges.length > 0) await probe(context, probeSheet?.worksheet ?? null);

  const steps: WriteStep[] = [
    ...removeFlags.map(({ sheet, format }, i) => {
      const range = ranges[i];
      if (range === undefined || range.isNullObject) return heldStep(() => format.delete());
      const area = splitSheet(range.address).area;
      const id = format.id;
      return (ctx: Excel.RequestContext) => sheetOf(ctx, sheet).getRange(area).conditionalFormats.getItem(id).delete();
    }),
    ...removeNames.map((name) => heldStep(() => name.delete())),
    ...replaced.map((sheet) =>
      heldStep(() => {
        // Excel refuses to delete a very hidden sheet (Worksheet.delete, InvalidOperation).
        if (sheet.visibility === "VeryHidden") sheet.worksheet.visibility = "Hidden";
        sheet.worksheet.delete();
      }),
    ),
    ...plan.sheets.flatMap((sheet) => sheetSteps(sheet, caps)),
    ...(plan.names ?? []).map(
      (name): WriteStep =>
        (ctx) =>
          void ctx.workbook.names.add(name.name, `=${name.refersTo}`),
    ),
    ...flagSteps(plan.flags ?? []),
  ];
  for (const sync of packSteps(steps, caps.responseLimit ? REQUEST_BUDGET : null)) {
    for (const step of sync) step(context);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one planned request each, under the web's limit
    await context.sync();
  }
}

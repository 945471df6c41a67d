import type ExcelJS from "exceljs";
import type { NamePlan, SheetPlan } from "../core";
import { attribute, partsOf } from "./kept-formats";
import { dimensionOf, escapeXml, packSheet, sheetDataXml, type PackedSheet } from "./sheet-xml";
import { entryText, readZip, replaceEntries } from "./zip-entries";

/**
 * What the add-in writes of its own, put into the saved file rather than into ExcelJS's model:
 *
 * - the cells of its sheets (sheet-xml.ts says why). The worksheet in the model keeps everything
 *   else of the plan (name, visibility, column widths, page setup, print area, page breaks), its
 *   first row (the marker, so that the sheet is known as ours) and one sample cell of each
 *   style; its cells, merged areas and row heights are put into the package once ExcelJS has
 *   written it;
 * - its workbook names. ExcelJS keeps a name as the set of its cells, one object per cell: the
 *   helper sheet's names of a 100,000-row list took 90 MB and seconds to make and to write.
 */
const deferredSheets = new WeakMap<ExcelJS.Worksheet, PackedSheet>();
const deferredNames = new WeakMap<ExcelJS.Workbook, readonly NamePlan[]>();

/**
 * Packs the plan's cells for writing at save; returns the cells to write into the model now: the
 * first row and the style samples.
 */
export function deferCells(ws: ExcelJS.Worksheet, plan: SheetPlan): SheetPlan["cells"] {
  const packed = packSheet(plan);
  deferredSheets.set(ws, packed);
  const samples = new Set(packed.formatList.flatMap((f) => (f.sample === null ? [] : [f.sample])));
  return plan.cells.filter((cell) => samples.has(cell.address) || /^[A-Z]+1$/.test(cell.address));
}

/** Names to add to the workbook when it is saved; replaces those deferred before. */
export function deferNames(wb: ExcelJS.Workbook, names: readonly NamePlan[]): void {
  deferredNames.set(wb, names);
}

export const hasDeferredParts = (wb: ExcelJS.Workbook): boolean =>
  (deferredNames.get(wb)?.length ?? 0) > 0 || wb.worksheets.some((ws) => deferredSheets.has(ws));

/** The style index ExcelJS wrote for each cell of the sheet's <sheetData>, by address. */
function writtenStyles(sheetData: string): Map<string, number> {
  const styles = new Map<string, number>();
  for (const m of sheetData.matchAll(/<c\b[^>]*>/g)) {
    const ref = attribute(m[0], "r");
    if (ref !== null) styles.set(ref, Number(attribute(m[0], "s") ?? 0));
  }
  return styles;
}

/** Elements a worksheet has between <sheetData> and <mergeCells>; ExcelJS writes none for our sheets. */
const BEFORE_MERGES =
  /^<(sheetCalcPr|sheetProtection|protectedRanges|scenarios|autoFilter|sortState|dataConsolidate|customSheetViews|mergeCells)\b/;

/** The full worksheet part, in chunks: ExcelJS's part with our cells and merged areas in place of its own. */
function worksheetXml(written: string, packed: PackedSheet): () => Iterable<string> {
  const open = written.indexOf("<sheetData");
  const empty = written.startsWith("<sheetData/>", open);
  const close = empty ? open + "<sheetData/>".length : written.indexOf("</sheetData>", open) + "</sheetData>".length;
  if (open < 0 || close < open) throw new Error("ExcelJS wrote a worksheet without <sheetData>");
  const tail = written.slice(close);
  if (BEFORE_MERGES.test(tail)) throw new Error("an owned sheet written with elements before its merged areas");
  const styles = writtenStyles(written.slice(open, close));
  // A format without a sample is no style at all: index 0.
  const styleIds = packed.formatList.map((f) => (f.sample === null ? 0 : (styles.get(f.sample) ?? 0)));
  const head = written.slice(0, open).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimensionOf(packed)}"/>`);
  return function* chunks() {
    yield head;
    yield* sheetDataXml(packed, styleIds);
    yield tail;
  };
}

/** The workbook part with the names added to its <definedNames> (made where there is none). */
function withNames(xml: string, names: readonly NamePlan[]): string {
  const added = names
    .map((n) => `<definedName name="${escapeXml(n.name)}">${escapeXml(n.refersTo)}</definedName>`)
    .join("");
  const end = xml.indexOf("</definedNames>");
  if (end >= 0) return xml.slice(0, end) + added + xml.slice(end);
  const empty = xml.indexOf("<definedNames/>");
  if (empty >= 0) return `${xml.slice(0, empty)}<definedNames>${added}</definedNames>${xml.slice(empty + 15)}`;
  // <definedNames> follows <sheets> (and the optional functionGroups, externalReferences, which ExcelJS never writes).
  const sheets = xml.indexOf("</sheets>");
  if (sheets < 0) throw new Error("ExcelJS wrote a workbook part without <sheets>");
  const at = sheets + "</sheets>".length;
  return `${xml.slice(0, at)}<definedNames>${added}</definedNames>${xml.slice(at)}`;
}

/**
 * Puts the deferred sheets' cells and names into the package ExcelJS wrote for `wb`; returns the
 * new package. Every other part is copied as it is.
 */
export async function writeDeferredParts(wb: ExcelJS.Workbook, written: Buffer): Promise<Buffer> {
  const zip = await readZip(written);
  const text = (path: string) => entryText(zip, path);
  const parts = await partsOf(text);
  const replacements = new Map<string, () => Iterable<string>>();
  const names = deferredNames.get(wb) ?? [];
  if (names.length > 0) {
    const workbook = await text(parts.workbook);
    if (workbook === null) throw new Error("ExcelJS wrote no workbook part");
    replacements.set(parts.workbook, () => [withNames(workbook, names)]);
  }
  for (const ws of wb.worksheets) {
    const packed = deferredSheets.get(ws);
    if (packed === undefined) continue;
    const part = parts.sheets.get(ws.name);
    const xml = part === undefined ? null : await text(part);
    if (part === undefined || xml === null) throw new Error(`ExcelJS wrote no part for the sheet ${ws.name}`);
    replacements.set(part, worksheetXml(xml, packed));
  }
  return await replaceEntries(zip, replacements);
}

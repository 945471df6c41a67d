import { append, bounds } from "../../core/model/arrays";
import { isOwnedName, OWNED, WorkbookError, type FlagRule, type NamePlan, type SheetPlan, type WritePlan } from "../../core";
import { entryBytes, entryNames, readZip, rewriteEntries, type PartContent, type ZipPackage } from "../zip-entries";
import { APP_REL, editAppTitles } from "./app-properties";
import { withoutSheets } from "./calc-chain";
import { editContentTypes, WORKSHEET_TYPE } from "./content-types";
import { isOwnedPart, ownedSheetXml, sharedStrings } from "./owned-sheet";
import {
  editRelationships,
  freshIds,
  REL_TYPE,
  relationshipsOf,
  relativeTarget,
  relsPartOf,
  resolveTarget,
  WORKSHEET_REL,
  type Relationship,
} from "./relationships";
import { editSheetFormats, type SheetRule } from "./sheet-formats";
import { DEFAULT_STYLES, STYLES_REL, STYLES_TYPE, StylesEditor } from "./styles-part";
import { editWorkbookPart, readWorkbookPart, type NewName, type NewSheet } from "./workbook-part";
import { toBinary } from "./xml-scan";

/**
 * The checked copy: the original package, every entry copied as it is stored, plus our additions
 * (docs/file-engine.md, "Writing the checked copy"). Edited, and only where our parts need it:
 * [Content_Types].xml, the workbook part and its relationships, the styles part (appended), the
 * flagged sheets (our <conditionalFormatting> elements) and the calculation chain (cells of our
 * own sheets). Our sheets are new parts.
 */

export type CheckedCopy = {
  bytes: Buffer;
  /** Parts of the original the copy does not hold (none is expected: named to the user if ever). */
  lost: string[];
};

/** Plans applied one after the other, as one. */
export function mergePlans(plans: readonly WritePlan[]): WritePlan {
  let sheets: SheetPlan[] = [];
  let names: NamePlan[] | null = null;
  let flags: FlagRule[] | null = null;
  let removeSheets: string[] = [];
  for (const p of plans) {
    sheets = sheets.filter((s) => !p.removeSheets.includes(s.name) && !p.sheets.some((n) => n.name === s.name));
    removeSheets = [...removeSheets.filter((n) => !p.sheets.some((s) => s.name === n)), ...p.removeSheets];
    append(sheets, p.sheets);
    if (p.names !== null) names = p.names;
    if (p.flags !== null) flags = p.flags;
  }
  return { sheets, names, flags, removeSheets };
}

/** A package's entries by lower-case name: part names compare without case in OPC. */
class Entries {
  private readonly byLower = new Map<string, string>();
  constructor(readonly zip: ZipPackage) {
    for (const name of entryNames(zip)) this.byLower.set(name.toLowerCase(), name);
  }
  name(part: string): string | null {
    return this.byLower.get(part.toLowerCase()) ?? null;
  }
  async binary(part: string): Promise<string | null> {
    const name = this.name(part);
    if (name === null) return null;
    const bytes = await entryBytes(this.zip, name);
    if (bytes === null) return null;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      throw new WorkbookError({ kind: "utf16-part", part: name });
    }
    return toBinary(bytes);
  }
  has(part: string): boolean {
    return this.name(part) !== null;
  }
}

const binaryBytes = (text: string): Uint8Array => Buffer.from(text, "latin1");

type StaffSheet = { name: string; index: number; sheetId: number; rel: Relationship; part: string };

/** A free part name for a new sheet beside the workbook part: worksheets/sheetN.xml. */
function newSheetPart(entries: Entries, workbookPart: string, taken: Set<string>): string {
  const folder = workbookPart.split("/").slice(0, -1).join("/");
  for (let n = 1; ; n++) {
    const part = `${folder === "" ? "" : `${folder}/`}worksheets/sheet${n}.xml`;
    if (!entries.has(part) && !taken.has(part.toLowerCase())) {
      taken.add(part.toLowerCase());
      return part;
    }
  }
}

const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
const absolute = (a1: string): string => a1.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** The print area and titles of a sheet of ours, as names local to it. */
function pageNames(plan: SheetPlan, index: number): NewName[] {
  if (plan.page === null) return [];
  const out: NewName[] = [
    { name: "_xlnm.Print_Area", refersTo: `${quoted(plan.name)}!${absolute(plan.page.printArea)}`, localSheetId: index },
  ];
  const titles = plan.page.printTitleRows;
  if (titles !== null) {
    const rows = titles.split(":").map((r) => `$${r}`).join(":");
    out.push({ name: "_xlnm.Print_Titles", refersTo: `${quoted(plan.name)}!${rows}`, localSheetId: index });
  }
  return out;
}

/**
 * What the parts of the package (as the copy will hold them) use of the styles part: the number of
 * cell styles (`s="…"`, `style="…"` in the sheets) and dxfs (`…dxfId="…"` anywhere) up to the highest
 * index referenced, and the number format ids named (`numFmtId="…"`, as pivot tables do). Read with
 * plain expressions over every XML part: an attribute found where it means something else only keeps
 * an entry more. Only read when the styles part carries our marker.
 */
async function styleReferences(
  entries: Entries,
  stylesPart: string,
  sheetParts: ReadonlySet<string>,
  removed: ReadonlySet<string>,
  replaced: ReadonlyMap<string, PartContent>,
): Promise<{ cellXfs: number; dxfs: number; numFmtIds: Set<number> }> {
  const used = { cellXfs: 0, dxfs: 0, numFmtIds: new Set<number>() };
  for (const name of entryNames(entries.zip)) {
    if (name === stylesPart || removed.has(name) || !/\.xml$/i.test(name)) continue;
    const now = replaced.get(name);
    const bytes = now instanceof Uint8Array ? now : now === undefined ? await entryBytes(entries.zip, name) : null;
    if (bytes === null) continue;
    // A part in UTF-16 (customXml may be) is searched as the text it is.
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const text = utf16 ? new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes) : toBinary(bytes);
    // dxfId, headerRowDxfId …; not the rich-value styles' `dxfid`, which index their own list.
    for (const m of text.matchAll(/[dD]xfId\s*=\s*["'](\d+)["']/g)) used.dxfs = Math.max(used.dxfs, Number(m[1]) + 1);
    for (const m of text.matchAll(/numFmtId\s*=\s*["'](\d+)["']/g)) used.numFmtIds.add(Number(m[1]));
    // Cell styles only in sheets: rich values and the calculation chain have `s` attributes of their own.
    if (!sheetParts.has(name)) continue;
    for (const m of text.matchAll(/\s(?:s|style)\s*=\s*["'](\d+)["']/g)) used.cellXfs = Math.max(used.cellXfs, Number(m[1]) + 1);
  }
  return used;
}

/** editAppTitles, where a damaged app.xml (which Excel opens regardless) is left as it is rather than stop the copy. */
function appTitles(xml: string, before: readonly string[], after: readonly string[]): string | null {
  try {
    return editAppTitles(xml, before, after);
  } catch (cause) {
    if (cause instanceof Error && /^an XML part/.test(cause.message)) return null;
    throw cause;
  }
}

/** Writes the checked copy of `original` with the plans applied. */
export async function writeCheckedCopy(original: Uint8Array, plans: readonly WritePlan[]): Promise<CheckedCopy> {
  const plan = mergePlans(plans);
  const zip = await readZip(original);
  const entries = new Entries(zip);
  const need = async (part: string): Promise<string> => {
    const text = await entries.binary(part);
    if (text === null) throw new WorkbookError({ kind: "part-missing", part });
    return text;
  };
  const rootRels = relationshipsOf(await need("_rels/.rels"));
  const main = rootRels.find((r) => REL_TYPE.officeDocument.test(r.type) && !r.external);
  if (main === undefined) throw new WorkbookError({ kind: "no-workbook-part" });
  const workbookPart = entries.name(resolveTarget("", main.target)) ?? resolveTarget("", main.target);
  const workbookRelsPart = entries.name(relsPartOf(workbookPart)) ?? relsPartOf(workbookPart);
  const workbookXml = await need(workbookPart);
  const relsXml = await need(workbookRelsPart);
  const rels = relationshipsOf(relsXml);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const book = readWorkbookPart(workbookXml);

  const sheets = new Map<string, StaffSheet>();
  book.sheets.forEach((s, index) => {
    const rel = relById.get(s.rId);
    if (rel === undefined) return;
    const part = entries.name(resolveTarget(workbookPart, rel.target)) ?? resolveTarget(workbookPart, rel.target);
    sheets.set(s.name, { name: s.name, index, sheetId: s.sheetId, rel, part });
  });

  let shared: string[] | null = null;
  const sharedRel = rels.find((r) => REL_TYPE.sharedStrings.test(r.type));
  const sharedString = (i: number): string | null => shared?.[i] ?? null;
  /** Only our own sheets are replaced or removed: a staff sheet of that name is refused. */
  const assertOwned = async (sheet: StaffSheet): Promise<void> => {
    const xml = REL_TYPE.worksheet.test(sheet.rel.type) ? await entries.binary(sheet.part) : null;
    if (shared === null && sharedRel !== undefined) {
      const sst = await entries.binary(resolveTarget(workbookPart, sharedRel.target));
      shared = sst === null ? [] : sharedStrings(sst);
    }
    if (xml === null || !isOwnedPart(xml, sharedString)) {
      throw new WorkbookError({ kind: "copy-not-owned", sheet: sheet.name });
    }
  };

  const replace = new Map<string, PartContent>();
  const remove = new Set<string>();
  const add: [string, PartContent][] = [];
  const removeIndices = new Set<number>();
  const removeRels = new Set<string>();
  const removedParts: string[] = [];
  const touchedSheetIds = new Set<number>();
  for (const name of plan.removeSheets) {
    const sheet = sheets.get(name);
    if (sheet === undefined) continue;
    await assertOwned(sheet);
    removeIndices.add(sheet.index);
    removeRels.add(sheet.rel.id);
    touchedSheetIds.add(sheet.sheetId);
    for (const part of [sheet.part, relsPartOf(sheet.part)]) {
      const entry = entries.name(part);
      if (entry !== null) {
        remove.add(entry);
        removedParts.push(entry);
      }
    }
  }

  const stylesRel = rels.find((r) => REL_TYPE.styles.test(r.type));
  const stylesPart = stylesRel === undefined ? null : entries.name(resolveTarget(workbookPart, stylesRel.target));
  const stylesXml = stylesPart === null ? null : await entries.binary(stylesPart);
  const styles = new StylesEditor(stylesXml ?? DEFAULT_STYLES);

  const states = new Map<number, NewSheet["state"]>();
  const addSheets: NewSheet[] = [];
  const addParts: { part: string; type: string }[] = [];
  const addRels: { id: string; type: string; target: string }[] = [];
  const addNames: NewName[] = [];
  const replacedIndices = new Set<number>();
  const taken = new Set<string>();
  const kept = book.sheets.length - removeIndices.size;
  const newIds = freshIds(relsXml, plan.sheets.length + 1);
  let nextSheetId = Math.max(0, bounds(book.sheets.map((s) => s.sheetId)).max) + 1;
  for (const sheetPlan of plan.sheets) {
    const existing = sheets.get(sheetPlan.name);
    const content = ownedSheetXml(sheetPlan, styles);
    if (existing !== undefined && !removeIndices.has(existing.index)) {
      await assertOwned(existing);
      replace.set(existing.part, content);
      states.set(existing.index, sheetPlan.visibility);
      replacedIndices.add(existing.index);
      touchedSheetIds.add(existing.sheetId);
      const at = existing.index - [...removeIndices].filter((r) => r < existing.index).length;
      append(addNames, pageNames(sheetPlan, at));
      continue;
    }
    const part = newSheetPart(entries, workbookPart, taken);
    const id = newIds[addRels.length] ?? "";
    add.push([part, content]);
    addParts.push({ part, type: WORKSHEET_TYPE });
    addRels.push({ id, type: WORKSHEET_REL, target: relativeTarget(workbookPart, part) });
    addSheets.push({ name: sheetPlan.name, sheetId: nextSheetId++, rId: id, state: sheetPlan.visibility });
    append(addNames, pageNames(sheetPlan, kept + addSheets.length - 1));
  }
  if (plan.names !== null) append(addNames, plan.names.map((n) => ({ ...n, localSheetId: null })));

  // The flags: every staff sheet loses ours and gets the plan's.
  if (plan.flags !== null) {
    const bySheet = new Map<string, SheetRule[]>();
    for (const rule of plan.flags) {
      if (!sheets.has(rule.sheet)) throw new Error(`flag plan names a sheet the workbook lacks: ${rule.sheet}`);
      const list = bySheet.get(rule.sheet) ?? [];
      list.push({ sqref: rule.ranges.join(" "), formula: rule.formula, dxfId: styles.flagDxf(rule.severity) });
      bySheet.set(rule.sheet, list);
    }
    for (const sheet of sheets.values()) {
      if (removeIndices.has(sheet.index) || replacedIndices.has(sheet.index)) continue;
      if (!REL_TYPE.worksheet.test(sheet.rel.type)) continue;
      const xml = await entries.binary(sheet.part);
      if (xml === null) continue;
      const edited = editSheetFormats(xml, bySheet.get(sheet.name) ?? []);
      if (edited !== null) replace.set(sheet.part, binaryBytes(edited));
    }
  }

  // A styles part this writer made for a package without one (its relationship id is ours, so no
  // other program has saved the file since) goes when nothing of ours is left to use it.
  const oursLeft =
    plan.sheets.length > 0 ||
    (plan.flags ?? []).length > 0 ||
    [...sheets.values()].some((s) => !removeIndices.has(s.index) && (s.name === OWNED.tableSheet || s.name === OWNED.helperSheet));
  if (stylesRel !== undefined && stylesPart !== null && stylesRel.id.startsWith("rIdCT") && !oursLeft && plan.flags !== null) {
    remove.add(stylesPart);
    removedParts.push(stylesPart);
    removeRels.add(stylesRel.id);
  } else if (stylesPart !== null && !oursLeft && plan.flags !== null && styles.unchanged && styles.marked) {
    // --clear: the entries we appended go again, as far as nothing left in the package uses them.
    const restored = styles.restore(
      await styleReferences(entries, stylesPart, new Set([...sheets.values()].map((s) => s.part)), remove, replace),
    );
    if (restored !== null) replace.set(stylesPart, binaryBytes(restored));
  } else if (!styles.unchanged) {
    if (stylesPart !== null) replace.set(stylesPart, binaryBytes(styles.text()));
    else if (stylesRel !== undefined) {
      // A relationship to a styles part the package lacks: the part is made where it points.
      const part = resolveTarget(workbookPart, stylesRel.target);
      add.push([part, binaryBytes(styles.text())]);
      addParts.push({ part, type: STYLES_TYPE });
    } else {
      const part = `${workbookPart.split("/").slice(0, -1).join("/")}/styles.xml`.replace(/^\//, "");
      add.push([part, binaryBytes(styles.text())]);
      addParts.push({ part, type: STYLES_TYPE });
      addRels.push({ id: newIds[newIds.length - 1] ?? "rIdCTstyles", type: STYLES_REL, target: relativeTarget(workbookPart, part) });
    }
  }

  // The calculation chain, where it lists cells of a sheet of ours that is replaced or removed.
  const calcRel = rels.find((r) => REL_TYPE.calcChain.test(r.type));
  const calcPart = calcRel === undefined ? null : entries.name(resolveTarget(workbookPart, calcRel.target));
  if (calcPart !== null && calcRel !== undefined && touchedSheetIds.size > 0) {
    const chain = withoutSheets(await need(calcPart), touchedSheetIds);
    if (chain.text === null) {
      remove.add(calcPart);
      removedParts.push(calcPart);
      removeRels.add(calcRel.id);
    } else if (chain.changed) replace.set(calcPart, binaryBytes(chain.text));
  }

  const workbookChanged =
    removeIndices.size > 0 || addSheets.length > 0 || addNames.length > 0 || plan.names !== null || states.size > 0;
  if (workbookChanged) {
    const dropName = (name: string, local: number | null): boolean =>
      (plan.names !== null && isOwnedName(name)) || (local !== null && replacedIndices.has(local));
    const edited = editWorkbookPart(workbookXml, book, { removeSheets: removeIndices, states, addSheets, dropName, addNames });
    if (edited !== workbookXml) replace.set(workbookPart, binaryBytes(edited));
  }
  // The extended properties' list of worksheet titles, where it has one.
  const appRel = rootRels.find((r) => APP_REL.test(r.type) && !r.external);
  const appPart = appRel === undefined ? null : entries.name(resolveTarget("", appRel.target));
  if (appPart !== null && (removeIndices.size > 0 || addSheets.length > 0)) {
    const worksheets = book.sheets.filter((s) => REL_TYPE.worksheet.test(relById.get(s.rId)?.type ?? ""));
    const before = worksheets.map((s) => s.name);
    const removedNames = new Set(book.sheets.filter((_, i) => removeIndices.has(i)).map((s) => s.name));
    const after = [...before.filter((n) => !removedNames.has(n)), ...addSheets.map((s) => s.name)];
    // A summary, not the workbook: one in UTF-16, or one we cannot parse, is left as it is.
    const bytes = await entryBytes(zip, appPart);
    const utf16 = bytes !== null && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const edited = bytes === null || utf16 ? null : appTitles(toBinary(bytes), before, after);
    if (edited !== null) replace.set(appPart, binaryBytes(edited));
  }
  if (removeRels.size > 0 || addRels.length > 0) {
    replace.set(workbookRelsPart, binaryBytes(editRelationships(relsXml, removeRels, addRels)));
  }
  if (removedParts.length > 0 || addParts.length > 0) {
    const typesPart = entries.name("[Content_Types].xml") ?? "[Content_Types].xml";
    const types = await need(typesPart);
    replace.set(typesPart, binaryBytes(editContentTypes(types, removedParts, addParts)));
  }

  const bytes = await rewriteEntries(zip, { replace, remove, add });
  // Honest to the last: every entry of the original that is not a part of ours is in the copy.
  const written = new Set(entryNames(await readZip(bytes)));
  const lost = entryNames(zip).filter((n) => !remove.has(n) && !written.has(n));
  return { bytes, lost };
}

import type ExcelJS from "exceljs";
import { entryNames, entryText, readZip, replaceEntries, type ZipPackage } from "./zip-entries";

/**
 * The staff's conditional formats that ExcelJS 4.4 cannot write back, carried over from the
 * input file verbatim.
 *
 * Excel keeps data bars, icon sets and rules that refer to another sheet in an `x14` extension
 * of the sheet (Excel 2010+); ExcelJS reads such a rule without its formula and then throws when
 * it writes the workbook. It also drops, silently, the rule types it does not know (duplicate
 * values, begins with …). Writing a checked copy must neither fail nor lose a staff rule, so:
 * before saving, those rules are taken out of ExcelJS's model (`dropUnwritableFormats`); after
 * saving, the very XML the input file holds for them is put back into the copy
 * (`restoreFormats`), with the differential formats (dxf) they use copied into the copy's styles.
 */

const X14_CF_EXT_URI = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";
const X14_NS = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM_NS = "http://schemas.microsoft.com/office/excel/2006/main";
const REL_WORKSHEET = /\/relationships\/worksheet$/;
const REL_STYLES = /\/relationships\/styles$/;
const REL_OFFICE_DOCUMENT = /\/relationships\/officeDocument$/;

/** Rule types ExcelJS 4.4 writes, as ExcelJS names them in its model. */
const WRITABLE_IN_MODEL = new Set([
  "expression",
  "cellIs",
  "top10",
  "aboveAverage",
  "dataBar",
  "colorScale",
  "iconSet",
  "containsText",
  "timePeriod",
]);
/** The same, as they stand in the file: ExcelJS reads the containsText family as "containsText". */
const WRITABLE_IN_FILE = new Set([
  ...WRITABLE_IN_MODEL,
  "containsBlanks",
  "notContainsBlanks",
  "containsErrors",
  "notContainsErrors",
]);
/** Types that cannot be written without a formula. */
const NEEDS_FORMULA = new Set(["expression", "cellIs"]);

type ModelRule = { type?: string; x14Id?: string; formulae?: unknown[] };
type ModelFormat = { ref: string; rules: ModelRule[] };

const formatsOf = (ws: ExcelJS.Worksheet): ModelFormat[] =>
  ((ws as unknown as { conditionalFormattings?: ModelFormat[] }).conditionalFormattings ??= []);

const writable = (rule: ModelRule): boolean =>
  rule.x14Id === undefined &&
  rule.type !== undefined &&
  WRITABLE_IN_MODEL.has(rule.type) &&
  (!NEEDS_FORMULA.has(rule.type) || (rule.formulae?.length ?? 0) > 0);

/**
 * Takes out of ExcelJS's model every conditional-format rule it could not write: those from the
 * x14 extension (and their classic halves), unknown types, expressions without a formula.
 * Returns how many were taken out.
 */
export function dropUnwritableFormats(wb: ExcelJS.Workbook): number {
  let dropped = 0;
  for (const ws of wb.worksheets) {
    const formats = formatsOf(ws);
    const kept: ModelFormat[] = [];
    for (const cf of formats) {
      const rules = cf.rules.filter(writable);
      dropped += cf.rules.length - rules.length;
      if (rules.length > 0) kept.push({ ...cf, rules });
    }
    formats.splice(0, formats.length, ...kept);
  }
  return dropped;
}

/** What one sheet of the input holds that ExcelJS could not write, as XML. */
type KeptSheet = {
  /** Classic <conditionalFormatting> blocks, each with the start tag's attributes and the kept rules. */
  classic: { attributes: string; rules: string[] }[];
  /** <x14:conditionalFormatting> elements of the x14 extension. */
  ext: string[];
  /**
   * Other extensions of the sheet that stand on their own (no relationship to another part):
   * data validations that refer to another sheet (x14:dataValidations), sparklines. ExcelJS
   * writes none of them.
   */
  others: string[];
  /** Extensions neither ExcelJS nor this keeps (slicers, web extensions …): the copy lacks them. */
  lost: number;
};

/** Worksheet extensions copied verbatim: self-contained, by their uri. */
const SELF_CONTAINED_EXTS = new Set([
  // x14:dataValidations: lists and rules that refer to another sheet
  "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}",
  // x14:sparklineGroups
  "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}",
]);

/** The <ext> children of the worksheet's own <extLst> (after everything else), nested <ext>s kept inside. */
function worksheetExts(xml: string): string[] {
  const open = xml.lastIndexOf("<extLst>");
  if (open < 0 || open < xml.lastIndexOf("</conditionalFormatting>") || open < xml.lastIndexOf("</dataValidations>")) {
    return [];
  }
  const close = xml.lastIndexOf("</extLst>");
  const body = xml.slice(open + "<extLst>".length, close);
  const out: string[] = [];
  const tag = /<ext\b[^>]*?(\/?)>|<\/ext>/g;
  let depth = 0;
  let start = -1;
  for (const m of body.matchAll(tag)) {
    if (m[0] === "</ext>") {
      depth--;
      if (depth === 0 && start >= 0) out.push(body.slice(start, m.index + m[0].length));
    } else if (m[1] === "/") {
      if (depth === 0) out.push(m[0]);
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}

const decodeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) => {
    if (entity === "amp") return "&";
    if (entity === "lt") return "<";
    if (entity === "gt") return ">";
    if (entity === "quot") return '"';
    if (entity === "apos") return "'";
    return String.fromCodePoint(
      entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10),
    );
  });

/** An attribute's decoded value in a start tag (`<c r="A1" s="3">`), or null. */
export const attribute = (tag: string, name: string): string | null => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? null : decodeXml(m[1] ?? m[2] ?? "");
};

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; absolute targets as they are. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

function relationships(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attribute(m[0], "Id") ?? "",
    type: attribute(m[0], "Type") ?? "",
    target: attribute(m[0], "Target") ?? "",
  }));
}

const relsOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

type Parts = { workbook: string; sheets: Map<string, string>; styles: string | null };

/** The workbook part, its sheet parts by sheet name, and its styles part; `read` gives a part's text. */
export async function partsOf(read: (path: string) => Promise<string | null>): Promise<Parts> {
  const root = relationships((await read("_rels/.rels")) ?? "");
  const main = resolvePart("", root.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? "xl/workbook.xml");
  const workbook = (await read(main)) ?? "";
  const rels = relationships((await read(relsOf(main))) ?? "");
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const id = attribute(m[0], "r:id") ?? /\s\w+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null;
    const rel = id === null ? undefined : byId.get(id);
    if (name !== null && rel !== undefined && REL_WORKSHEET.test(rel.type))
      sheets.set(name, resolvePart(main, rel.target));
  }
  const styles = rels.find((r) => REL_STYLES.test(r.type));
  return { workbook: main, sheets, styles: styles === undefined ? null : resolvePart(main, styles.target) };
}

const CLASSIC = /<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g;
const RULE = /<cfRule\b([^>]*?)(?:\/>|>([\s\S]*?)<\/cfRule>)/g;
const X14_BLOCK = /<x14:conditionalFormattings\b[^>]*>([\s\S]*?)<\/x14:conditionalFormattings>/;
const X14_FORMAT = /<x14:conditionalFormatting\b[^>]*?(?:\/>|>[\s\S]*?<\/x14:conditionalFormatting>)/g;

/** A classic rule ExcelJS cannot write: linked to the x14 extension, of an unknown type, or without its formula. */
function unwritableClassic(attributes: string, body: string): boolean {
  const type = attribute(attributes, "type") ?? "";
  if (body.includes(":id>") && body.includes("{B025F937-C7B1-47D3-B67F-A62EFF666E3E}")) return true;
  if (!WRITABLE_IN_FILE.has(type)) return true;
  return NEEDS_FORMULA.has(type) && !/<formula\b/.test(body);
}

/** Declares the x14 and xm prefixes on an element that uses them, where it does not already. */
function withNamespaces(element: string): string {
  const end = element.search(/\s|\/?>/);
  const start = element.slice(0, end);
  const rest = element.slice(end);
  const head = rest.slice(0, rest.indexOf(">"));
  const add = [
    /\sxmlns:x14\s*=/.test(head) ? "" : ` xmlns:x14="${X14_NS}"`,
    /\sxmlns:xm\s*=/.test(head) ? "" : ` xmlns:xm="${XM_NS}"`,
  ].join("");
  return `${start}${add}${rest}`;
}

function keptIn(xml: string): KeptSheet {
  const kept: KeptSheet = { classic: [], ext: [], others: [], lost: 0 };
  for (const block of xml.matchAll(CLASSIC)) {
    const rules = [...(block[2] ?? "").matchAll(RULE)]
      .filter((r) => unwritableClassic(r[1] ?? "", r[2] ?? ""))
      .map((r) => (/\b(x14|xm):/.test(r[0]) ? withNamespaces(r[0]) : r[0]));
    if (rules.length > 0) kept.classic.push({ attributes: block[1] ?? "", rules });
  }
  const ext = X14_BLOCK.exec(xml);
  if (ext !== null) kept.ext = [...(ext[1] ?? "").matchAll(X14_FORMAT)].map((m) => withNamespaces(m[0]));
  for (const element of worksheetExts(xml)) {
    const uri = attribute(element.slice(0, element.indexOf(">")), "uri") ?? "";
    if (uri.toUpperCase() === X14_CF_EXT_URI.toUpperCase()) continue;
    if (SELF_CONTAINED_EXTS.has(uri) || [...SELF_CONTAINED_EXTS].some((u) => u.toUpperCase() === uri.toUpperCase())) {
      kept.others.push(withNamespaces(element));
    } else kept.lost++;
  }
  return kept;
}

/** What a checked copy lacks of the original, because ExcelJS does not write it and it is not copied here. */
export type CopyLoss = "macros" | "charts" | "shapes" | "pivot-tables" | "slicers" | "extensions";

export type KeptFormats = {
  /** By sheet name. */
  sheets: Map<string, KeptSheet>;
  /** The input's differential formats (<dxf>), by index, for the kept rules that use them. */
  dxfs: string[];
  losses: CopyLoss[];
};

/** True when there is anything to put back into a copy. */
export const hasKept = (kept: KeptFormats): boolean =>
  [...kept.sheets.values()].some((s) => s.classic.length > 0 || s.ext.length > 0 || s.others.length > 0);

/** Parts of the original that no copy written by ExcelJS has. */
async function lossesOf(zip: ZipPackage, sheets: Iterable<KeptSheet>): Promise<CopyLoss[]> {
  const names = entryNames(zip);
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  const losses = new Set<CopyLoss>();
  if (has("xl/vbaProject")) losses.add("macros");
  if (has("xl/charts/") || has("xl/chartsheets/")) losses.add("charts");
  if (has("xl/pivotTables/")) losses.add("pivot-tables");
  if (has("xl/slicers/") || has("xl/timelines/")) losses.add("slicers");
  for (const name of names.filter((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n))) {
    // ExcelJS keeps pictures; shapes, text boxes and grouped drawings it drops.
    const xml = (await entryText(zip, name)) ?? "";
    if (/<xdr:(sp|grpSp|cxnSp)\b/.test(xml)) losses.add("shapes");
  }
  for (const sheet of sheets) if (sheet.lost > 0) losses.add("extensions");
  return [...losses];
}

/** Reads from the input file the conditional formats ExcelJS cannot write. */
export async function keptFormats(input: Buffer): Promise<KeptFormats> {
  const zip = await readZip(input);
  const parts = await partsOf((path) => entryText(zip, path));
  const sheets = new Map<string, KeptSheet>();
  for (const [name, part] of parts.sheets) {
    const xml = await entryText(zip, part);
    if (xml === null) continue;
    // Conditional formats, validations and extensions all follow the cells: only that part is searched.
    const end = xml.lastIndexOf("</sheetData>");
    const kept = keptIn(end < 0 ? xml : xml.slice(end));
    if (kept.classic.length > 0 || kept.ext.length > 0 || kept.others.length > 0 || kept.lost > 0) {
      sheets.set(name, kept);
    }
  }
  const styles = parts.styles === null ? "" : ((await entryText(zip, parts.styles)) ?? "");
  const dxfBlock = /<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? "";
  const dxfs = [...dxfBlock.matchAll(/<dxf\b[^>]*?(?:\/>|>[\s\S]*?<\/dxf>)/g)].map((m) => m[0]);
  return { sheets, dxfs, losses: await lossesOf(zip, sheets.values()) };
}

/** Elements that follow conditional formats in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_FORMATS = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function insertClassic(xml: string, blocks: string): string {
  const last = xml.lastIndexOf("</conditionalFormatting>");
  if (last >= 0) {
    const at = last + "</conditionalFormatting>".length;
    return xml.slice(0, at) + blocks + xml.slice(at);
  }
  let at = -1;
  for (const tag of AFTER_FORMATS) {
    const m = new RegExp(`<${tag}[\\s/>]`).exec(xml);
    if (m !== null && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  return xml.slice(0, at) + blocks + xml.slice(at);
}

function insertExt(xml: string, elements: string): string {
  const block = X14_BLOCK.exec(xml);
  if (block !== null) {
    const at = block.index + block[0].lastIndexOf("</x14:conditionalFormattings>");
    return xml.slice(0, at) + elements + xml.slice(at);
  }
  const ext = `<ext uri="${X14_CF_EXT_URI}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${elements}</x14:conditionalFormattings></ext>`;
  // The worksheet's own <extLst> comes after every other part; a rule's <extLst> (a data bar's
  // link to its x14 half) sits inside <conditionalFormatting>, before it.
  const extLst = xml.lastIndexOf("</extLst>");
  if (extLst >= 0 && extLst > xml.lastIndexOf("</conditionalFormatting>")) {
    return xml.slice(0, extLst) + ext + xml.slice(extLst);
  }
  const end = xml.lastIndexOf("</worksheet>");
  return `${xml.slice(0, end)}<extLst>${ext}</extLst>${xml.slice(end)}`;
}

/** Adds whole <ext> elements to the worksheet's own <extLst>, making one where there is none. */
function insertOtherExts(xml: string, exts: string): string {
  const extLst = xml.lastIndexOf("</extLst>");
  if (extLst >= 0 && extLst > xml.lastIndexOf("</conditionalFormatting>")) {
    return xml.slice(0, extLst) + exts + xml.slice(extLst);
  }
  const end = xml.lastIndexOf("</worksheet>");
  return `${xml.slice(0, end)}<extLst>${exts}</extLst>${xml.slice(end)}`;
}

/** Appends dxf elements to the styles part; returns the new styles and the index of the first added. */
function appendDxfs(styles: string, added: readonly string[]): { styles: string; first: number } {
  const block = /<dxfs\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dxfs>)/.exec(styles);
  if (block !== null) {
    const existing = [...(block[2] ?? "").matchAll(/<dxf\b[^>]*?(?:\/>|>[\s\S]*?<\/dxf>)/g)].length;
    const replaced = `<dxfs count="${existing + added.length}">${block[2] ?? ""}${added.join("")}</dxfs>`;
    return {
      styles: styles.slice(0, block.index) + replaced + styles.slice(block.index + block[0].length),
      first: existing,
    };
  }
  const dxfs = `<dxfs count="${added.length}">${added.join("")}</dxfs>`;
  const before = /<(tableStyles|colors|extLst)[\s/>]/.exec(styles);
  const at = before?.index ?? styles.lastIndexOf("</styleSheet>");
  return { styles: styles.slice(0, at) + dxfs + styles.slice(at), first: 0 };
}

/** Puts the kept formats into the copy ExcelJS wrote; every part it does not change is copied as it is. */
export async function restoreFormats(output: Buffer, kept: KeptFormats): Promise<Buffer> {
  const zip = await readZip(output);
  const parts = await partsOf((path) => entryText(zip, path));
  const replaced = new Map<string, () => Iterable<string>>();
  // Differential formats the kept rules use, copied over once each and renumbered.
  const used = new Set<number>();
  for (const sheet of kept.sheets.values()) {
    for (const block of sheet.classic) {
      for (const rule of block.rules) {
        const id = attribute(rule.slice(0, rule.indexOf(">")), "dxfId");
        if (id !== null && kept.dxfs[Number(id)] !== undefined) used.add(Number(id));
      }
    }
  }
  const renumber = new Map<number, number>();
  if (used.size > 0 && parts.styles !== null) {
    const order = [...used].sort((a, b) => a - b);
    const styles = (await entryText(zip, parts.styles)) ?? "";
    const appended = appendDxfs(
      styles,
      order.map((i) => kept.dxfs[i] ?? "<dxf/>"),
    );
    order.forEach((old, k) => renumber.set(old, appended.first + k));
    replaced.set(parts.styles, () => [appended.styles]);
  }
  for (const [name, sheet] of kept.sheets) {
    const part = parts.sheets.get(name);
    const xml = part === undefined ? null : await entryText(zip, part);
    if (part === undefined || xml === null) continue;
    let out = xml;
    if (sheet.classic.length > 0) {
      const blocks = sheet.classic
        .map((block) => {
          const rules = block.rules.map((rule) =>
            rule.replace(/^(<cfRule\b[^>]*?\sdxfId\s*=\s*")(\d+)(")/, (whole, a: string, id: string, b: string) => {
              const to = renumber.get(Number(id));
              return to === undefined ? whole : `${a}${to}${b}`;
            }),
          );
          return `<conditionalFormatting${block.attributes}>${rules.join("")}</conditionalFormatting>`;
        })
        .join("");
      out = insertClassic(out, blocks);
    }
    if (sheet.ext.length > 0) out = insertExt(out, sheet.ext.join(""));
    if (sheet.others.length > 0) out = insertOtherExts(out, sheet.others.join(""));
    const restored = out;
    replaced.set(part, () => [restored]);
  }
  return await replaceEntries(zip, replaced);
}

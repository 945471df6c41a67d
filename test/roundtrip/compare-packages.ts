import JSZip from "jszip";

/**
 * Test helper: how a checked copy differs from its original, part by part, judged without the
 * writer's code (plain regular expressions over the parts, namespace prefixes allowed).
 */

/** Parts a copy may edit; every other original part must be there byte for byte. */
const EDITABLE = /^(\[Content_Types\]\.xml|.*workbook[^/]*\.xml|.*_rels\/workbook[^/]*\.xml\.rels|.*styles\.xml|.*calcChain\.xml|docProps\/app\.xml)$/i;
const isSheet = (name: string): boolean => /(^|\/)worksheets\/[^/]+\.xml$/i.test(name);

/** A sheet's cell data: the bytes from its <sheetData> start tag to its end tag. */
export function sheetData(xml: Buffer): Buffer | null {
  const text = xml.toString("latin1");
  const open = /<([A-Za-z_][\w.-]*:)?sheetData[\s/>]/.exec(text);
  if (open === null) return null;
  const prefix = open[1] ?? "";
  const end = text.indexOf(">", open.index) + 1;
  if (text[end - 2] === "/") return xml.subarray(open.index, end);
  const close = text.indexOf(`</${prefix}sheetData>`, open.index);
  if (close < 0) return null;
  return xml.subarray(open.index, close + `</${prefix}sheetData>`.length);
}

/** The items of a styles list (`<fonts>` …), as text, in order. */
export function styleItems(xml: string, list: string, item: string): string[] {
  const block = new RegExp(`<([\\w.-]+:)?${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${list}>)`).exec(xml);
  if (block === null) return [];
  const body = block[2] ?? "";
  const items: string[] = [];
  const tag = new RegExp(`<(/?)(?:[\\w.-]+:)?${item}\\b[^>]*?(/?)>`, "g");
  let depth = 0;
  let start = 0;
  for (const m of body.matchAll(tag)) {
    if (m[1] === "/") {
      depth--;
      if (depth === 0) items.push(body.slice(start, (m.index ?? 0) + m[0].length));
    } else if (m[2] === "/") {
      if (depth === 0) items.push(m[0]);
    } else {
      if (depth === 0) start = m.index ?? 0;
      depth++;
    }
  }
  return items;
}

const STYLE_LISTS: [string, string][] = [
  ["numFmts", "numFmt"],
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellStyleXfs", "xf"],
  ["cellXfs", "xf"],
  ["dxfs", "dxf"],
];

export type PackageDiff = {
  /** Original parts not in the copy. */
  missing: string[];
  /** Original parts outside the editable ones whose bytes differ (a sheet: its cell data). */
  changed: string[];
  /** Styles lists whose original items are not the copy's first ones, in order. */
  renumbered: string[];
};

async function bytesOf(zip: JSZip, name: string): Promise<Buffer> {
  return await zip.file(name)!.async("nodebuffer");
}

/** Compares a checked copy with its original. */
export async function comparePackages(original: Buffer, copy: Buffer): Promise<PackageDiff> {
  const [a, b] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(copy)]);
  const diff: PackageDiff = { missing: [], changed: [], renumbered: [] };
  for (const name of Object.keys(a.files)) {
    if (a.files[name]!.dir) continue;
    if (b.file(name) === null) {
      diff.missing.push(name);
      continue;
    }
    if (EDITABLE.test(name)) {
      if (/styles\.xml$/i.test(name)) {
        const [before, after] = [(await bytesOf(a, name)).toString("utf8"), (await bytesOf(b, name)).toString("utf8")];
        for (const [list, item] of STYLE_LISTS) {
          const [old, now] = [styleItems(before, list, item), styleItems(after, list, item)];
          if (JSON.stringify(now.slice(0, old.length)) !== JSON.stringify(old)) diff.renumbered.push(list);
        }
      }
      continue;
    }
    const [before, after] = [await bytesOf(a, name), await bytesOf(b, name)];
    if (before.equals(after)) continue;
    if (isSheet(name)) {
      const [x, y] = [sheetData(before), sheetData(after)];
      if (x !== null && y !== null && x.equals(y)) continue;
    }
    diff.changed.push(name);
  }
  return diff;
}

/** Original parts (outside the styles part) whose bytes differ in the copy, or that it lacks. */
export async function differingParts(original: Buffer, copy: Buffer): Promise<string[]> {
  const [a, b] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(copy)]);
  const out: string[] = [];
  for (const name of Object.keys(a.files)) {
    if (a.files[name]!.dir || /styles\.xml$/i.test(name)) continue;
    if (b.file(name) === null || !(await bytesOf(a, name)).equals(await bytesOf(b, name))) out.push(name);
  }
  for (const name of Object.keys(b.files)) if (!b.files[name]!.dir && a.file(name) === null) out.push(`+${name}`);
  return out;
}

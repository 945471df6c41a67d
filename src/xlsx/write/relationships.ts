import { applyEdits, attr, escapeText, isElement, NS, qualifier, toBytes, walk, type Tag } from "./xml-scan";

/** A relationship of a part (OPC): its id, type URI, target and where its element stands in the .rels part. */
export type Relationship = { id: string; type: string; target: string; external: boolean; start: number; end: number };

const isPackageRels = (ns: string): boolean => ns === NS.packageRels;

/** The relationships listed in a .rels part (held as a binary string). */
export function relationshipsOf(rels: string): Relationship[] {
  const out: Relationship[] = [];
  walk(rels, (tag) => {
    if (tag.kind === "close" || !isElement(tag, "Relationship", isPackageRels)) return;
    out.push({
      id: attr(tag, "Id") ?? "",
      type: attr(tag, "Type") ?? "",
      target: attr(tag, "Target") ?? "",
      external: attr(tag, "TargetMode") === "External",
      start: tag.start,
      end: tag.end,
    });
  });
  return out;
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name without the leading "/", relative to the part that holds it. */
export function resolveTarget(from: string, target: string): string {
  const path = decodeURI(target.split("#")[0] ?? "");
  if (path.startsWith("/")) return path.slice(1);
  const segments = from.split("/").slice(0, -1);
  for (const s of path.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

/** The target that reaches `part` from a part in the folder of `from` (both package part names). */
export function relativeTarget(from: string, part: string): string {
  const base = from.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < base.length && common < to.length - 1 && base[common] === to[common]) common++;
  return [...base.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export const REL_TYPE = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  styles: /\/styles$/,
  sharedStrings: /\/sharedStrings$/,
  calcChain: /\/calcChain$/,
};

export const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/**
 * The .rels part with relationships removed (by id) and added: each added one is written with the
 * prefix the part gives the relationships namespace, before the root's close tag.
 */
export function editRelationships(
  rels: string,
  remove: ReadonlySet<string>,
  add: readonly { id: string; type: string; target: string }[],
): string {
  const edits = relationshipsOf(rels)
    .filter((r) => remove.has(r.id))
    .map((r) => ({ start: r.start, end: r.end, text: "" }));
  if (add.length > 0) {
    let root: Tag | null = null;
    let closeAt = -1;
    walk(rels, (tag) => {
      if (tag.depth !== 0) return;
      if (tag.kind !== "close") root = tag;
      if (tag.kind === "close") closeAt = tag.start;
      if (tag.kind === "empty") closeAt = tag.start;
    });
    const top = root as Tag | null;
    if (top === null) throw new Error("a relationships part without its root element");
    const q = qualifier(top.scope, NS.packageRels);
    if (q === null) throw new Error("a relationships part outside the relationships namespace");
    const added = add
      .map(
        (r) =>
          `<${q("Relationship")} Id="${escapeText(r.id)}" Type="${escapeText(r.type)}" Target="${escapeText(r.target)}"/>`,
      )
      .join("");
    if (top.kind === "empty") {
      // <Relationships …/>: opened and closed around the new ones.
      const head = rels.slice(top.start, top.end - 2);
      edits.push({ start: top.start, end: top.end, text: `${head}>${toBytes(added)}</${top.qname}>` });
    } else edits.push({ start: closeAt, end: closeAt, text: toBytes(added) });
  }
  return applyEdits(rels, edits);
}

/** An id not yet used in the part: rIdCT1, rIdCT2 … */
export function freshIds(rels: string, count: number): string[] {
  const used = new Set(relationshipsOf(rels).map((r) => r.id));
  const out: string[] = [];
  for (let n = 1; out.length < count; n++) if (!used.has(`rIdCT${n}`)) out.push(`rIdCT${n}`);
  return out;
}

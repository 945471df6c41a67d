import { applyEdits, attr, escapeText, isElement, NS, qualifier, toBytes, walk, type Edit, type Tag } from "./xml-scan";

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

const isTypes = (ns: string): boolean => ns === NS.contentTypes;

/**
 * [Content_Types].xml with the overrides of removed parts taken out and one added per new part.
 * Part names compare without regard to case, as OPC has them. Defaults and every other override
 * stay as they are: a macro workbook keeps its macro-enabled content type.
 */
export function editContentTypes(
  xml: string,
  removeParts: readonly string[],
  addParts: readonly { part: string; type: string }[],
): string {
  const removed = new Set(removeParts.map((p) => `/${p}`.toLowerCase()));
  const edits: Edit[] = [];
  let root: Tag | null = null;
  let closeAt = -1;
  walk(xml, (tag) => {
    if (tag.depth === 0 && tag.kind !== "close") root = tag;
    if (tag.depth === 0 && tag.kind === "close") closeAt = tag.start;
    if (tag.kind === "close" || !isElement(tag, "Override", isTypes)) return;
    const name = (attr(tag, "PartName") ?? "").toLowerCase();
    if (removed.has(name)) edits.push({ start: tag.start, end: tag.end, text: "" });
  });
  const top = root as Tag | null;
  if (top === null) throw new Error("a [Content_Types].xml without its root element");
  if (addParts.length > 0) {
    const q = qualifier(top.scope, NS.contentTypes);
    if (q === null) throw new Error("a [Content_Types].xml outside the content-types namespace");
    const added = addParts
      .map((p) => `<${q("Override")} PartName="/${escapeText(p.part)}" ContentType="${escapeText(p.type)}"/>`)
      .join("");
    if (top.kind === "empty") {
      edits.push({ start: top.start, end: top.end, text: `${xml.slice(top.start, top.end - 2)}>${toBytes(added)}</${top.qname}>` });
    } else edits.push({ start: closeAt, end: closeAt, text: toBytes(added) });
  }
  return applyEdits(xml, edits);
}

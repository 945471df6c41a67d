import { applyEdits, decodeXml, escapeText, fromBytes, qualifier, toBytes, walk, type Edit, type Tag } from "./xml-scan";

/**
 * The sheet titles of the extended properties (docProps/app.xml): `HeadingPairs` names groups of
 * titles with their counts ("Worksheets" 4, "Named Ranges" 2 …, in the language of the program that
 * saved the file) and `TitlesOfParts` lists the titles, group after group (ECMA-376 Part 1, 22.2.2.12
 * and 22.2.2.24). When we add or remove sheets, the worksheets' group is brought up to date: our
 * titles appended to it or taken out, its count and the vector's size changed, nothing else.
 *
 * The group is found by its content, not by its name: the one whose titles are exactly the
 * workbook's worksheets in tab order. A part where no group matches (stale titles, none at all) is
 * left as it is: the properties are a summary Excel rewrites on every save.
 */

/** The variant types' namespace, transitional and strict. */
const VT = ["http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"];
/** The relationship type of the extended properties, transitional and strict. */
export const APP_REL = /\/(extended-properties|extendedProperties)$/;

type Text = { open: Tag; close: Tag };
type Pair = { name: string; count: number; countText: { start: number; end: number } };

/** The vectors of HeadingPairs and TitlesOfParts, read as the walk meets them. */
function readTitles(xml: string) {
  const pairs: Pair[] = [];
  const titles: { text: string; start: number; end: number }[] = [];
  let titlesVector: Tag | null = null;
  let within: "HeadingPairs" | "TitlesOfParts" | null = null;
  let open: Tag | null = null;
  let pendingName: string | null = null;
  const textOf = (t: Text): string => fromBytes(decodeXml(xml.slice(t.open.end, t.close.start)));
  walk(xml, (tag) => {
    if (tag.depth === 1 && (tag.local === "HeadingPairs" || tag.local === "TitlesOfParts")) {
      within = tag.kind === "open" ? tag.local : null;
      return;
    }
    if (within === null || !VT.includes(tag.ns)) return;
    if (tag.depth === 2 && tag.local === "vector" && tag.kind !== "close" && within === "TitlesOfParts") titlesVector = tag;
    if (tag.kind === "open") open = tag;
    if (tag.kind !== "close" || open === null || open.local !== tag.local) return;
    const t = { open, close: tag };
    if (within === "HeadingPairs" && tag.local === "lpstr") pendingName = textOf(t);
    if (within === "HeadingPairs" && tag.local === "i4" && pendingName !== null) {
      pairs.push({ name: pendingName, count: Number(textOf(t)), countText: { start: open.end, end: tag.start } });
      pendingName = null;
    }
    if (within === "TitlesOfParts" && tag.local === "lpstr") titles.push({ text: textOf(t), start: open.start, end: tag.end });
  });
  return { pairs, titles, titlesVector: titlesVector as Tag | null };
}

/**
 * app.xml with the worksheets' titles changed from `before` to `after` (kept ones in order, ours
 * appended at the end); null when nothing changes or the part lists no such group.
 */
export function editAppTitles(xml: string, before: readonly string[], after: readonly string[]): string | null {
  if (before.length === after.length && before.every((n, i) => n === after[i])) return null;
  const { pairs, titles, titlesVector } = readTitles(xml);
  if (titlesVector === null) return null;
  let offset = 0;
  let group: Pair | null = null;
  for (const pair of pairs) {
    const slice = titles.slice(offset, offset + pair.count).map((t) => t.text);
    if (slice.length === before.length && slice.every((n, i) => n === before[i])) {
      group = pair;
      break;
    }
    offset += pair.count;
  }
  if (group === null || group.count === 0) return null;
  const q = qualifier(titlesVector.scope, titlesVector.ns);
  if (q === null) return null;
  const kept = new Set(after);
  const edits: Edit[] = [];
  const own = titles.slice(offset, offset + group.count);
  for (const t of own) if (!kept.has(t.text)) edits.push({ start: t.start, end: t.end, text: "" });
  const known = new Set(before);
  const added = after.filter((n) => !known.has(n));
  const last = own[own.length - 1];
  if (added.length > 0 && last !== undefined) {
    edits.push({ start: last.end, end: last.end, text: toBytes(added.map((n) => `<${q("lpstr")}>${escapeText(n)}</${q("lpstr")}>`).join("")) });
  }
  const delta = after.length - before.length;
  edits.push({ start: group.countText.start, end: group.countText.end, text: String(after.length) });
  const size = titlesVector.attrs.find((a) => a.local === "size" && a.prefix === "");
  if (size !== undefined) edits.push({ start: size.start, end: size.end, text: `${size.qname}="${titles.length + delta}"` });
  return applyEdits(xml, edits);
}

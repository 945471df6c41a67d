import { applyEdits, attr, isMain, walk, type Edit } from "./xml-scan";

/**
 * The calculation chain (a cache of formula cells, by sheet id) without the cells of the sheets we
 * replace or remove: Excel repairs a workbook whose chain names a cell without a formula. An entry
 * without `i` belongs to the sheet of the entry before it (ECMA-376 Part 1, 18.6.1), so a kept
 * entry that followed a dropped one gets its sheet id written out. Returns null when no entry is
 * left: the part then goes, which Excel rebuilds.
 */
export function withoutSheets(xml: string, sheetIds: ReadonlySet<number>): { text: string | null; changed: boolean } {
  const edits: Edit[] = [];
  let current = 0;
  let kept = 0;
  let lastKeptSheet = -1;
  walk(xml, (tag) => {
    if (tag.depth !== 1 || tag.kind === "close" || !isMain(tag.ns) || tag.local !== "c") return;
    const i = attr(tag, "i");
    if (i !== null) current = Number(i);
    if (sheetIds.has(current)) {
      edits.push({ start: tag.start, end: tag.end, text: "" });
      return;
    }
    if (i === null && lastKeptSheet !== current && edits.length > 0) {
      const at = tag.end - (tag.kind === "empty" ? 2 : 1);
      edits.push({ start: at, end: at, text: ` i="${current}"` });
    }
    lastKeptSheet = current;
    kept++;
  });
  if (edits.length === 0) return { text: xml, changed: false };
  return { text: kept === 0 ? null : applyEdits(xml, edits), changed: true };
}

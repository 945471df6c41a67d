import { append } from "../../core/model/arrays";
import { applyEdits, attr, escapeText, isRelNs, NS, qualifier, toBytes, walk, type Edit, type Tag } from "./xml-scan";

/** A <sheet> of the workbook part, in tab order. */
export type WorkbookSheet = { name: string; sheetId: number; rId: string; state: string; tag: Tag };

/** A <definedName>: its name, the sheet index it is local to (null: workbook-wide), its whole element. */
export type DefinedName = { name: string; localSheetId: number | null; start: number; end: number; open: Tag };

export type WorkbookPart = {
  sheets: WorkbookSheet[];
  names: DefinedName[];
  /** Every element of the workbook's direct children, in order. */
  children: { tag: Tag; end: number }[];
  /** The <sheets> element: open tag and the offset of its close tag. */
  sheetsOpen: Tag;
  sheetsCloseAt: number;
  definedNames: { open: Tag; closeAt: number } | null;
  /** <workbookView> elements (activeTab, firstSheet are sheet indices). */
  views: Tag[];
  root: Tag;
};

/** Reads what the writer edits of the workbook part (held as a binary string). */
export function readWorkbookPart(xml: string): WorkbookPart {
  const sheets: WorkbookSheet[] = [];
  const names: DefinedName[] = [];
  const children: { tag: Tag; end: number }[] = [];
  const views: Tag[] = [];
  let root: Tag | null = null;
  let sheetsOpen: Tag | null = null;
  let sheetsCloseAt = -1;
  let namesOpen: Tag | null = null;
  let namesCloseAt = -1;
  let openName: Tag | null = null;
  walk(xml, (tag) => {
    if (tag.depth === 0 && tag.kind !== "close") root = tag;
    if (tag.depth === 1) {
      if (tag.kind === "close") {
        const last = children[children.length - 1];
        if (last !== undefined) last.end = tag.end;
      } else children.push({ tag, end: tag.end });
    }
    // The root's own namespace: transitional, strict, or an early one Excel's betas wrote.
    if (tag.ns !== (root as Tag | null)?.ns) return;
    if (tag.depth === 1 && tag.local === "sheets") {
      if (tag.kind !== "close") sheetsOpen = tag;
      if (tag.kind === "close") sheetsCloseAt = tag.start;
      if (tag.kind === "empty") sheetsCloseAt = -1;
    }
    if (tag.depth === 1 && tag.local === "definedNames") {
      if (tag.kind !== "close") namesOpen = tag;
      if (tag.kind === "close") namesCloseAt = tag.start;
    }
    if (tag.depth === 2 && tag.local === "sheet" && tag.kind !== "close") {
      const rId = tag.attrs.find((a) => a.local === "id" && isRelNs(tag.scope.get(a.prefix) ?? ""));
      sheets.push({
        name: attr(tag, "name") ?? "",
        sheetId: Number(attr(tag, "sheetId") ?? 0),
        rId: rId === undefined ? "" : (attr(tag, "id", tag.scope.get(rId.prefix) ?? "") ?? ""),
        state: attr(tag, "state") ?? "visible",
        tag,
      });
    }
    if (tag.depth === 2 && tag.local === "definedName") {
      if (tag.kind === "open") openName = tag;
      const open = tag.kind === "close" ? openName : tag;
      if (tag.kind !== "open" && open !== null) {
        const local = attr(open, "localSheetId");
        names.push({
          name: attr(open, "name") ?? "",
          localSheetId: local === null ? null : Number(local),
          start: open.start,
          end: tag.end,
          open,
        });
      }
    }
    if (tag.local === "workbookView" && tag.kind !== "close") views.push(tag);
  });
  const top = root as Tag | null;
  const opened = sheetsOpen as Tag | null;
  if (top === null || top.local !== "workbook") throw new Error("a workbook part without <workbook>");
  if (opened === null) throw new Error("a workbook part without <sheets>");
  const namesTag = namesOpen as Tag | null;
  return {
    sheets,
    names,
    children,
    sheetsOpen: opened,
    sheetsCloseAt,
    definedNames: namesTag === null ? null : { open: namesTag, closeAt: namesCloseAt },
    views,
    root: top,
  };
}

/**
 * Left in a <definedNames> element of the original that held no name when we add ours to it, so
 * that --clear gives it back as it was: `empty` for `<definedNames/>`, `kept` for an open element.
 */
const NAMES_MARK = "<!--check-targets:definedNames";

/** Children of <workbook> that follow <definedNames> (ECMA-376 Part 1, CT_Workbook). */
const AFTER_NAMES = new Set([
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
]);

export type NewSheet = { name: string; sheetId: number; rId: string; state: "visible" | "hidden" | "veryHidden" };
export type NewName = { name: string; refersTo: string; localSheetId: number | null };

export type WorkbookEdits = {
  /** Indices (tab order) of sheets taken out. */
  removeSheets: ReadonlySet<number>;
  /** New visibility of kept sheets, by index. */
  states: ReadonlyMap<number, NewSheet["state"]>;
  /** Sheets appended after the last one. */
  addSheets: readonly NewSheet[];
  /** Names taken out: by predicate over the name and the sheet index it is local to. */
  dropName: (name: string, localSheetId: number | null) => boolean;
  /** Names added; a localSheetId counts in the new tab order. */
  addNames: readonly NewName[];
};

/** Sheet index after the removals, or null for a removed sheet. */
const shifted = (index: number, removed: ReadonlySet<number>): number | null => {
  if (removed.has(index)) return null;
  let n = index;
  for (const r of removed) if (r < index) n--;
  return n;
};

/** Replaces an attribute's value in a tag (the attribute must be there), as a binary-string edit. */
function attrEdit(tag: Tag, local: string, value: string): Edit | null {
  const a = tag.attrs.find((x) => x.local === local && x.prefix === "");
  if (a === undefined) return null;
  return { start: a.start, end: a.end, text: `${a.qname}="${value}"` };
}

/**
 * The workbook part with our sheets and names edited in; everything else of it byte for byte.
 * Local names follow their sheet when sheets before it go; the views' active and first tab too.
 */
export function editWorkbookPart(xml: string, part: WorkbookPart, edits: WorkbookEdits): string {
  const out: Edit[] = [];
  const q = qualifier(part.root.scope, part.root.ns);
  if (q === null) throw new Error("a workbook part whose namespace has no prefix in scope");
  part.sheets.forEach((s, i) => {
    if (edits.removeSheets.has(i)) out.push({ start: s.tag.start, end: s.tag.end, text: "" });
    const state = edits.states.get(i);
    if (state !== undefined && state !== s.state && !edits.removeSheets.has(i)) {
      const changed = attrEdit(s.tag, "state", state);
      if (changed !== null) out.push(changed);
      else out.push({ start: s.tag.end - 2, end: s.tag.end - 2, text: ` state="${state}"` });
    }
  });
  if (edits.addSheets.length > 0) {
    // The relationship id's attribute in the relationships namespace: its prefix if the part binds one.
    const r = qualifier(part.sheetsOpen.scope, NS.rel) ?? qualifier(part.sheetsOpen.scope, NS.strictRel);
    const rAttr = (id: string) => (r === null ? `xmlns:ctr="${NS.rel}" ctr:id="${id}"` : `${r("id")}="${id}"`);
    const added = edits.addSheets
      .map((s) => {
        const state = s.state === "visible" ? "" : ` state="${s.state}"`;
        return `<${q("sheet")} name="${escapeText(s.name)}" sheetId="${s.sheetId}"${state} ${rAttr(s.rId)}/>`;
      })
      .join("");
    if (part.sheetsCloseAt < 0) {
      const open = part.sheetsOpen;
      out.push({ start: open.start, end: open.end, text: `${xml.slice(open.start, open.end - 2)}>${toBytes(added)}</${open.qname}>` });
    } else out.push({ start: part.sheetsCloseAt, end: part.sheetsCloseAt, text: toBytes(added) });
  }
  // Names: dropped ones out, local ones renumbered, new ones in.
  let kept = 0;
  for (const n of part.names) {
    if (edits.dropName(n.name, n.localSheetId)) {
      out.push({ start: n.start, end: n.end, text: "" });
      continue;
    }
    if (n.localSheetId === null) {
      kept++;
      continue;
    }
    const to = shifted(n.localSheetId, edits.removeSheets);
    if (to === null) {
      out.push({ start: n.start, end: n.end, text: "" });
      continue;
    }
    kept++;
    if (to !== n.localSheetId) {
      const changed = attrEdit(n.open, "localSheetId", String(to));
      if (changed !== null) out.push(changed);
    }
  }
  const addedNames = edits.addNames
    .map((n) => {
      const local = n.localSheetId === null ? "" : ` localSheetId="${n.localSheetId}"`;
      return `<${q("definedName")} name="${escapeText(n.name)}"${local}>${escapeText(n.refersTo)}</${q("definedName")}>`;
    })
    .join("");
  const block = part.definedNames;
  if (block !== null) {
    const child = part.children.find((c) => c.tag === block.open);
    const blockEnd = child?.end ?? block.open.end;
    // The marker we leave in a <definedNames> that held no name before ours: how it was.
    const markAt = block.open.kind === "empty" ? -1 : xml.indexOf(NAMES_MARK, block.open.end);
    const mark =
      markAt >= 0 && markAt < block.closeAt
        ? { start: markAt, end: xml.indexOf("-->", markAt) + 3, empty: xml.startsWith(`${NAMES_MARK} empty`, markAt) }
        : null;
    if (kept === 0 && edits.addNames.length === 0) {
      if (mark !== null && !mark.empty) {
        // It was there, empty, before ours: only our names and the marker go.
        out.push({ start: mark.start, end: mark.end, text: "" });
      } else {
        // Only names of ours were in it: the element goes with them, as it was before they came,
        // or becomes the empty element it was (<definedNames/>).
        append(out, out.splice(0).filter((e) => e.start < block.open.start || e.start >= blockEnd));
        const restored = mark === null ? "" : `${xml.slice(block.open.start, block.open.end - 1)}/>`;
        out.push({ start: block.open.start, end: blockEnd, text: restored });
      }
    } else if (addedNames !== "") {
      const marker = part.names.length > 0 || mark !== null ? "" : `${NAMES_MARK} ${block.open.kind === "empty" ? "empty" : "kept"}-->`;
      if (block.open.kind === "empty") {
        const head = xml.slice(block.open.start, block.open.end - 2);
        out.push({ start: block.open.start, end: block.open.end, text: `${head}>${marker}${toBytes(addedNames)}</${block.open.qname}>` });
      } else out.push({ start: block.closeAt, end: block.closeAt, text: `${marker}${toBytes(addedNames)}` });
    }
  } else if (addedNames !== "") {
    const after = part.children.find((c) => (c.tag.ns === NS.main || c.tag.ns === NS.strictMain) && AFTER_NAMES.has(c.tag.local));
    const rootClose = xml.lastIndexOf(`</${part.root.qname}`);
    const at = after?.tag.start ?? rootClose;
    out.push({ start: at, end: at, text: toBytes(`<${q("definedNames")}>${addedNames}</${q("definedNames")}>`) });
  }
  // The views' active and first tabs: a removed sheet's index no longer exists.
  if (edits.removeSheets.size > 0) {
    for (const view of part.views) {
      for (const key of ["activeTab", "firstSheet"]) {
        const value = attr(view, key);
        if (value === null) continue;
        const index = Number(value);
        // A removed sheet's view goes to the sheet before it.
        const before = [...edits.removeSheets].filter((r) => r <= index).length;
        const to = before === 0 ? index : Math.max(0, index - before);
        if (to !== index) {
          const changed = attrEdit(view, key, String(to));
          if (changed !== null) out.push(changed);
        }
      }
    }
  }
  return applyEdits(xml, out);
}

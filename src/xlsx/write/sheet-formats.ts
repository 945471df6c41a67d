import { append } from "../../core/model/arrays";
import { FLAG_MARKER, isOwnFlagFormula } from "../../core";
import { applyEdits, attr, decodeXml, escapeText, fromBytes, NS, qualifier, toBytes, walk, type Edit, type Tag } from "./xml-scan";

/** A flag rule as it goes into a sheet: where, the formula (without "="), the dxf of its fill. */
export type SheetRule = { sqref: string; formula: string; dxfId: number };

/**
 * Children of <worksheet> that come after <sheetData> and before or among the conditional
 * formats (ECMA-376 Part 1, CT_Worksheet): ours go after the last of them, so after the staff's.
 */
const BEFORE_OR_AMONG = new Set([
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
]);

type Block = { start: number; end: number; rules: number; ours: boolean };
type Priority = { tag: Tag; value: number };

/**
 * A staff sheet (its part as a binary string) with our <conditionalFormatting> elements replaced
 * by `rules`; null when it has none of ours and gets none. The cells (<sheetData>) are never
 * looked into. Our rules take priorities 1…n, ahead of the staff's own, so that no staff rule's
 * fill hides a flag: the staff's rules keep their order, their priorities moved by as many as our
 * rules changed in number (the only edit to a staff rule, and undone when ours go).
 */
export function editSheetFormats(xml: string, rules: readonly SheetRule[]): string | null {
  if (rules.length === 0 && !xml.includes(`${FLAG_MARKER}:`)) return null;
  let root: Tag | null = null;
  let afterData = false;
  let insertAt = -1;
  const blocks: Block[] = [];
  let block: (Block & { allExpr: boolean; marked: boolean }) | null = null;
  const staff: Priority[] = [];
  const pending: Priority[] = [];
  let formulaStart = -1;
  /** The sheet's own namespace: transitional, strict, or an early one Excel's betas wrote. */
  let main = "";
  const isMain = (ns: string): boolean => ns === main;
  walk(xml, (tag) => {
    if (tag.depth === 0 && tag.kind !== "close") main = tag.ns;
    if (tag.depth === 0) {
      if (tag.kind !== "close") root = tag;
      else if (insertAt < 0) insertAt = tag.start;
      return;
    }
    if (tag.depth === 1) {
      if (isMain(tag.ns) && tag.local === "sheetData") {
        if (tag.kind === "open") return "skip";
        afterData = true;
        return;
      }
      if (tag.kind === "close") {
        if (block !== null) {
          block.end = tag.end;
          block.ours = block.rules > 0 && block.allExpr && block.marked;
          if (!block.ours) append(staff, pending);
          blocks.push(block);
          block = null;
          pending.length = 0;
        }
        return;
      }
      if (afterData && insertAt < 0 && !(isMain(tag.ns) && BEFORE_OR_AMONG.has(tag.local))) insertAt = tag.start;
      if (isMain(tag.ns) && tag.local === "conditionalFormatting") {
        const opened = { start: tag.start, end: tag.end, rules: 0, ours: false, allExpr: true, marked: false };
        if (tag.kind === "empty") blocks.push(opened);
        else block = opened;
      }
      return;
    }
    if (tag.local === "cfRule" && tag.kind !== "close") {
      const priority = Number(attr(tag, "priority"));
      const entry = { tag, value: priority };
      if (block !== null && isMain(tag.ns) && tag.depth === 2) {
        block.rules++;
        if (attr(tag, "type") !== "expression") block.allExpr = false;
        if (Number.isFinite(priority) && attr(tag, "priority") !== null) pending.push(entry);
      } else if (tag.ns === NS.x14 && Number.isFinite(priority) && attr(tag, "priority") !== null) staff.push(entry);
      return;
    }
    if (block !== null && tag.depth === 3 && tag.local === "formula" && tag.kind === "open") formulaStart = tag.end;
    if (block !== null && tag.depth === 3 && tag.kind === "close" && tag.local === "formula" && formulaStart >= 0) {
      const formula = fromBytes(decodeXml(xml.slice(formulaStart, tag.start)));
      if (isOwnFlagFormula(formula)) block.marked = true;
      formulaStart = -1;
    }
  });
  const top = root as Tag | null;
  if (top === null) throw new Error("a worksheet part without its root element");
  const ours = blocks.filter((b) => b.ours);
  if (ours.length === 0 && rules.length === 0) return null;
  const edits: Edit[] = ours.map((b) => ({ start: b.start, end: b.end, text: "" }));
  const removed = ours.reduce((n, b) => n + b.rules, 0);
  const delta = rules.length - removed;
  if (delta !== 0 && staff.every((p) => p.value + delta >= 1)) {
    for (const p of staff) {
      const a = p.tag.attrs.find((x) => x.local === "priority" && x.prefix === "");
      if (a !== undefined) edits.push({ start: a.start, end: a.end, text: `${a.qname}="${p.value + delta}"` });
    }
  }
  if (rules.length > 0) {
    const q = qualifier(top.scope, top.ns);
    if (q === null) throw new Error("a worksheet part whose namespace has no prefix in scope");
    const text = rules
      .map(
        (r, i) =>
          `<${q("conditionalFormatting")} sqref="${escapeText(r.sqref)}"><${q("cfRule")} type="expression" dxfId="${r.dxfId}" priority="${i + 1}">` +
          `<${q("formula")}>${escapeText(r.formula)}</${q("formula")}></${q("cfRule")}></${q("conditionalFormatting")}>`,
      )
      .join("");
    edits.push({ start: insertAt, end: insertAt, text: toBytes(text) });
  }
  return applyEdits(xml, edits);
}

import { fromA1, OWNED, type SheetPlan } from "../../core";
import { dimensionOf, packSheet, sheetDataXml } from "../sheet-xml";
import type { StylesEditor } from "./styles-part";
import { attr, decodeXml, fromBytes, isMain, walk } from "./xml-scan";

/**
 * A sheet the add-in owns (the 绩效目标表, the helper sheet), written whole as a new worksheet
 * part: the cells streamed from the packed plan (sheet-xml.ts), their formats appended to the
 * workbook's styles, the column widths, the page set-up and the page breaks.
 */
export function ownedSheetXml(plan: SheetPlan, styles: StylesEditor): () => Iterable<string> {
  const packed = packSheet(plan);
  const styleIds = packed.formatList.map((f) => styles.cellXf(f.format.style, f.format.numFmt));
  const page = plan.page;
  const cols = plan.columnWidths
    .map(({ column, width, hidden }) => ({ index: (fromA1(`${column}1`)?.col ?? 0) + 1, width, hidden }))
    .sort((a, b) => a.index - b.index)
    .map(
      (c) =>
        `<col min="${c.index}" max="${c.index}" width="${c.width}" customWidth="1"${c.hidden === true ? ' hidden="1"' : ""}/>`,
    )
    .join("");
  // The findings sheet's header stays in view: a frozen pane below its first rows.
  const frozen = plan.frozenRows ?? 0;
  const view =
    frozen > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        '<selection pane="bottomLeft"/></sheetView>'
      : '<sheetView workbookViewId="0"/>';
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (page?.fitToWidth === true ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${dimensionOf(packed)}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols === "" ? "" : `<cols>${cols}</cols>`);
  const breaks = page?.rowBreaks ?? [];
  const tail =
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (page === null
      ? ""
      : `<pageSetup paperSize="9" orientation="${page.orientation}"` +
        `${page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`) +
    (breaks.length === 0
      ? ""
      : `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("") +
        "</rowBreaks>") +
    "</worksheet>";
  return function* chunks() {
    yield head;
    yield* sheetDataXml(packed, styleIds);
    yield tail;
  };
}

/**
 * True when the sheet (its part as a binary string) is one the add-in wrote: a cell of its first
 * row holds the marker, as an inline string, a formula's text or a shared string (Excel stores
 * our inline strings as shared ones when it saves the copy).
 */
export function isOwnedPart(xml: string, sharedString: (index: number) => string | null): boolean {
  let owned = false;
  let done = false;
  let cellType: string | null = null;
  let valueStart = -1;
  let inlineText = "";
  walk(xml, (tag) => {
    if (done || !isMain(tag.ns)) return done ? "skip" : undefined;
    if (tag.local === "row" && tag.kind === "close") done = true;
    if (tag.local === "row" && tag.kind !== "close" && attr(tag, "r") !== null && attr(tag, "r") !== "1") done = true;
    if (tag.local === "c" && tag.kind !== "close") {
      cellType = attr(tag, "t");
      inlineText = "";
    }
    if ((tag.local === "v" || tag.local === "t") && tag.kind === "open") valueStart = tag.end;
    if ((tag.local === "v" || tag.local === "t") && tag.kind === "close" && valueStart >= 0) {
      const text = fromBytes(decodeXml(xml.slice(valueStart, tag.start)));
      valueStart = -1;
      if (tag.local === "t") inlineText += text;
      else {
        const value = cellType === "s" ? (sharedString(Number(text)) ?? "") : text;
        if (value.startsWith(OWNED.marker)) owned = true;
      }
    }
    if (tag.local === "c" && tag.kind === "close" && inlineText.startsWith(OWNED.marker)) owned = true;
  });
  return owned;
}

/** The shared strings part's strings (rich text runs joined), for `isOwnedPart`. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let depthOfItem = -1;
  let current = "";
  let textStart = -1;
  let inPhonetic = false;
  walk(xml, (tag) => {
    if (!isMain(tag.ns)) return;
    if (tag.local === "si") {
      if (tag.kind === "open") {
        depthOfItem = tag.depth;
        current = "";
      } else {
        out.push(current);
        depthOfItem = -1;
      }
    }
    if (tag.local === "rPh") inPhonetic = tag.kind === "open";
    if (depthOfItem >= 0 && !inPhonetic && tag.local === "t") {
      if (tag.kind === "open") textStart = tag.end;
      if (tag.kind === "close" && textStart >= 0) current += fromBytes(decodeXml(xml.slice(textStart, tag.start)));
    }
  });
  return out;
}

import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { columnLetters, type PlannedCell, type SheetPlan } from "../core";
import { ownedSheetXml } from "./write/owned-sheet";
import { DEFAULT_STYLES, StylesEditor } from "./write/styles-part";
import { escapeText } from "./write/xml-scan";
import { writePackage, type PartContent } from "./zip-entries";

/** A cell of a plain table: a value, optionally with a fill colour (RRGGBB). Strings stay text. */
export type TableCell = string | number | null | { value: string | number | null; fill: string };

export type TableSheet = {
  name: string;
  columns: readonly { header: string; width: number; numFmt?: string }[];
  rows: readonly (readonly TableCell[])[];
};

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A table as the plan of a sheet: a bold header row kept in view, a filter over the table. */
function tablePlan(sheet: TableSheet): SheetPlan {
  const cells: PlannedCell[] = sheet.columns.map((c, i) => ({
    row: 0,
    col: i,
    value: { kind: "text", text: c.header },
    style: { bold: true },
  }));
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, i) => {
      const { value, fill } = cell !== null && typeof cell === "object" ? cell : { value: cell, fill: undefined };
      if (value === null || (typeof value === "number" && !Number.isFinite(value))) return;
      const format = sheet.columns[i]?.numFmt;
      cells.push({
        row: r + 1,
        col: i,
        // Every value is text or a number: a project named "=HYPERLINK(…)" stays text.
        value:
          typeof value === "number"
            ? { kind: "number", value, ...(format === undefined ? {} : { format }) }
            : { kind: "text", text: value },
        ...(fill === undefined ? {} : { style: { fill } }),
      });
    });
  });
  const last = columnLetters(Math.max(0, sheet.columns.length - 1));
  return {
    name: sheet.name,
    visibility: "visible",
    cells,
    merges: [],
    columnWidths: sheet.columns.map((c, i) => ({ column: columnLetters(i), width: c.width })),
    rowHeights: [],
    page: null,
    frozenRows: 1,
    ...(sheet.columns.length > 0 ? { autoFilter: `A1:${last}${1 + sheet.rows.length}` } : {}),
  };
}

/** The parts of a new workbook of these sheets: written whole, by the same sheet writer as our sheets in a checked copy. */
export function tableWorkbookParts(sheets: readonly TableSheet[]): [string, PartContent][] {
  const styles = new StylesEditor(DEFAULT_STYLES, { mark: false });
  const sheetParts = sheets.map(
    (sheet, i): [string, PartContent] => [`xl/worksheets/sheet${i + 1}.xml`, ownedSheetXml(tablePlan(sheet), styles)],
  );
  const text = (s: string): Uint8Array => Buffer.from(s, "utf8");
  const workbook =
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    "</sheets></workbook>";
  const rels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  const types =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
  const root = `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  // The sheets' formats were added to the styles as their plans were packed, above.
  return [
    ["[Content_Types].xml", text(types)],
    ["_rels/.rels", text(root)],
    ["xl/workbook.xml", text(workbook)],
    ["xl/_rels/workbook.xml.rels", text(rels)],
    ...sheetParts,
    ["xl/styles.xml", Buffer.from(styles.text(), "latin1")],
  ];
}

/**
 * Writes plain tables as a workbook: a bold, frozen header row with a filter, one row per item.
 * Used for the command line's summary of a folder; every value is written as text or a number,
 * so a project named "=HYPERLINK(…)" stays text.
 */
export async function writeTableWorkbook(path: string, sheets: readonly TableSheet[]): Promise<void> {
  const bytes = await writePackage(tableWorkbookParts(sheets));
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, bytes);
}

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { OWNED, type SheetPlan, type WritePlan } from "../../src/core";
import { rowCol } from "../support/planned-cells";

/** Test helper: the shared corpus of real files, and a write plan that exercises every edit of the writer. */

export const CORPUS = join(__dirname, "..", "..", "..", "shared", "corpus");

/** The `read` .xlsx/.xlsm files of the corpus, by file name; empty when the folder is absent. */
export function corpusWorkbooks(): string[] {
  const manifest = join(CORPUS, "MANIFEST.tsv");
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((cols) => cols[1] === "read" && /\.xls[xm]$/i.test(cols[0] ?? ""))
    .map((cols) => cols[0] ?? "");
}

export const corpusFile = (name: string): string => join(CORPUS, "files", name);

const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] ?? "");

/** The names of the package's worksheets (not chart sheets), in tab order, read with plain expressions. */
export async function worksheetNames(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (re: RegExp) => {
    const name = Object.keys(zip.files).find((f) => re.test(f));
    return name === undefined ? "" : await zip.file(name)!.async("string");
  };
  const root = await text(/^_rels\/\.rels$/);
  const main = /Target="\/?([^"]*)"[^>]*Type="[^"]*officeDocument"|Type="[^"]*officeDocument"[^>]*Target="\/?([^"]*)"/.exec(root);
  const workbookPart = main?.[1] ?? main?.[2] ?? "xl/workbook.xml";
  const folder = workbookPart.split("/").slice(0, -1).join("/");
  const workbook = await text(new RegExp(`^${workbookPart.replace(/[.[\]]/g, "\\$&")}$`, "i"));
  const rels = await text(new RegExp(`^${folder}/_rels/[^/]+\\.rels$`, "i"));
  const worksheetIds = new Set(
    [...rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((t) => /Type="[^"]*\/worksheet"/.test(t))
      .map((t) => /\bId="([^"]*)"/.exec(t)?.[1]),
  );
  return [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((t) => worksheetIds.has(/\s[\w.-]+:id="([^"]*)"/.exec(t)?.[1]))
    .map((t) => decode(/\bname="([^"]*)"/.exec(t)?.[1] ?? ""));
}

const helper: SheetPlan = {
  name: OWNED.helperSheet,
  visibility: "hidden",
  cells: [
    { ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}helper` } },
    { ...rowCol("B1"), value: { kind: "number", value: 0.78888888888888886 } },
    { ...rowCol("B2"), value: { kind: "formula", formula: "B1*2" } },
  ],
  merges: [],
  columnWidths: [],
  rowHeights: [],
  page: null,
};

const table: SheetPlan = {
  name: OWNED.tableSheet,
  visibility: "visible",
  cells: [
    { ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}table` }, style: { bold: true, fontSize: 14 } },
    { ...rowCol("A2"), value: { kind: "text", text: "=HYPERLINK(\"x\")" }, style: { fill: "FFC7CE", border: true, wrap: true } },
    { ...rowCol("C3"), value: { kind: "number", value: 0.5, format: "0.0%" }, style: { horizontal: "center", vertical: "middle" } },
  ],
  merges: ["A2:B2"],
  columnWidths: [{ column: "A", width: 20 }],
  rowHeights: [{ row: 2, height: 30 }],
  page: { paper: "A4", orientation: "landscape", fitToWidth: true, printArea: "A1:C3", printTitleRows: "1:1", rowBreaks: [2] },
};

/** A plan with every kind of edit: two sheets of ours, a name, a flag on the first worksheet. */
export function fullPlan(firstSheet: string): WritePlan {
  return {
    sheets: [helper, table],
    names: [{ name: "CT_T", refersTo: `'${OWNED.helperSheet}'!$B$1:$B$2` }],
    flags: [
      { sheet: firstSheet, severity: "error", ranges: ["A1:B3"], formula: 'AND(ISTEXT("check-targets:error"),A1<>"")' },
      { sheet: firstSheet, severity: "warning", ranges: ["C1:C3", "E5"], formula: 'AND(ISTEXT("check-targets:warning"),C1="")' },
    ],
    removeSheets: [],
  };
}

/** What --clear plans on a checked copy. */
export const CLEAR_PLAN: WritePlan = { sheets: [], names: [], flags: [], removeSheets: [OWNED.helperSheet, OWNED.tableSheet] };

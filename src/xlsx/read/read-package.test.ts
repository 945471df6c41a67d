import JSZip from "jszip";
import { LIMITS, TooLarge, DeclaresEntities } from "./limits";
import { readPackage } from "./read-package";
import type { SheetData } from "../../core";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const rels = (list: [id: string, kind: string, target: string][]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${list
    .map(([id, kind, target]) => `<Relationship Id="${id}" Type="${TYPE}/${kind}" Target="${target}"/>`)
    .join("")}</Relationships>`;

/** A package from its parts, as a writer other than Excel might lay it out. */
async function pack(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A one-sheet package in the usual layout, with the given sheet XML (unprefixed main namespace). */
function plain(sheetXml: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"]]),
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}">${sheetXml}</worksheet>`,
    ...extra,
  };
}

async function sheets(parts: Record<string, string>): Promise<readonly SheetData[]> {
  const read = await readPackage(await pack(parts));
  if (!read.ok) throw new Error(`not read: ${read.why.kind}`);
  return read.data.sheets;
}

const values = (sheet: SheetData | undefined): unknown[][] =>
  (sheet?.rows ?? []).map((row) => row.map((c) => (c === null ? null : c.value)));

describe("the package reader", () => {
  it("reads a workbook whose every element carries a namespace prefix (Tencent Docs, .NET exports)", async () => {
    const [sheet] = await sheets({
      "_rels/.rels": rels([["rId1", "officeDocument", "/xl/workbook.xml"]]),
      "xl/workbook.xml": `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${R}"><x:sheets><x:sheet name="腾讯文档" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": rels([
        ["s1", "worksheet", "/xl/worksheets/sheet1.xml"],
        ["s2", "sharedStrings", "/xl/sharedStrings.xml"],
      ]),
      "xl/sharedStrings.xml": `<ns2:sst xmlns:ns2="${MAIN}"><ns2:si><ns2:t>项目名称</ns2:t></ns2:si></ns2:sst>`,
      "xl/worksheets/sheet1.xml": `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>12.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect(sheet?.name).toBe("腾讯文档");
    expect(values(sheet)).toEqual([["项目名称", 12.5]]);
  });

  it("places rows and cells without r after the ones before them", async () => {
    const [sheet] = await sheets(
      plain(
        `<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row><row><c t="inlineStr"><is><t>行内</t></is></c></row></sheetData>`,
      ),
    );
    expect(values(sheet)).toEqual([[1, 2], [], [null, 3, 4], ["行内"]]);
  });

  it("reads shared strings as Excel shows them: runs joined, phonetic guides left out, an empty item as empty text", async () => {
    const [sheet] = await sheets(
      plain(
        `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>`,
        {
          "xl/_rels/workbook.xml.rels": rels([
            ["rId1", "worksheet", "worksheets/sheet1.xml"],
            ["rId2", "sharedStrings", "sharedStrings.xml"],
          ]),
          "xl/sharedStrings.xml": `<sst xmlns="${MAIN}"><si><r><t>满意度</t></r><r><rPr><b/></rPr><t xml:space="preserve"> ≥90%</t></r></si><si/><si><t>指标</t><rPh sb="0" eb="2"><t>zhibiao</t></rPh></si></sst>`,
        },
      ),
    );
    expect(values(sheet)).toEqual([["满意度 ≥90%", "", "指标"]]);
  });

  it("reads each cell type, cached formula results and number formats (custom and built-in)", async () => {
    const [sheet] = await sheets(
      plain(
        `<sheetData><row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="str"><f>A2&amp;"x"</f><v>0.5x</v></c><c r="D1" s="1"><v>0.95</v></c><c r="E1" s="2"><v>45473</v></c><c r="F1" t="d"><v>2024-06-30</v></c><c r="G1"><f>1/3</f><v>0.78888888888888886</v></c></row></sheetData>`,
        {
          "xl/_rels/workbook.xml.rels": rels([
            ["rId1", "worksheet", "worksheets/sheet1.xml"],
            ["rId3", "styles", "styles.xml"],
          ]),
          "xl/styles.xml": `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
        },
      ),
    );
    const row = sheet?.rows[0] ?? [];
    expect(row[0]).toEqual({ value: true });
    expect(row[1]).toEqual({ value: null, error: "#N/A" });
    expect(row[2]).toEqual({ value: "0.5x", formula: 'A2&"x"' });
    expect(row[3]).toEqual({ value: 0.95, numberFormat: "0%" });
    expect(row[4]).toEqual({ value: 45473, numberFormat: 'yyyy"年"m"月"d"日"' });
    expect(row[5]).toEqual({ value: 45473 });
    // The number as stored, to the last digit: no round trip through a Date.
    expect(row[6]).toEqual({ value: 0.78888888888888886, formula: "1/3" });
  });

  it("reads sheet states, hidden rows, the 1904 date system and merged areas as boxes", async () => {
    const read = await readPackage(
      await pack({
        ...plain(
          `<sheetData><row r="1"><c r="A1"><v>7</v></c><c r="B1"><v>7</v></c></row><row r="2" hidden="1"><c r="A2"><v>8</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="C1:C1048576"/></mergeCells>`,
        ),
        "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr date1904="1"/><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" state="veryHidden" r:id="rId1"/></sheets></workbook>`,
        "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="d"><v>1904-01-02</v></c><c r="B1"><v>9</v></c></row><row r="2" hidden="1"><c r="A2"><v>8</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="C1:C1048576"/></mergeCells></worksheet>`,
      }),
    );
    if (!read.ok) throw new Error("not read");
    const [a, b] = read.data.sheets;
    expect([a?.visibility, b?.visibility]).toEqual(["visible", "veryHidden"]);
    // The value the merged area covers is not shown by Excel, so it is not read.
    expect(values(a)).toEqual([[1, null], [8]]);
    expect(a?.hiddenRows).toEqual([1]);
    expect(a?.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 0, left: 2, bottom: 1_048_575, right: 2 },
    ]);
  });

  it("finds parts through the relationships, whatever their names and case", async () => {
    const [sheet] = await sheets({
      "_rels/.rels": rels([["rId1", "officeDocument", "book/Main.xml"]]),
      "book/Main.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="r9"/></sheets></workbook>`,
      "book/_rels/Main.xml.rels": rels([["r9", "worksheet", "../Sheets/Sheet1.XML"]]),
      "Sheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    });
    expect(values(sheet)).toEqual([[1]]);
  });

  it("costs what the content costs: whole-column validations, a merge and a dimension as large as the sheet", async () => {
    const validations = Array.from(
      { length: 20 },
      (_, i) =>
        `<dataValidation type="list" sqref="${String.fromCharCode(65 + i)}1:${String.fromCharCode(65 + i)}1048576"><formula1>"a,b"</formula1></dataValidation>`,
    ).join("");
    const started = performance.now();
    const [sheet] = await sheets(
      plain(
        `<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="B2:XFD1048576"/></mergeCells><dataValidations count="20">${validations}</dataValidations><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"x"</formula1></dataValidation></dataValidations>`,
      ),
    );
    expect(values(sheet)).toEqual([[1]]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses a part that declares a document type (entity expansion)", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst xmlns="${MAIN}"><si><t>&lol2;</t></si></sst>`;
    const bytes = await pack(
      plain("<sheetData/>", {
        "xl/_rels/workbook.xml.rels": rels([
          ["rId1", "worksheet", "worksheets/sheet1.xml"],
          ["rId2", "sharedStrings", "sharedStrings.xml"],
        ]),
        "xl/sharedStrings.xml": bomb,
      }),
    );
    await expect(readPackage(bytes)).rejects.toBeInstanceOf(DeclaresEntities);
  });

  it("stops inflating a part past the size and ratio limits (zip bombs)", async () => {
    const big = `<worksheet xmlns="${MAIN}"><sheetData>${"<row/>".repeat(200_000)}</sheetData></worksheet>`;
    const bytes = await pack(plain("", { "xl/worksheets/sheet1.xml": big }));
    await expect(readPackage(bytes, { ...LIMITS, partBytes: 100_000 })).rejects.toBeInstanceOf(TooLarge);
    await expect(readPackage(bytes, { ...LIMITS, ratio: 50, ratioFrom: 10_000 })).rejects.toBeInstanceOf(TooLarge);
    // Within the limits, the same package reads.
    expect((await readPackage(bytes)).ok).toBe(true);
  });

  it("tells a package with no workbook from a binary .xlsb", async () => {
    const docx = await pack({
      "_rels/.rels": rels([["rId1", "officeDocument", "word/document.xml"]]),
      "word/document.xml": "<w/>",
    });
    expect(await readPackage(docx)).toEqual({ ok: false, why: { kind: "no-workbook" } });
    const xlsb = await pack({
      "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.bin"]]),
      "xl/workbook.bin": "x",
    });
    expect(await readPackage(xlsb)).toEqual({ ok: false, why: { kind: "binary" } });
  });
});

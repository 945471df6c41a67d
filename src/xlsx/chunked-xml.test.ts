import ExcelJS from "exceljs";
import XmlStream from "exceljs/lib/utils/xml-stream.js";
import JSZip from "jszip";
import { installChunkedXml } from "./chunked-xml";

/** Text rendered across many joins, and rolled back three times across one. */
function rendered(): string {
  const xml = new XmlStream();
  xml.openNode("sheetData");
  for (let i = 0; i < 5_000; i++) xml.leafNode("c", { r: `A${i + 1}` }, String(i));
  for (let k = 0; k < 3; k++) {
    xml.addRollback();
    xml.openNode("empty");
    for (let i = 0; i < 3_000; i++) xml.leafNode("x", undefined, "rolled back");
    xml.closeNode();
    xml.rollback();
    xml.leafNode("kept", { k });
  }
  return xml.xml;
}

/**
 * A workbook whose sheet renders to many chunks' worth of fragments, with what ExcelJS renders
 * behind a rollback point (alignments, fills, the sheet's properties and header/footer).
 */
function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  const ws = wb.addWorksheet("绩效指标", { properties: { tabColor: { argb: "FFFF0000" } } });
  for (let r = 1; r <= 4_000; r++) {
    ws.getRow(r).values = [`第${r}行 <&>`, r, r / 7, { formula: `B${r}*2`, result: r * 2 }, r % 5 === 0 ? "" : null];
    ws.getCell(r, 1).alignment = r % 2 === 0 ? { wrapText: true } : {};
    if (r % 3 === 0) ws.getCell(r, 2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  }
  ws.mergeCells("F1:G2");
  ws.headerFooter.oddFooter = "&P / &N";
  ws.addConditionalFormatting({
    ref: "B1:B4000",
    rules: [{ type: "expression", priority: 1, formulae: ["B1>100"], style: { font: { bold: true } } }],
  });
  return wb;
}

async function parts(wb: ExcelJS.Workbook): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out[name] = await entry.async("string");
  return out;
}

describe("ExcelJS's rendering, joined chunk by chunk", () => {
  // ExcelJS's own rendering first, then the same with the fragments joined as they come.
  let own: { text: string; parts: Record<string, string> };
  beforeAll(async () => {
    own = { text: rendered(), parts: await parts(workbook()) };
    installChunkedXml();
  });

  it("renders the same text, a rollback across a join included", () => {
    const chunked = rendered();
    expect(chunked.length).toBe(own.text.length);
    expect(chunked).toBe(own.text);
    expect(own.text).not.toContain("rolled back");
  });

  it("writes every part of the package byte for byte as ExcelJS's own rendering does", async () => {
    const chunked = await parts(workbook());
    expect(Object.keys(chunked)).toEqual(Object.keys(own.parts));
    for (const name of Object.keys(own.parts)) expect([name, chunked[name]]).toEqual([name, own.parts[name]]);
    expect(own.parts["xl/worksheets/sheet1.xml"]!.length).toBeGreaterThan(500_000);
  });
});

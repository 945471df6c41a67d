import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import JSZip from "jszip";
import { runCli } from "../hostile/run-cli";
import { comparePackages } from "./compare-packages";
import { corpusFile, corpusWorkbooks } from "./corpus";

/**
 * Issue 11, items 3 and 4: what a checked copy changed or dropped when ExcelJS rendered it, each on
 * the smallest corpus workbook that has it, through the command (`--out`). The copy must hold the
 * part byte for byte, and no original part may be missing or changed beyond the allowed edits.
 */

type Feature = { what: string; part: RegExp; content?: RegExp };

const FEATURES: Feature[] = [
  { what: "macros", part: /vbaProject\.bin$/i },
  { what: "external links", part: /^xl\/externalLinks\/[^/]+\.xml$/i },
  { what: "comments", part: /^xl\/comments[^/]*\.xml$/i },
  { what: "Excel in-cell pictures", part: /^xl\/richData\//i },
  { what: "dynamic-array metadata", part: /^xl\/metadata\.xml$/i },
  { what: "XML maps", part: /^xl\/xmlMaps\.xml$/i },
  { what: "custom document properties", part: /^docProps\/custom\.xml$/i },
  { what: "charts", part: /^xl\/charts\/chart[^/]*\.xml$/i },
  { what: "pivot tables", part: /^xl\/pivotTables\//i },
  { what: "pictures", part: /^xl\/media\//i },
  { what: "empty shared strings", part: /^xl\/sharedStrings\.xml$/i, content: /<si>\s*<\/si>|<si\/>|<si><t\/><\/si>/ },
  { what: "_x000D_ escapes", part: /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/i, content: /_x000D_/ },
  { what: "data-table formulas", part: /^xl\/worksheets\/[^/]+\.xml$/i, content: /t="dataTable"/ },
  { what: "hidden rows", part: /^xl\/worksheets\/[^/]+\.xml$/i, content: /<row\b[^>]*\bhidden="(1|true)"/ },
  { what: "sheet-wide default widths", part: /^xl\/worksheets\/[^/]+\.xml$/i, content: /defaultColWidth="/ },
  { what: "hyperlink cells", part: /^xl\/worksheets\/[^/]+\.xml$/i, content: /<hyperlink\b/ },
];

/** Corpus workbooks, smallest first, with their entries. */
async function candidates(): Promise<{ name: string; zip: JSZip }[]> {
  const files = corpusWorkbooks();
  const sized = await Promise.all(files.map(async (name) => ({ name, size: (await stat(corpusFile(name))).size })));
  const out: { name: string; zip: JSZip }[] = [];
  for (const { name } of sized.sort((a, b) => a.size - b.size)) {
    const zip = await JSZip.loadAsync(await readFile(corpusFile(name))).catch(() => null);
    if (zip !== null) out.push({ name, zip });
  }
  return out;
}

async function matching(zip: JSZip, feature: Feature): Promise<string[]> {
  const parts = Object.keys(zip.files).filter((f) => feature.part.test(f) && !zip.files[f]!.dir);
  if (feature.content === undefined) return parts;
  const out: string[] = [];
  for (const part of parts) if (feature.content.test(await zip.file(part)!.async("string"))) out.push(part);
  return out;
}

describe("a checked copy keeps what ExcelJS's rendering changed or dropped", () => {
  const files = corpusWorkbooks();
  if (files.length === 0) {
    it.skip("needs ../shared/corpus, which is absent here", () => undefined);
    return;
  }
  let pool: { name: string; zip: JSZip }[];
  let dir: string;
  beforeAll(async () => {
    pool = await candidates();
    dir = await mkdtemp(join(tmpdir(), "check-targets-kept-"));
  }, 120_000);

  it.each(FEATURES.map((f) => [f.what, f] as const))("%s", async (_, feature) => {
    let tried = 0;
    for (const { name, zip } of pool) {
      const parts = await matching(zip, feature);
      if (parts.length === 0) continue;
      // The command must read the file; one that the reader refuses is the reader's case, not this one.
      const out = join(dir, `${tried++}-${name.replace(/[^\w.-]/g, "_")}`);
      const original = await readFile(corpusFile(name));
      const r = await runCli([corpusFile(name), "--out", out]);
      if (r.code > 1) continue;
      expect({ name, stderr: r.stderr }).toEqual({ name, stderr: "" });
      const copy = await readFile(out);
      expect(extname(out)).toBe(extname(name));
      const diff = await comparePackages(original, copy);
      expect({ name, ...diff }).toEqual({ name, missing: [], changed: [], renumbered: [] });
      const kept = await JSZip.loadAsync(copy);
      for (const part of parts) {
        if (/worksheets\//.test(part)) continue; // a flagged sheet: its cell data is compared above
        expect({ part, same: (await kept.file(part)!.async("nodebuffer")).equals(await zip.file(part)!.async("nodebuffer")) }).toEqual({
          part,
          same: true,
        });
      }
      return;
    }
    throw new Error(`no corpus workbook the command reads has ${feature.what} (${tried} tried)`);
  }, 120_000);

  it("WPS in-cell images (DISPIMG): cellimages.xml and its relationships, added to a real workbook", async () => {
    // The corpus has no WPS file with in-cell images: one is made from the sample, as WPS lays them out.
    const zip = await JSZip.loadAsync(await readFile(join(__dirname, "..", "..", "samples", "sample.xlsx")));
    const cellImages =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" ' +
      'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><etc:cellImage><xdr:pic><xdr:nvPicPr>' +
      '<xdr:cNvPr id="2" name="ID_0123456789ABCDEF"/></xdr:nvPicPr></xdr:pic></etc:cellImage></etc:cellImages>';
    zip.file("xl/cellimages.xml", cellImages);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdWps1" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>',
      ),
    );
    const input = join(dir, "wps-cellimages.xlsx");
    const original = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    await writeFile(input, original);
    const out = join(dir, "wps-cellimages.checked.xlsx");
    const r = await runCli([input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const copy = await JSZip.loadAsync(await readFile(out));
    expect(await copy.file("xl/cellimages.xml")!.async("string")).toBe(cellImages);
    expect(await copy.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Id="rIdWps1"');
    expect(await comparePackages(original, await readFile(out))).toEqual({ missing: [], changed: [], renumbered: [] });
  });
});

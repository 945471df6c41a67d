import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { writeCheckedCopy } from "../../src/xlsx/write/write-copy";
import { runCli } from "../hostile/run-cli";
import { CLEAR_PLAN, fullPlan, worksheetNames } from "./corpus";

/**
 * --clear on a checked copy gives the original package back, part for part, as far as our edits
 * go (brief of issue 11): the styles we appended go, an empty <definedNames/> of the original comes
 * back as it was, and every other part is the original's bytes. "Byte-equal" is what is asserted:
 * no part is accepted as merely equivalent.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Every entry of both packages, by name, with the names of those whose bytes differ. */
async function differences(a: Uint8Array, b: Uint8Array): Promise<string[]> {
  const [x, y] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const names = new Set([...Object.keys(x.files), ...Object.keys(y.files)].filter((n) => !n.endsWith("/")));
  const out: string[] = [];
  for (const name of [...names].sort()) {
    const [p, q] = [x.file(name), y.file(name)];
    if (p === null || q === null) {
      out.push(`${p === null ? "+" : "-"}${name}`);
      continue;
    }
    const [u, v] = await Promise.all([p.async("nodebuffer"), q.async("nodebuffer")]);
    if (!u.equals(v)) out.push(name);
  }
  return out;
}

type Parts = { workbook: string; styles: string | null; sheet?: string; app?: Buffer };

/** A one-sheet package with the given workbook and styles parts. */
async function pkg(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      (parts.styles === null
        ? ""
        : `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`) +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      (parts.app === undefined ? "" : `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`) +
      `</Relationships>`,
  );
  if (parts.app !== undefined) zip.file("docProps/app.xml", parts.app);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (parts.styles === null ? "" : `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`) +
      `</Relationships>`,
  );
  zip.file("xl/workbook.xml", parts.workbook);
  if (parts.styles !== null) zip.file("xl/styles.xml", parts.styles);
  zip.file(
    "xl/worksheets/sheet1.xml",
    parts.sheet ??
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData></worksheet>`,
  );
  return await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const workbook = (names: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets>${names}<calcPr calcId="191029"/></workbook>`;

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`;

const PLAIN_SHEET = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;

async function checkThenClear(original: Buffer): Promise<{ copy: Buffer; cleared: Buffer }> {
  const copy = await writeCheckedCopy(original, [fullPlan("表")]);
  const cleared = await writeCheckedCopy(copy.bytes, [CLEAR_PLAN]);
  return { copy: copy.bytes, cleared: cleared.bytes };
}

describe("--clear on a checked copy", () => {
  it("gives the sample workbook back byte for byte, every part, through the command", async () => {
    const dir = await mkdtemp(join(tmpdir(), "check-targets-clear-"));
    const input = join(__dirname, "..", "..", "samples", "sample.xlsx");
    const checked = join(dir, "checked.xlsx");
    const cleared = join(dir, "cleared.xlsx");
    expect((await runCli([input, "--out", checked])).stderr).toBe("");
    // The copy does differ: our sheets, styles and names are in it.
    expect(await differences(await readFile(input), await readFile(checked))).toEqual(
      expect.arrayContaining(["xl/styles.xml", "xl/workbook.xml", "docProps/app.xml"]),
    );
    // The extended properties list the sheets the copy has: the sample's four and ours after them.
    const copy = await readFile(checked);
    const sheets = await worksheetNames(copy);
    expect(sheets.length).toBeGreaterThan(4);
    const app = await (await JSZip.loadAsync(copy)).file("docProps/app.xml")!.async("string");
    expect(app).toContain(`<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant>`);
    expect(app).toContain(`<vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join("")}</vt:vector>`);
    expect((await runCli([checked, "--out", cleared, "--clear"])).stderr).toBe("");
    expect(await differences(await readFile(input), await readFile(cleared))).toEqual([]);
  });

  it.each([
    ["an empty <definedNames/>", "<definedNames/>", `${STYLES}<dxfs count="0"/></styleSheet>`, null],
    ["an empty <definedNames></definedNames>", "<definedNames></definedNames>", `${STYLES}<dxfs count="0"></dxfs></styleSheet>`, null],
    ["a prefixed, spaced <x:definedNames />", "<definedNames />", `${STYLES}<dxfs count="0" /></styleSheet>`, null],
    ["no <dxfs> list at all", "", `${STYLES}</styleSheet>`, null],
    // Its sheet without s="1": with it, the cell would point past a part that has no styles at
    // all (see "a dangling cell style" below).
    ["an empty styles part <styleSheet/>", "", `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN}" xml:space="preserve"/>\n`, PLAIN_SHEET],
    ["lists without count attributes", "", STYLES.replace(/ count="\d+"/g, "") + "</styleSheet>", null],
    ["a staff name beside ours", '<definedNames><definedName name="区域">表!$A$1</definedName></definedNames>', `${STYLES}</styleSheet>`, null],
  ])("restores %s and the styles as they were", async (_, names, styles, sheet) => {
    const original = await pkg({ workbook: workbook(names), styles, ...(sheet === null ? {} : { sheet }) });
    const { copy, cleared } = await checkThenClear(original);
    expect(await differences(original, copy)).toEqual(expect.arrayContaining(["xl/styles.xml", "xl/workbook.xml"]));
    expect(await differences(original, cleared)).toEqual([]);
  });

  it("restores a styles part whose root binds the namespace to a prefix", async () => {
    const styles =
      STYLES.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:").replace(`<x:styleSheet xmlns="${MAIN}">`, `<x:styleSheet xmlns:x="${MAIN}">`) +
      '<x:dxfs count="0"/></x:styleSheet>';
    const original = await pkg({ workbook: workbook("<definedNames/>"), styles });
    const { cleared } = await checkThenClear(original);
    expect(await differences(original, cleared)).toEqual([]);
  });

  it("is stable over a second check: check, check again, clear gives the original", async () => {
    const original = await pkg({ workbook: workbook("<definedNames/>"), styles: `${STYLES}<dxfs count="0"/></styleSheet>` });
    const once = await writeCheckedCopy(original, [fullPlan("表")]);
    const twice = await writeCheckedCopy(once.bytes, [fullPlan("表")]);
    expect(await differences(once.bytes, twice.bytes)).toEqual([]);
    const cleared = await writeCheckedCopy(twice.bytes, [CLEAR_PLAN]);
    expect(await differences(original, cleared.bytes)).toEqual([]);
  });

  it.each([
    ["in UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>', "utf16le")])],
    ["damaged", Buffer.from('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><TitlesOfParts>')],
  ])("leaves an app.xml %s as it is, and still writes the copy", async (_, app) => {
    const original = await pkg({ workbook: workbook(""), styles: `${STYLES}</styleSheet>`, app });
    const { copy, cleared } = await checkThenClear(original);
    expect(await differences(original, copy)).not.toContain("docProps/app.xml");
    expect(await differences(original, cleared)).toEqual([]);
  });

  it("counts an <mc:AlternateContent> in a list as the one entry it is (WPS, Hancom), and restores the list", async () => {
    const alternate =
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="hs">' +
      '<font><sz val="9"/><name val="宋体"/></font></mc:Choice><mc:Fallback><font><sz val="9"/><name val="宋体"/></font></mc:Fallback></mc:AlternateContent>';
    const styles = `${STYLES.replace('<fonts count="1"><font><sz val="11"/><name val="宋体"/></font>', `<fonts count="2"><font><sz val="11"/><name val="宋体"/></font>${alternate}`)}</styleSheet>`;
    const original = await pkg({ workbook: workbook(""), styles });
    const { copy, cleared } = await checkThenClear(original);
    const copied = await (await JSZip.loadAsync(copy)).file("xl/styles.xml")!.async("string");
    // Our first font is the third: after the plain one and the alternate one.
    expect(copied).toMatch(/<fonts count="(\d+)">/);
    const fonts = copied.slice(copied.indexOf("<fonts"), copied.indexOf("</fonts>"));
    expect(fonts.replace(/^<fonts count="\d+">/, "").startsWith(`<font><sz val="11"/><name val="宋体"/></font>${alternate}<font><b/>`)).toBe(true);
    expect(copied).toContain('fontId="2"');
    expect(copied).not.toMatch(/fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/);
    expect(await differences(original, cleared)).toEqual([]);
  });

  it("keeps our styles where a staff cell already pointed past the original list (a dangling cell style)", async () => {
    // Some generators write s="1" with one cell style (LibreOffice's tdf100709 in the corpus): that
    // index is ours in the copy, and taking it out again cannot be told from a clerk's use of it.
    const original = await pkg({ workbook: workbook(""), styles: `${STYLES.replace('<cellXfs count="2">', '<cellXfs count="1">').replace(/<xf numFmtId="14"[^>]*\/>/, "")}</styleSheet>` });
    const { cleared } = await checkThenClear(original);
    const after = await (await JSZip.loadAsync(cleared)).file("xl/styles.xml")!.async("string");
    expect(after).toMatch(/<cellXfs count="2">/);
    expect(after).toContain("<!--check-targets:styles");
    expect(await differences(original, cleared)).toEqual(["xl/styles.xml"]);
  });

  it("keeps an appended style a staff cell has since been given, and what it uses", async () => {
    const original = await pkg({ workbook: workbook(""), styles: `${STYLES}<dxfs count="0"/></styleSheet>` });
    const copy = await writeCheckedCopy(original, [fullPlan("表")]);
    // Another tool that keeps parts byte for byte gives a staff cell the copy's last cell style.
    const zip = await JSZip.loadAsync(copy.bytes);
    const stylesXml = await zip.file("xl/styles.xml")!.async("string");
    const xfs = /<cellXfs count="(\d+)"/.exec(stylesXml);
    const last = Number(xfs?.[1]) - 1;
    expect(last).toBeGreaterThan(1);
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="${last}"><v>1</v></c></row></sheetData></worksheet>`,
    );
    const edited = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const cleared = await writeCheckedCopy(edited, [CLEAR_PLAN]);
    const after = await (await JSZip.loadAsync(cleared.bytes)).file("xl/styles.xml")!.async("string");
    expect(after).toContain(`<cellXfs count="${last + 1}"`);
    // The xf's font, fill and border are still there for it.
    const xf = after.slice(after.indexOf("<cellXfs")).split("<xf ")[last + 1] ?? "";
    const fontId = Number(/fontId="(\d+)"/.exec(xf)?.[1]);
    expect(Number(/<fonts count="(\d+)"/.exec(after)?.[1])).toBeGreaterThan(fontId);
    const fillId = Number(/fillId="(\d+)"/.exec(xf)?.[1]);
    expect(Number(/<fills count="(\d+)"/.exec(after)?.[1])).toBeGreaterThan(fillId);
    // The flag fills nobody uses any more are gone.
    expect(after).toMatch(/<dxfs count="0"\/>/);
  });
});

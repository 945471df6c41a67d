import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { assertLibreOffice, convert } from "../support/libreoffice";
import {
  CROSS_SHEET_FORMULA,
  CROSS_SHEET_ID,
  DATA_BAR_ID,
  ICON_SET_ID,
  LIST_FORMULA,
  rawWorkbook,
  SPARKLINE_FORMULA,
  x14Workbook,
} from "./ooxml";
import { runCli } from "./run-cli";
import { staffChanges } from "./staff-cells";

/**
 * TOOLCHAIN.md: ExcelJS reads Excel's x14 conditional formats (data bars, icon sets, rules that
 * refer to another sheet) as rules without formulae and throws when it writes them. A checked
 * copy of such a workbook must be written all the same, with every staff rule in it, once.
 */

let dir: string;
let original: Buffer;

const sheetXml = async (bytes: Buffer, part = "xl/worksheets/sheet1.xml"): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`${part} missing`);
  return await file.async("string");
};

const count = (text: string, what: string): number => text.split(what).length - 1;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "check-targets-x14-"));
  original = await x14Workbook();
  await writeFile(join(dir, "x14.xlsx"), original);
});

describe("a workbook with Excel's x14 conditional formats", () => {
  it("is what ExcelJS alone cannot write back (one reason the copy is written from the original)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ArrayBuffer);
    await expect(wb.xlsx.writeBuffer()).rejects.toThrow();
  });

  it("gets a checked copy with the flags and every staff rule, each once", async () => {
    const out = join(dir, "x14.checked.xlsx");
    const r = await runCli([join(dir, "x14.xlsx"), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const copy = await readFile(out);
    const xml = await sheetXml(copy);
    // The staff's x14 rules, verbatim, once each; the classic half of the data bar linked to its x14 half.
    for (const id of [DATA_BAR_ID, ICON_SET_ID, CROSS_SHEET_ID]) expect(count(xml, `id="${id}"`)).toBe(1);
    expect(count(xml, `<x14:id>${DATA_BAR_ID}</x14:id>`)).toBe(1);
    expect(count(xml, `<xm:f>${CROSS_SHEET_FORMULA}</xm:f>`)).toBe(1);
    expect(count(xml, 'iconSet="3Triangles"')).toBe(1);
    // The classic rules: duplicate values (ExcelJS drops that type) and an expression (ExcelJS keeps it).
    expect(count(xml, 'type="duplicateValues"')).toBe(1);
    expect(count(xml, "LEN($B2)&gt;10")).toBe(1);
    // The dropdown list from another sheet (x14 data validation) and the sparkline.
    expect(count(xml, `<xm:f>${LIST_FORMULA}</xm:f>`)).toBe(1);
    expect(count(xml, `<xm:f>${SPARKLINE_FORMULA}</xm:f>`)).toBe(1);
    // The check's own flag on the unreadable target ≥8O% (E3), in the same sheet.
    expect(xml).toMatch(/<conditionalFormatting sqref="E3">[^]*check-targets:error/);
    // Classic blocks come before the worksheet's extLst, which comes last.
    expect(xml.lastIndexOf("<conditionalFormatting")).toBeLessThan(xml.indexOf("<pageMargins"));
    expect(xml.trimEnd().endsWith("</extLst></worksheet>")).toBe(true);
    expect(await staffChanges(original, copy)).toEqual([]);
  });

  it("copies the duplicate-values rule's format into the copy's styles", async () => {
    const copy = await readFile(join(dir, "x14.checked.xlsx"));
    const xml = await sheetXml(copy);
    const dxfId = Number(/type="duplicateValues" dxfId="(\d+)"/.exec(xml)?.[1]);
    const styles = await sheetXml(copy, "xl/styles.xml");
    const dxfs = [...(/<dxfs[^>]*>([^]*?)<\/dxfs>/.exec(styles)?.[1] ?? "").matchAll(/<dxf>[^]*?<\/dxf>/g)].map(
      (m) => m[0],
    );
    expect(dxfs[dxfId]).toBe(
      `<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>`,
    );
    expect(Number(/<dxfs count="(\d+)"/.exec(styles)?.[1])).toBe(dxfs.length);
  });

  it("keeps them once, and replaces its own flags, when the checked copy is checked again", async () => {
    const again = join(dir, "x14.again.xlsx");
    const r = await runCli([join(dir, "x14.checked.xlsx"), "--out", again]);
    expect(r.code).toBe(1);
    const xml = await sheetXml(await readFile(again));
    for (const id of [DATA_BAR_ID, ICON_SET_ID, CROSS_SHEET_ID]) expect(count(xml, `id="${id}"`)).toBe(1);
    expect(count(xml, 'type="duplicateValues"')).toBe(1);
    expect(count(xml, `<xm:f>${LIST_FORMULA}</xm:f>`)).toBe(1);
    expect(count(xml, `<xm:f>${SPARKLINE_FORMULA}</xm:f>`)).toBe(1);
    expect(count(xml, "check-targets:error")).toBe(1);
  });

  it("and --clear writes a copy without the flags that still has the staff's rules", async () => {
    const cleared = join(dir, "x14.cleared.xlsx");
    const r = await runCli([join(dir, "x14.checked.xlsx"), "--out", cleared, "--clear"]);
    expect(r.code).toBe(1);
    const xml = await sheetXml(await readFile(cleared));
    expect(xml).not.toMatch(/check-targets:/);
    for (const id of [DATA_BAR_ID, ICON_SET_ID, CROSS_SHEET_ID]) expect(count(xml, `id="${id}"`)).toBe(1);
  });

  it("is a copy LibreOffice opens with all the rules, theirs and ours", async () => {
    assertLibreOffice();
    const exported = await convert(join(dir, "x14.checked.xlsx"), "xlsx");
    // LibreOffice's own export of what it read: it understood every rule.
    const xml = await sheetXml(await readFile(exported));
    expect(xml).toMatch(/<cfRule type="dataBar"/);
    expect(xml).toMatch(/<x14:cfRule type="iconSet"/);
    expect(xml).toMatch(/<cfRule type="duplicateValues"/);
    expect(xml).toContain(`<xm:f>${CROSS_SHEET_FORMULA}</xm:f>`);
    expect(xml).toContain("check-targets:error");
  });

  it("keeps an extension neither ExcelJS nor the checker knows, verbatim, and says nothing is lacking", async () => {
    const file = join(dir, "unknown-ext.xlsx");
    await writeFile(
      file,
      await rawWorkbook({
        sheets: [
          {
            name: "绩效指标",
            rows: [
              ["项目名称", "三级指标", "指标值"],
              ["隔离点", "征用医用隔离点", "≥5家"],
            ],
            extLst: `<ext uri="{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerList/></ext>`,
          },
        ],
      }),
    );
    const out = join(dir, "unknown-ext.checked.xlsx");
    const r = await runCli([file, "--out", out, "--lang", "en-US"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(await sheetXml(await readFile(out))).toContain("<x14:slicerList/>");
  });
});

import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from "@zip.js/zip.js";
import JSZip from "jszip";
import { entryNames, entryText, readZip, replaceEntries } from "./zip-entries";

/** A package as ExcelJS writes one (through JSZip): deflated parts, a stored one. */
async function packageOf(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>".repeat(100), { compression: "DEFLATE" });
  zip.file("xl/media/image1.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), { compression: "STORE" });
  zip.file("xl/worksheets/sheet1.xml", "<worksheet>占位</worksheet>", { compression: "DEFLATE" });
  zip.file("xl/styles.xml", "<styleSheet/>", { compression: "DEFLATE" });
  return zip.generateAsync({ type: "nodebuffer" });
}

/**
 * Each entry's whole record (local header, data, descriptor) as stored, by name. Read strictly:
 * each local header must agree with the central directory, and each entry's CRC-32 with its content.
 */
async function records(bytes: Buffer): Promise<Map<string, Buffer>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { strictness: "strict", checkCrc32: true });
  const entries = (await reader.getEntries()).sort((a, b) => a.offset - b.offset);
  for (const entry of entries) if (!entry.directory) await entry.getData(new Uint8ArrayWriter());
  return new Map(
    entries.map((e, i) => [e.filename, bytes.subarray(e.offset, entries[i + 1]?.offset ?? reader.directoryOffset)]),
  );
}

/** Pieces of every size: many small ones, a large one of Han characters, one longer than a block. */
function* pieces(): Generator<string> {
  yield "<worksheet><sheetData>";
  for (let r = 1; r <= 20_000; r++)
    yield `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第${r}行 🙂</t></is></c></row>`;
  yield "绩效目标表".repeat(100_000);
  yield "x".repeat(3_000_000);
  yield "</sheetData></worksheet>";
}

describe("replacing a part of a zip package", () => {
  it("writes the new part in full, with its checksum, and copies every other entry byte for byte", async () => {
    const input = await packageOf();
    const before = await readZip(input);
    const output = await replaceEntries(before, new Map([["xl/worksheets/sheet1.xml", pieces]]));
    const after = await readZip(output);
    expect(entryNames(after)).toEqual(entryNames(before));
    const [was, is] = [await records(input), await records(output)];
    for (const name of ["[Content_Types].xml", "xl/media/image1.png", "xl/styles.xml"]) {
      expect(is.get(name)!.equals(was.get(name)!)).toBe(true);
      expect(await entryText(after, name)).toBe(await entryText(before, name));
    }
    expect(is.get("xl/worksheets/sheet1.xml")!.equals(was.get("xl/worksheets/sheet1.xml")!)).toBe(false);
    // JSZip checks every entry's CRC-32 and sizes.
    const zip = await JSZip.loadAsync(output, { checkCRC32: true });
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe([...pieces()].join(""));
    expect(await zip.file("xl/media/image1.png")!.async("nodebuffer")).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    );
    expect(await entryText(after, "xl/worksheets/sheet1.xml")).toBe([...pieces()].join(""));
  });

  it("refuses to replace a part the package lacks", async () => {
    const zip = await readZip(await packageOf());
    await expect(replaceEntries(zip, new Map([["xl/workbook.xml", () => ["<workbook/>"]]]))).rejects.toThrow(
      "xl/workbook.xml",
    );
  });

  it("reads no entry that is not there", async () => {
    expect(await entryText(await readZip(await packageOf()), "xl/workbook.xml")).toBeNull();
  });
});

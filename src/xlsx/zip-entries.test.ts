import JSZip from "jszip";
import { entryContent, readZip, replaceEntries } from "./zip-entries";

async function packageOf(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>".repeat(100), { compression: "DEFLATE" });
  zip.file("xl/media/image1.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), { compression: "STORE" });
  zip.file("xl/worksheets/sheet1.xml", "<worksheet>占位</worksheet>", { compression: "DEFLATE" });
  return zip.generateAsync({ type: "nodebuffer" });
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
    const before = readZip(await packageOf());
    const after = readZip(replaceEntries(before, new Map([["xl/worksheets/sheet1.xml", pieces]])));
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    for (const name of ["[Content_Types].xml", "xl/media/image1.png"]) {
      const [a, b] = [before, after].map((z) => z.entries.find((e) => e.name === name)!);
      expect(after.bytes.subarray(b!.start, b!.end).equals(before.bytes.subarray(a!.start, a!.end))).toBe(true);
      expect(entryContent(after, name)!.equals(entryContent(before, name)!)).toBe(true);
    }
    // JSZip checks every entry's CRC-32 and sizes.
    const zip = await JSZip.loadAsync(after.bytes, { checkCRC32: true });
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe([...pieces()].join(""));
    expect(await zip.file("xl/media/image1.png")!.async("nodebuffer")).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
    );
  });
});

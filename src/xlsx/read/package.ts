import type * as ZipJs from "@zip.js/zip.js";
import { READER_OPTIONS, zipJs } from "../zip-library";
import { LIMITS, TooLarge, type Limits } from "./limits";
import { XmlPart, type XmlHandler } from "./xml";

/**
 * Each entry's name is stored twice, in the central directory and in the entry's own header; a zip
 * whose two names disagree is damaged (or made to be read differently by different tools) and is
 * refused, although the part concerned may be one the checker would not have read.
 */
function assertSameLocalName(bytes: Uint8Array, entry: ZipJs.Entry): void {
  const at = entry.offset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw new Error(`the zip entry ${entry.filename} has no local header`);
  }
  const length = view.getUint16(at + 26, true);
  const local = bytes.subarray(at + 30, at + 30 + length);
  const central = entry.rawFilename;
  if (local.length !== central.length || local.some((b, i) => b !== central[i])) {
    throw new Error(`the zip entry ${entry.filename} is named differently in its local header`);
  }
}

/**
 * An opened package: its parts by name (as stored, and case-folded: OPC part names are
 * case-insensitive, and packages exist whose relationships say `Sheet1.xml` of a part stored as
 * `sheet1.xml`), and what has been inflated so far, against the limits.
 */
export class Package {
  private inflated = 0;
  private compressed = 0;

  private constructor(
    private readonly byName: ReadonlyMap<string, ZipJs.FileEntry>,
    private readonly byFolded: ReadonlyMap<string, ZipJs.FileEntry>,
    private readonly limits: Limits,
  ) {}

  static async open(bytes: Uint8Array, limits: Limits = LIMITS): Promise<Package> {
    const { Uint8ArrayReader, ZipReader } = await zipJs();
    const entries = await new ZipReader(new Uint8ArrayReader(bytes), READER_OPTIONS).getEntries();
    const byName = new Map<string, ZipJs.FileEntry>();
    const byFolded = new Map<string, ZipJs.FileEntry>();
    for (const entry of entries) {
      assertSameLocalName(bytes, entry);
      if (entry.directory) continue;
      // Zip names have no leading slash; some writers put one anyway.
      const name = entry.filename.replace(/^\/+/, "");
      if (!byName.has(name)) byName.set(name, entry);
      if (!byFolded.has(name.toLowerCase())) byFolded.set(name.toLowerCase(), entry);
    }
    return new Package(byName, byFolded, limits);
  }

  /** The part's entry: by its name as written, else by its name in any case. */
  private entry(name: string): ZipJs.FileEntry | undefined {
    return this.byName.get(name) ?? this.byFolded.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /**
   * Streams one part through a namespace-aware parser, inflating it chunk by chunk and counting
   * what comes out against the limits. Returns false when the package has no such part.
   */
  async parse(name: string, handler: XmlHandler): Promise<boolean> {
    const entry = this.entry(name);
    if (entry === undefined) return false;
    const { limits } = this;
    if (entry.uncompressedSize > limits.partBytes) {
      throw new TooLarge(`${name} inflates to ${entry.uncompressedSize} bytes (limit ${limits.partBytes})`);
    }
    this.compressed += entry.compressedSize;
    const xml = new XmlPart(name, handler);
    let partBytes = 0;
    const count = (n: number): void => {
      partBytes += n;
      this.inflated += n;
      if (partBytes > limits.partBytes) throw new TooLarge(`${name} inflates past ${limits.partBytes} bytes`);
      if (this.inflated > limits.totalBytes) throw new TooLarge(`the parts inflate past ${limits.totalBytes} bytes`);
      if (this.inflated > limits.ratioFrom && this.inflated > limits.ratio * Math.max(1, this.compressed)) {
        throw new TooLarge(`the parts inflate more than ${limits.ratio} times their compressed size`);
      }
    };
    await entry.getData(
      new WritableStream<Uint8Array>({
        write(chunk) {
          count(chunk.byteLength);
          xml.write(chunk);
        },
      }),
    );
    xml.end();
    return true;
  }
}

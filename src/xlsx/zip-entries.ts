import * as zlib from "node:zlib";

/**
 * Just enough of the zip format to replace parts of a package ExcelJS (through JSZip) has written:
 * every other entry is copied byte for byte, compressed as it is, and a replaced part is
 * deflated by Node's zlib chunk by chunk as it is produced, so that a part of hundreds of
 * megabytes is never held whole, as text or as bytes.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const DEFLATE = 8;
const STORE = 0;
/** General-purpose flag: the entry's name is UTF-8. Every other flag is dropped from a replaced entry. */
const UTF8_NAME = 0x0800;
/** Beyond this, an entry or an offset needs ZIP64, which no package written here comes near. */
const LIMIT = 0xffff_ffff;

export type ZipEntry = {
  name: string;
  /** Where its local header starts and where its record (header, data, descriptor) ends. */
  start: number;
  end: number;
  /** Its central-directory record, as read. */
  central: Buffer;
};

export type ZipPackage = { bytes: Buffer; entries: ZipEntry[]; endRecord: Buffer };

function endOfCentralDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL) return at;
  }
  throw new Error("not a zip package: no end-of-central-directory record");
}

/** Reads a package's directory. Throws on what is not a plain zip (ZIP64, split archives). */
export function readZip(bytes: Buffer): ZipPackage {
  const end = endOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === LIMIT || offset + size > end) throw new Error("unsupported zip package (ZIP64)");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error("damaged zip package: bad central directory");
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const length = 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const name = bytes.toString(flags & UTF8_NAME ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    entries.push({ name, start: bytes.readUInt32LE(at + 42), end: 0, central: bytes.subarray(at, at + length) });
    at += length;
  }
  // An entry's record runs to the next one's local header, or to the central directory.
  const byStart = [...entries].sort((a, b) => a.start - b.start);
  byStart.forEach((entry, i) => (entry.end = byStart[i + 1]?.start ?? offset));
  return { bytes, entries, endRecord: bytes.subarray(end) };
}

/** An entry's uncompressed content. */
export function entryContent(zip: ZipPackage, name: string): Buffer | null {
  const entry = zip.entries.find((e) => e.name === name);
  if (entry === undefined) return null;
  const { bytes } = zip;
  if (bytes.readUInt32LE(entry.start) !== LOCAL_HEADER) throw new Error(`damaged zip package: ${name}`);
  const method = entry.central.readUInt16LE(10);
  const compressed = entry.central.readUInt32LE(20);
  const from = entry.start + 30 + bytes.readUInt16LE(entry.start + 26) + bytes.readUInt16LE(entry.start + 28);
  const data = bytes.subarray(from, from + compressed);
  if (method === STORE) return Buffer.from(data);
  if (method === DEFLATE) return zlib.inflateRawSync(data);
  throw new Error(`unsupported compression method ${method} in ${name}`);
}

/** CRC-32 as zip uses it: Node's own where it has one (20.15 and later), else a table. */
const crc32: (data: Buffer, value: number) => number = typeof zlib.crc32 === "function" ? zlib.crc32 : tableCrc32();

function tableCrc32(): (data: Buffer, value: number) => number {
  const table = new Int32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  return (data, value) => {
    let c = ~value;
    for (const byte of data) c = (table[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return ~c >>> 0;
  };
}

type Deflated = { chunks: Buffer[]; crc: number; size: number; compressedSize: number };

/** Bytes of UTF-8 gathered before they are compressed. */
const BLOCK = 1 << 20;

/**
 * Deflates text produced in pieces. The pieces are encoded into one reused block; each full block
 * is compressed on its own and flushed to a byte boundary (Z_SYNC_FLUSH), and an empty final block
 * closes the stream: concatenated, the compressed blocks are one valid deflate stream. Only the
 * compressed bytes are kept; the text and its encoding are garbage as soon as they are made.
 */
function deflateChunks(texts: Iterable<string>): Deflated {
  const out: Deflated = { chunks: [], crc: 0, size: 0, compressedSize: 0 };
  const add = (bytes: Buffer, finish: boolean) => {
    out.crc = crc32(bytes, out.crc);
    out.size += bytes.length;
    const piece = zlib.deflateRawSync(bytes, {
      finishFlush: finish ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
    });
    out.chunks.push(piece);
    out.compressedSize += piece.length;
  };
  const block = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  for (const text of texts) {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    if (used + text.length * 3 > BLOCK) {
      if (used > 0) add(block.subarray(0, used), false);
      used = 0;
    }
    if (text.length * 3 > BLOCK) add(Buffer.from(text, "utf8"), false);
    else used += block.write(text, used, "utf8");
  }
  add(block.subarray(0, used), true);
  if (out.size > LIMIT || out.compressedSize > LIMIT) throw new Error("a package part beyond 4 GiB needs ZIP64");
  return out;
}

/**
 * The package with the named entries' contents replaced (each produced as a sequence of text
 * chunks); every other entry is copied as it is. Returns the new package's bytes.
 */
export function replaceEntries(zip: ZipPackage, replacements: ReadonlyMap<string, () => Iterable<string>>): Buffer {
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (piece: Buffer) => {
    pieces.push(piece);
    offset += piece.length;
  };
  for (const entry of [...zip.entries].sort((a, b) => a.start - b.start)) {
    const start = offset;
    const produce = replacements.get(entry.name);
    const record = Buffer.from(entry.central);
    if (produce === undefined) {
      push(zip.bytes.subarray(entry.start, entry.end));
    } else {
      const deflated = deflateChunks(produce());
      const name = record.subarray(46, 46 + record.readUInt16LE(28));
      const flags = record.readUInt16LE(8) & UTF8_NAME;
      const header = Buffer.alloc(30);
      header.writeUInt32LE(LOCAL_HEADER, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(flags, 6);
      header.writeUInt16LE(DEFLATE, 8);
      // Modification time and date, as the entry had them.
      record.copy(header, 10, 12, 16);
      header.writeUInt32LE(deflated.crc, 14);
      header.writeUInt32LE(deflated.compressedSize, 18);
      header.writeUInt32LE(deflated.size, 22);
      header.writeUInt16LE(name.length, 26);
      header.writeUInt16LE(0, 28);
      push(header);
      push(name);
      for (const chunk of deflated.chunks) push(chunk);
      record.writeUInt16LE(flags, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt32LE(deflated.crc, 16);
      record.writeUInt32LE(deflated.compressedSize, 20);
      record.writeUInt32LE(deflated.size, 24);
    }
    if (start > LIMIT) throw new Error("a package beyond 4 GiB needs ZIP64");
    record.writeUInt32LE(start, 42);
    central.push(record);
  }
  const directoryOffset = offset;
  for (const record of central) push(record);
  const end = Buffer.from(zip.endRecord);
  end.writeUInt32LE(offset - directoryOffset, 12);
  end.writeUInt32LE(directoryOffset, 16);
  push(end);
  return Buffer.concat(pieces);
}

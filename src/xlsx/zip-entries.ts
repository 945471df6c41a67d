import type * as ZipJs from "@zip.js/zip.js";
import { READER_OPTIONS, zipJs } from "./zip-library";

/**
 * Reading a saved package's parts and replacing some of them, with zip.js: every other entry is
 * copied as it is stored, still compressed (its `passThrough` options), and a replaced part is
 * streamed into the writer chunk by chunk as it is produced, so that a part of hundreds of
 * megabytes is never held whole, as text or as bytes.
 */

/**
 * No web workers: Node has none. A replaced part is deflated by the native CompressionStream
 * (zlib, off the main thread), which measured nearly twice as fast here as zip.js's own
 * WebAssembly codec; its headers are plain, as ExcelJS (JSZip) writes them, without the
 * extended-timestamp extra field; and never ZIP64, which no package written here comes near, and
 * which a streamed part of unknown size would otherwise get in its local header.
 */
const WRITER_OPTIONS: ZipJs.ZipWriterConstructorOptions = {
  useWebWorkers: false,
  extendedTimestamp: false,
  zip64: false,
};

export type ZipPackage = { entries: readonly ZipJs.Entry[] };

/** Reads a package's directory. */
export async function readZip(bytes: Uint8Array): Promise<ZipPackage> {
  const { Uint8ArrayReader, ZipReader } = await zipJs();
  const reader = new ZipReader(new Uint8ArrayReader(bytes), READER_OPTIONS);
  return { entries: await reader.getEntries() };
}

/** The names of the package's entries, in the order they are stored. */
export const entryNames = (zip: ZipPackage): string[] => zip.entries.map((e) => e.filename);

/** An entry's content as UTF-8 text, or null when the package has no such entry. */
export async function entryText(zip: ZipPackage, name: string): Promise<string | null> {
  const entry = zip.entries.find((e) => e.filename === name);
  if (entry === undefined || entry.directory) return null;
  const { Uint8ArrayWriter } = await zipJs();
  const bytes = await entry.getData(new Uint8ArrayWriter());
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/**
 * Characters of text gathered into one chunk of UTF-8 for the compressor, as many as zip.js's own
 * chunk size (256 KiB): with chunks of a million, a 100,000-row list's parts took 0.7 s longer to
 * write (measured).
 */
const BLOCK = 1 << 18;

/**
 * Text produced in pieces as a stream of UTF-8 chunks, each made only when the writer pulls it: the
 * pieces of one chunk are garbage as soon as they are encoded.
 */
function utf8Stream(texts: Iterable<string>): ReadableStream<Uint8Array> {
  const pieces = texts[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const batch: string[] = [];
      let length = 0;
      while (length < BLOCK) {
        const next = pieces.next();
        if (next.done === true) {
          if (batch.length > 0) controller.enqueue(Buffer.from(batch.join(""), "utf8"));
          controller.close();
          return;
        }
        batch.push(next.value);
        length += next.value.length;
      }
      controller.enqueue(Buffer.from(batch.join(""), "utf8"));
    },
    cancel() {
      pieces.return?.();
    },
  });
}

/**
 * The package with the named entries' contents replaced (each produced as a sequence of text
 * chunks); every other entry is copied as it is stored, compressed data and all. The entries keep
 * their order, names, dates and attributes. Returns the new package's bytes.
 */
export async function replaceEntries(
  zip: ZipPackage,
  replacements: ReadonlyMap<string, () => Iterable<string>>,
): Promise<Buffer> {
  return await rewriteEntries(zip, { replace: replacements, remove: new Set(), add: [] });
}

/** A part's new content: bytes as they are, or text produced in chunks (written as UTF-8). */
export type PartContent = Uint8Array | (() => Iterable<string>);

export type PackageEdits = {
  replace: ReadonlyMap<string, PartContent>;
  /** Entries left out of the new package. */
  remove: ReadonlySet<string>;
  /** New entries, after every original one. */
  add: readonly (readonly [string, PartContent])[];
};

const contentStream = (content: PartContent): ReadableStream<Uint8Array> => {
  if (typeof content === "function") return utf8Stream(content());
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(content);
      controller.close();
    },
  });
};

/**
 * The package with entries replaced, removed and added; every other entry is copied as it is
 * stored, compressed data and all, keeping the entries' order, names, dates and attributes.
 */
export async function rewriteEntries(zip: ZipPackage, edits: PackageEdits): Promise<Buffer> {
  for (const name of [...edits.replace.keys(), ...edits.remove]) {
    if (!zip.entries.some((e) => e.filename === name)) throw new Error(`no part ${name} to replace in the package`);
  }
  const { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } = await zipJs();
  const writer = new ZipWriter(new Uint8ArrayWriter(), WRITER_OPTIONS);
  for (const entry of zip.entries) {
    if (edits.remove.has(entry.filename)) continue;
    const produce = edits.replace.get(entry.filename);
    if (produce !== undefined) {
      await writer.add(entry.filename, contentStream(produce), { entry });
    } else {
      // The version needed to extract is the entry's own too (JSZip writes 1.0 even for deflated data),
      // so that the whole record is as it was.
      const stored = entry.directory ? null : await entry.getData(new Uint8ArrayWriter(), { passThrough: true });
      await writer.add(entry.filename, stored === null ? null : new Uint8ArrayReader(stored), {
        entry,
        passThrough: true,
        version: entry.version,
      });
    }
  }
  for (const [name, content] of edits.add) await writer.add(name, contentStream(content));
  const bytes = await writer.close();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An entry's stored bytes, uncompressed; null when the package has no such entry. */
export async function entryBytes(zip: ZipPackage, name: string): Promise<Uint8Array | null> {
  const entry = zip.entries.find((e) => e.filename === name);
  if (entry === undefined || entry.directory) return null;
  const { Uint8ArrayWriter } = await zipJs();
  return await entry.getData(new Uint8ArrayWriter());
}

/** A new package of the given parts, in order (the summary workbook). */
export async function writePackage(parts: readonly (readonly [string, PartContent])[]): Promise<Buffer> {
  const { Uint8ArrayWriter, ZipWriter } = await zipJs();
  const writer = new ZipWriter(new Uint8ArrayWriter(), WRITER_OPTIONS);
  for (const [name, content] of parts) await writer.add(name, contentStream(content));
  const bytes = await writer.close();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

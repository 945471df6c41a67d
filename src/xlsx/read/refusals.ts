import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { WorkbookError, type DetectedFile } from "../../core";
import { DeclaresEntities, TooLarge } from "./limits";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An encrypted .xlsx is an OLE file holding this stream (its name is stored in UTF-16). */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
/** An OpenDocument file's first entry, stored uncompressed: "mimetype" = application/vnd.oasis.opendocument.… */
const OPEN_DOCUMENT = Buffer.from("application/vnd.oasis.opendocument");

/** No NUL byte in the first kilobytes: text (CSV, TSV, HTML, XML), not a binary file. */
const looksLikeText = (bytes: Buffer): boolean => !bytes.subarray(0, 4096).includes(0);

/** What a file that is no zip package is, as far as its bytes and extension tell. */
function detect(path: string, bytes: Buffer): DetectedFile {
  if (bytes.length === 0) return "empty";
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return ext.slice(1) as "csv" | "tsv" | "txt";
  if (looksLikeText(bytes)) return "text";
  return "unknown";
}

const notAWorkbook = (path: string, detected: DetectedFile): WorkbookError =>
  new WorkbookError({ kind: "not-a-workbook", path, detected });

/** The file's bytes; a missing file, a folder or a read error as a problem. */
export async function fileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new WorkbookError(
      code === "ENOENT"
        ? { kind: "file-not-found", path }
        : code === "EISDIR"
          ? { kind: "file-is-folder", path }
          : { kind: "file-unreadable", path, code: code ?? null },
      { cause },
    );
  }
}

/**
 * Refuses, before any parsing, what is no zip package: an encrypted workbook (an OLE container),
 * an old .xls or WPS .et, an OpenDocument file, text, an empty file.
 */
export function assertPackage(path: string, bytes: Buffer): void {
  if (bytes.subarray(0, 8).equals(OLE)) {
    if (bytes.includes(ENCRYPTION_INFO)) throw new WorkbookError({ kind: "encrypted", path });
    throw notAWorkbook(path, extname(path).toLowerCase() === ".et" ? "et" : "xls");
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) throw notAWorkbook(path, detect(path, bytes));
  if (bytes.subarray(0, 128).includes(OPEN_DOCUMENT)) throw notAWorkbook(path, "ods");
}

/** A zip that holds no worksheet: a binary .xlsb, an Apple Numbers file, a Word file, a zipped folder. */
export function holdsNoWorksheet(path: string, binary: boolean): WorkbookError {
  const ext = extname(path).toLowerCase();
  if (binary || ext === ".xlsb") return notAWorkbook(path, "xlsb");
  if (ext === ".numbers") return notAWorkbook(path, "numbers");
  return notAWorkbook(path, "no-worksheet");
}

/** Why reading a package failed: too large, entity declarations, or damaged. */
export function readFailure(path: string, cause: unknown): WorkbookError {
  if (cause instanceof TooLarge) {
    return new WorkbookError({ kind: "too-large", path, detail: cause.what }, { cause });
  }
  if (cause instanceof DeclaresEntities) {
    return new WorkbookError({ kind: "declares-entities", path, part: cause.part }, { cause });
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return new WorkbookError({ kind: "damaged", path, detail: message }, { cause });
}

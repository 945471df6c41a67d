import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { WorkbookError } from "../../core";
import { DeclaresEntities, TooLarge } from "./limits";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An encrypted .xlsx is an OLE file holding this stream (its name is stored in UTF-16). */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");
/** An OpenDocument file's first entry, stored uncompressed: "mimetype" = application/vnd.oasis.opendocument.… */
const OPEN_DOCUMENT = Buffer.from("application/vnd.oasis.opendocument");
const SAVE_AS_XLSX = "open it in Excel (or WPS) and save it as .xlsx";

/** No NUL byte in the first kilobytes: text (CSV, TSV, HTML, XML), not a binary file. */
const looksLikeText = (bytes: Buffer): boolean => !bytes.subarray(0, 4096).includes(0);

/** Why a file that is not an .xlsx cannot be read, in one line the user can act on. */
function notAWorkbook(path: string, bytes: Buffer): string {
  if (bytes.length === 0) return `${path}: not an .xlsx workbook: the file is empty`;
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") {
    return `${path}: not an .xlsx workbook but a text (${ext.slice(1).toUpperCase()}) file; ${SAVE_AS_XLSX}`;
  }
  if (looksLikeText(bytes)) {
    return `${path}: not an .xlsx workbook but a text file (CSV, HTML or XML?); ${SAVE_AS_XLSX}`;
  }
  return `${path}: not an .xlsx workbook`;
}

/** The file's bytes; a missing file, a folder or a read error as one line. */
export async function fileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a folder"
          : `cannot be read (${code ?? "unknown"})`;
    throw new WorkbookError("unreadable", `${path}: ${what}`, { cause });
  }
}

/**
 * Refuses, before any parsing, what is no zip package: an encrypted workbook (an OLE container),
 * an old .xls or WPS .et, an OpenDocument file, text, an empty file.
 */
export function assertPackage(path: string, bytes: Buffer): void {
  if (bytes.subarray(0, 8).equals(OLE)) {
    if (bytes.includes(ENCRYPTION_INFO)) {
      throw new WorkbookError(
        "encrypted",
        `${path}: the workbook is password-protected; save a copy without a password`,
      );
    }
    const what = extname(path).toLowerCase() === ".et" ? "a WPS .et workbook" : "an old .xls workbook";
    throw new WorkbookError("not-a-workbook", `${path}: ${what}; ${SAVE_AS_XLSX}`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) {
    throw new WorkbookError("not-a-workbook", notAWorkbook(path, bytes));
  }
  if (bytes.subarray(0, 128).includes(OPEN_DOCUMENT)) {
    throw new WorkbookError(
      "not-a-workbook",
      `${path}: an OpenDocument (.ods) file, not an .xlsx workbook; ${SAVE_AS_XLSX}`,
    );
  }
}

/** A zip that holds no worksheet: a binary .xlsb, an Apple Numbers file, a Word file, a zipped folder. */
export function holdsNoWorksheet(path: string, binary: boolean): WorkbookError {
  const ext = extname(path).toLowerCase();
  if (binary || ext === ".xlsb") {
    return new WorkbookError("not-a-workbook", `${path}: a binary .xlsb workbook, not an .xlsx; ${SAVE_AS_XLSX}`);
  }
  if (ext === ".numbers") {
    return new WorkbookError(
      "not-a-workbook",
      `${path}: an Apple Numbers file, not an .xlsx workbook; export it from Numbers as .xlsx (File › Export To › Excel)`,
    );
  }
  return new WorkbookError("not-a-workbook", `${path}: not an .xlsx workbook: the file holds no worksheet`);
}

/** Why reading a package failed, in one line: too large, entity declarations, or damaged. */
export function readFailure(path: string, cause: unknown): WorkbookError {
  if (cause instanceof TooLarge) {
    return new WorkbookError("unreadable", `${path}: the workbook is too large to read safely (${cause.what})`, {
      cause,
    });
  }
  if (cause instanceof DeclaresEntities) {
    return new WorkbookError(
      "unreadable",
      `${path}: the workbook is damaged or unsafe (${cause.part} declares XML entities, which Excel never writes)`,
      { cause },
    );
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return new WorkbookError("unreadable", `${path}: the workbook is damaged or incomplete (${message})`, { cause });
}

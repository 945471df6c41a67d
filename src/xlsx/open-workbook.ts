import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { WorkbookError } from "../core";
import { installFastMergeLoading } from "./fast-merges";

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

export type OpenedWorkbook = {
  workbook: ExcelJS.Workbook;
  /** The file as read: kept so that what ExcelJS cannot write back is copied from it (kept-formats.ts). */
  bytes: Buffer;
};

/**
 * Loads an .xlsx or .xlsm file, telling apart the failures a user can act on: missing, not a
 * workbook (text, CSV, OpenDocument, empty), an old .xls, password-protected, damaged.
 */
export async function openWorkbookFile(path: string): Promise<OpenedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
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
  installFastMergeLoading();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new WorkbookError(
      "unreadable",
      `${path}: the workbook is damaged or incomplete (${(cause as Error).message})`,
      { cause },
    );
  }
  // A zip without a workbook part (a Word file, a zipped folder) loads as no sheets at all.
  if (workbook.worksheets.length === 0) {
    const binary = extname(path).toLowerCase() === ".xlsb";
    throw new WorkbookError(
      "not-a-workbook",
      binary
        ? `${path}: a binary .xlsb workbook, not an .xlsx; ${SAVE_AS_XLSX}`
        : `${path}: not an .xlsx workbook: the file holds no worksheet`,
    );
  }
  return { workbook, bytes };
}

/** openWorkbookFile, for callers that only read. */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  return (await openWorkbookFile(path)).workbook;
}

import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { WorkbookError } from "../core";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An encrypted .xlsx is an OLE file holding this stream (its name is stored in UTF-16). */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

/**
 * Loads an .xlsx file, telling apart the failures a user can act on: missing, not a workbook,
 * an old .xls, password-protected, damaged.
 */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
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
    throw new WorkbookError("not-a-workbook", `${path}: an old .xls workbook; open it in Excel and save it as .xlsx`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) {
    throw new WorkbookError("not-a-workbook", `${path}: not an .xlsx workbook`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new WorkbookError(
      "unreadable",
      `${path}: the workbook is damaged or incomplete (${(cause as Error).message})`,
      { cause },
    );
  }
  return wb;
}

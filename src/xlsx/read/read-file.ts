import type { WorkbookData } from "../../core";
import { readPackage, type PackageRead } from "./read-package";
import { assertPackage, fileBytes, holdsNoWorksheet, readFailure } from "./refusals";

/** A workbook file read: its plain data, and the bytes a checked copy is written from. */
export type ReadFile = { data: WorkbookData; bytes: Buffer };

/**
 * Reads an .xlsx or .xlsm file into the core's plain data with the package reader (src/xlsx/read),
 * telling apart the failures a user can act on: missing, not a workbook (text, CSV, OpenDocument,
 * empty, .xlsb), an old .xls, password-protected, damaged, too large to read safely.
 */
export async function readFileWithBytes(path: string): Promise<ReadFile> {
  const bytes = await fileBytes(path);
  assertPackage(path, bytes);
  let read: PackageRead;
  try {
    read = await readPackage(bytes);
  } catch (cause) {
    throw readFailure(path, cause);
  }
  if (!read.ok) throw holdsNoWorksheet(path, read.why.kind === "binary");
  return { data: read.data, bytes };
}

/** The workbook file's plain data alone. */
export async function readWorkbookFile(path: string): Promise<WorkbookData> {
  return (await readFileWithBytes(path)).data;
}

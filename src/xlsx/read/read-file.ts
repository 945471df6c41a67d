import type { WorkbookData } from "../../core";
import { readPackage, type PackageRead } from "./read-package";
import { assertPackage, fileBytes, holdsNoWorksheet, readFailure } from "./refusals";

/**
 * Reads an .xlsx or .xlsm file into the core's plain data with the package reader (src/xlsx/read),
 * telling apart the failures a user can act on: missing, not a workbook (text, CSV, OpenDocument,
 * empty, .xlsb), an old .xls, password-protected, damaged, too large to read safely.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookData> {
  const bytes = await fileBytes(path);
  assertPackage(path, bytes);
  let read: PackageRead;
  try {
    read = await readPackage(bytes);
  } catch (cause) {
    throw readFailure(path, cause);
  }
  if (!read.ok) throw holdsNoWorksheet(path, read.why.kind === "binary");
  return read.data;
}

import { join } from "node:path";
import type { WorkbookData } from "../../src/core";
import { openWorkbookFile, workbookData } from "./exceljs";

/** The shared corpus of real spreadsheet files (see its MANIFEST.tsv). */
export const CORPUS = "/work/shared/corpus";

/**
 * A corpus file as the core's plain data. The only tie to the file reader, so that replacing
 * the reader changes this one function.
 */
export async function readCorpusFile(file: string): Promise<WorkbookData> {
  const opened = await openWorkbookFile(join(CORPUS, "files", file));
  return workbookData(opened.workbook);
}

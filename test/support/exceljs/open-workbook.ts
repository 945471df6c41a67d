import ExcelJS from "exceljs";
import { WorkbookError } from "../../../src/core";
import { installFastMergeLoading } from "./fast-merges";
import { assertPackage, fileBytes, holdsNoWorksheet } from "../../../src/xlsx/read/refusals";

export { readWorkbookFile } from "../../../src/xlsx/read/read-file";

export type OpenedWorkbook = {
  workbook: ExcelJS.Workbook;
  /** The file as read: kept so that what ExcelJS cannot write back is copied from it (kept-formats.ts). */
  bytes: Buffer;
};

/**
 * Loads an .xlsx or .xlsm file into ExcelJS's model, for writing a checked copy, with the same
 * refusals as readWorkbookFile.
 */
export async function openWorkbookFile(path: string): Promise<OpenedWorkbook> {
  const bytes = await fileBytes(path);
  assertPackage(path, bytes);
  installFastMergeLoading();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new WorkbookError({ kind: "damaged", path, detail: (cause as Error).message }, { cause });
  }
  // A zip without a workbook part (a Word file, a zipped folder) loads as no sheets at all.
  if (workbook.worksheets.length === 0) throw holdsNoWorksheet(path, false);
  return { workbook, bytes };
}

/** openWorkbookFile, for callers that only read. */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  return (await openWorkbookFile(path)).workbook;
}

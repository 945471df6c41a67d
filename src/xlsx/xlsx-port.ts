import type ExcelJS from "exceljs";
import type { WorkbookData, WorkbookPort } from "../core";
import { openWorkbook } from "./open-workbook";
import { workbookData } from "./read-workbook";

/** The workbook port over an ExcelJS workbook: the command line's and the tests' adapter. */
export class XlsxPort implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async open(path: string): Promise<XlsxPort> {
    return new XlsxPort(await openWorkbook(path));
  }

  read(): Promise<WorkbookData> {
    return Promise.resolve(workbookData(this.workbook));
  }
}

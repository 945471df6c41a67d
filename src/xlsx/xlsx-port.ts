import type ExcelJS from "exceljs";
import type { WorkbookData, WorkbookPort, WritePlan } from "../core";
import { applyPlan } from "./apply-plan";
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

  apply(plan: WritePlan): Promise<void> {
    applyPlan(this.workbook, plan);
    return Promise.resolve();
  }

  /** Writes the workbook to a file: the command line's --out. */
  async save(path: string): Promise<void> {
    await this.workbook.xlsx.writeFile(path);
  }
}

import { writeFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import type { WorkbookData, WorkbookPort, WritePlan } from "../../../src/core";
import { applyPlan } from "./apply-plan";
import { openWorkbookFile } from "./open-workbook";
import { workbookData } from "./read-workbook";
import { writeCheckedCopy } from "../../../src/xlsx/write/write-copy";

export type XlsxPortOptions = {
  /**
   * Whether apply() also changes ExcelJS's workbook, "model", the default, for callers that look
   * at it in memory; or only keeps the plan for save(), "file", the command line's choice: the
   * copy is written from the original file (src/xlsx/write), not from ExcelJS's model.
   */
  owned?: "model" | "file";
};

/** The workbook port over an ExcelJS workbook: the command line's and the tests' adapter. */
export class XlsxPort implements WorkbookPort {
  private readonly owned: "model" | "file";
  private readonly plans: WritePlan[] = [];

  /** `source` is the file the workbook was loaded from: save() writes the copy from it. */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly source: Buffer | null = null,
    options: XlsxPortOptions = {},
  ) {
    this.owned = options.owned ?? "model";
  }

  static async open(path: string, options: XlsxPortOptions = {}): Promise<XlsxPort> {
    const { workbook, bytes } = await openWorkbookFile(path);
    return new XlsxPort(workbook, bytes, options);
  }

  read(): Promise<WorkbookData> {
    return Promise.resolve(workbookData(this.workbook));
  }

  apply(plan: WritePlan): Promise<void> {
    if (this.owned === "model") applyPlan(this.workbook, plan);
    this.plans.push(plan);
    return Promise.resolve();
  }

  /**
   * Writes the checked copy, the command line's --out: the original file with what the applied
   * plans add (src/xlsx/write). Returns the parts of the original the copy could not keep, for
   * the user to be told (none is expected); the original keeps all of them.
   */
  async save(path: string): Promise<string[]> {
    if (this.source === null) throw new Error("a checked copy is written from the file the workbook was read from");
    const { bytes, lost } = await writeCheckedCopy(this.source, this.plans);
    await writeFile(path, bytes);
    return lost;
  }
}

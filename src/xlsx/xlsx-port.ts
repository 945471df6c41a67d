import { writeFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import type { WorkbookData, WorkbookPort, WritePlan } from "../core";
import { applyPlan } from "./apply-plan";
import { dropUnwritableFormats, hasKept, keptFormats, restoreFormats, type CopyLoss } from "./kept-formats";
import { openWorkbookFile } from "./open-workbook";
import { workbookData } from "./read-workbook";

/** The workbook port over an ExcelJS workbook: the command line's and the tests' adapter. */
export class XlsxPort implements WorkbookPort {
  /**
   * `source` is the file the workbook was loaded from; with it, what ExcelJS cannot write (x14
   * data bars, icon sets, cross-sheet rules and lists, sparklines) is carried over into a saved copy.
   */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly source: Buffer | null = null,
  ) {}

  static async open(path: string): Promise<XlsxPort> {
    const { workbook, bytes } = await openWorkbookFile(path);
    return new XlsxPort(workbook, bytes);
  }

  read(): Promise<WorkbookData> {
    return Promise.resolve(workbookData(this.workbook));
  }

  apply(plan: WritePlan): Promise<void> {
    applyPlan(this.workbook, plan);
    return Promise.resolve();
  }

  /**
   * Writes the workbook to a file: the command line's --out. Returns what the copy lacks of the
   * original (macros, charts …), for the user to be told; the original keeps all of it.
   */
  async save(path: string): Promise<CopyLoss[]> {
    // Rules ExcelJS would throw on or drop come out of its model, and back from the source file.
    const dropped = dropUnwritableFormats(this.workbook);
    const kept = this.source === null ? null : await keptFormats(this.source);
    if (kept === null || !hasKept(kept)) {
      // Only a workbook loaded from a file has such rules; one built in memory never does.
      if (dropped > 0)
        throw new Error("conditional formats ExcelJS cannot write, and no source file to copy them from");
      await this.workbook.xlsx.writeFile(path);
      return kept?.losses ?? [];
    }
    const written = Buffer.from(await this.workbook.xlsx.writeBuffer());
    await writeFile(path, await restoreFormats(written, kept));
    return kept.losses;
  }
}

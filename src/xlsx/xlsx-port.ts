import { writeFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import type { WorkbookData, WorkbookPort, WritePlan } from "../core";
import { applyPlan, type OwnedParts } from "./apply-plan";
import { installChunkedXml } from "./chunked-xml";
import { hasDeferredParts, writeDeferredParts } from "./deferred-parts";
import { dropUnwritableFormats, hasKept, keptFormats, restoreFormats, type CopyLoss } from "./kept-formats";
import { openWorkbookFile } from "./open-workbook";
import { workbookData } from "./read-workbook";

export type XlsxPortOptions = {
  /**
   * Where apply() puts what the add-in writes of its own (the cells of the 绩效目标表 and of the
   * helper sheet, the helper's names): into ExcelJS's workbook, "model", the default, for callers
   * that look at it in memory; or aside, "file", for save() to write straight into the file —
   * the command line's choice, as a 100,000-row list plans 1.7 million table cells
   * (deferred-parts.ts).
   */
  owned?: OwnedParts;
};

/** The workbook port over an ExcelJS workbook: the command line's and the tests' adapter. */
export class XlsxPort implements WorkbookPort {
  private readonly owned: OwnedParts;

  /**
   * `source` is the file the workbook was loaded from; with it, what ExcelJS cannot write (x14
   * data bars, icon sets, cross-sheet rules and lists, sparklines) is carried over into a saved copy.
   */
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
    applyPlan(this.workbook, plan, this.owned);
    return Promise.resolve();
  }

  /**
   * Writes the workbook to a file: the command line's --out. Returns what the copy lacks of the
   * original (macros, charts …), for the user to be told; the original keeps all of it.
   */
  async save(path: string): Promise<CopyLoss[]> {
    installChunkedXml();
    // Rules ExcelJS would throw on or drop come out of its model, and back from the source file.
    const dropped = dropUnwritableFormats(this.workbook);
    const kept = this.source === null ? null : await keptFormats(this.source);
    const restore = kept !== null && hasKept(kept) ? kept : null;
    // Only a workbook loaded from a file has such rules; one built in memory never does.
    if (dropped > 0 && restore === null)
      throw new Error("conditional formats ExcelJS cannot write, and no source file to copy them from");
    const deferred = hasDeferredParts(this.workbook);
    if (restore === null && !deferred) {
      await this.workbook.xlsx.writeFile(path);
      return kept?.losses ?? [];
    }
    let written: Buffer = Buffer.from(await this.workbook.xlsx.writeBuffer());
    if (restore !== null) written = await restoreFormats(written, restore);
    if (deferred) written = await writeDeferredParts(this.workbook, written);
    await writeFile(path, written);
    return kept?.losses ?? [];
  }
}

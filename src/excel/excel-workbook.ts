import { WorkbookError, type WorkbookData, type WorkbookPort, type WritePlan } from "../core";
import { applyPhase } from "./apply";
import { editCells, type CellEdit } from "./cell-edit";
import { errorCode, errorDetail, TOO_LARGE } from "./errors";
import { capabilities, type Capabilities, type ExcelHost } from "./host";
import { readPhase, type ReadResult } from "./read";

export type ExcelWorkbookOptions = { host: ExcelHost };

/**
 * The workbook port over Office.js. On the desktop a check costs six syncs whatever the number of
 * rows or the extent of the used ranges: three to read (the sheets, their used ranges' extents and
 * merged areas, their data), one to inspect what the write needs (the sheets the read saw), one to
 * probe for a refusal (the legacy shared mode) with nothing else in it, one to write. On Excel on
 * the web, whose requests and responses are limited to 5 MB, the data takes
 * ceil(estimate ÷ RESPONSE_BUDGET) syncs instead of one (read.ts, read-plan.ts), and the write as
 * many as keep each request under REQUEST_BUDGET (write-plan.ts); docs/excel-behaviour.md has the
 * measured figures. Every failure leaves as a WorkbookError carrying its problem as data, which
 * the app words in the user's language.
 */
export class ExcelWorkbook implements WorkbookPort {
  private readonly caps: Capabilities;
  /** The sheets the last read saw: the write phase inspects them in its first sync. */
  private lastSheets: string[] = [];

  constructor(private readonly options: ExcelWorkbookOptions) {
    this.caps = capabilities(options.host);
  }

  async read(): Promise<WorkbookData> {
    return (await this.readWithAccess()).data;
  }

  /** The read, with what the pane needs to know before offering to write. */
  async readWithAccess(): Promise<ReadResult> {
    const result = await this.run((context) => readPhase(context, this.caps), "read");
    this.lastSheets = result.data.sheets.map((s) => s.name);
    return result;
  }

  async apply(plan: WritePlan): Promise<void> {
    await this.run((context) => applyPhase(context, this.caps, plan, this.lastSheets), "write");
  }

  /** Shows a finding's cell: activates its sheet and selects the cell. */
  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    }, "read");
  }

  /**
   * Edits staff cells at the user's request (a name added as a synonym on 指标定义): two syncs;
   * nothing is written if a cell changed since the check or its sheet is protected (cell-edit.ts).
   */
  async editCells(edits: readonly CellEdit[]): Promise<void> {
    await this.run((context) => editCells(context, edits), "write");
  }

  /** Shows a sheet the add-in wrote (the findings sheet, the 绩效目标表): Worksheet.activate, one sync. */
  async activate(sheet: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    }, "read");
  }

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, phase: "read" | "write"): Promise<T> {
    if (!this.caps.baseline) throw new WorkbookError({ kind: "unsupported-host" });
    try {
      return await this.options.host.run(batch);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const detail = errorDetail(error);
      const kind =
        phase === "write" ? "write-failed" : TOO_LARGE.has(errorCode(error) ?? "") ? "read-too-large" : "host-failed";
      throw new WorkbookError({ kind, detail }, { cause: error });
    }
  }
}

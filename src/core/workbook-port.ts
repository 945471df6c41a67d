import type { WritePlan } from "./model/write-plan";
import type { WorkbookData } from "./model/workbook-data";

/** Raised by an adapter for anything the user must be told: unreadable, protected, read-only. */
export class WorkbookError extends Error {
  constructor(
    readonly code: "unreadable" | "not-a-workbook" | "encrypted" | "read-only" | "protected" | "host",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WorkbookError";
  }
}

/**
 * What the core needs of a workbook. The Office.js adapter (src/excel) and the ExcelJS adapter
 * (src/xlsx) implement it; the core never sees either library.
 */
export interface WorkbookPort {
  /** One read phase: every sheet's used range with number formats, merges and visibility. */
  read(): Promise<WorkbookData>;
  /**
   * One write phase: applies the plan as a whole, or raises a WorkbookError and writes nothing
   * (read-only workbook, protected sheet).
   */
  apply(plan: WritePlan): Promise<void>;
}

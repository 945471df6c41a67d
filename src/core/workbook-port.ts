import type { WritePlan } from "./model/write-plan";
import type { WorkbookData } from "./model/workbook-data";
import { describeProblem, PROBLEM_CODE, type WorkbookErrorCode, type WorkbookProblem } from "./model/workbook-problem";

/**
 * Raised by an adapter (or an app, for its own refusals) for anything the user must be told:
 * unreadable, protected, read-only. It carries the problem as data; the apps word it in the
 * user's language (formatProblem). `message` is a developer's line for logs, not for the user.
 */
export class WorkbookError extends Error {
  /** The problem's broad class, derived from its kind: what the apps branch on. */
  readonly code: WorkbookErrorCode;

  constructor(
    readonly problem: WorkbookProblem,
    options?: { cause?: unknown },
  ) {
    super(describeProblem(problem), options);
    this.name = "WorkbookError";
    this.code = PROBLEM_CODE[problem.kind];
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

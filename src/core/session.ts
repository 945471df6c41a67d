import type { CheckOptions } from "./check";
import type { WritePlan } from "./model/write-plan";
import type { WorkbookData } from "./model/workbook-data";
import type { WorkbookPort } from "./workbook-port";

/**
 * The one use case of the product, for the pane, the command and folder mode alike: read the
 * workbook through its port, check it, plan what to write, write it through the port. Each app
 * says only what differs: where the pure check runs (the pane may run it off the main thread),
 * which plan follows (flags, a checked copy, a clearing), and how it shows progress.
 */

export type CheckStage =
  | { stage: "reading" }
  | { stage: "checking"; sheets: number; rows: number }
  | { stage: "writing"; findings: number; rules: number };

/** What a session needs of a check's result: its counts, for the writing stage. */
export type Checked = { report: { summary: { errors: number; warnings: number } } };

export type CheckSteps<R extends Checked> = {
  /**
   * The pure check: checkWorkbook (the command), or a Web Worker running it (the pane, which
   * answers with plain data, hence R). Passed in, so the pane's own bundle holds no check.
   */
  check: (data: WorkbookData, options: CheckOptions) => R | Promise<R>;
  /**
   * What to write once checked, or null for nothing (nothing to flag, or the flags are there);
   * awaited, so the pane can show the results while its worker still plans the flags.
   */
  plan?: (data: WorkbookData, result: R) => WritePlan | null | Promise<WritePlan | null>;
  /** Told before each stage; awaited, so a pane can paint before a long step. */
  onStage?: (stage: CheckStage) => void | Promise<void>;
  /** Stops the session between stages: nothing is written after it is aborted. */
  signal?: AbortSignal;
};

/** How the write went: a failed write keeps the check's result, which stays true of the workbook. */
export type WriteOutcome =
  | { status: "none" }
  | { status: "written"; plan: WritePlan }
  | { status: "failed"; plan: WritePlan; error: unknown };

export type CheckRun<R extends Checked> = { data: WorkbookData; result: R; write: WriteOutcome };

/** The options, or how to make them once the workbook is read (the pane names it after reading). */
export type SessionOptions = CheckOptions | (() => CheckOptions);

/** Raised when the session was aborted; the workbook is as it was unless the write had begun. */
export class CheckCancelled extends Error {
  constructor() {
    super("check cancelled");
    this.name = "CheckCancelled";
  }
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CheckCancelled();
}

export async function runCheck<R extends Checked>(
  port: WorkbookPort,
  options: SessionOptions,
  steps: CheckSteps<R>,
): Promise<CheckRun<R>> {
  const { check, signal, onStage } = steps;
  stopIfAborted(signal);
  await onStage?.({ stage: "reading" });
  const data = await port.read();
  stopIfAborted(signal);
  let rows = 0;
  for (const sheet of data.sheets) rows += sheet.rows.length;
  await onStage?.({ stage: "checking", sheets: data.sheets.length, rows });
  const result = await check(data, typeof options === "function" ? options() : options);
  stopIfAborted(signal);
  const plan = (await steps.plan?.(data, result)) ?? null;
  stopIfAborted(signal);
  if (plan === null) return { data, result, write: { status: "none" } };
  const { errors, warnings } = result.report.summary;
  await onStage?.({ stage: "writing", findings: errors + warnings, rules: plan.flags?.length ?? 0 });
  stopIfAborted(signal);
  try {
    await port.apply(plan);
  } catch (error) {
    return { data, result, write: { status: "failed", plan, error } };
  }
  return { data, result, write: { status: "written", plan } };
}

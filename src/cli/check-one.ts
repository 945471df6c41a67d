import { formatProblem, WorkbookError } from "../core";
import { checkFile } from "./check-file";
import { internalError } from "./cli-words";
import type { CliOptions } from "./options";
import { rowsOf, type FileOutcome } from "./outcome";
import { summaryHead } from "./summary";

/** One workbook of a folder to check: its path, its name in the folder, where its report goes. */
export type Task = {
  path: string;
  file: string;
  report: string | null;
  options: Pick<CliOptions, "asOf" | "lang"> & { year?: number | null };
};

/**
 * Checks one workbook of a folder. A file that cannot be read
 * becomes a failed outcome with its reason; a bug, too, so that one bad file does not stop a
 * folder, but it says so: "internal error", and the stack goes to the caller.
 */
export async function checkOne(task: Task): Promise<FileOutcome & { stack?: string }> {
  try {
    const { result } = await checkFile(
      task.path,
      { ...task.options, out: null, clear: false },
      task.report,
      () => undefined,
    );
    const { projects, workbook } = rowsOf(result);
    return {
      file: task.file,
      ok: true,
      summary: result.report.summary,
      head: summaryHead(result.report, task.options.lang),
      projects,
      workbook,
      skipped: result.report.skipped ?? [],
      report: task.report,
    };
  } catch (cause) {
    if (cause instanceof WorkbookError) {
      return { file: task.file, ok: false, reason: formatProblem(cause.problem, task.options.lang) };
    }
    const error = cause instanceof Error ? cause : new Error(String(cause));
    // The file system refusing a report (no space, no permission) is no bug of ours.
    if (typeof (error as NodeJS.ErrnoException).code === "string") {
      return { file: task.file, ok: false, reason: `${task.path}: ${error.message}` };
    }
    return {
      file: task.file,
      ok: false,
      reason: internalError(error.message, task.options.lang, task.path),
      ...(error.stack === undefined ? {} : { stack: error.stack }),
    };
  }
}

import { readdir } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";
import type { Task } from "./check-one";
import { IsolatedChecks } from "./isolated";
import type { CliOptions } from "./options";
import type { FileOutcome } from "./outcome";
import { summarySheets } from "./summary-table";
import { writeTableWorkbook } from "../xlsx/table-workbook";

const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|xlt|et|ett|ods|fods|numbers|csv|tsv)$/i;

/**
 * Files of a folder to check: workbooks (.xlsx, .xlsm, templates) and the spreadsheet files staff
 * send instead (.xls, .xlsb, .et, .ods, .numbers, .csv …), which fail with a reason rather than go unmentioned;
 * not Excel's lock files (~$…) nor what `skip` names (our own reports and summary). Sorted by path.
 */
export async function listWorkbooks(dir: string, recursive: boolean, skip: readonly string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive });
  const skipped = skip.map((p) => resolve(p));
  const inSkipped = (path: string): boolean => skipped.some((s) => path === s || path.startsWith(`${s}${sep}`));
  return entries
    .filter((e) => e.isFile() && SPREADSHEET.test(e.name) && !e.name.startsWith("~$"))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .filter((path) => !inSkipped(resolve(path)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export type FolderIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Rewrites the progress line; only given when stdout is a terminal. */
  progress?: (text: string) => void;
};

export type FolderResult = { outcomes: FileOutcome[]; summary: string | null };

/**
 * Where each workbook's report goes: <--json>/<its path in the folder without the extension>.report.json,
 * or with the extension where two workbooks share a name (a.xlsx and a.xlsm).
 */
function reportPaths(jsonDir: string | null, files: readonly string[]): (string | null)[] {
  const stems = new Map<string, number>();
  const stemOf = (file: string) => file.slice(0, file.length - extname(file).length).toLowerCase();
  for (const file of files) stems.set(stemOf(file), (stems.get(stemOf(file)) ?? 0) + 1);
  return files.map((file) => {
    if (jsonDir === null) return null;
    const name = (stems.get(stemOf(file)) ?? 0) > 1 ? file : file.slice(0, file.length - extname(file).length);
    return join(jsonDir, `${name}.report.json`);
  });
}

const WORDS = {
  "zh-CN": {
    progress: (done: number, total: number, file: string) => `检查中 ${done}/${total} ${file}`,
    total: (n: number, failed: number, errors: number, warnings: number, infos: number) =>
      `共检查 ${n} 个工作簿${failed > 0 ? `，其中 ${failed} 个无法读取` : ""} —— 错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
    reports: (dir: string) => `报告：${dir}`,
    summary: (file: string) => `汇总：${file}`,
  },
  "en-US": {
    progress: (done: number, total: number, file: string) => `checking ${done}/${total} ${file}`,
    total: (n: number, failed: number, errors: number, warnings: number, infos: number) =>
      `${n} workbooks checked${failed > 0 ? `, ${failed} could not be read` : ""} — ${errors} errors, ${warnings} warnings, ${infos} infos`,
    reports: (dir: string) => `reports: ${dir}`,
    summary: (file: string) => `summary: ${file}`,
  },
} as const;

const limitsOf = (options: CliOptions) => ({ seconds: options.fileTimeout, memoryMiB: options.fileMemory });

/**
 * Runs `work` over the items, `jobs` at a time, and hands each result to `done` in the items'
 * order, as soon as it and those before it are finished: the lines come out in folder order
 * whatever order the checks end in.
 */
async function inOrder<T, R, S>(
  items: readonly T[],
  jobs: number,
  work: (item: T) => Promise<R>,
  on: { started: (index: number, item: T) => void; done: (result: R) => S },
): Promise<S[]> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length);
  const settled: boolean[] = new Array<boolean>(items.length).fill(false);
  const out: S[] = [];
  let next = 0;
  const flush = (): void => {
    while (out.length < items.length && settled[out.length] === true) {
      out.push(on.done(results[out.length] as R));
    }
  };
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      on.started(index, items[index] as T);
      results[index] = await work(items[index] as T);
      settled[index] = true;
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, lane));
  return out;
}

/**
 * A folder: every workbook in it (and below, with --recursive), one report each into the --json
 * folder, the summary workbook (--summary, else <--json>/summary.xlsx), a line per workbook in
 * folder order, the failures with their reasons on stderr, progress on a terminal. Each workbook
 * is checked in a process of its own, `--jobs` at a time, within `--file-timeout` seconds and
 * `--file-memory` MiB: one file can never hold up or bring down the batch.
 */
export async function checkFolder(dir: string, options: CliOptions, io: FolderIo): Promise<FolderResult> {
  const w = WORDS[options.lang];
  const summaryFile = options.summary ?? (options.json === null ? null : join(options.json, "summary.xlsx"));
  // Reports and the summary written into the folder itself are never read back as workbooks.
  const ours = [options.json, summaryFile].filter((p): p is string => p !== null);
  const paths = await listWorkbooks(dir, options.recursive, ours);
  const files = paths.map((path) => relative(dir, path).split(sep).join("/"));
  const reports = reportPaths(options.json, files);
  const tasks: Task[] = paths.map((path, i) => {
    const file = files[i] ?? path;
    return {
      path,
      file,
      report: reports[i] ?? null,
      options: { asOf: options.asOf, lang: options.lang, year: options.year },
    };
  });
  const isolated = new IsolatedChecks(limitsOf(options));
  const outcomes = await inOrder(tasks, options.jobs, (task) => isolated.check(task), {
    started: (index, task) => io.progress?.(w.progress(index + 1, tasks.length, task.file)),
    done: (outcome) => {
      const { stack, ...plain } = outcome as FileOutcome & { stack?: string };
      // A bug in one workbook is listed as its failure; its stack goes to stderr for a bug report.
      if (stack !== undefined && process.env.CHECK_TARGETS_DEBUG) io.stderr(stack);
      if (plain.ok) io.stdout(plain.head);
      else io.stderr(plain.reason);
      return plain;
    },
  });
  isolated.close();
  io.progress?.("");
  const done = outcomes;
  if (summaryFile !== null) await writeTableWorkbook(summaryFile, summarySheets(done, options.lang));

  const failed = done.filter((o) => !o.ok);
  const totals = { errors: 0, warnings: 0, infos: 0 };
  for (const o of done) {
    if (!o.ok) continue;
    totals.errors += o.summary.errors;
    totals.warnings += o.summary.warnings;
    totals.infos += o.summary.infos;
  }
  io.stdout(w.total(done.length, failed.length, totals.errors, totals.warnings, totals.infos));
  if (options.json !== null) io.stdout(w.reports(options.json));
  if (summaryFile !== null) io.stdout(w.summary(summaryFile));
  return { outcomes: done, summary: summaryFile };
}

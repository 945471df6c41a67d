import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { formatProblem, WorkbookError } from "../core";
import { formatOptionProblem, USAGE, type OptionProblem } from "./cli-words";
import { parseOptions, type CliOptions } from "./options";

/*
 * The checking machinery (the reader, the rules, ExcelJS for --out and --summary) is loaded when a
 * check starts, not when the command does: `--help` and a mistyped option answer at once.
 */

export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
  /** Rewrites a progress line; given only when stdout is a terminal. */
  progress?: (text: string) => void;
};

export const EXIT = { clean: 0, errorsFound: 1, unreadable: 2 } as const;

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw cause;
  }
}

async function checkOneFile(options: CliOptions, io: Io): Promise<number> {
  const [{ checkFile }, { rowsOf }, { formatSummary, summaryHead }] = await Promise.all([
    import("./check-file"),
    import("./outcome"),
    import("./summary"),
  ]);
  const { result, notes } = await checkFile(options.input, options, options.json, io.stdout);
  const { report } = result;
  if (options.json !== "-") io.stdout(formatSummary(report, options.lang));
  for (const note of notes) io.stderr(note);
  if (options.summary !== null) {
    const { projects, workbook } = rowsOf(result);
    const file = basename(options.input);
    const [{ writeTableWorkbook }, { summarySheets }] = await Promise.all([
      import("../xlsx/table-workbook"),
      import("./summary-table"),
    ]);
    await writeTableWorkbook(
      options.summary,
      summarySheets(
        [
          {
            file,
            ok: true,
            summary: report.summary,
            head: summaryHead(report, options.lang),
            projects,
            workbook,
            skipped: report.skipped ?? [],
            report: options.json,
          },
        ],
        options.lang,
      ),
    );
  }
  return report.summary.errors > 0 ? EXIT.errorsFound : EXIT.clean;
}

/** Options that make sense for one workbook only, refused for a folder with a line that says why. */
function folderMisuse(options: CliOptions): OptionProblem | null {
  if (options.out !== null) return { kind: "out-with-folder" };
  if (options.clear) return { kind: "clear-with-folder" };
  if (options.json === "-") return { kind: "json-stdout-with-folder" };
  return null;
}

/**
 * The whole command: argv in, exit status out. A folder's exit status is 1 when any workbook has
 * error findings or could not be read. Only bugs escape as exceptions.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(argv, io.now());
  if (!parsed.ok) {
    io.stderr(formatOptionProblem(parsed.error.problem, parsed.error.lang));
    return EXIT.unreadable;
  }
  if (parsed.value === "help") {
    io.stdout(USAGE);
    return EXIT.clean;
  }
  const options = parsed.value;
  try {
    if (await isDirectory(options.input)) {
      const misuse = folderMisuse(options);
      if (misuse !== null) {
        io.stderr(formatOptionProblem(misuse, options.lang));
        return EXIT.unreadable;
      }
      const { checkFolder } = await import("./folder");
      const { outcomes } = await checkFolder(options.input, options, io);
      const bad = outcomes.some((o) => !o.ok || o.summary.errors > 0);
      return bad ? EXIT.errorsFound : EXIT.clean;
    }
    return await checkOneFile(options, io);
  } catch (cause) {
    if (cause instanceof WorkbookError) {
      io.stderr(formatProblem(cause.problem, options.lang));
      return EXIT.unreadable;
    }
    throw cause;
  }
}

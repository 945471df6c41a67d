import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { WorkbookError } from "../core";
import { checkFile } from "./check-file";
import { parseOptions, USAGE, type CliOptions } from "./options";
import { formatSummary } from "./summary";

export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
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

async function checkOne(path: string, options: CliOptions, jsonPath: string | null, io: Io): Promise<number> {
  const { report } = await checkFile(path, options, jsonPath, io.stdout);
  if (jsonPath !== "-") io.stdout(formatSummary(report, options.lang));
  return report.summary.errors > 0 ? EXIT.errorsFound : EXIT.clean;
}

/** A folder: every .xlsx in it, one report each (into the --json folder when given), going past bad files. */
async function checkFolder(dir: string, options: CliOptions, io: Io): Promise<number> {
  const files = (await readdir(dir)).filter((f) => /\.xlsx$/i.test(f) && !f.startsWith("~$")).sort();
  let worst: number = EXIT.clean;
  for (const file of files) {
    const jsonPath =
      options.json === null || options.json === "-"
        ? null
        : join(options.json, `${basename(file, ".xlsx")}.report.json`);
    try {
      worst = Math.max(worst, await checkOne(join(dir, file), { ...options, out: null }, jsonPath, io));
    } catch (cause) {
      if (!(cause instanceof WorkbookError)) throw cause;
      io.stderr(cause.message);
      worst = Math.max(worst, EXIT.errorsFound);
    }
  }
  io.stdout(options.lang === "zh-CN" ? `共检查 ${files.length} 个工作簿` : `${files.length} workbooks checked`);
  return worst;
}

/** The whole command: argv in, exit status out. Only bugs escape as exceptions. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(argv, io.now());
  if (!parsed.ok) {
    io.stderr(parsed.error);
    return EXIT.unreadable;
  }
  if (parsed.value === "help") {
    io.stdout(USAGE);
    return EXIT.clean;
  }
  const options = parsed.value;
  try {
    if (await isDirectory(options.input)) return await checkFolder(options.input, options, io);
    return await checkOne(options.input, options, options.json, io);
  } catch (cause) {
    if (cause instanceof WorkbookError) {
      io.stderr(cause.message);
      return EXIT.unreadable;
    }
    throw cause;
  }
}

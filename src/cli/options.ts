import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { err, ok, type Result } from "../core";

export const USAGE = [
  "usage: check-targets <workbook.xlsx|folder> [--out checked.xlsx] [--json report.json|-|folder] [--as-of YYYY-MM-DD]",
  "                     [--lang zh-CN|en-US] [--clear] [--recursive] [--summary summary.xlsx] [--year YYYY]",
  "                     [--jobs N] [--file-timeout SECONDS] [--file-memory MIB]",
].join("\n");

/** A folder's defaults: each workbook within 2 minutes and 2 GiB of heap, two at a time at most. */
export const FOLDER_DEFAULTS = { jobs: 2, fileTimeout: 120, fileMemory: 2048 } as const;

/** A positive number given as text (an option's value), or the text itself for zod to refuse. */
const numeric = (text: string | undefined, fallback: number): number | string =>
  text === undefined ? fallback : /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;

const optionsSchema = z.object({
  input: z.string().min(1),
  out: z.string().min(1).nullable(),
  json: z.string().min(1).nullable(),
  asOf: z.iso.date({ error: "--as-of takes a date as YYYY-MM-DD" }),
  /** The day the command runs, shown on the findings sheet of a checked copy. */
  checkedOn: z.iso.date(),
  lang: z.enum(["zh-CN", "en-US"], { error: "--lang takes zh-CN or en-US" }),
  clear: z.boolean(),
  /** A folder: the workbooks in its subfolders too. */
  recursive: z.boolean(),
  /** The summary workbook (one row per workbook and project); with a folder, default <--json>/summary.xlsx. */
  summary: z.string().min(1).nullable(),
  /** A folder: how many workbooks are checked at once, each in a process of its own. */
  jobs: z.number({ error: "--jobs takes a whole number from 1 to 64" }).int().min(1).max(64),
  /** A folder: the seconds one workbook may take before it is stopped and named. */
  fileTimeout: z.number({ error: "--file-timeout takes a number of seconds" }).positive(),
  /** A folder: the MiB of heap one workbook's check may use before it is stopped and named. */
  fileMemory: z.number({ error: "--file-memory takes a number of MiB, at least 16" }).min(16),
  /** The fiscal year to judge; else the workbook's settings, else the year its titles name. */
  year: z.coerce
    .number({ error: "--year takes a year such as 2023" })
    .int({ error: "--year takes a year such as 2023" })
    .min(1900, { error: "--year takes a year such as 2023" })
    .max(2100, { error: "--year takes a year such as 2023" })
    .nullable(),
});
export type CliOptions = z.infer<typeof optionsSchema>;

/** Local calendar date, YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** argv (without node and script) → options, or one line saying what is wrong. */
export function parseOptions(argv: readonly string[], today: Date): Result<CliOptions | "help", string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        json: { type: "string" },
        "as-of": { type: "string" },
        lang: { type: "string" },
        clear: { type: "boolean", default: false },
        recursive: { type: "boolean", short: "r", default: false },
        summary: { type: "string" },
        jobs: { type: "string" },
        "file-timeout": { type: "string" },
        "file-memory": { type: "string" },
        year: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (cause) {
    // parseArgs reports unknown flags by throwing; that is user input, not a bug.
    return err((cause as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return ok("help");
  if (positionals.length !== 1) return err(positionals.length === 0 ? USAGE : "give one workbook or folder");
  const result = optionsSchema.safeParse({
    input: positionals[0],
    out: values.out ?? null,
    json: values.json ?? null,
    asOf: values["as-of"] ?? isoDate(today),
    checkedOn: isoDate(today),
    lang: values.lang ?? "zh-CN",
    clear: values.clear ?? false,
    recursive: values.recursive ?? false,
    summary: values.summary ?? null,
    jobs: numeric(values.jobs, Math.min(FOLDER_DEFAULTS.jobs, availableParallelism())),
    fileTimeout: numeric(values["file-timeout"], FOLDER_DEFAULTS.fileTimeout),
    fileMemory: numeric(values["file-memory"], FOLDER_DEFAULTS.fileMemory),
    year: values.year === undefined || values.year.trim() === "" ? null : values.year,
  });
  if (!result.success) return err(result.error.issues.map((i) => i.message).join("; "));
  return ok(result.data);
}

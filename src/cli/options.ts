import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { err, ok, type Locale, type Result } from "../core";
import type { OptionProblem, ValueOption } from "./cli-words";

/** A folder's defaults: each workbook within 2 minutes and 2 GiB of heap, two at a time at most. */
export const FOLDER_DEFAULTS = { jobs: 2, fileTimeout: 120, fileMemory: 2048 } as const;

/** A positive number given as text (an option's value), or the text itself for zod to refuse. */
const numeric = (text: string | undefined, fallback: number): number | string =>
  text === undefined ? fallback : /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;

const optionsSchema = z.object({
  input: z.string().min(1),
  out: z.string().min(1).nullable(),
  json: z.string().min(1).nullable(),
  asOf: z.iso.date(),
  /** The day the command runs, shown on the findings sheet of a checked copy. */
  checkedOn: z.iso.date(),
  lang: z.enum(["zh-CN", "en-US"]),
  clear: z.boolean(),
  /** A folder: the workbooks in its subfolders too. */
  recursive: z.boolean(),
  /** The summary workbook (one row per workbook and project); with a folder, default <--json>/summary.xlsx. */
  summary: z.string().min(1).nullable(),
  /** A folder: how many workbooks are checked at once, each in a process of its own. */
  jobs: z.number().int().min(1).max(64),
  /** A folder: the seconds one workbook may take before it is stopped and named. */
  fileTimeout: z.number().positive(),
  /** A folder: the MiB of heap one workbook's check may use before it is stopped and named. */
  fileMemory: z.number().min(16),
  /** The fiscal year to judge; else the workbook's settings, else the year its titles name. */
  year: z.coerce.number().int().min(1900).max(2100).nullable(),
});
export type CliOptions = z.infer<typeof optionsSchema>;

/** Local calendar date, YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The option each field is given by, to name it when its value is refused. */
const OPTION_OF: Readonly<Partial<Record<keyof CliOptions, ValueOption>>> = {
  out: "--out",
  json: "--json",
  summary: "--summary",
  asOf: "--as-of",
  lang: "--lang",
  jobs: "--jobs",
  fileTimeout: "--file-timeout",
  fileMemory: "--file-memory",
  year: "--year",
};

/** What went wrong, and the language to say it in: --lang's when it was given well, else zh-CN. */
export type OptionFailure = { problem: OptionProblem; lang: Locale };

/** --lang's value in argv, when it is one of the languages (read also when the rest fails to parse). */
function langOf(argv: readonly string[]): Locale {
  let lang: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--lang") lang = argv[i + 1];
    else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
  });
  return lang === "en-US" ? "en-US" : "zh-CN";
}

/** argv (without node and script) → options, or what is wrong with them. */
export function parseOptions(argv: readonly string[], today: Date): Result<CliOptions | "help", OptionFailure> {
  const lang = langOf(argv);
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
    return err({ problem: { kind: "arguments", detail: (cause as Error).message }, lang });
  }
  const { values, positionals } = parsed;
  if (values.help) return ok("help");
  if (positionals.length === 0) return err({ problem: { kind: "no-input" }, lang });
  if (positionals.length > 1) return err({ problem: { kind: "inputs", count: positionals.length }, lang });
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
  if (!result.success) {
    const field = result.error.issues[0]?.path[0] as keyof CliOptions | undefined;
    const option = field === undefined ? undefined : OPTION_OF[field];
    return err({ problem: option === undefined ? { kind: "no-input" } : { kind: "value", option }, lang });
  }
  return ok(result.data);
}

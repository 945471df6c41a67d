import type { Locale } from "../core";

/** An option the command takes a value for, named as the user typed it. */
export type ValueOption =
  "--out" | "--json" | "--summary" | "--as-of" | "--lang" | "--jobs" | "--file-timeout" | "--file-memory" | "--year";

/** What is wrong with the command line, as data; `cliWords` words it in the command's language. */
export type OptionProblem =
  /** node's parseArgs refused the arguments (an unknown option, a missing value): its own text. */
  | { kind: "arguments"; detail: string }
  | { kind: "no-input" }
  | { kind: "inputs"; count: number }
  | { kind: "value"; option: ValueOption }
  /** Options for one workbook, given with a folder. */
  | { kind: "out-with-folder" }
  | { kind: "clear-with-folder" }
  | { kind: "json-stdout-with-folder" };

type Words = { [K in OptionProblem["kind"]]: (p: Extract<OptionProblem, { kind: K }>) => string };

const VALUE_ZH: Readonly<Record<ValueOption, string>> = {
  "--out": "--out 需要文件名",
  "--json": "--json 需要文件名、文件夹或 -",
  "--summary": "--summary 需要文件名",
  "--as-of": "--as-of 需要日期，格式为 YYYY-MM-DD",
  "--lang": "--lang 只能是 zh-CN 或 en-US",
  "--jobs": "--jobs 需要 1 到 64 之间的整数",
  "--file-timeout": "--file-timeout 需要秒数",
  "--file-memory": "--file-memory 需要兆字节数（MiB），至少 16",
  "--year": "--year 需要年份，例如 2023",
};

const VALUE_EN: Readonly<Record<ValueOption, string>> = {
  "--out": "--out takes a file name",
  "--json": "--json takes a file name, a folder or -",
  "--summary": "--summary takes a file name",
  "--as-of": "--as-of takes a date as YYYY-MM-DD",
  "--lang": "--lang takes zh-CN or en-US",
  "--jobs": "--jobs takes a whole number from 1 to 64",
  "--file-timeout": "--file-timeout takes a number of seconds",
  "--file-memory": "--file-memory takes a number of MiB, at least 16",
  "--year": "--year takes a year such as 2023",
};

export const USAGE = [
  "usage: check-targets <workbook.xlsx|folder> [--out checked.xlsx] [--json report.json|-|folder] [--as-of YYYY-MM-DD]",
  "                     [--lang zh-CN|en-US] [--clear] [--recursive] [--summary summary.xlsx] [--year YYYY]",
  "                     [--jobs N] [--file-timeout SECONDS] [--file-memory MIB]",
].join("\n");

const WORDS: Readonly<Record<Locale, Words>> = {
  "zh-CN": {
    arguments: (p) => `命令行参数有误：${p.detail}（check-targets --help 列出所有参数）`,
    "no-input": () => `请给出一个工作簿或文件夹。\n${USAGE}`,
    inputs: (p) => `请只给出一个工作簿或文件夹（给出了 ${p.count} 个）`,
    value: (p) => VALUE_ZH[p.option],
    "out-with-folder": () => "--out 指定一个检查后的副本，只能用于单个工作簿，不能用于文件夹",
    "clear-with-folder": () => "--clear 与 --out 一起用于单个工作簿",
    "json-stdout-with-folder": () => "检查文件夹时，--json 应指定存放报告的文件夹（每个工作簿一份）",
  },
  "en-US": {
    arguments: (p) => `${p.detail} (check-targets --help lists the options)`,
    "no-input": () => USAGE,
    inputs: () => "give one workbook or folder",
    value: (p) => VALUE_EN[p.option],
    "out-with-folder": () => "--out names one checked copy; give it one workbook, not a folder",
    "clear-with-folder": () => "--clear goes with --out, for one workbook",
    "json-stdout-with-folder": () => "with a folder, --json names a folder for the reports (one per workbook)",
  },
};

export function formatOptionProblem(problem: OptionProblem, locale: Locale): string {
  const word = WORDS[locale][problem.kind] as (p: OptionProblem) => string;
  return word(problem);
}

/**
 * A bug of the command's, not bad input: said as such, with the error's own (English) text for a
 * bug report, after the file's path when there is one. `null`: the language is not known yet
 * (the command failed before reading --lang).
 */
export function internalError(detail: string, locale: Locale | null, path?: string): string {
  if (locale === "zh-CN") return `${path === undefined ? "" : `${path}：`}内部错误：${detail}`;
  const said = locale === "en-US" ? `internal error: ${detail}` : `内部错误 / internal error: ${detail}`;
  return path === undefined ? said : `${path}: ${said}`;
}

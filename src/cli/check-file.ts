import { mkdir } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import {
  checkWorkbook,
  planCheckedWorkbook,
  planClear,
  runCheck,
  WorkbookError,
  type CheckResult,
  type Locale,
} from "../core";
import { FilePort } from "../xlsx/file-port";
import type { CliOptions } from "./options";
import { reportText, writeReportFile } from "./report-json";

/** Refuses to write over the workbook being checked: the input is never overwritten. */
function assertNotInput(input: string, out: string): void {
  if (resolve(input) === resolve(out)) {
    throw new WorkbookError({ kind: "overwrite-input", path: out });
  }
}

/**
 * The checked copy is the original package with our parts added, macros and all, so it keeps the
 * input's kind: an .xlsm gives an .xlsm (a macro workbook under an .xlsx name is a file Excel
 * refuses to open), an .xlsx an .xlsx.
 */
function assertSameKindOut(input: string, out: string): void {
  const ext = extname(out).toLowerCase();
  const kind = extname(input).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  if (ext !== kind) {
    throw new WorkbookError({ kind: "out-kind", path: out, expected: kind });
  }
}

/** The parts of the original the checked copy could not keep, in one line: the original is not changed. */
function lossNote(out: string, parts: readonly string[], lang: Locale): string {
  return lang === "zh-CN"
    ? `${out}：检查后的副本不含原工作簿的以下部件：${parts.join("、")}（原工作簿未改动）`
    : `${out}: the checked copy lacks these parts of the original: ${parts.join(", ")} (the original is unchanged)`;
}

export type CheckedFile = {
  result: CheckResult;
  /** For the user, on stderr: what the copy could not keep (an .xlsm's macros). */
  notes: string[];
};

/**
 * Writes the report, validated against the exported schema as it leaves the program. Made only
 * when asked for, and to a file in pieces (report-json.ts): at 100,000 rows its text is some
 * 130 MB.
 */
async function writeReport(
  input: string,
  result: CheckResult,
  jsonPath: string,
  writeJson: (text: string) => void,
): Promise<void> {
  if (jsonPath === "-") writeJson(reportText(result.report));
  else {
    assertNotInput(input, jsonPath);
    await writeReportFile(jsonPath, result.report);
  }
}

/** Checks one workbook; writes the report and the checked copy where asked. */
export async function checkFile(
  input: string,
  options: Pick<CliOptions, "asOf" | "lang" | "out" | "clear"> & { year?: number | null; checkedOn?: string },
  jsonPath: string | null,
  writeJson: (text: string) => void,
): Promise<CheckedFile> {
  if (options.out !== null) {
    assertNotInput(input, options.out);
    assertSameKindOut(input, options.out);
  }
  // The package reader (src/xlsx/read) reads the file; the checked copy is written from its bytes.
  const port = await FilePort.open(input);
  const out = options.out;
  const run = await runCheck(
    port,
    {
      asOf: options.asOf,
      locale: options.lang,
      source: basename(input),
      fiscalYear: options.year ?? null,
      ...(options.checkedOn === undefined ? {} : { checkedOn: options.checkedOn }),
    },
    {
      check: checkWorkbook,
      plan:
        out === null
          ? undefined
          : (data, result) => (options.clear ? planClear(data, { table: true }) : planCheckedWorkbook(data, result)),
    },
  );
  if (run.write.status === "failed") throw run.write.error;
  const { result } = run;
  if (jsonPath !== null) await writeReport(input, result, jsonPath, writeJson);
  const notes: string[] = [];
  if (out !== null) {
    await mkdir(dirname(resolve(out)), { recursive: true });
    const losses = await port.save(out);
    if (losses.length > 0) notes.push(lossNote(out, losses, options.lang));
  }
  return { result, notes };
}

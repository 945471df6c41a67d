import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { checkWorkbook, planCheckedWorkbook, planClear, reportSchema, WorkbookError, type CheckResult } from "../core";
import { XlsxPort } from "../xlsx";
import type { CliOptions } from "./options";

/** Refuses to write over the workbook being checked: the input is never overwritten. */
function assertNotInput(input: string, out: string): void {
  if (resolve(input) === resolve(out)) {
    throw new WorkbookError("unreadable", `${out}: refusing to overwrite the input; choose another --out`);
  }
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, text, "utf8");
}

/** Checks one workbook; writes the report and the checked copy where asked. */
export async function checkFile(
  input: string,
  options: CliOptions,
  jsonPath: string | null,
  writeJson: (text: string) => void,
): Promise<CheckResult> {
  const port = await XlsxPort.open(input);
  const data = await port.read();
  const result = checkWorkbook(data, { asOf: options.asOf, locale: options.lang, source: basename(input) });
  // The report is validated against the exported schema before it leaves the program.
  const json = `${JSON.stringify(reportSchema.parse(result.report), null, 2)}\n`;
  if (jsonPath === "-") writeJson(json);
  else if (jsonPath !== null) {
    assertNotInput(input, jsonPath);
    await writeText(jsonPath, json);
  }
  if (options.out !== null) {
    assertNotInput(input, options.out);
    await port.apply(options.clear ? planClear(data, { table: true }) : planCheckedWorkbook(data, result));
    await mkdir(dirname(resolve(options.out)), { recursive: true });
    await port.save(options.out);
  }
  return result;
}

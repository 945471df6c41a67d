import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import {
  checkWorkbook,
  planCheckedWorkbook,
  planClear,
  reportSchema,
  WorkbookError,
  type CheckResult,
  type Locale,
  type WorkbookData,
} from "../core";
import { XlsxPort, type CopyLoss } from "../xlsx";
import type { CliOptions } from "./options";

/** Refuses to write over the workbook being checked: the input is never overwritten. */
function assertNotInput(input: string, out: string): void {
  if (resolve(input) === resolve(out)) {
    throw new WorkbookError("unreadable", `${out}: refusing to overwrite the input; choose another --out`);
  }
}

/**
 * The checked copy is written by ExcelJS, which keeps no macros: a copy named .xlsm would be a
 * macro-free file under a macro-enabled name, which Excel refuses to open. It must be an .xlsx.
 */
function assertXlsxOut(out: string): void {
  const ext = extname(out).toLowerCase();
  if (ext !== ".xlsx") {
    throw new WorkbookError(
      "unreadable",
      `${out}: the checked copy is written as an .xlsx workbook (without macros); name it ….xlsx`,
    );
  }
}

const LOSS_WORDS: Record<Locale, Record<CopyLoss, string>> = {
  "zh-CN": {
    macros: "宏",
    charts: "图表",
    shapes: "形状和文本框",
    "pivot-tables": "数据透视表",
    slicers: "切片器",
    extensions: "其他 Excel 2010 以上版本的工作表功能",
  },
  "en-US": {
    macros: "macros",
    charts: "charts",
    shapes: "shapes and text boxes",
    "pivot-tables": "pivot tables",
    slicers: "slicers",
    extensions: "other Excel 2010+ sheet features",
  },
};

/** What the checked copy lacks of the original, in one line: the original is not changed. */
function lossNote(out: string, losses: readonly CopyLoss[], lang: Locale): string {
  const what = losses.map((l) => LOSS_WORDS[lang][l]);
  return lang === "zh-CN"
    ? `${out}：检查后的副本不含原工作簿的以下内容：${what.join("、")}（原工作簿未改动）`
    : `${out}: the checked copy lacks these parts of the original: ${what.join(", ")} (the original is unchanged)`;
}

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, text, "utf8");
}

/**
 * The workbook as plain data, and the port to write the copy with only when one is to be written:
 * otherwise ExcelJS's model of the file (the larger part of the memory a big list takes) is
 * garbage before the check starts.
 */
async function readInput(input: string, writing: boolean): Promise<{ data: WorkbookData; port: XlsxPort | null }> {
  // What the copy gets of ours goes straight into the file: a 100,000-row list plans a table of
  // 1.7 million cells, too many for ExcelJS's model.
  const port = await XlsxPort.open(input, { owned: "file" });
  const data = await port.read();
  return { data, port: writing ? port : null };
}

export type CheckedFile = {
  result: CheckResult;
  /** For the user, on stderr: what the copy could not keep (an .xlsm's macros). */
  notes: string[];
};

/**
 * Writes the report, validated against the exported schema as it leaves the program. Made only
 * when asked for: at 100,000 rows its text alone is some 100 MB, which a checked copy need not
 * carry while it is written.
 */
async function writeReport(
  input: string,
  result: CheckResult,
  jsonPath: string,
  writeJson: (text: string) => void,
): Promise<void> {
  const json = `${JSON.stringify(reportSchema.parse(result.report), null, 2)}\n`;
  if (jsonPath === "-") writeJson(json);
  else {
    assertNotInput(input, jsonPath);
    await writeText(jsonPath, json);
  }
}

/** Checks one workbook; writes the report and the checked copy where asked. */
export async function checkFile(
  input: string,
  options: Pick<CliOptions, "asOf" | "lang" | "out" | "clear"> & { year?: number | null },
  jsonPath: string | null,
  writeJson: (text: string) => void,
): Promise<CheckedFile> {
  if (options.out !== null) {
    assertNotInput(input, options.out);
    assertXlsxOut(options.out);
  }
  const { data, port } = await readInput(input, options.out !== null);
  const result = checkWorkbook(data, {
    asOf: options.asOf,
    locale: options.lang,
    source: basename(input),
    fiscalYear: options.year ?? null,
  });
  if (jsonPath !== null) await writeReport(input, result, jsonPath, writeJson);
  const notes: string[] = [];
  if (options.out !== null && port !== null) {
    await port.apply(options.clear ? planClear(data, { table: true }) : planCheckedWorkbook(data, result));
    await mkdir(dirname(resolve(options.out)), { recursive: true });
    const losses = await port.save(options.out);
    if (losses.length > 0) notes.push(lossNote(options.out, losses, options.lang));
  }
  return { result, notes };
}

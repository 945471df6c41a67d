/**
 * One reader candidate over a list of files, in a process of its own (bench/reader-compare.ts
 * starts it): `reader-candidate.ts CANDIDATE FILE...` prints one JSON line per file as it ends —
 * read or refused, milliseconds, cells seen — so that the parent can kill a file that hangs
 * and start again after it. Candidates: "ours" (src/xlsx/read), "exceljs" (ExcelJS's
 * workbook.xlsx.load, the command's reader until now), "exceljs-stream" (ExcelJS's streaming
 * WorkbookReader, with shared strings and styles cached as a checker needs them).
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../src/xlsx/read/read-file";

type Line = { file: string; ok: boolean; ms: number; cells: number; error?: string };

async function ours(file: string): Promise<number> {
  const { sheets } = await readWorkbookFile(file);
  let cells = 0;
  for (const s of sheets) for (const row of s.rows) for (const c of row) if (c !== null) cells++;
  return cells;
}

async function excelJs(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  if (wb.worksheets.length === 0) throw new Error("no worksheet");
  let cells = 0;
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell(() => cells++));
  return cells;
}

async function excelJsStream(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let cells = 0;
  let sheets = 0;
  for await (const sheet of reader) {
    sheets++;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) row.eachCell(() => cells++);
  }
  if (sheets === 0) throw new Error("no worksheet");
  return cells;
}

const CANDIDATES: Record<string, (file: string) => Promise<number>> = {
  ours,
  exceljs: excelJs,
  "exceljs-stream": excelJsStream,
};

async function main([candidate = "", ...files]: string[]): Promise<void> {
  const read = CANDIDATES[candidate];
  if (read === undefined) throw new Error(`usage: reader-candidate.ts ${Object.keys(CANDIDATES).join("|")} FILE...`);
  for (const file of files) {
    const t0 = performance.now();
    const line: Line = { file, ok: true, ms: 0, cells: 0 };
    try {
      line.cells = await read(file);
    } catch (error) {
      line.ok = false;
      line.error = error instanceof Error ? error.message.slice(0, 200) : String(error);
    }
    line.ms = performance.now() - t0;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ done: true, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

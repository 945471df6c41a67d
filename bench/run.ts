/**
 * `npm run bench`: reading a generated indicator list and checking it, timed separately.
 * Figures are medians of a few runs on this machine; nothing here is asserted.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/core";
import { openWorkbook, workbookData } from "../src/xlsx";
import { loadSeed } from "../test/support/seed";
import { generatedWorkbook } from "./generated-workbook";

const RUNS = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function measure(rows: number, dir: string): Promise<void> {
  const file = join(dir, `list-${rows}.xlsx`);
  await generatedWorkbook(loadSeed(), rows).xlsx.writeFile(file);
  const readMs: number[] = [];
  const checkMs: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const data = workbookData(await openWorkbook(file));
    const t1 = performance.now();
    const { report } = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: file });
    const t2 = performance.now();
    readMs.push(t1 - t0);
    checkMs.push(t2 - t1);
    findings = report.findings.length;
  }
  const size = (await stat(file)).size;
  const read = median(readMs);
  const checked = median(checkMs);
  console.log(
    `${rows.toLocaleString("en-US")} rows (${(size / 1024).toFixed(0)} KiB): read ${read.toFixed(0)} ms, ` +
      `check ${checked.toFixed(0)} ms (${((checked / read) * 100).toFixed(1)}% of read), ${findings} findings`,
  );
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}; median of ${RUNS} runs`);
  const dir = await mkdtemp(join(tmpdir(), "check-targets-bench-"));
  try {
    for (const rows of [20_000]) await measure(rows, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();

/**
 * One benchmark step in a process of its own, so that the memory peaks of different sizes do
 * not mix: `generate FILE ROWS [definitions]` writes a generated list; `measure FILE RUNS` reads
 * and checks it RUNS times and prints one line of JSON; `cli FILE REPORT` runs the command on
 * FILE with --json REPORT, and `out FILE COPY` runs it with --out COPY (the checked copy: flags,
 * the 绩效目标表 and the findings sheet), each printing its time and peak memory.
 */
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/core";
import { readWorkbookFile } from "../src/xlsx/read/read-file";
import { main as cli } from "../src/cli/main";
import { loadSeed } from "../test/support/seed";
import { generatedWorkbook } from "./generated-workbook";

export type Measured = {
  rows: number;
  findings: number;
  infos: number;
  /** Milliseconds per run: the package reader (src/xlsx/read), as the command reads. */
  readMs: number[];
  /** Milliseconds per run: checkWorkbook (read the layouts, map, every rule, the report). */
  checkMs: number[];
  /** Peak resident set size after the first read and check, as a one-file `check-targets` run has it. */
  peakRssFirst: number;
  /** Peak resident set size over all runs. */
  peakRss: number;
  /** Largest V8 heap in use seen right after a read or a check. */
  peakHeap: number;
};

const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

async function measure(file: string, runs: number): Promise<Measured> {
  const out: Measured = {
    rows: 0,
    findings: 0,
    infos: 0,
    readMs: [],
    checkMs: [],
    peakRssFirst: 0,
    peakRss: 0,
    peakHeap: 0,
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    // Run with --expose-gc: the garbage of one run is collected before the next, so peaks do not stack.
    gc?.();
    const t0 = performance.now();
    const data = await readWorkbookFile(file);
    const t1 = performance.now();
    out.peakHeap = Math.max(out.peakHeap, process.memoryUsage().heapUsed);
    const { report } = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: file });
    const t2 = performance.now();
    out.peakHeap = Math.max(out.peakHeap, process.memoryUsage().heapUsed);
    out.readMs.push(t1 - t0);
    out.checkMs.push(t2 - t1);
    out.rows = report.summary.indicators;
    out.findings = report.findings.length;
    out.infos = report.summary.infos;
    if (i === 0) out.peakRssFirst = maxRss();
  }
  out.peakRss = maxRss();
  return out;
}

async function main(argv: readonly string[]): Promise<void> {
  const [mode, file, arg, flag] = argv;
  if ((mode === "cli" || mode === "out") && file !== undefined && arg !== undefined) {
    // The command as a user runs it on one workbook, with the report or the checked copy written:
    // its time and peak memory.
    const t0 = performance.now();
    const code = await cli([file, mode === "cli" ? "--json" : "--out", arg], {
      stdout: () => undefined,
      stderr: () => undefined,
      now: () => new Date(),
    });
    process.stdout.write(`${JSON.stringify({ code, ms: performance.now() - t0, peakRss: maxRss() })}\n`);
    return;
  }
  if (mode === "generate" && file !== undefined && arg !== undefined) {
    const wb = generatedWorkbook(loadSeed(), Number(arg), { definitions: flag === "definitions" });
    await wb.xlsx.writeFile(file);
    return;
  }
  if (mode === "measure" && file !== undefined && arg !== undefined) {
    process.stdout.write(`${JSON.stringify(await measure(file, Number(arg)))}\n`);
    return;
  }
  throw new Error(
    `usage: child.ts generate FILE ROWS [definitions] | measure FILE RUNS | cli FILE REPORT | out FILE COPY (got ${argv.join(" ")})`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * `npm run bench`: the figures the README's Benchmarks section records, measured here and now.
 * Nothing is asserted; each figure is printed with its target.
 *
 * - a generated indicator list of 20,000 and 100,000 rows (without and with the sample's 指标定义
 *   sheet): the time to read the file and the time to check it, separately, and the peak memory,
 *   each size in a process of its own so that peaks do not mix. Read and check are timed both as
 *   `check-targets FILE` runs them (once, in a fresh process: several processes, medians) and as
 *   folder mode does (one workbook after another in one process: V8 has compiled the code, and a
 *   major collection of the previous read's garbage may fall into a check); then the command on
 *   the list, with --json and with --out (the checked copy: flags and the 绩效目标表), each in a
 *   process of its own;
 * - the context.sync() count of a whole check in the in-memory Excel at 100 and 10,000 rows;
 * - the command's start-up: the CPU of `check-targets --help` against a bare `node -e 0`; and the
 *   CPU of the command checking the 20,000-row list against a node process that merely reads
 *   it with ExcelJS (both whole processes, medians of RUNS);
 * - the task pane's initial JavaScript, built by webpack in production mode into a temporary
 *   folder and gzipped.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { checkWorkbook, planFlagWrite } from "../src/core";
import { ExcelWorkbook } from "../src/excel";
import { FakeExcel, workbookFromData } from "../test/support/office-model";
import { loadSeed } from "../test/support/seed";
import type { Measured } from "./child";
import { medianCpu } from "./cpu";
import { generatedData } from "./generated-workbook";
import { paneBench } from "./pane";

const run = promisify(execFile);
const ROOT = join(__dirname, "..");
/** Read and check runs per list, in one process; the figures are their medians. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MiB = 1024 * 1024;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number): string => `${Math.round(n).toLocaleString("en-US")} ms`;
const mib = (n: number): string => `${Math.round(n / MiB).toLocaleString("en-US")} MiB`;

/** Runs a bench step in a fresh node with the same loader (tsx) as this one. */
async function child(args: string[]): Promise<string> {
  const node = [...process.execArgv, "--expose-gc"];
  const { stdout } = await run(process.execPath, [...node, join(__dirname, "child.ts"), ...args], {
    maxBuffer: 16 * MiB,
  });
  return stdout;
}

async function machine(): Promise<string> {
  const model = await run("lscpu", []).then(
    ({ stdout }) => /Model name:\s*(.+)/.exec(stdout)?.[1]?.trim() ?? null,
    () => null,
  );
  return `${cpus().length} cores (nproc), ${model ?? cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}, ${process.platform} ${process.arch}`;
}

type Command = { code: number; ms: number; peakRss: number };
type ListFigures = {
  rows: number;
  definitions: boolean;
  size: number;
  /** Read and check, RUNS times in one process (as folder mode checks one workbook after another). */
  m: Measured;
  /** Read and check once in each of RUNS fresh processes (as `check-targets FILE` runs). */
  fresh: { readMs: number[]; checkMs: number[] };
  /** The command with --json. */
  command: Command;
  /** The command with --out: the checked copy, and its size. */
  copy: Command & { size: number };
};

async function list(dir: string, rows: number, definitions: boolean): Promise<ListFigures> {
  const file = join(dir, `list-${rows}${definitions ? "-definitions" : ""}.xlsx`);
  await child(["generate", file, String(rows), ...(definitions ? ["definitions"] : [])]);
  const m = JSON.parse(await child(["measure", file, String(RUNS)])) as Measured;
  const fresh: ListFigures["fresh"] = { readMs: [], checkMs: [] };
  for (let i = 0; i < RUNS; i++) {
    const once = JSON.parse(await child(["measure", file, "1"])) as Measured;
    fresh.readMs.push(once.readMs[0] ?? NaN);
    fresh.checkMs.push(once.checkMs[0] ?? NaN);
  }
  const command = JSON.parse(await child(["cli", file, join(dir, "report.json")])) as Command;
  const copyFile = join(dir, "checked.xlsx");
  const copy = JSON.parse(await child(["out", file, copyFile])) as Command;
  return {
    rows,
    definitions,
    fresh,
    size: (await stat(file)).size,
    m,
    command,
    copy: { ...copy, size: (await stat(copyFile)).size },
  };
}

/** The pane's whole check in the in-memory Excel: read, check, write the flags. */
async function syncsOfCheck(rows: number): Promise<number> {
  const fake = new FakeExcel(workbookFromData(generatedData(loadSeed(), rows), { excelApi: "1.13" }));
  const port = new ExcelWorkbook({ host: fake.host() });
  const { data } = await port.readWithAccess();
  const result = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "bench" });
  await port.apply(planFlagWrite(data, result));
  return fake.syncs;
}

type Bundle = { assets: { name: string; bytes: number; gzip: number }[]; gzip: number };

/** The task pane entry's initial JS chunks from a production build, gzipped (zlib's default level 6). */
async function paneBundle(): Promise<Bundle> {
  const out = await mkdtemp(join(tmpdir(), "check-targets-bundle-"));
  try {
    const statsFile = join(out, "stats.json");
    await run(
      process.execPath,
      [
        join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
        "--mode",
        "production",
        "--output-path",
        join(out, "dist"),
        "--json",
        statsFile,
      ],
      { cwd: ROOT, maxBuffer: 64 * MiB },
    );
    const stats = JSON.parse(await readFile(statsFile, "utf8")) as {
      entrypoints: Record<string, { assets: ({ name: string } | string)[] }>;
    };
    const names = (stats.entrypoints.taskpane?.assets ?? [])
      .map((a) => (typeof a === "string" ? a : a.name))
      .filter((name) => name.endsWith(".js"));
    const assets = await Promise.all(
      names.map(async (name) => {
        const bytes = await readFile(join(out, "dist", name));
        return { name, bytes: bytes.length, gzip: gzipSync(bytes).length };
      }),
    );
    return { assets, gzip: assets.reduce((sum, a) => sum + a.gzip, 0) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const verdict = (ok: boolean): string => (ok ? "meets" : "MISSES");

const secs = (s: number | null): string => (s === null ? "n/a" : `${s.toFixed(2)} s`);
const ratioOf = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b;
const ratioText = (a: number | null, b: number | null): string => {
  const r = ratioOf(a, b);
  return r === null ? "n/a" : `${r.toFixed(2)}×`;
};

const BIN = join(ROOT, "bin", "check-targets.js");

/** CPU of the compiled command's --help against a bare node: what starting the command costs. */
async function startupFigures(): Promise<{ help: number | null; bare: number | null }> {
  await run(process.execPath, [join(ROOT, "scripts", "build-cli.js")]);
  return {
    help: await medianCpu(process.execPath, [BIN, "--help"], RUNS),
    bare: await medianCpu(process.execPath, ["-e", "0"], RUNS),
  };
}

/** ExcelJS merely reading a file, in a bare node: the yardstick of issue 11. */
const EXCELJS_READ =
  "const E = require('exceljs'); new E.Workbook().xlsx.readFile(process.argv[1]).catch((e) => { console.error(e); process.exit(2); });";

/** CPU of the command checking a 20,000-row list, against a process that only reads it with ExcelJS. */
async function checkVsExcelJsRead(): Promise<{ check: number | null; read: number | null }> {
  const dir = await mkdtemp(join(tmpdir(), "check-targets-bench-cpu-"));
  try {
    const file = join(dir, "list-20000.xlsx");
    await child(["generate", file, "20000"]);
    return {
      check: await medianCpu(process.execPath, [BIN, file], RUNS),
      read: await medianCpu(process.execPath, ["-e", EXCELJS_READ, file], RUNS),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${await machine()}`);
  console.log(
    `lists: each read and checked once in each of ${RUNS} fresh processes, and ${RUNS} times in one process; medians\n`,
  );
  const dir = await mkdtemp(join(tmpdir(), "check-targets-bench-"));
  const lists: ListFigures[] = [];
  try {
    for (const rows of [20_000, 100_000]) {
      for (const definitions of [false, true]) {
        const f = await list(dir, rows, definitions);
        lists.push(f);
        const { fresh, m } = f;
        const later = { readMs: m.readMs.slice(1), checkMs: m.checkMs.slice(1) };
        const runs = (xs: readonly number[]) => xs.map((x) => Math.round(x)).join("/");
        const share = (r: { readMs: number[]; checkMs: number[] }) =>
          `read ${ms(median(r.readMs))}, check ${ms(median(r.checkMs))} = ${((median(r.checkMs) / median(r.readMs)) * 100).toFixed(1)}% of reading ` +
          `[read ${runs(r.readMs)}; check ${runs(r.checkMs)}]`;
        console.log(
          `${rows.toLocaleString("en-US")} rows${definitions ? " + 指标定义 sheet" : ""} ` +
            `(${(f.size / 1024).toFixed(0)} KiB, ${m.findings.toLocaleString("en-US")} findings, ${m.infos.toLocaleString("en-US")} infos)\n` +
            `  one file in a fresh process (as check-targets FILE), ${RUNS} processes: ${share(fresh)}\n` +
            `  one file after another in one process (as folder mode), runs 2–${RUNS}: ${share(later)}\n` +
            `  peak RSS ${mib(m.peakRssFirst)} for one read+check (${mib(m.peakRss)} after all ${RUNS} runs); ` +
            `the command with --json: ${ms(f.command.ms)}, peak RSS ${mib(f.command.peakRss)}; ` +
            `the command with --out (checked copy ${(f.copy.size / 1024).toFixed(0)} KiB): ${ms(f.copy.ms)}, peak RSS ${mib(f.copy.peakRss)}`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const startup = await startupFigures();
  console.log(
    `\nstart-up CPU (median of ${RUNS}): check-targets --help ${secs(startup.help)}, node -e 0 ${secs(startup.bare)}` +
      ` = ${ratioText(startup.help, startup.bare)}`,
  );
  const list20k = await checkVsExcelJsRead();
  console.log(
    `checking the 20,000-row list (whole command) ${secs(list20k.check)} CPU, ExcelJS merely reading it ${secs(list20k.read)} CPU` +
      ` = ${ratioText(list20k.check, list20k.read)}`,
  );

  const small = await syncsOfCheck(100);
  const large = await syncsOfCheck(10_000);
  console.log(
    `\ncontext.sync() calls of a whole check in the in-memory Excel: ${small} at 100 rows, ${large} at 10,000 rows`,
  );

  const bundle = await paneBundle();
  console.log(
    `task pane initial JS: ${bundle.assets.map((a) => `${a.name} ${(a.bytes / 1024).toFixed(0)} KiB → ${(a.gzip / 1024).toFixed(1)} KiB gzip`).join(", ")}`,
  );

  // The task pane's section (bench/pane.ts): filtering, and the preview in Chromium.
  const pane = await paneBench();
  for (const line of pane.lines) console.log(line);

  console.log("\ntargets:");
  const ratio = (r: { readMs: number[]; checkMs: number[] }) => median(r.checkMs) / median(r.readMs);
  for (const f of lists) {
    const single = ratio(f.fresh);
    const folder = ratio({ readMs: f.m.readMs.slice(1), checkMs: f.m.checkMs.slice(1) });
    console.log(
      `  checking adds ≤ 20% to reading (${f.rows.toLocaleString("en-US")} rows${f.definitions ? " + 指标定义" : ""}): ` +
        `one file ${(single * 100).toFixed(1)}% — ${verdict(single <= 0.2)}; ` +
        `in folder mode ${(folder * 100).toFixed(1)}% — ${verdict(folder <= 0.2)}`,
    );
  }
  for (const f of lists.filter((l) => l.rows === 100_000)) {
    console.log(
      `  100,000 rows${f.definitions ? " + 指标定义" : ""} in ≤ 1 GiB: peak RSS of one read+check ${mib(f.m.peakRssFirst)}, ` +
        `of the command with --json ${mib(f.command.peakRss)} — ${verdict(Math.max(f.m.peakRssFirst, f.command.peakRss) <= 1024 * MiB)}`,
    );
  }
  for (const f of lists.filter((l) => l.rows === 100_000)) {
    console.log(
      `  --out at 100,000 rows${f.definitions ? " + 指标定义" : ""} in ≤ 1 GiB: peak RSS ${mib(f.copy.peakRss)}, ${ms(f.copy.ms)} — ${verdict(f.copy.peakRss <= 1024 * MiB)}`,
    );
  }
  const startRatio = ratioOf(startup.help, startup.bare);
  console.log(
    `  --help within 4× the CPU of node -e 0: ${ratioText(startup.help, startup.bare)} — ${startRatio === null ? "not measured (no /usr/bin/time)" : verdict(startRatio <= 4)}`,
  );
  const checkRatio = ratioOf(list20k.check, list20k.read);
  console.log(
    `  checking 20,000 rows within 1.2× the CPU of ExcelJS reading them: ${ratioText(list20k.check, list20k.read)} — ${checkRatio === null ? "not measured (no /usr/bin/time)" : verdict(checkRatio <= 1.2)}`,
  );
  console.log(`  sync count constant: ${small} and ${large} — ${verdict(small === large)}`);
  console.log(
    `  initial pane bundle ≤ 250 KB gzip: ${(bundle.gzip / 1000).toFixed(1)} KB (${(bundle.gzip / 1024).toFixed(1)} KiB) — ${verdict(bundle.gzip <= 250_000)}`,
  );
  for (const line of pane.targets) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

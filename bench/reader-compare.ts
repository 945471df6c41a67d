/**
 * `npm run bench:readers`: the reader candidates over the corpus (/work/shared/corpus or
 * CHECK_TARGETS_CORPUS), each in a process of its own that reads every file in turn; a file
 * that takes longer than LIMIT_S is killed and counted as a hang, and the candidate goes on
 * after it. Prints, per candidate: files read as the manifest expects (read or refused), hangs,
 * total time, the slowest file, and the peak memory of a process reading the whole corpus.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const CORPUS = process.env.CHECK_TARGETS_CORPUS ?? "/work/shared/corpus";
const LIMIT_S = Number(process.env.BENCH_FILE_LIMIT_S ?? 30);
const CANDIDATES = (process.env.BENCH_READERS ?? "ours,exceljs-stream,exceljs").split(",");

type Line = { file: string; ok: boolean; ms: number; cells: number; error?: string };
type Done = { done: true; peakRss: number };

/** Runs a candidate over `files` from `from` on; resolves with the lines it printed, and whether it was killed. */
function runFrom(
  candidate: string,
  files: readonly string[],
): Promise<{ lines: Line[]; peakRss: number; killed: boolean; finished: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, join(__dirname, "reader-candidate.ts"), candidate, ...files],
      {
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    const lines: Line[] = [];
    let peakRss = 0;
    let killed = false;
    let finished = false;
    let buffer = "";
    let timer = setTimeout(() => kill(), LIMIT_S * 1000);
    const kill = (): void => {
      killed = true;
      child.kill("SIGKILL");
    };
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const parsed = JSON.parse(buffer.slice(0, nl)) as Line | Done;
        buffer = buffer.slice(nl + 1);
        if ("done" in parsed) {
          peakRss = parsed.peakRss;
          finished = true;
        } else {
          lines.push(parsed);
          clearTimeout(timer);
          timer = setTimeout(() => kill(), LIMIT_S * 1000);
        }
      }
    });
    child.on("exit", () => {
      clearTimeout(timer);
      resolve({ lines, peakRss, killed, finished });
    });
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, "MANIFEST.tsv"))) {
    console.log(`no corpus at ${CORPUS} (set CHECK_TARGETS_CORPUS)`);
    return;
  }
  const rows = readFileSync(join(CORPUS, "MANIFEST.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"))
    .map(([file = "", expect = ""]) => ({ path: join(CORPUS, "files", file), file, expect }));
  // Only what a reader of .xlsx is asked to read or to refuse as damaged: the other formats are
  // told apart by their first bytes before any reader runs.
  const packages = rows.filter((r) => /\.(xlsx|xlsm)$/i.test(r.file));
  console.log(`${packages.length} .xlsx/.xlsm files of the corpus, ${LIMIT_S} s per file at most`);
  for (const candidate of CANDIDATES) {
    const lines = new Map<string, Line>();
    const hangs: string[] = [];
    const crashes: string[] = [];
    let peakRss = 0;
    let from = 0;
    const started = performance.now();
    while (from < packages.length) {
      const batch = packages.slice(from).map((r) => r.path);
      const run = await runFrom(candidate, batch);
      for (const line of run.lines) lines.set(line.file, line);
      peakRss = Math.max(peakRss, run.peakRss);
      from += run.lines.length;
      if (run.finished) break;
      // Killed past the limit, or the process died of the file (an error thrown out of a stream):
      // that file is counted as such, and the candidate goes on after it.
      if (from < packages.length) (run.killed ? hangs : crashes).push(packages[from]?.file ?? "?");
      from++;
    }
    const wall = (performance.now() - started) / 1000;
    let asExpected = 0;
    const wrong: string[] = [];
    let ms = 0;
    let slowest = { file: "", ms: 0 };
    for (const r of packages) {
      const line = lines.get(r.path);
      if (line === undefined) continue;
      ms += line.ms;
      if (line.ms > slowest.ms) slowest = { file: r.file, ms: line.ms };
      if (line.ok === (r.expect === "read")) asExpected++;
      else wrong.push(`${r.file} (${r.expect}: ${line.error ?? "read"})`);
    }
    console.log(
      `${candidate}: ${asExpected}/${packages.length} as the manifest expects, ${hangs.length} killed past ${LIMIT_S} s` +
        `${hangs.length > 0 ? ` (${hangs.join(", ")})` : ""}, ${crashes.length} ended the process` +
        `${crashes.length > 0 ? ` (${crashes.join(", ")})` : ""}; ${(ms / 1000).toFixed(1)} s reading (${wall.toFixed(0)} s wall), ` +
        `slowest ${slowest.file} ${Math.round(slowest.ms)} ms; peak RSS of a process reading them all ${Math.round(peakRss / 1024 / 1024)} MiB`,
    );
    const refusedValid = wrong.filter((w) => w.includes("(read:"));
    console.log(
      `  refused although valid: ${refusedValid.length}; read although the manifest says refuse: ${wrong.length - refusedValid.length}`,
    );
    for (const w of wrong.slice(0, 80)) console.log(`    ${w}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);
const TIME = "/usr/bin/time";

/**
 * The CPU seconds (user + system) a command costs, children included, as GNU time reports them:
 * Node gives no rusage of a child. Null where GNU time is not installed.
 */
export async function cpuSeconds(command: string, args: readonly string[]): Promise<number | null> {
  if (!existsSync(TIME)) return null;
  const result = await run(TIME, ["-f", "cpu %U %S", command, ...args], { maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => r,
    // A check that finds errors exits 1: its figures count all the same.
    (failure: { stderr?: string; code?: number }) => {
      if (failure.code === 1 && typeof failure.stderr === "string") return { stderr: failure.stderr };
      throw failure;
    },
  );
  const match = /cpu (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(result.stderr);
  if (match === null) throw new Error(`no CPU figures from ${TIME}: ${result.stderr.slice(-200)}`);
  return Number(match[1]) + Number(match[2]);
}

/** The median CPU seconds of `runs` runs of a command. */
export async function medianCpu(command: string, args: readonly string[], runs: number): Promise<number | null> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await cpuSeconds(command, args);
    if (s === null) return null;
    xs.push(s);
  }
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null;
}

import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Task } from "./check-one";
import { internalError } from "./cli-words";
import type { FileOutcome } from "./outcome";

export type FileLimits = {
  /** Wall-clock seconds one workbook may take, reading and checking. */
  seconds: number;
  /** The V8 heap one workbook's check may use, in MiB (node's --max-old-space-size). */
  memoryMiB: number;
};

/**
 * The worker's script and how node runs it: the compiled file next to this one (dist-cli/, as
 * installed), one named by CHECK_TARGETS_WORKER (the tests' fresh build), or the TypeScript
 * source through tsx (development).
 */
function workerEntry(): { script: string; execArgv: string[] } {
  const named = process.env.CHECK_TARGETS_WORKER;
  if (named !== undefined && named !== "") return { script: named, execArgv: [] };
  const compiled = join(__dirname, "file-worker.js");
  if (__filename.endsWith(".js") && existsSync(compiled)) return { script: compiled, execArgv: [] };
  return { script: join(__dirname, "file-worker.ts"), execArgv: ["--require", require.resolve("tsx/cjs")] };
}

const WORDS = {
  "zh-CN": {
    time: (s: number) => `检查超过 ${s} 秒，已跳过（时限可用 --file-timeout 调整）`,
    memory: (m: number) => `检查所需内存超过 ${m} MiB，已跳过（上限可用 --file-memory 调整）`,
    died: (how: string) => `检查进程意外结束（${how}）`,
  },
  "en-US": {
    time: (s: number) => `took longer than ${s} s to check; skipped (the limit is set with --file-timeout)`,
    memory: (m: number) =>
      `needed more than ${m} MiB of memory to check; skipped (the limit is set with --file-memory)`,
    died: (how: string) => `the check ended unexpectedly (${how})`,
  },
} as const;

/** V8 reports an exhausted heap on stderr before it aborts. */
const OUT_OF_MEMORY = /heap limit|JavaScript heap out of memory|Allocation failed/;

/** Workbooks one worker checks before it is replaced: what one file leaves behind never piles up. */
const FILES_PER_WORKER = 50;

/**
 * A child process that checks one workbook at a time, killed when a workbook passes the time
 * limit or exhausts its heap (`--max-old-space-size`): that file is named with the reason, and the
 * next file gets a fresh worker.
 */
class Worker {
  private readonly child: ChildProcess;
  private stderr = "";
  private pending: ((result: { outcome: FileOutcome } | { exit: string; oom: boolean }) => void) | null = null;
  private exited: { how: string } | null = null;
  checked = 0;

  constructor(memoryMiB: number) {
    const { script, execArgv } = workerEntry();
    this.child = fork(script, [], {
      execArgv: [...execArgv, `--max-old-space-size=${Math.max(16, Math.round(memoryMiB))}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    this.child.stderr?.setEncoding("utf8");
    this.child.stderr?.on("data", (chunk: string) => {
      // Only the tail matters: V8's last words on an exhausted heap.
      this.stderr = (this.stderr + chunk).slice(-4096);
    });
    this.child.on("message", (outcome: FileOutcome) => this.settle({ outcome }));
    this.child.on("error", (error) => this.end(error.message));
    // "close", not "exit": by then stderr has been read to its end, V8's last words included.
    this.child.on("close", (code, signal) => this.end(signal !== null ? `signal ${signal}` : `exit ${code}`));
    // Idle workers do not keep the command alive.
    this.child.unref();
    this.child.channel?.unref();
  }

  get alive(): boolean {
    return this.exited === null;
  }

  private settle(result: { outcome: FileOutcome } | { exit: string; oom: boolean }): void {
    const pending = this.pending;
    this.pending = null;
    pending?.(result);
  }

  private end(how: string): void {
    this.exited ??= { how };
    this.settle({ exit: how, oom: OUT_OF_MEMORY.test(this.stderr) });
  }

  check(
    task: Task,
    seconds: number,
  ): Promise<{ outcome: FileOutcome } | { exit: string; oom: boolean; late: boolean }> {
    if (this.exited !== null) return Promise.resolve({ exit: this.exited.how, oom: false, late: false });
    this.checked++;
    return new Promise((resolve) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        this.child.kill("SIGKILL");
      }, seconds * 1000);
      this.child.ref();
      this.child.channel?.ref();
      this.pending = (result) => {
        clearTimeout(timer);
        this.child.unref();
        this.child.channel?.unref();
        resolve("outcome" in result ? result : { ...result, late });
      };
      this.child.send(task);
    });
  }

  stop(): void {
    if (this.exited === null) this.child.kill();
  }
}

/**
 * Checks workbooks in child processes, each within the time and memory limits: whatever one file
 * does, the batch goes on, and the file is named with the reason.
 */
export class IsolatedChecks {
  private readonly idle: Worker[] = [];

  constructor(private readonly limits: FileLimits) {}

  async check(task: Task): Promise<FileOutcome> {
    const w = WORDS[task.options.lang];
    // A worker that died while idle (killed from outside) is not handed the next file.
    let idle = this.idle.pop();
    while (idle !== undefined && !idle.alive) idle = this.idle.pop();
    const worker = idle ?? new Worker(this.limits.memoryMiB);
    const result = await worker.check(task, this.limits.seconds);
    if (worker.alive && worker.checked < FILES_PER_WORKER) this.idle.push(worker);
    else worker.stop();
    if ("outcome" in result) return result.outcome;
    const { lang } = task.options;
    const failed = (reason: string): FileOutcome => ({ file: task.file, ok: false, reason });
    const after = lang === "zh-CN" ? "：" : ": ";
    if (result.late) return failed(`${task.path}${after}${w.time(this.limits.seconds)}`);
    if (result.oom) return failed(`${task.path}${after}${w.memory(this.limits.memoryMiB)}`);
    return failed(internalError(w.died(result.exit), lang, task.path));
  }

  /** Ends the idle workers. */
  close(): void {
    for (const worker of this.idle.splice(0)) worker.stop();
  }
}

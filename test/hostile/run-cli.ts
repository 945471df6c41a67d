import { main, type Io } from "../../src/cli/main";

export type Captured = { code: number; stdout: string; stderr: string; progress: string[] };

/** Runs the command as the bin does, capturing what it prints; a throw fails the test that awaits it. */
export async function runCli(argv: readonly string[], options: { tty?: boolean } = {}): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const progress: string[] = [];
  const io: Io = {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    now: () => new Date(2026, 5, 30),
    ...(options.tty ? { progress: (t: string) => progress.push(t) } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, progress };
}

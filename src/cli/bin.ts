import { internalError } from "./cli-words";
import { main } from "./main";

/**
 * The process around main(): stdout and stderr lines, the progress line on a terminal, the exit
 * status. bin/check-targets.js runs this file as compiled into dist-cli/ at install time.
 */
export function runCommand(argv: readonly string[]): void {
  // A progress line (folder mode) only on a terminal: rewritten in place, cleared before any other line.
  const tty = process.stdout.isTTY === true;
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) process.stdout.write("\r\x1b[K");
    progressShown = false;
  };
  const progress = (text: string): void => {
    const width = Math.max(20, (process.stdout.columns || 80) - 1);
    process.stdout.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    progressShown = text !== "";
  };

  main(argv, {
    stdout: (text) => {
      clearProgress();
      process.stdout.write(`${text}\n`);
    },
    stderr: (text) => {
      clearProgress();
      process.stderr.write(`check-targets: ${text}\n`);
    },
    now: () => new Date(),
    ...(tty ? { progress } : {}),
  }).then(
    (code) => {
      clearProgress();
      process.exitCode = code;
    },
    (bug: unknown) => {
      clearProgress();
      // A bug, not bad input: say so in one line, and keep the stack for a bug report.
      const error = bug instanceof Error ? bug : new Error(String(bug));
      process.stderr.write(`check-targets: ${internalError(error.message, null)}\n`);
      if (process.env.CHECK_TARGETS_DEBUG) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) runCommand(process.argv.slice(2));

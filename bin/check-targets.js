#!/usr/bin/env node
"use strict";
// The command runs the TypeScript sources through tsx, so there is no build step to forget.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");

// A progress line (folder mode) only on a terminal: rewritten in place, cleared before any other line.
const tty = process.stdout.isTTY === true;
let progressShown = false;
const clearProgress = () => {
  if (progressShown) process.stdout.write("\r\x1b[K");
  progressShown = false;
};

main(process.argv.slice(2), {
  stdout: (text) => {
    clearProgress();
    process.stdout.write(`${text}\n`);
  },
  stderr: (text) => {
    clearProgress();
    process.stderr.write(`check-targets: ${text}\n`);
  },
  now: () => new Date(),
  ...(tty
    ? {
        progress: (text) => {
          const width = Math.max(20, (process.stdout.columns || 80) - 1);
          process.stdout.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
          progressShown = text !== "";
        },
      }
    : {}),
}).then(
  (code) => {
    clearProgress();
    process.exitCode = code;
  },
  (bug) => {
    clearProgress();
    // A bug, not bad input: say so in one line, and keep the stack for a bug report.
    process.stderr.write(`check-targets: internal error: ${bug && bug.message}\n`);
    if (process.env.CHECK_TARGETS_DEBUG) process.stderr.write(`${bug && bug.stack}\n`);
    process.exitCode = 3;
  },
);

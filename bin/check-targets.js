#!/usr/bin/env node
"use strict";
// The command runs the TypeScript sources through tsx, so there is no build step to forget.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`check-targets: ${text}\n`),
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (bug) => {
    // A bug, not bad input: say so in one line, and keep the stack for a bug report.
    process.stderr.write(`check-targets: internal error: ${bug && bug.message}\n`);
    if (process.env.CHECK_TARGETS_DEBUG) process.stderr.write(`${bug && bug.stack}\n`);
    process.exitCode = 3;
  },
);

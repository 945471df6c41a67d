#!/usr/bin/env node
"use strict";
// The command runs the JavaScript compiled at install time (`npm ci` runs `prepare`, which runs
// `npm run build:cli`); `npm run check-targets:dev` runs the TypeScript sources instead.
let command;
try {
  command = require("../dist-cli/bin.js");
} catch (cause) {
  if (cause && cause.code === "MODULE_NOT_FOUND" && String(cause.message).includes("dist-cli")) {
    process.stderr.write("check-targets: not built yet; run `npm run build:cli` (npm ci does it)\n");
    process.exit(3);
  }
  throw cause;
}
command.runCommand(process.argv.slice(2));

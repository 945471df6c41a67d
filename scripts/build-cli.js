"use strict";
/**
 * Compiles the command line into dist-cli/ (bin.js, and file-worker.js for folder mode): one
 * CommonJS file per entry, the npm packages left to require(). Run by `npm run build:cli`, by
 * `prepare` (so `npm ci` builds it) and by jest's globalSetup (so the tests that start the
 * command run what the sources say now).
 */
const { buildSync } = require("esbuild");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "dist-cli");

function buildCli() {
  buildSync({
    entryPoints: [join(ROOT, "src/cli/bin.ts"), join(ROOT, "src/cli/file-worker.ts")],
    outdir: OUT,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "warning",
  });
  return OUT;
}

module.exports = { buildCli, OUT };
if (require.main === module) buildCli();

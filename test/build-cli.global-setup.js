"use strict";
const { join } = require("node:path");
const { buildCli } = require("../scripts/build-cli");

/**
 * Before any test: the command compiled from the sources as they are now, for the tests that run
 * bin/check-targets.js, and folder mode's worker for those that check a folder in-process.
 */
module.exports = function globalSetup() {
  const out = buildCli();
  process.env.CHECK_TARGETS_WORKER = join(out, "file-worker.js");
};

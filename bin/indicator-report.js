#!/usr/bin/env node
"use strict";
// The CLI is compiled from src/cli by `npm run build:cli` (run on install by `prepare`).
const cli = require("../lib/src/cli/main.js");

const debug = process.argv.includes("--debug");
// Whatever escapes main (an error thrown from a library's callback) still ends in one line, exit 2.
function fail(error) {
  process.stderr.write(cli.unexpectedErrorLine(error, debug));
  process.exit(2);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

cli
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch(fail);

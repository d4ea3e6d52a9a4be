#!/usr/bin/env node
"use strict";
// The CLI is compiled from src/cli by `npm run build:cli` (run on install by `prepare`).
require("../lib/src/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

#!/usr/bin/env node
/*
 * Fails (exit code 1) when the JavaScript that taskpane.html loads before its first render is
 * larger, gzipped, than its budget. `npm run build` runs it after webpack, so a change that
 * makes the first render heavier breaks the build instead of passing with webpack's raw-size
 * warning. The budget is the one number below; the template the add-in started from loads
 * 169 422 bytes.
 *
 * Usage: node scripts/check-bundle-budget.js [distDir]
 */
"use strict";

const path = require("path");
const { firstRenderJs, kib } = require("./print-bundle-size");

/** Gzipped bytes (level 9) of the first render's JavaScript. */
const FIRST_RENDER_GZIP_BUDGET = 160000;

/** Checks `distDir` against `budget`; returns the exit code and the line to print. */
function checkBudget(distDir, budget = FIRST_RENDER_GZIP_BUDGET) {
  let js;
  try {
    js = firstRenderJs(distDir);
  } catch (error) {
    return { ok: false, message: `Bundle budget: ${error.message}` };
  }
  const over = js.gzip - budget;
  const figures = `${js.gzip} bytes gzipped (${kib(js.gzip)}), budget ${budget} bytes`;
  return over > 0
    ? {
        ok: false,
        message:
          `Bundle budget exceeded: the task pane's first render loads ${figures}, ` +
          `${over} bytes over (${js.scripts.join(", ")}). Load the new code lazily (import()), ` +
          "or raise FIRST_RENDER_GZIP_BUDGET in scripts/check-bundle-budget.js with the reason.",
        ...js,
      }
    : { ok: true, message: `Bundle budget: the first render loads ${figures}.`, ...js };
}

module.exports = { FIRST_RENDER_GZIP_BUDGET, checkBudget };

if (require.main === module) {
  const result = checkBudget(path.resolve(__dirname, "..", process.argv[2] || "dist"));
  (result.ok ? console.log : console.error)(result.message);
  process.exitCode = result.ok ? 0 : 1;
}

#!/usr/bin/env node
/*
 * Prints the size of every JavaScript file in dist/ (raw and gzipped), then the gzipped total
 * of the JavaScript that taskpane.html loads (the <script src> files of the built page).
 * Run after `webpack --mode production` (see `npm run build`).
 *
 * Usage: node scripts/print-bundle-size.js [distDir]
 * scripts/check-bundle-budget.js holds the first render's gzip total to its budget.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const distDir = path.resolve(__dirname, "..", process.argv[2] || "dist");

function listJsFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...listJsFiles(full));
    } else if (entry.isFile() && entry.name.endsWith(".js")) {
      files.push(full);
    }
  }
  return files;
}

function sizes(file) {
  const content = fs.readFileSync(file);
  return { raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Local script files referenced by an HTML page, relative to dist. */
function scriptsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, "utf8");
  const scripts = [];
  const pattern = /<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;
  let match;
  while ((match = pattern.exec(html)) !== null) {
    const src = match[1];
    if (/^(https?:)?\/\//i.test(src)) {
      continue; // office.js from the CDN
    }
    scripts.push(path.normalize(decodeURIComponent(src.split(/[?#]/)[0]).replace(/^\//, "")));
  }
  return scripts;
}

/**
 * The scripts taskpane.html loads before its first render, with their raw and gzipped total.
 * Throws when the page is missing or loads a file that is not in `dir`.
 */
function firstRenderJs(dir) {
  const taskpaneHtml = path.join(dir, "taskpane.html");
  if (!fs.existsSync(taskpaneHtml)) throw new Error(`${taskpaneHtml} is missing.`);
  // Office's own office.js (served from office/ by the intranet build) is not the add-in's.
  const scripts = scriptsOf(taskpaneHtml).filter(
    (script) => !script.startsWith(`office${path.sep}`)
  );
  let raw = 0;
  let gzip = 0;
  for (const script of scripts) {
    const file = path.join(dir, script);
    if (!fs.existsSync(file))
      throw new Error(`taskpane.html loads ${script}, which is not in dist/.`);
    const size = sizes(file);
    raw += size.raw;
    gzip += size.gzip;
  }
  return { scripts, raw, gzip };
}

function main() {
  if (!fs.existsSync(distDir)) {
    console.error(
      `No build output at ${path.relative(process.cwd(), distDir) || "."}; run webpack first.`
    );
    return 1;
  }

  const files = listJsFiles(distDir).sort();
  const rows = files.map((file) => ({ name: path.relative(distDir, file), ...sizes(file) }));
  const width = Math.max(4, ...rows.map((row) => row.name.length));

  console.log("\nJavaScript in dist/:");
  console.log(`  ${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}`);
  for (const row of rows) {
    console.log(
      `  ${row.name.padEnd(width)}  ${kib(row.raw).padStart(10)}  ${kib(row.gzip).padStart(10)}`
    );
  }

  const taskpaneHtml = path.join(distDir, "taskpane.html");
  if (!fs.existsSync(taskpaneHtml)) {
    console.error("dist/taskpane.html is missing.");
    return 1;
  }
  const loaded = scriptsOf(taskpaneHtml);
  const byName = new Map(rows.map((row) => [path.normalize(row.name), row]));
  let raw = 0;
  let gzip = 0;
  for (const script of loaded) {
    const row = byName.get(script);
    if (!row) {
      console.error(`taskpane.html loads ${script}, which is not in dist/.`);
      return 1;
    }
    raw += row.raw;
    gzip += row.gzip;
  }
  console.log(
    `\nTask pane JavaScript (${loaded.join(", ")}): ${kib(raw)} raw, ${kib(gzip)} gzipped` +
      ` (${gzip} bytes)\n`
  );
  return 0;
}

module.exports = { firstRenderJs, kib };

if (require.main === module) process.exitCode = main();

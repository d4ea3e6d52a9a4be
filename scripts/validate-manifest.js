#!/usr/bin/env node
/*
 * Validates the add-in manifest.
 *
 * Offline (preferred): when the schema folder ../shared/manifest-schemas exists next to the
 * repository, runs
 *   xmllint --noout --schema ../shared/manifest-schemas/OfficeAppManifestV1_1.xsd manifest.xml
 * from the repository root (xmllint comes with Debian/Ubuntu's libxml2-utils).
 * Otherwise falls back to `office-addin-manifest validate`, which sends the manifest to
 * Microsoft's online validation service and so needs network access.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml ...]
 * Exits non-zero when any manifest fails validation.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const repoRoot = path.resolve(__dirname, "..");
// Relative to the repository root, as the command is run from there.
const schemaRelative = path.join("..", "shared", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const schemaPath = path.resolve(repoRoot, schemaRelative);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit" });
  if (result.error) {
    return { ok: false, missing: result.error.code === "ENOENT", error: result.error };
  }
  return { ok: result.status === 0, missing: false, status: result.status };
}

function hasXmllint() {
  const result = spawnSync("xmllint", ["--version"], { stdio: "ignore" });
  return !result.error;
}

function validateOffline(manifests) {
  let ok = true;
  for (const manifest of manifests) {
    const result = run("xmllint", ["--noout", "--schema", schemaRelative, manifest]);
    if (!result.ok) {
      console.error(`Manifest validation failed: ${manifest}`);
      ok = false;
    }
  }
  return ok;
}

function validateOnline(manifests) {
  let cli;
  try {
    cli = path.join(path.dirname(require.resolve("office-addin-manifest/package.json")), "cli.js");
  } catch {
    console.error("office-addin-manifest is not installed; run `npm install` first.");
    return false;
  }
  let ok = true;
  for (const manifest of manifests) {
    const result = run(process.execPath, [cli, "validate", manifest]);
    if (!result.ok) {
      console.error(
        `Manifest validation failed (or the validation service was unreachable): ${manifest}`
      );
      ok = false;
    }
  }
  return ok;
}

function main() {
  const manifests = process.argv.slice(2);
  if (manifests.length === 0) {
    manifests.push("manifest.xml");
  }
  for (const manifest of manifests) {
    if (!fs.existsSync(path.resolve(repoRoot, manifest))) {
      console.error(`Manifest not found: ${manifest}`);
      return 1;
    }
  }

  if (fs.existsSync(schemaPath)) {
    if (hasXmllint()) {
      return validateOffline(manifests) ? 0 : 1;
    }
    console.warn(
      "Found the offline manifest schemas but not xmllint (install libxml2-utils); " +
        "falling back to office-addin-manifest validate, which needs network access."
    );
  } else {
    console.warn(
      `No offline manifest schemas at ${schemaRelative}; ` +
        "using office-addin-manifest validate, which needs network access."
    );
  }
  return validateOnline(manifests) ? 0 : 1;
}

process.exitCode = main();

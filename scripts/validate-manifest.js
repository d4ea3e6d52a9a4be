#!/usr/bin/env node
/*
 * Validates the add-in manifest against Microsoft's XML schemas for Office add-in manifests,
 * with no system tool: xmllint-wasm (libxml2's XSD validation compiled to WebAssembly, an npm
 * dev dependency) runs the same check as `xmllint --noout --schema OfficeAppManifestV1_1.xsd`.
 *
 * The schemas are not part of the repository: they are read from the folder manifest-schemas
 * next to the repository (../shared/manifest-schemas from its root), or from --schemas DIR.
 * Where they are absent, the manifest is sent to Microsoft's online validation service
 * (office-addin-manifest validate). Where that cannot be reached either (no network), the run
 * says in one line that the manifest was NOT validated, and exits 0: no failure, no silent pass.
 *
 * Usage: node scripts/validate-manifest.js [--schemas DIR] [--offline] [manifest.xml ...]
 *   --offline   never contact the online service (absent schemas: validation skipped)
 * Relative paths are taken from the repository's root.
 *
 * Why not the system's xmllint when present: it is ~1 s faster, but one validator everywhere
 * (the same libxml2 on every machine) is worth more than a second once per `npm test`.
 * Exits 1 when a manifest fails validation (each error with its line), 2 on bad usage.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const repoRoot = path.resolve(__dirname, "..");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEFAULT_SCHEMAS = path.join("..", "shared", "manifest-schemas");

function parseArgs(argv) {
  const options = { schemas: DEFAULT_SCHEMAS, offline: false, manifests: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--offline") options.offline = true;
    else if (arg === "--schemas" && i + 1 < argv.length) options.schemas = argv[++i];
    else if (arg.startsWith("--")) throw new Error(`Unknown option: ${arg}`);
    else options.manifests.push(arg);
  }
  if (options.manifests.length === 0) options.manifests.push("manifest.xml");
  return options;
}

/** The schema files of `dir` (main schema first), or null when the folder lacks the main one. */
function readSchemas(dir) {
  const main = path.join(dir, MAIN_SCHEMA);
  if (!fs.existsSync(main)) return null;
  const others = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".xsd") && name !== MAIN_SCHEMA)
    .sort()
    .map((name) => ({ fileName: name, contents: fs.readFileSync(path.join(dir, name), "utf8") }));
  return { main: { fileName: MAIN_SCHEMA, contents: fs.readFileSync(main, "utf8") }, others };
}

function validatorName() {
  const { version } = require("xmllint-wasm/package.json");
  return `xmllint-wasm ${version} (libxml2 in WebAssembly)`;
}

async function validateWithSchemas(manifests, schemas, schemaDir) {
  const { validateXML } = require("xmllint-wasm");
  const validator = validatorName();
  let ok = true;
  for (const manifest of manifests) {
    const result = await validateXML({
      // The file's own name: xmllint runs on an in-memory file system, where folders (and
      // Windows drive letters) would not resolve.
      xml: [
        {
          fileName: path.basename(manifest),
          contents: fs.readFileSync(path.resolve(repoRoot, manifest)),
        },
      ],
      schema: [schemas.main],
      preload: schemas.others,
    });
    if (result.valid) {
      console.log(
        `Manifest ${manifest} is valid: checked offline against ${MAIN_SCHEMA} ` +
          `(schemas from ${schemaDir}) with ${validator}.`
      );
    } else {
      ok = false;
      console.error(
        `Manifest ${manifest} is NOT valid against ${MAIN_SCHEMA}, checked with ${validator}:`
      );
      for (const error of result.errors) console.error(`  ${error.rawMessage}`);
    }
  }
  return ok;
}

const UNREACHABLE = /Unable to contact the manifest validation service/;

/** true / false when the service answered; null when it could not be reached. */
function validateOnline(manifest) {
  let cli;
  try {
    cli = path.join(path.dirname(require.resolve("office-addin-manifest/package.json")), "cli.js");
  } catch {
    console.error("office-addin-manifest is not installed; run `npm install` first.");
    return false;
  }
  const result = spawnSync(process.execPath, [cli, "validate", manifest], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  const status = /Unable to validate the manifest\.\s*\n\s*(\d{3})/.exec(output);
  if (UNREACHABLE.test(output) || (status && Number(status[1]) >= 500)) return null;
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  return result.status === 0;
}

function skipped(manifest, schemaDir, why) {
  console.log(
    `Manifest ${manifest}: validation SKIPPED, not validated. No offline schemas at ` +
      `${path.join(schemaDir, MAIN_SCHEMA)} and ${why}. ` +
      "Put the schema folder there (or pass --schemas DIR) to validate offline."
  );
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  for (const manifest of options.manifests) {
    if (!fs.existsSync(path.resolve(repoRoot, manifest))) {
      console.error(`Manifest not found: ${manifest}`);
      return 1;
    }
  }
  const schemaDir = options.schemas;
  const schemas = readSchemas(path.resolve(repoRoot, schemaDir));
  if (schemas) return (await validateWithSchemas(options.manifests, schemas, schemaDir)) ? 0 : 1;

  let ok = true;
  for (const manifest of options.manifests) {
    if (options.offline) {
      skipped(manifest, schemaDir, "--offline forbids the online validator");
      continue;
    }
    console.log(
      `No offline schemas at ${schemaDir}; sending ${manifest} to Microsoft's online ` +
        "validation service (office-addin-manifest validate)."
    );
    const online = validateOnline(manifest);
    if (online === null)
      skipped(manifest, schemaDir, "the online validation service could not be reached");
    else ok = ok && online;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`Manifest validation could not run: ${error.stack || error}`);
    process.exitCode = 1;
  }
);

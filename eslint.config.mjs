/*
 * ESLint flat config for the whole project.
 *
 * How it is run: `npm run lint` is `office-addin-lint check --files .`. office-addin-lint
 * (lib/lint.js) always calls eslint with an explicit `-c <config>`; it passes
 * ./eslint.config.mjs from the current directory when that file exists and only falls back
 * to its bundled config otherwise. So the Office tooling stays in the loop and still uses this
 * file. `--files .` makes eslint walk the whole repository (the default is src/ only); which
 * files are linted is decided here (every JS/TS file, minus the ignores below).
 *
 * Why not the bundled config or plugin:office-addins/react as is: in
 * eslint-plugin-office-addins 4.x the TypeScript parser, the @typescript-eslint rules,
 * the office-addins rules and prettier/prettier are set in a block limited to
 * "**\/*.{js,mjs,cjs,ts,cts,mts}", so .tsx files match no block and eslint silently skips them.
 * Below, that block is widened to .jsx/.tsx, and its nested (older) copy of the
 * @typescript-eslint plugin and parser is replaced by the project's typescript-eslint, which
 * would otherwise clash ("Cannot redefine plugin @typescript-eslint").
 *
 * Formatting: prettier/prettier (from the office-addins config) reports formatting problems as
 * lint errors, using the "prettier" key of package.json (office-addin-prettier-config,
 * printWidth 100) and .prettierignore.
 */
import { defineConfig, globalIgnores } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import tseslint from "typescript-eslint";

const ALL_SOURCES = ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"];
const TS_SOURCES = ["**/*.{ts,mts,cts,tsx}"];
const COMMONJS_SOURCES = ["**/*.{js,cjs}"];

/** Globals of a Node.js CommonJS script (the .js/.cjs files here are build scripts and configs). */
const nodeGlobals = {
  __dirname: "readonly",
  __filename: "readonly",
  Buffer: "readonly",
  clearImmediate: "readonly",
  clearInterval: "readonly",
  clearTimeout: "readonly",
  console: "readonly",
  exports: "writable",
  global: "readonly",
  module: "writable",
  process: "readonly",
  require: "readonly",
  setImmediate: "readonly",
  setInterval: "readonly",
  setTimeout: "readonly",
  URL: "readonly",
};

/** Adapts one block of plugin:office-addins/react (see the comment at the top). */
function adaptOfficeAddinsBlock(block) {
  const adapted = { ...block };
  if (adapted.files) {
    adapted.files = ALL_SOURCES;
  }
  if (adapted.plugins && adapted.plugins["@typescript-eslint"]) {
    adapted.plugins = { ...adapted.plugins, "@typescript-eslint": tseslint.plugin };
  }
  if (adapted.languageOptions && adapted.languageOptions.parser) {
    adapted.languageOptions = {
      ...adapted.languageOptions,
      parser: tseslint.parser,
      ecmaVersion: "latest",
    };
  }
  return adapted;
}

export default defineConfig(
  globalIgnores([
    "dist/",
    "dist-wps/",
    "lib/",
    "node_modules/",
    "coverage/",
    "test-results/",
    "bench/out/",
    "**/*.min.js",
  ]),

  // eslint-plugin-office-addins "react": eslint-plugin-react recommended, eslint:recommended,
  // eslint-config-prettier, the office-addins rules and prettier/prettier.
  ...officeAddins.configs.react.map(adaptOfficeAddinsBlock),
  // New JSX transform (tsconfig "jsx": "react-jsx"): no need to import React in scope.
  react.configs.flat["jsx-runtime"],

  // typescript-eslint recommended (for .js files too; its no-undef switch-off is for TS only).
  ...tseslint.configs.recommended,

  {
    files: ALL_SOURCES,
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "warn",
    },
  },
  {
    files: TS_SOURCES,
    rules: {
      // Props are typed by TypeScript.
      "react/prop-types": "off",
    },
  },
  {
    // Build scripts and tool configs: CommonJS run by Node.
    files: COMMONJS_SOURCES,
    languageOptions: {
      sourceType: "commonjs",
      globals: nodeGlobals,
    },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Library code should not print; the CLI, scripts, benchmarks and samples may.
    files: ["src/**"],
    ignores: ["src/cli/**"],
    rules: {
      "no-console": ["warn", { allow: ["warn", "error"] }],
    },
  },
  {
    // These rules track Office.js proxy objects by method name (getCell, getRow, getRange, ...)
    // and so give false positives on ExcelJS or plain-data code that uses the same names for
    // ordinary objects (e.g. `ws.getCell("A1").value` in src/xlsx). Keep them only where
    // Office.js is called: the task pane, the commands and src/excel.
    files: ALL_SOURCES,
    ignores: ["src/taskpane/**", "src/commands/**", "src/excel/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  }
);

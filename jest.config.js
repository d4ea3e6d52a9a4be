/**
 * Two projects:
 *   unit  test/**\/*.test.ts except test/e2e: the engine, the reader, the task pane's view models
 *   e2e   test/e2e/**\/*.e2e.test.ts: the built task pane (dist/) in headless Chromium; run
 *         `npm run build` first (`npm test` does). Its globalSetup prints once which browser
 *         the run uses (test/e2e/harness.ts finds it).
 * `jest --selectProjects unit` or `--selectProjects e2e` runs one of them.
 */
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
      transform,
      moduleFileExtensions: ["ts", "tsx", "js", "json"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["**/*.e2e.test.ts"],
      globalSetup: "<rootDir>/test/e2e/global-setup.ts",
      transform,
      moduleFileExtensions: ["ts", "tsx", "js", "json"],
    },
  ],
};

/**
 * Runs once before the browser tests (jest `globalSetup` of the e2e project): finds the browser
 * (decompressing the npm-packaged Chromium if that is the one), starts it once and prints one
 * line saying which browser and version the run uses. When there is none, it says so here and
 * the browser tests fail with the same message; the unit tests still run.
 */
import { browserLine } from "./harness";

export default async function globalSetup(): Promise<void> {
  try {
    console.log(`\n${await browserLine()}`);
  } catch (error) {
    console.log(`\nBrowser tests: no usable browser. ${(error as Error).message}`);
  }
}

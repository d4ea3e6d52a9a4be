/**
 * `npm run demo:rollup`: writes the sample district (district-workbooks.ts) into samples/示例区
 * and rolls it up, as a district bureau would. Its corrupt file makes the roll-up exit 1 on
 * purpose (it is named and left out); the demo itself succeeds unless the roll-up could not run.
 */
import * as path from "path";
import { main } from "../src/cli/main";
import { writeDistrict } from "./district-workbooks";
import { defaultOutDir } from "./make-samples";

async function demo(): Promise<number> {
  const dir = path.join(defaultOutDir(), "示例区");
  await writeDistrict(dir);
  const code = await main(["rollup", dir, ...process.argv.slice(2)]);
  return code <= 1 ? 0 : code;
}

demo().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  }
);

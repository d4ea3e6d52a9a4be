/**
 * Writes the sample workbooks: node lib/samples/make-samples.js [outDir]
 * Default outDir: the repository's samples folder.
 */
import * as fs from "fs";
import * as path from "path";
import { buildLedgerWorkbook, LEDGER_FILE_NAME } from "./ledger-workbook";
import { buildProblemWorkbook, PROBLEM_FILE_NAME } from "./problem-workbook";
import { buildSampleWorkbook, SAMPLE_FILE_NAME } from "./sample-workbook";

/**
 * The repository's samples folder: compiled, this file runs from lib/samples, hence ../../samples.
 * Walking up to package.json also works when the .ts file is run directly.
 */
export function defaultOutDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return path.join(dir, "samples");
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "../../samples");
  }
}

export async function writeSamples(outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const files = [
    { name: SAMPLE_FILE_NAME, workbook: buildSampleWorkbook() },
    { name: PROBLEM_FILE_NAME, workbook: buildProblemWorkbook() },
    { name: LEDGER_FILE_NAME, workbook: buildLedgerWorkbook() },
  ];
  const written: string[] = [];
  for (const { name, workbook } of files) {
    const file = path.join(outDir, name);
    await workbook.xlsx.writeFile(file);
    written.push(file);
  }
  return written;
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? defaultOutDir());
  for (const file of await writeSamples(outDir)) console.log(`wrote ${file}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

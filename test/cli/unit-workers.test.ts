/**
 * The compiled command (bin/, lib/: `npm run build:cli`) reads the units in worker threads
 * beside its main thread, and one of them writes the 汇总 workbook: the same report and the
 * same workbook, part for part, as on one thread.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { writeDistrict } from "../../samples/district-workbooks";
import { workerCount } from "../../src/cli/unit-workers";

const ROOT = resolve(__dirname, "../..");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "indicator-workers-"));
  await writeDistrict(join(dir, "各街道报表"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The command's exit code and output (the sample district exits 1: it holds a corrupt file). */
function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [join(ROOT, "bin/indicator-report.js"), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => done({ code: error ? Number(error.code) : 0, stdout })
    )
  );
}

/** The workbook's parts but for its dates (docProps/core.xml). */
async function parts(file: string): Promise<Record<string, string>> {
  const text: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(await readFile(file))))
    if (name !== "docProps/core.xml") text[name] = new TextDecoder().decode(bytes);
  return text;
}

test("threads: the main thread is one of the readers; one file or one job needs no worker", () => {
  expect(workerCount(12, 3)).toBe(2);
  expect(workerCount(2, 3)).toBe(1);
  expect(workerCount(1, 4)).toBe(0);
  expect(workerCount(12, 1)).toBe(0);
});

test("three threads give the report and the 汇总 workbook of one thread", async () => {
  const district = join(dir, "各街道报表");
  const args = (out: string, jobs: string) => [
    "rollup",
    district,
    "--format",
    "json",
    "--out",
    join(dir, out),
    "--jobs",
    jobs,
    "--quiet",
  ];
  const threads = await run(args("threads.xlsx", "3"));
  const one = await run(args("one.xlsx", "1"));
  expect(threads.code).toBe(1);
  expect(one.code).toBe(1);
  expect(JSON.parse(threads.stdout).units.length).toBeGreaterThan(10);
  expect(threads.stdout).toBe(one.stdout);
  expect(await parts(join(dir, "threads.xlsx"))).toEqual(await parts(join(dir, "one.xlsx")));
}, 60_000);

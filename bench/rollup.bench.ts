/**
 * The district roll-up on many units' workbooks, against the floor of merely loading them:
 *   node lib/bench/rollup.bench.js [files] [indicatorsPerFile]   (default 300 300)
 * Generates `files` workbooks of `indicatorsPerFile` indicators each (rollup-workbooks.ts),
 * then, in one run:
 *   - the floor: ExcelJS alone loading every file, one after another, summed;
 *   - the roll-up as `rollup --format json --out 汇总.xlsx` does it, in-process, with worker
 *     threads over the cores (the CLI's default when there are more files than cores);
 *   - the same on one thread;
 * and prints the ratios to the floor, in wall-clock time and in CPU time of every thread (the
 * steadier figure when other work shares the machine). Prints timings only; asserts nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as ExcelJS from "exceljs";
import { main as cliMain } from "../src/cli/main";
import { writeUnits } from "./rollup-workbooks";

interface Timing {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of the whole process (every thread): steadier when the machine is busy. */
  cpu: number;
}

async function time(work: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 300);
  const perFile = Number(process.argv[3] ?? 300);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollup-bench-"));
  try {
    const inputs = path.join(dir, "units");
    fs.mkdirSync(inputs);
    const paths = await writeUnits(inputs, files, perFile);
    const bytes = paths.reduce((s, p) => s + fs.statSync(p).size, 0);
    console.log(
      `${files} workbooks × ${perFile} indicators (${(bytes / 1e6).toFixed(1)} MB) on ${os.availableParallelism()} cores, Node ${process.version}`
    );
    const quiet = { stdout: () => undefined, stderr: () => undefined };
    const floor = await time(async () => {
      for (const p of paths) await new ExcelJS.Workbook().xlsx.readFile(p);
    });
    const run = (extra: string[]) => async () => {
      const out = path.join(dir, `汇总-${Math.random().toString(36).slice(2)}.xlsx`);
      const code = await cliMain(
        ["rollup", inputs, "--format", "json", "--out", out, "--quiet", ...extra],
        quiet
      );
      if (code !== 0) throw new Error(`rollup exited with ${code}`);
    };
    const parallel = await time(run([]));
    const single = await time(run(["--jobs", "1"]));
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const line = (label: string, t: Timing, goal = "") =>
      console.log(
        `  ${label.padEnd(36)}${ms(t.wall).padStart(9)}  = ${(t.wall / floor.wall).toFixed(2)}× the floor${goal}` +
          `   (CPU ${ms(t.cpu)} = ${(t.cpu / floor.cpu).toFixed(2)}×)`
      );
    console.log(
      `  ExcelJS load only, summed (floor):  ${ms(floor.wall).padStart(9)}   (CPU ${ms(floor.cpu)})`
    );
    line("rollup, worker threads:", parallel, " (goal ≤ 1.3×)");
    line("rollup, one thread:", single);
    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(`  load average ${load.join(" ")} (other work on the machine)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

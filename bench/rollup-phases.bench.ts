/**
 * Where the roll-up's time goes: the steps of `rollup --format json --out 汇总.xlsx` one by one,
 *   node lib/bench/rollup-phases.bench.js [files] [indicatorsPerFile] [jobs]   (default 300 300)
 * on the workbooks of rollup-workbooks.ts, taken as src/cli/rollup.ts takes them (the same
 * functions, in the same order; keep the two alike): reading (the main thread and the workers),
 * the roll-up, handing the roll-up to the worker that writes the workbook, the report and its
 * JSON on the main thread meanwhile, and the wait for the workbook. For each step: wall-clock
 * time, the main thread's busy time (event-loop utilisation: time in its own work, including
 * time the system gave its core to others) and the CPU time of the whole process (every
 * thread, the compiler's and the garbage collector's included). Prints timings only.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EventLoopUtilization, performance } from "perf_hooks";
import * as ExcelJS from "exceljs";
import { resolveOptions } from "../src/core";
import { UnitInput, districtReport, districtTitle, rollUp } from "../src/core/rollup";
import { readUnits } from "../src/cli/read-units";
import { rollupJson } from "../src/cli/render-rollup";
import { writeRollupWorkbook } from "../src/cli/rollup-workbook";
import { UnitWorkers, workerCount } from "../src/cli/unit-workers";
import { writeUnits } from "./rollup-workbooks";

interface Mark {
  wall: number;
  cpu: NodeJS.CpuUsage;
  loop: EventLoopUtilization;
}

function mark(): Mark {
  return {
    wall: performance.now(),
    cpu: process.cpuUsage(),
    loop: performance.eventLoopUtilization(),
  };
}

/** A step's line: wall-clock, the main thread's busy time, the process' CPU. */
function since(from: Mark, to: Mark): string {
  const wall = to.wall - from.wall;
  const busy = performance.eventLoopUtilization(to.loop, from.loop).utilization * wall;
  const cpu = (to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system) / 1000;
  const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(9);
  return `${ms(wall)}  main thread busy ${ms(busy)}  CPU ${ms(cpu)}`;
}

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 300);
  const perFile = Number(process.argv[3] ?? 300);
  const jobs = process.argv[4] !== undefined ? Number(process.argv[4]) : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollup-phases-"));
  try {
    const paths = await writeUnits(dir, files, perFile);
    const steps: [string, string][] = [];
    let last = mark();
    const step = (name: string) => {
      const now = mark();
      steps.push([name, since(last, now)]);
      last = now;
    };
    for (const p of paths) await new ExcelJS.Workbook().xlsx.readFile(p);
    step("floor: ExcelJS load only, summed");
    const engine = {};
    const workers = UnitWorkers.start(workerCount(paths.length, jobs), engine);
    const start = mark();
    last = start;
    try {
      const reads = await readUnits(paths, { engine, ...(workers ? { workers } : {}) });
      step(`read (main thread + ${workers?.size ?? 0} workers)`);
      const inputs = reads.flatMap((r): UnitInput[] => (r.kind === "unit" ? [r.input] : []));
      const resolved = resolveOptions(engine);
      const rollup = rollUp(inputs, [], resolved);
      step("roll-up");
      const workbook = writeRollupWorkbook(rollup, districtTitle(rollup, resolved), workers);
      step(workers ? "workbook handed to a worker" : "workbook built");
      const report = districtReport(rollup, resolved);
      const json = `${JSON.stringify(rollupJson(rollup, report), null, 2)}\n`;
      step(`report and JSON (${(json.length / 1e6).toFixed(0)} M characters)`);
      const bytes = await workbook;
      step(`workbook, the rest (${(bytes.length / 1e6).toFixed(1)} MB)`);
    } finally {
      await workers?.close();
    }
    steps.push(["roll-up, all steps", since(start, last)]);
    console.log(`${files} workbooks × ${perFile} indicators on ${os.availableParallelism()} cores`);
    for (const [name, line] of steps) console.log(`  ${name.padEnd(40)}${line}`);
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

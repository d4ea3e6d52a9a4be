/**
 * The district roll-up on many units' workbooks, against the floor of merely loading them:
 *   node lib/bench/rollup.bench.js [files] [indicatorsPerFile]   (default 300 300)
 * Generates `files` workbooks of `indicatorsPerFile` indicators each (the same names in every
 * unit, in two layouts, with 其中 rows and a few units in 元), then, in one run:
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

const LINES = ["就业", "社保", "卫健", "民政", "经济", "城管", "安全生产", "文化", "征兵", "党建"];
const UNITS = ["人", "户", "万元", "人次", "%", "家"];

function rows(count: number, unitIndex: number): [string, string, number, number, number][] {
  const out: [string, string, number, number, number][] = [];
  for (let k = 0; k < count; k++) {
    const unit = UNITS[k % UNITS.length];
    const yuan = unit === "万元" && unitIndex % 7 === 3;
    const scale = yuan ? 10000 : 1;
    const base = unit === "%" ? 90 : 100 + ((k * 37 + unitIndex * 11) % 900);
    const name = `${k % 9 === 8 ? "其中：" : ""}${LINES[k % LINES.length]}指标${k}`;
    out.push([
      name,
      yuan ? "元" : unit,
      base * scale,
      (base + ((k + unitIndex) % 13) - 4) * scale,
      (base - 5) * scale,
    ]);
  }
  return out;
}

async function writeUnit(file: string, unitIndex: number, count: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const name = `第${unitIndex + 1}街道`;
  const sheet = workbook.addWorksheet("指标");
  if (unitIndex % 2 === 0) {
    sheet.addRow([`${name}2023年主要指标完成情况`]);
    sheet.addRow(["指标名称", "单位", "年度目标", "完成", "上年同期"]);
    for (const r of rows(count, unitIndex)) sheet.addRow(r);
  } else {
    sheet.addRow([`填报单位：${name}`]);
    sheet.addRow(["项目", "计量单位", "计划数", "实际完成数", "去年同期数"]);
    for (const r of rows(count, unitIndex)) sheet.addRow(r);
  }
  await workbook.xlsx.writeFile(file);
}

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
    for (let u = 0; u < files; u++)
      await writeUnit(
        path.join(inputs, `第${String(u + 1).padStart(3, "0")}街道.xlsx`),
        u,
        perFile
      );
    const paths = fs.readdirSync(inputs).map((f) => path.join(inputs, f));
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

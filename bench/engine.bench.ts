/**
 * Load, engine and CLI timings on large generated workbooks, as ratios to the file-load floor:
 *   node lib/bench/engine.bench.js [indicatorCount ...]   (default 10000 100000)
 * Spreads the indicators over ~100 tables on 10 sheets: Excel tables and plain ranges with title
 * rows, 其中 rows, mixed units and a few bad cells. For each size, in one run and interleaved
 * (medians of several rounds), it times:
 *   - ExcelJS alone loading the file (the floor);
 *   - our read (zip guard + ExcelJS + toWorkbookModel), and toWorkbookModel alone;
 *   - analyzeWorkbook;
 *   - the rest of the CLI's json path (outline, report, toJsonReport, JSON.stringify);
 *   - the whole CLI `--format json`, in-process, and as a new process against a new process
 *     that only loads the file with ExcelJS;
 * then prints the ratios: CLI / ExcelJS load, engine / load, and each size against the first.
 * Prints timings only; asserts nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { analyzeWorkbook, toJsonReport } from "../src/core";
import { buildReport, parseOutline, withoutReportConfig } from "../src/core/report";
import { main as cliMain } from "../src/cli/main";
import { readWorkbookFile } from "../src/xlsx/read-file";
import { toWorkbookModel } from "../src/xlsx/read-workbook";
import { guardWorkbookZip } from "../src/xlsx/zip-guard";

const SHEETS = [
  "就业",
  "社保",
  "疫苗接种",
  "经济",
  "民政",
  "征兵",
  "卫健",
  "城管",
  "安全生产",
  "文化",
];
const TABLE_COUNT = 100;
const HEADERS = ["指标名称", "单位", "年度目标", "1—10月完成", "完成率", "上年同期", "同比"];
const BASE_NAMES = [
  "城镇新增就业",
  "城乡居民医保参保人数",
  "疫苗接种人数",
  "固定资产投资",
  "低保救助金发放",
  "征兵报名人数",
  "家庭医生签约人数",
  "违建拆除面积",
  "安全隐患整改",
  "文化活动场次",
];
const UNITS = ["人", "户", "万元", "亿元", "%", "家", "人次"];
const BAD_VALUES: ExcelJS.CellValue[] = ["待核实", "约500", "1,126", { error: "#N/A" }, "—"];

interface Row {
  name: string;
  unit: string;
  target: ExcelJS.CellValue;
  actual: ExcelJS.CellValue;
  previous: ExcelJS.CellValue;
  withRate: boolean;
}

/** Deterministic pseudo-random numbers, so every run benches the same workbook. */
function makeRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function buildRows(tableIndex: number, count: number, random: () => number): Row[] {
  const rows: Row[] = [];
  const base = BASE_NAMES[tableIndex % BASE_NAMES.length];
  for (let i = 0; rows.length < count; i++) {
    const unit = UNITS[(tableIndex + i) % UNITS.length];
    const target = unit === "%" ? 95 : Math.round(100 + random() * 20000);
    const actual =
      unit === "%"
        ? Math.round(900 + random() * 100) / 10
        : Math.round(target * (0.8 + random() * 0.4));
    const previous =
      unit === "%"
        ? Math.round(900 + random() * 100) / 10
        : Math.round(actual * (0.85 + random() * 0.25));
    const bad = random() < 0.02 ? BAD_VALUES[Math.floor(random() * BAD_VALUES.length)] : undefined;
    rows.push({
      name: `第${i + 1}社区${base}`,
      unit,
      target,
      actual: bad ?? actual,
      previous,
      withRate: i % 2 === 0,
    });
    if (i % 5 === 0 && rows.length < count && unit !== "%") {
      const part = Math.round(actual * 0.3);
      rows.push({
        name: "其中：高校毕业生",
        unit,
        target: null,
        actual: part,
        previous: null,
        withRate: false,
      });
    }
  }
  return rows;
}

function rowValues(row: Row, r: number): ExcelJS.CellValue[] {
  const numeric = typeof row.actual === "number" && typeof row.target === "number";
  const rate =
    row.withRate && numeric
      ? { formula: `D${r}/C${r}`, result: (row.actual as number) / (row.target as number) }
      : null;
  // A % indicator's change is in percentage points, not a ratio: leave its 同比 empty.
  const growth =
    typeof row.actual === "number" && typeof row.previous === "number" && row.unit !== "%"
      ? { formula: `D${r}/F${r}-1`, result: row.actual / row.previous - 1 }
      : null;
  return [row.name, row.unit, row.target, row.actual, rate, row.previous, growth];
}

/** Writes one table at `top` (1-based); returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, tableIndex: number, top: number, rows: Row[]): number {
  const asExcelTable = tableIndex % 2 === 0;
  ws.getCell(top, 1).value = `2023年${ws.name}工作指标完成情况（${tableIndex + 1}）`;
  ws.getCell(top + 1, 1).value = "填报单位：XX街道办事处";
  if (!asExcelTable) ws.mergeCells(top, 1, top, HEADERS.length);
  const headerRow = top + 2;
  const values = rows.map((row, i) => rowValues(row, headerRow + 1 + i));
  if (asExcelTable) {
    ws.addTable({
      name: `指标表${tableIndex + 1}`,
      ref: `A${headerRow}`,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: HEADERS.map((name) => ({ name })),
      rows: values,
    });
  } else {
    ws.getRow(headerRow).values = HEADERS;
    values.forEach((cells, i) => (ws.getRow(headerRow + 1 + i).values = cells));
  }
  rows.forEach((row, i) => {
    if (row.name.startsWith("其中")) ws.getCell(headerRow + 1 + i, 1).alignment = { indent: 1 };
    ws.getCell(headerRow + 1 + i, 5).numFmt = "0.00%";
    ws.getCell(headerRow + 1 + i, 7).numFmt = "0.00%";
  });
  return headerRow + rows.length + 3;
}

export function buildBenchWorkbook(indicatorCount: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheets = SHEETS.map((name) => workbook.addWorksheet(name));
  const nextRow = sheets.map(() => 1);
  const random = makeRandom(20231231);
  const perTable = Math.ceil(indicatorCount / TABLE_COUNT);
  for (let t = 0, written = 0; written < indicatorCount; t++) {
    const count = Math.min(perTable, indicatorCount - written);
    const s = t % sheets.length;
    nextRow[s] = writeTable(sheets[s], t, nextRow[s], buildRows(t, count, random));
    written += count;
  }
  return workbook;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Wall time of a new node process (its startup and module loading included). */
function timeProcess(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, {
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = performance.now() - start;
  if (child.status !== 0)
    throw new Error(`${args.join(" ")} exited with ${child.status}: ${child.stderr}`);
  return elapsed;
}

const ROOT = path.resolve(__dirname, "..", "..");
const CLI_BIN = path.join(ROOT, "bin", "indicator-report.js");

/** A process that loads the file with ExcelJS and nothing else: the floor of a CLI run. */
function floorScript(dir: string): string {
  const script = path.join(dir, "exceljs-load.js");
  fs.writeFileSync(
    script,
    `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
const bytes = require("fs").readFileSync(process.argv[2]);
new ExcelJS.Workbook().xlsx.load(bytes).then(() => undefined);
`
  );
  return script;
}

type LoadInput = Parameters<ExcelJS.Xlsx["load"]>[0];

type Measure =
  | "exceljsLoad"
  | "ourRead"
  | "toWorkbookModel"
  | "engine"
  | "reportJson"
  | "cliInProcess"
  | "exceljsProcess"
  | "cliProcess";

const LABELS: Record<Measure, string> = {
  exceljsLoad: "ExcelJS load alone (floor)",
  ourRead: "our read (guard + ExcelJS + toWorkbookModel)",
  toWorkbookModel: "  of which toWorkbookModel",
  engine: "analyzeWorkbook",
  reportJson: "outline + report + toJsonReport + stringify",
  cliInProcess: "CLI --format json, in-process",
  exceljsProcess: "new process: ExcelJS load alone",
  cliProcess: "new process: CLI --format json",
};

interface SizeResult {
  indicators: number;
  medians: Record<Measure, number>;
}

async function benchSize(indicatorCount: number, dir: string, rounds: number): Promise<SizeResult> {
  const file = path.join(dir, `bench-${indicatorCount}.xlsx`);
  console.log(
    `\n== ${indicatorCount} indicators (${TABLE_COUNT} tables on ${SHEETS.length} sheets) ==`
  );
  const write = await time(() => buildBenchWorkbook(indicatorCount).xlsx.writeFile(file));
  console.log(
    `file: ${(fs.statSync(file).size / 1024).toFixed(0)} KB, written by ExcelJS in ${ms(write)}`
  );
  const floor = floorScript(dir);
  const bytes = fs.readFileSync(file);
  const model = await readWorkbookFile(file);
  const guarded = guardWorkbookZip(bytes);
  const loadedGuarded = new ExcelJS.Workbook();
  await loadedGuarded.xlsx.load(guarded.bytes as unknown as LoadInput);
  const input = withoutReportConfig(model);
  const analysis = analyzeWorkbook(input);
  console.log(
    `found: ${analysis.tables.length} tables, ${analysis.indicators.length} indicators, ${analysis.findings.length} findings`
  );
  const sink = { stdout: () => undefined, stderr: () => undefined };
  const work: Record<Measure, () => Promise<unknown> | unknown> = {
    exceljsLoad: () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as LoadInput),
    ourRead: () => readWorkbookFile(file),
    toWorkbookModel: () => toWorkbookModel(loadedGuarded, guarded.sheets),
    engine: () => analyzeWorkbook(input),
    reportJson: () => {
      const report = buildReport(analysis, parseOutline(model, analysis));
      return JSON.stringify(toJsonReport(analysis, "bench.xlsx", report), null, 2);
    },
    cliInProcess: async () => {
      const code = await cliMain([file, "--format", "json"], sink);
      if (code !== 0) throw new Error(`the CLI exited with ${code}`);
    },
    exceljsProcess: () => timeProcess([floor, file]),
    cliProcess: () => timeProcess([CLI_BIN, file, "--format", "json"]),
  };
  const samples = Object.fromEntries(
    (Object.keys(work) as Measure[]).map((m) => [m, [] as number[]])
  ) as Record<Measure, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const measure of Object.keys(work) as Measure[]) {
      if (measure === "exceljsProcess" || measure === "cliProcess")
        samples[measure].push((await work[measure]()) as number);
      else samples[measure].push(await time(work[measure]));
    }
  }
  const medians = Object.fromEntries(
    (Object.keys(samples) as Measure[]).map((m) => [m, median(samples[m])])
  ) as Record<Measure, number>;
  for (const measure of Object.keys(samples) as Measure[])
    console.log(
      `${LABELS[measure].padEnd(48)} median ${ms(medians[measure]).padStart(9)}  (${samples[measure].map(ms).join(", ")})`
    );
  const m = medians;
  console.log("ratios:");
  console.log(
    `  CLI / ExcelJS load, in-process            ${ratio(m.cliInProcess, m.exceljsLoad)}`
  );
  console.log(
    `  CLI / ExcelJS load, new processes         ${ratio(m.cliProcess, m.exceljsProcess)}`
  );
  console.log(`  our read / ExcelJS load                   ${ratio(m.ourRead, m.exceljsLoad)}`);
  console.log(`  engine / ExcelJS load                     ${ratio(m.engine, m.exceljsLoad)}`);
  console.log(
    `  engine per indicator                      ${((m.engine * 1000) / analysis.indicators.length).toFixed(1)} µs`
  );
  console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
  return { indicators: indicatorCount, medians };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.length === 0) sizes.push(10000, 100000);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error("usage: engine.bench.js [indicatorCount ...]");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "indicator-bench-"));
  try {
    const results: SizeResult[] = [];
    for (const size of sizes) {
      // Fewer rounds on the big sizes: a round of 100 000 indicators takes tens of seconds.
      const rounds = size <= 20000 ? 5 : 3;
      results.push(await benchSize(size, dir, rounds));
    }
    const [first, ...rest] = results;
    for (const result of rest) {
      const size = result.indicators / first.indicators;
      console.log(`\n${result.indicators} vs ${first.indicators} (${size}x the indicators):`);
      for (const measure of [
        "exceljsLoad",
        "ourRead",
        "engine",
        "cliInProcess",
        "cliProcess",
      ] as Measure[])
        console.log(
          `  ${LABELS[measure].padEnd(48)} ${ratio(result.medians[measure], first.medians[measure])}`
        );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });

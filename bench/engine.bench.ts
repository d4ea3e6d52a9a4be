/**
 * Load and engine timings on a large generated workbook:
 *   node lib/bench/engine.bench.js [indicatorCount]   (default 10000)
 * Spreads the indicators over ~100 tables on 10 sheets: Excel tables and plain ranges with title
 * rows, 其中 rows, mixed units and a few bad cells. Prints timings only; asserts nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as ExcelJS from "exceljs";
import { analyzeWorkbook } from "../src/core";
import { readWorkbookFile } from "../src/xlsx/read-file";

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

function buildBenchWorkbook(indicatorCount: number): ExcelJS.Workbook {
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
  return `${Math.round(value)} ms`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function time<T>(work: () => Promise<T> | T): Promise<{ result: T; elapsed: number }> {
  const start = performance.now();
  const result = await work();
  return { result, elapsed: performance.now() - start };
}

async function main(): Promise<void> {
  const indicatorCount = Number(process.argv[2] ?? 10000);
  if (!Number.isInteger(indicatorCount) || indicatorCount <= 0)
    throw new Error("usage: engine.bench.js [indicatorCount]");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "indicator-bench-"));
  const file = path.join(dir, `bench-${indicatorCount}.xlsx`);
  try {
    console.log(
      `indicators generated: ${indicatorCount} (${TABLE_COUNT} tables on ${SHEETS.length} sheets)`
    );
    const write = await time(() => buildBenchWorkbook(indicatorCount).xlsx.writeFile(file));
    console.log(`file size: ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
    console.log(`write (ExcelJS, for info): ${ms(write.elapsed)}`);

    const load = await time(() => readWorkbookFile(file));
    console.log(`load: ${ms(load.elapsed)}`);

    const runs: number[] = [];
    let analysis: ReturnType<typeof analyzeWorkbook> | undefined;
    for (let i = 0; i < 3; i++) {
      const run = await time(() => analyzeWorkbook(load.result, { period: 10 }));
      runs.push(run.elapsed);
      analysis = run.result;
    }
    console.log(
      `engine: min ${ms(Math.min(...runs))}, median ${ms(median(runs))} (runs: ${runs.map(ms).join(", ")})`
    );
    if (analysis) {
      console.log(
        `found: ${analysis.tables.length} tables, ${analysis.indicators.length} indicators, ${analysis.findings.length} findings`
      );
    }
    console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

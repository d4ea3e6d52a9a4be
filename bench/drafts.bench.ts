/**
 * fill and check time against the size of the draft:
 *   node lib/bench/drafts.bench.js [maxKB]   (default 1024: drafts of 10 KB, 100 KB and 1 MB)
 * The drafts repeat the shapes that used to grow super-linearly: "城镇新增就业1," (one long
 * sentence of clauses), "全年完成城镇新增就业X人，" and a paragraph with 其中 and a rate. Each
 * size is timed on the sample workbook (median of 3); the ratios to the 10 KB time are printed
 * beside the size ratio, so that linear growth reads as ratios close to the sizes'.
 * Prints timings only; asserts nothing.
 */
import { performance } from "perf_hooks";
import { analyzeWorkbook } from "../src/core";
import { checkDraft, fillDraft, withoutReportConfig } from "../src/core/report";
import { toWorkbookModel } from "../src/xlsx/read-workbook";
import { buildSampleWorkbook } from "../samples/sample-workbook";

const PIECES = [
  "城镇新增就业1,",
  "全年完成城镇新增就业X人，",
  "全年完成城镇新增就业X人，其中高校毕业生X人、就业困难人员X人，完成目标任务的X%。",
  "城乡居民医保参保人数达24650人，完成目标任务的98.6%；",
];

function draftOf(bytes: number): string {
  let text = "";
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += PIECES[i % PIECES.length];
  return text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const maxKB = Number(process.argv[2] ?? 1024);
  const workbook = toWorkbookModel(buildSampleWorkbook());
  const analysis = analyzeWorkbook(withoutReportConfig(workbook));
  const sizes = [10, 100, 1024].filter((kb) => kb <= maxKB);
  const rows: { kb: number; fill: number; check: number }[] = [];
  for (const kb of sizes) {
    const draft = draftOf(kb * 1024);
    rows.push({
      kb,
      fill: time(() => fillDraft(draft, analysis)),
      check: time(() => checkDraft(draft, analysis)),
    });
  }
  const base = rows[0];
  console.log("draft     fill ms   ×      check ms  ×      (size ×)");
  for (const r of rows) {
    const size = (r.kb / base.kb).toFixed(1);
    console.log(
      `${`${r.kb} KB`.padEnd(9)} ${r.fill.toFixed(0).padStart(8)}  ${(r.fill / base.fill).toFixed(1).padStart(5)}  ` +
        `${r.check.toFixed(0).padStart(8)}  ${(r.check / base.check).toFixed(1).padStart(5)}  (${size})`
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

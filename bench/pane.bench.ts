/// <reference types="office-js" />
/**
 * The task pane's figures (issue "Fast at every size"), each beside its floor or goal:
 *   1. the JavaScript loaded before the first render, gzipped, against the bare
 *      Office-Addin-TaskPane-React template's 169 422 bytes;
 *   2. the pane on the 10 000-indicator workbook (buildBenchWorkbook, as bench/engine.bench.ts
 *      makes it) in headless Chromium, standalone mode: the time from choosing the file to the
 *      概览, and each tab's time from the click to its content, against the 1 s goal;
 *   3. the Office.js read's context.sync() count for 1, 10, 100 and 1 000 tables, against the
 *      strict fake of the Excel API (test/excel/fake-excel.ts): it must not grow with tables.
 * Printing only; nothing is asserted. Needs `npm run build` (dist/) for 1 and 2, and a
 * Chromium-family browser (CHROME_PATH, else /usr/bin/chromium); nothing is downloaded, and the
 * page's every request off this machine is refused.
 *
 * Usage: npm run bench:pane   (or node lib/bench/pane.bench.js [rounds], after both builds;
 *        PANE_DIST=dir measures another build of the pane)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import { createExcelHost } from "../src/excel/excel-host";
import { FakeExcel } from "../test/excel/fake-excel";
import { tablesWorkbook } from "../test/excel/workbooks";
import { buildBenchWorkbook } from "./engine.bench";

/** The repository: this file runs as lib/bench/pane.bench.js. */
const ROOT = [path.join(__dirname, ".."), path.join(__dirname, "..", "..")].find((dir) =>
  fs.existsSync(path.join(dir, "webpack.config.js"))
) as string;
/** The built pane: dist/, or another build's folder (PANE_DIST=dir, to compare two builds). */
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, "dist");

/** The bare template's first render, gzipped (the measure). */
const TEMPLATE_FIRST_RENDER_GZIP = 169_422;
/** Every tab visible within this long of a click, and the first 概览 within this of the read. */
const TAB_GOAL_MS = 1_000;
const INDICATORS = 10_000;
const TABLE_COUNTS = [1, 10, 100, 1_000];
const TABS = [
  { tab: "checks", shown: "[data-testid=finding]" },
  { tab: "report", shown: "[data-testid=paragraph]" },
  { tab: "draft", shown: "[data-testid=outline-section]" },
  { tab: "settings", shown: "[data-testid=settings]" },
  { tab: "overview", shown: "[data-testid=indicator-row]" },
];
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ratio = (value: number, floor: number) => `${(value / floor).toFixed(2)}×`;
const pad = (text: string, width: number) => text.padEnd(width);

function firstRender(): void {
  console.log("First render (gzipped JavaScript before the pane renders):");
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.log("  dist/ is not built: run npm run build first");
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { firstRenderJs } = require(path.join(ROOT, "scripts", "print-bundle-size.js")) as {
    firstRenderJs: (dir: string) => { gzip: number; scripts: string[] };
  };
  const js = firstRenderJs(DIST);
  console.log(
    `  ${js.gzip} bytes, ${ratio(js.gzip, TEMPLATE_FIRST_RENDER_GZIP)} the template's ` +
      `${TEMPLATE_FIRST_RENDER_GZIP} (${js.scripts.join(", ")})`
  );
}

async function tabTimes(rounds: number): Promise<void> {
  console.log(`\nThe pane on ${INDICATORS} indicators (standalone, headless Chromium):`);
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.log("  dist/ is not built: run npm run build first");
    return;
  }
  const executablePath = process.env.CHROME_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    console.log(`  no browser at ${executablePath}: set CHROME_PATH`);
    return;
  }
  const xlsx = Buffer.from(await buildBenchWorkbook(INDICATORS).xlsx.writeBuffer());
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serveDirectory } = require(path.join(ROOT, "scripts", "static-server.js")) as {
    serveDirectory: (dir: string, port: number) => Promise<StaticServer>;
  };
  const server = await serveDirectory(DIST, 0);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const times = new Map<string, number[]>();
  const add = (name: string, ms: number) => times.set(name, [...(times.get(name) ?? []), ms]);
  let runner = "";
  try {
    for (let round = 0; round < rounds; round++) {
      const context = await browser.newContext({
        viewport: { width: 450, height: 900 },
        locale: "zh-CN",
        serviceWorkers: "block",
      });
      // Nothing leaves the machine (office.js is not needed outside Excel). Only requests
      // elsewhere are routed: a routed request waits on this process, which would add to the
      // pane's own chunk loads.
      await context.route(
        (url) => !url.href.startsWith(server.url),
        (route) => route.abort("blockedbyclient")
      );
      const page = await context.newPage();
      await page.goto(`${server.url}taskpane.html`);
      await page.getByTestId("standalone-start").waitFor();
      // The read ends when the analysis starts (its progress), so its time is apart.
      await page.evaluate(() => {
        const w = window as unknown as { __bench: { analysing?: number } };
        w.__bench = {};
        new MutationObserver(() => {
          if (
            w.__bench.analysing === undefined &&
            document.querySelector("[data-testid=analysis-progress]")
          )
            w.__bench.analysing = performance.now();
        }).observe(document.body, { childList: true, subtree: true });
      });
      const started = await page.evaluate(() => performance.now());
      await page.getByTestId("file-input").setInputFiles({
        name: "大台账.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: xlsx,
      });
      await page.getByTestId("overview").waitFor({ timeout: 120_000 });
      const { shown, analysing } = await page.evaluate(() => ({
        shown: performance.now(),
        analysing: (window as unknown as { __bench: { analysing?: number } }).__bench.analysing,
      }));
      add("open → 概览", shown - started);
      if (analysing !== undefined) add("read → 概览", shown - analysing);
      runner = (await page.getByTestId("summary").getAttribute("data-runner")) ?? "";
      // The report is written after the 概览 shows: wait for it, so that a tab's time is its own.
      await page.getByTestId("report-state").waitFor({ timeout: 120_000 });
      add("open → report", (await page.evaluate(() => performance.now())) - started);
      for (const { tab, shown: selector } of TABS) {
        const clicked = Date.now();
        await page.getByTestId(`tab-${tab}`).click();
        await page.locator(selector).first().waitFor({ timeout: 60_000 });
        add(`→ ${tab}`, Date.now() - clicked);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    `  ${browser.version()}, median of ${rounds}; the analysis ran ` +
      (runner ? `on the ${runner} thread` : "on the main thread (a build without the worker)")
  );
  for (const [name, values] of times) {
    const ms = median(values);
    console.log(
      `  ${pad(name, 14)} ${String(Math.round(ms)).padStart(6)} ms  ${ratio(ms, TAB_GOAL_MS)} the ${TAB_GOAL_MS} ms goal`
    );
  }
}

async function syncCounts(): Promise<void> {
  console.log("\nOffice.js read (strict fake of the Excel API), context.sync() calls:");
  const counts: number[] = [];
  for (const tables of TABLE_COUNTS) {
    const fake = FakeExcel.fromModel(tablesWorkbook(tables));
    const host = createExcelHost(fake.run, fake.requirements("1.17"));
    const model = await host.read();
    counts.push(fake.syncCount);
    console.log(
      `  ${String(tables).padStart(5)} tables on ${String(model.sheets.length).padStart(3)} sheets: ` +
        `${fake.syncCount} syncs, ${ratio(fake.syncCount, counts[0])} the 1-table read's`
    );
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2]) || 3;
  console.log(
    `Pane bench on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}\n`
  );
  firstRender();
  await tabTimes(rounds);
  await syncCounts();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

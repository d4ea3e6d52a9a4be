/**
 * A big workbook's analysis off the main thread (src/taskpane/analysis): the 10 000-indicator
 * workbook of pane-big.e2e.test.ts, opened
 * - in standalone mode: the progress ("正在分析 10 张工作表…") shows, the analysis runs in the
 *   worker (a script of the pane's own origin, under the pages' policy), the page's own timer
 *   keeps running meanwhile (the main thread is free), and every tab then works;
 * - in Excel mode (the fake office.js over the strict fake of the Excel API): the host reads on
 *   the main thread, the worker analyses the plain model;
 * - in a page without Worker (an old webview): the main thread analyses, every tab works.
 * What is asserted is behaviour (where the analysis ran, what shows), never a time.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserContext, Page } from "playwright-core";
import { buildBenchWorkbook } from "../../bench/engine.bench";
import { WorkbookModel } from "../../src/core/workbook";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import type { FakeOfficeConfig } from "./fake-office/fake-office";
import {
  NetworkLog,
  StaticServer,
  assertBuilt,
  buildFakeOffice,
  guardedContext,
  launch,
  offMachine,
  serve,
  watchErrors,
} from "./harness";

jest.setTimeout(300_000);

const INDICATORS = 10_000;
const SHEETS = 10;
const EXCEL_HOST_INFO = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";

let server: StaticServer;
let browser: Browser;
let xlsx: Buffer;
let model: WorkbookModel;
let fakeOffice: string;
let tmp: string;

beforeAll(async () => {
  assertBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pane-worker-"));
  xlsx = Buffer.from(await buildBenchWorkbook(INDICATORS).xlsx.writeBuffer());
  [server, browser, fakeOffice, model] = await Promise.all([
    serve(path.join(__dirname, "..", "..", "dist")),
    launch(),
    buildFakeOffice(tmp),
    readWorkbookBuffer(xlsx, "大台账.xlsx"),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Pane {
  context: BrowserContext;
  page: Page;
  network: NetworkLog;
  errors: string[];
}

let open: Pane[] = [];

afterEach(async () => {
  const panes = open;
  open = [];
  for (const p of panes) {
    await p.context.close();
    expect(p.network.violations).toEqual([]);
    expect(offMachine(p.network)).toEqual([]);
    // (a policy violation would be a console error too)
    expect(p.errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
  }
});

/** What the page's recorder (below) noted. */
interface Ticks {
  ticks: number;
  /** The tick count when the analysis' progress first showed, and when the 概览 did. */
  atProgress: number;
  atOverview: number;
  /** The progress' texts and runners, in the order shown. */
  texts: string[];
  runners: string[];
}

/**
 * Before any of the page's scripts: a timer of the page's own, ticking, and a note of its count
 * when the worker's progress first shows and when the 概览 does. A main thread busy analysing
 * could not tick in between.
 */
function recordTicks(): void {
  const w = window as unknown as {
    __ticks: Ticks;
  };
  const t: Ticks = (w.__ticks = {
    ticks: 0,
    atProgress: -1,
    atOverview: -1,
    texts: [],
    runners: [],
  });
  setInterval(() => t.ticks++, 10);
  new MutationObserver(() => {
    const progress = document.querySelector("[data-testid=analysis-progress]");
    if (progress) {
      if (t.atProgress < 0) t.atProgress = t.ticks;
      const text = progress.textContent ?? "";
      if (!t.texts.includes(text)) t.texts.push(text);
      const runner = progress.getAttribute("data-runner") ?? "";
      if (!t.runners.includes(runner)) t.runners.push(runner);
    }
    if (t.atOverview < 0 && document.querySelector("[data-testid=overview]"))
      t.atOverview = t.ticks;
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

async function newPane(fake?: FakeOfficeConfig, noWorker = false): Promise<Pane> {
  const { context, network } = await guardedContext(
    browser,
    { viewport: { width: 450, height: 900 } },
    fake ? { officeJs: { file: fakeOffice } } : {}
  );
  await context.addInitScript(recordTicks);
  if (noWorker)
    await context.addInitScript(() => {
      // An engine without Worker (as some old webviews are).
      delete (window as unknown as { Worker?: unknown }).Worker;
    });
  if (fake)
    await context.addInitScript(
      (c) => {
        (window as unknown as { __fakeOfficeConfig: unknown }).__fakeOfficeConfig = c;
      },
      fake as unknown as Record<string, unknown>
    );
  const page = await context.newPage();
  const pane = { context, page, network, errors: watchErrors(page) };
  open.push(pane);
  return pane;
}

async function openFile(page: Page): Promise<void> {
  await page.goto(`${server.url}taskpane.html`);
  await page.getByTestId("standalone-start").waitFor();
  await page.getByTestId("file-input").setInputFiles({
    name: "大台账.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: xlsx,
  });
}

const ticks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ticks: Ticks }).__ticks);

/** What each tab shows once it has rendered. */
const TABS: { tab: string; shown: string }[] = [
  { tab: "checks", shown: "[data-testid=finding]" },
  { tab: "report", shown: "[data-testid=paragraph]" },
  { tab: "draft", shown: "[data-testid=outline-section]" },
  { tab: "settings", shown: "[data-testid=settings]" },
  { tab: "overview", shown: "[data-testid=indicator-row]" },
];

async function everyTabWorks(page: Page): Promise<void> {
  for (const { tab, shown } of TABS) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.locator(shown).first().waitFor({ timeout: 60_000 });
    expect([tab, await page.getByTestId("tab-error").count()]).toEqual([tab, 0]);
  }
  // The 文稿 tab fills a draft from the workbook's figures.
  await page.getByTestId("tab-draft").click();
  await page.getByTestId("draft-input").fill("城镇新增就业X人。");
  await page.getByTestId("draft-fill").click();
  await page.getByTestId("draft-result").waitFor({ timeout: 60_000 });
}

async function summary(page: Page): Promise<{ text: string; runner: string | null }> {
  const line = page.getByTestId("summary");
  return { text: await line.innerText(), runner: await line.getAttribute("data-runner") };
}

test(`standalone: ${INDICATORS} indicators are analysed in the worker, with progress`, async () => {
  const { page, network } = await newPane();
  await openFile(page);
  await page.getByTestId("overview").waitFor({ timeout: 120_000 });
  const shown = await summary(page);
  expect(shown.text).toContain(`${INDICATORS}项指标`);
  expect(shown.runner).toBe("worker");
  // The progress showed, from the worker (the page's recorder sees it however briefly).
  const t = await ticks(page);
  expect(t.texts[0]).toContain(`正在分析 ${SHEETS} 张工作表`);
  expect(t.runners).toEqual(["worker"]);
  // The page's own timer ran while the worker analysed. An analysis on the main thread lets
  // it through only where it yields (twice: before the analysis and before the report).
  expect(t.atProgress).toBeGreaterThanOrEqual(0);
  expect(t.atOverview - t.atProgress).toBeGreaterThan(2);
  // The worker is a script of the pane's own origin.
  const workerScripts = network.requests.filter((u) => /\/analysis-worker\.[0-9a-f]+\.js$/.test(u));
  expect(workerScripts).toHaveLength(1);
  expect(workerScripts[0].startsWith(server.url)).toBe(true);
  await everyTabWorks(page);
});

test(`Excel: ${INDICATORS} indicators read through Office.js, analysed in the worker`, async () => {
  const { page } = await newPane({ model, workbookName: "大台账.xlsx" });
  await page.goto(`${server.url}taskpane.html${EXCEL_HOST_INFO}`);
  await page.getByTestId("overview").waitFor({ timeout: 120_000 });
  const shown = await summary(page);
  expect(shown.text).toContain(`${INDICATORS}项指标`);
  expect(shown.runner).toBe("worker");
  const t = await ticks(page);
  expect(t.texts.some((text) => text.includes(`正在分析 ${SHEETS} 张工作表`))).toBe(true);
  expect(t.runners).toEqual(["worker"]);
  await everyTabWorks(page);
});

test("without Worker, the main thread analyses and every tab works", async () => {
  const { page, errors } = await newPane(undefined, true);
  await openFile(page);
  await page.getByTestId("overview").waitFor({ timeout: 120_000 });
  const shown = await summary(page);
  expect(shown.text).toContain(`${INDICATORS}项指标`);
  expect(shown.runner).toBe("main");
  expect((await ticks(page)).runners).not.toContain("worker");
  await everyTabWorks(page);
  expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
});

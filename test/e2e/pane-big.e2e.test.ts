/**
 * The task pane on a big workbook: 10 000 indicators (100 tables on 10 sheets, the workbook
 * bench/engine.bench.ts generates), opened in standalone mode from a generated .xlsx. Every tab
 * is opened in turn; on each the page's element count stays bounded (the chart draws tens of
 * bars, the lists show a page at a time), and "显示更多" adds one page, not the whole list.
 * The time each tab takes to show is printed, never asserted.
 */
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { buildBenchWorkbook } from "../../bench/engine.bench";
import {
  StaticServer,
  assertBuilt,
  guardedContext,
  launch,
  offMachine,
  screenshot,
  serve,
  watchErrors,
} from "./harness";

jest.setTimeout(240_000);

const INDICATORS = 10_000;
/** Elements the whole page may hold on any tab (a page of each list, the chart's first bars). */
const MAX_ELEMENTS = 4_000;

let server: StaticServer;
let browser: Browser;
let xlsx: Buffer;

beforeAll(async () => {
  assertBuilt();
  xlsx = Buffer.from(await buildBenchWorkbook(INDICATORS).xlsx.writeBuffer());
  server = await serve(path.join(__dirname, "..", "..", "dist"));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const elements = (page: Page) => page.evaluate(() => document.getElementsByTagName("*").length);

/** What each tab shows once it has rendered. */
const TABS: { tab: string; shown: string }[] = [
  { tab: "checks", shown: "[data-testid=checks], [data-testid=checks-none]" },
  { tab: "report", shown: "[data-testid=report]" },
  { tab: "draft", shown: "[data-testid=draft]" },
  { tab: "settings", shown: "[data-testid=settings]" },
  { tab: "overview", shown: "[data-testid=overview]" },
];

test(`opens ${INDICATORS} indicators and shows every tab with a bounded page`, async () => {
  const { context, network } = await guardedContext(browser, {
    viewport: { width: 450, height: 900 },
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const lines: string[] = [];
  try {
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("standalone-start").waitFor();
    const opened = Date.now();
    await page.getByTestId("file-input").setInputFiles({
      name: "大台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: xlsx,
    });
    await page.getByTestId("overview").waitFor({ timeout: 120_000 });
    lines.push(`open → 概览: ${Date.now() - opened} ms, ${await elements(page)} elements`);
    expect(await page.getByTestId("summary").innerText()).toContain(`${INDICATORS}项指标`);

    // The chart: a bounded view, by line of work, and the rest on demand.
    const bars = page.getByTestId("chart-bar");
    const barCount = await bars.count();
    expect(barCount).toBeGreaterThan(0);
    expect(barCount).toBeLessThanOrEqual(150);
    expect(await page.getByTestId("chart-group").count()).toBeGreaterThan(1);
    const chartMore = page.getByTestId("chart-more");
    expect(await chartMore.count()).toBeGreaterThan(0);
    expect(await elements(page)).toBeLessThan(MAX_ELEMENTS);
    await chartMore.first().click();
    const moreBars = await bars.count();
    expect(moreBars).toBeGreaterThan(barCount);
    expect(moreBars - barCount).toBeLessThanOrEqual(30);
    // A card lists a page of its indicators, and a page more on demand.
    const rows = page.getByTestId("indicator-row");
    const rowCount = await rows.count();
    expect(rowCount).toBeLessThan(400);
    await page.getByTestId("rows-more").first().click();
    expect(await rows.count()).toBeGreaterThan(rowCount);
    expect(await rows.count()).toBeLessThan(rowCount + 60);
    expect(await elements(page)).toBeLessThan(MAX_ELEMENTS);
    await screenshot(page, "big-overview");

    for (const { tab, shown } of TABS) {
      const started = Date.now();
      await page.getByTestId(`tab-${tab}`).click();
      await page.locator(shown).first().waitFor({ timeout: 60_000 });
      const ms = Date.now() - started;
      const count = await elements(page);
      lines.push(`→ ${tab}: ${ms} ms, ${count} elements`);
      expect([tab, count < MAX_ELEMENTS]).toEqual([tab, true]);
      await screenshot(page, `big-${tab}`);
    }
    // The lists of the other tabs are paged too.
    await page.getByTestId("tab-checks").click();
    const findings = page.getByTestId("finding");
    await findings.first().waitFor();
    const findingCount = await findings.count();
    expect(findingCount).toBeLessThan(200);
    await page.getByTestId("tab-report").click();
    await page.getByTestId("report").waitFor();
    expect(await page.getByTestId("paragraph").count()).toBeGreaterThan(0);
    expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
  } finally {
    // Times are printed for the record only: they depend on the machine.
    console.log(`Pane on ${INDICATORS} indicators:\n  ${lines.join("\n  ")}`);
    await context.close();
  }
  expect(network.violations).toEqual([]);
  expect(offMachine(network)).toEqual([]);
});

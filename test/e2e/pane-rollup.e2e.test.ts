/**
 * The standalone pane with several workbooks opened at once: the 汇总 view, in real headless
 * Chromium against the production build in dist/. The sample district (12 sub-districts, a
 * duplicate and a corrupt file) is written by samples/district-workbooks.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { Browser, BrowserContext, Page } from "playwright-core";
import { CORRUPT_FILE, DISTRICT, DUPLICATE, writeDistrict } from "../../samples/district-workbooks";
import {
  ARTIFACTS,
  NetworkLog,
  StaticServer,
  assertBuilt,
  guardedContext,
  launch,
  offMachine,
  screenshot,
  serve,
  watchErrors,
} from "./harness";

jest.setTimeout(90_000);

let server: StaticServer;
let browser: Browser;
let dir: string;
let files: string[];

beforeAll(async () => {
  assertBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pane-rollup-"));
  files = await writeDistrict(dir);
  server = await serve(path.join(__dirname, "..", "..", "dist"));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Session {
  context: BrowserContext;
  page: Page;
  network: NetworkLog;
  errors: string[];
}

let open: Session[] = [];

async function openPane(options: Parameters<typeof guardedContext>[1] = {}): Promise<Session> {
  const { context, network } = await guardedContext(browser, options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const session = { context, page, network, errors };
  open.push(session);
  await page.goto(`${server.url}taskpane.html`);
  await page.getByTestId("standalone-start").waitFor();
  return session;
}

afterEach(async () => {
  const sessions = open;
  open = [];
  for (const s of sessions) {
    await s.context.close();
    expect(s.network.violations).toEqual([]);
    expect(offMachine(s.network)).toEqual([]);
    expect(s.errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
  }
});

/** The district's 城镇新增就业, summed here from the ground truth the workbooks were written from. */
const JOBS = DISTRICT.reduce((sum, unit) => sum + (unit.figures.jobs?.actual ?? 0), 0);

async function openDistrict(page: Page): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(files);
  await page.getByTestId("rollup").waitFor({ timeout: 60_000 });
}

describe("汇总 of several workbooks in the standalone pane", () => {
  it("rolls up the district: units, files left out, totals, paragraphs", async () => {
    const { page } = await openPane();
    await openDistrict(page);
    expect(await page.getByTestId("rollup-headline").innerText()).toBe(
      "汇总12个街道（报告期：全年）"
    );
    const left = page.getByTestId("rollup-not-counted");
    expect(await left.innerText()).toContain("2份文件未计入");
    const duplicate = left.locator(`li[data-file="${DUPLICATE.file}"]`);
    expect(await duplicate.innerText()).toContain(`与${DUPLICATE.of}相同`);
    const corrupt = left.locator(`li[data-file="${CORRUPT_FILE}"]`);
    expect(await corrupt.innerText()).toMatch(/无法读取：.*不是 Excel 工作簿/);

    const jobs = page.locator('[data-testid=rollup-row][data-indicator="城镇新增就业"]');
    expect(await jobs.getByTestId("rollup-total").innerText()).toBe(`${JOBS}人`);
    expect(await jobs.getByTestId("rollup-reported").innerText()).toMatch(/^12\/12/);
    // A rate is not summed; its district value is weighted by the bases every unit gives.
    const pension = page.locator('[data-testid=rollup-row][data-indicator="基本养老保险参保率"]');
    let weighted = 0;
    let bases = 0;
    for (const unit of DISTRICT) {
      const base = unit.figures.pensionBase?.actual ?? NaN;
      weighted += (unit.figures.pension?.actual ?? NaN) * base;
      bases += base;
    }
    expect(await pension.getByTestId("rollup-total").innerText()).toBe(
      `${Number((weighted / bases).toFixed(2))}%`
    );
    expect(await pension.innerText()).toContain("加权");
    const retail = page.locator('[data-testid=rollup-row][data-indicator="社会消费品零售总额"]');
    expect(await retail.getByTestId("rollup-reported").innerText()).toMatch(/^11\/12/);

    const findings = page.getByTestId("rollup-findings");
    expect(await findings.innerText()).toContain(CORRUPT_FILE);
    const report = await page.getByTestId("rollup-report").innerText();
    expect(report).toContain("全区完成城镇新增就业");
    expect(report).toContain(`全区完成城镇新增就业${JOBS}人`);
    await screenshot(page, "rollup-01-view");
  });

  it("downloads the 汇总 workbook, its totals as SUM formulas", async () => {
    const { page } = await openPane();
    await openDistrict(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("rollup-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("汇总.xlsx");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const saved = path.join(ARTIFACTS, "rollup-汇总.xlsx");
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const sheet = book.getWorksheet("汇总");
    expect(sheet).toBeDefined();
    const sums: { row: number; formula: string; result: unknown }[] = [];
    let jobsRow = 0;
    sheet?.eachRow((row, number) =>
      row.eachCell((cell) => {
        if (cell.value === "城镇新增就业") jobsRow = number;
        if (cell.formula && /^SUM\(/i.test(cell.formula))
          sums.push({ row: number, formula: cell.formula, result: cell.result });
      })
    );
    expect(sums.length).toBeGreaterThan(0);
    expect(jobsRow).toBeGreaterThan(0);
    expect(sums.find((s) => s.row === jobsRow)?.result).toBe(JOBS);
    await expect(page.getByTestId("rollup-notice").innerText()).resolves.toContain("已下载");
  });

  it("copies the district paragraphs", async () => {
    const { page, context } = await openPane();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url.replace(/\/$/, ""),
    });
    await openDistrict(page);
    await page.getByTestId("rollup-copy").click();
    await expect(page.getByTestId("rollup-notice").innerText()).resolves.toContain(
      "已复制到剪贴板"
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`全区完成城镇新增就业${JOBS}人`);
  });

  it("fits a 320 px pane: the table scrolls inside its own box", async () => {
    const { page } = await openPane();
    await page.setViewportSize({ width: 320, height: 760 });
    await openDistrict(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(321);
    const box = page.getByTestId("rollup-table-scroll");
    const scroll = await box.evaluate((el) => ({
      scrolls: el.scrollWidth > el.clientWidth + 1,
      right: el.getBoundingClientRect().right,
    }));
    expect(scroll.right).toBeLessThanOrEqual(321);
    if (scroll.scrolls) expect(await box.getAttribute("tabindex")).toBe("0");
    await screenshot(page, "rollup-02-320px");
  });

  it("passes axe-core at 320 px", async () => {
    // axe is injected inline, which the page's CSP would refuse: this context bypasses it.
    const { page } = await openPane({ bypassCSP: true, viewport: { width: 320, height: 760 } });
    await openDistrict(page);
    await page.addScriptTag({
      content: fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"),
    });
    const violations = await page.evaluate(async () => {
      interface Result {
        violations: { id: string; nodes: { target: unknown[]; element?: Element }[] }[];
      }
      const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<Result> } }).axe;
      const result = await axe.run(document, { resultTypes: ["violations"], elementRef: true });
      // Fluent's focus trap places hidden focusable dummies (tabster): not the view's.
      return result.violations
        .map((v) => ({
          id: v.id,
          nodes: v.nodes
            .filter(
              (n) =>
                !(v.id === "aria-hidden-focus" && n.element?.hasAttribute("data-tabster-dummy"))
            )
            .map((n) => n.target.map(String).join(" ")),
        }))
        .filter((v) => v.nodes.length > 0);
    });
    expect(violations).toEqual([]);
  });

  it("with one file, opens the workbook as before", async () => {
    const { page } = await openPane();
    await page.getByTestId("file-input").setInputFiles(files[0]);
    await page.getByTestId("overview").waitFor();
    expect(await page.getByTestId("workbook-label").innerText()).toBe(DISTRICT[0].file);
    expect(await page.getByTestId("rollup").count()).toBe(0);
  });
});

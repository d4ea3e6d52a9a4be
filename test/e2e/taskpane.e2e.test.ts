/**
 * The task pane in real headless Chromium, in standalone mode: office.js (served from
 * node_modules) reports no Office host. Runs against the production build in dist/.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { Browser, BrowserContext, Page } from "playwright-core";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import {
  ARTIFACTS,
  NetworkLog,
  SAMPLES,
  StaticServer,
  assertBuilt,
  guardedContext,
  launch,
  offMachine,
  screenshot,
  serve,
  watchErrors,
} from "./harness";

jest.setTimeout(60_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  server = await serve(path.join(__dirname, "..", "..", "dist"));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  network: NetworkLog;
  errors: string[];
}

let open: Session[] = [];

async function openPane(
  query = "",
  options: Parameters<typeof guardedContext>[1] = {},
  guard: Parameters<typeof guardedContext>[2] = {}
): Promise<Session> {
  const { context, network } = await guardedContext(browser, options, guard);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const session = { context, page, network, errors };
  open.push(session);
  await page.goto(`${server.url}taskpane.html${query}`);
  return session;
}

afterEach(async () => {
  const sessions = open;
  open = [];
  for (const s of sessions) {
    await s.context.close();
    // Nothing may have been requested from another machine, except office.js answered locally.
    expect(s.network.violations).toEqual([]);
    expect(offMachine(s.network)).toEqual([]);
    expect(s.errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
  }
});

async function openSample(page: Page): Promise<void> {
  await page.getByTestId("open-sample").click();
  await page.getByTestId("overview").waitFor();
}

/** Fluent's Tab renders its label twice (one copy only reserves the bold width). */
function checksBadge(page: Page) {
  return page.getByTestId("tab-checks").getByTestId("checks-badge").first();
}

function indicatorRow(page: Page, name: string) {
  return page.locator(`[data-testid=indicator-row][data-indicator="${name}"]`);
}

describe("standalone task pane", () => {
  it("starts in standalone mode, office.js answered from node_modules", async () => {
    const { page, network } = await openPane();
    await page.getByTestId("standalone-start").waitFor();
    expect(await page.getByTestId("app").getAttribute("data-mode")).toBe("standalone");
    expect(network.servedLocally[0]).toBe(
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
    );
    await expect(page.getByTestId("standalone-start").innerText()).resolves.toContain(
      "打开示例工作簿"
    );
    await screenshot(page, "01-start");
    // office.js would load a telemetry frame from Microsoft 3 s after it starts: it must not.
    await page.waitForTimeout(3500);
  });

  it("has a network guard that catches a request to another machine", async () => {
    const { page, network } = await openPane();
    await page.getByTestId("standalone-start").waitFor();
    const outcome = await page.evaluate(() =>
      fetch("https://example.com/data.json").then(
        () => "reached",
        () => "blocked"
      )
    );
    expect(outcome).toBe("blocked");
    expect(network.violations).toEqual(["https://example.com/data.json"]);
    expect(offMachine(network)).toEqual(["https://example.com/data.json"]);
    // Seen: clear it, so that this test's own check passes.
    network.violations.length = 0;
    network.requests.splice(
      0,
      network.requests.length,
      ...network.requests.filter((u) => !u.includes("example.com"))
    );
  });

  it("shows the sample's figures on the overview", async () => {
    const { page } = await openPane();
    await openSample(page);
    expect(await page.getByTestId("workbook-label").innerText()).toBe("街道指标台账.xlsx");
    expect(await page.getByTestId("summary").innerText()).toBe("4张指标表 · 18项指标 · 全年");
    const row = indicatorRow(page, "城镇新增就业");
    expect(await row.getByTestId("figures").innerText()).toMatch(/^1126\s*\/ 1000人$/);
    expect(await row.getByTestId("rate").innerText()).toBe("112.6%");
    expect(await row.getByTestId("status-badge").innerText()).toBe("超额完成");
    expect(await row.getByTestId("growth").innerText()).toBe("同比+7.2%");
    const ceiling = indicatorRow(page, "城镇登记失业率");
    expect(await ceiling.getByTestId("figures").innerText()).toContain("控制在3.5%以内");
    expect(await page.getByTestId("chart-bar").count()).toBe(15);
    await screenshot(page, "02-overview");
  });

  it("counts findings on the checks tab; a click shows the cell in the preview", async () => {
    const { page } = await openPane();
    await openSample(page);
    expect(await checksBadge(page).innerText()).toBe("2");
    await page.getByTestId("tab-checks").click();
    expect(await page.getByTestId("checks-summary").innerText()).toContain(
      "错误2项，需核实1项，提示6项"
    );
    const errors = page.getByTestId("severity-error");
    expect(await errors.getByTestId("finding").count()).toBe(2);
    expect(await page.getByTestId("severity-warning").getByTestId("finding").count()).toBe(1);
    expect(await page.getByTestId("severity-info").getByTestId("finding").count()).toBe(6);
    await errors.locator("[data-code=VALUE_UNREADABLE]").click();
    const preview = page.getByTestId("sheet-preview");
    await preview.waitFor();
    expect(await page.getByTestId("preview-ref").innerText()).toBe("单元格 就业!G9");
    const selected = preview.locator("td[data-selected]");
    expect(await selected.getAttribute("data-address")).toBe("G9");
    expect(await selected.innerText()).toBe("待核实");
    // the table's name column stays in view
    expect(await preview.locator("td[data-address=B9]").innerText()).toBe("开发公益性岗位");
    await screenshot(page, "03-checks-preview");
  });

  it("writes the report with traceable numbers", async () => {
    const { page } = await openPane();
    await openSample(page);
    await page.getByTestId("tab-report").click();
    const first = page.getByTestId("paragraph-text").first();
    expect(await first.innerText()).toContain("完成城镇新增就业1126人，完成目标任务的112.6%");
    // the insert button is for Excel only
    expect(await page.getByTestId("insert").count()).toBe(0);

    const value = first.locator('[data-testid=source-number][data-ref="就业!E4"]', {
      hasText: /^1126$/,
    });
    await value.hover();
    const tooltip = page.locator("[role=tooltip]:visible");
    await expect(tooltip.innerText()).resolves.toContain("来源：就业!E4");
    await screenshot(page, "04-report-tooltip");

    const rate = first.getByTestId("source-number").filter({ hasText: /^112\.6%$/ });
    await rate.hover();
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[role=tooltip]")].some(
        (t) => (t as HTMLElement).offsetParent !== null && t.textContent?.includes("÷")
      )
    );
    expect(await page.locator("[role=tooltip]:visible").innerText()).toContain(
      "完成率 = 就业!E4 ÷ 就业!D4"
    );
    await rate.click();
    expect(await page.getByTestId("preview-ref").innerText()).toBe("单元格 就业!E4");

    const omitted = page.getByTestId("omitted");
    expect(await omitted.innerText()).toContain("税收收入（经济!A8）");
  });

  it("copies the report to the clipboard", async () => {
    const { page, context } = await openPane();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url.replace(/\/$/, ""),
    });
    await openSample(page);
    await page.getByTestId("tab-report").click();
    await page.getByTestId("copy").click();
    await expect(page.getByTestId("report-notice").innerText()).resolves.toContain(
      "已复制到剪贴板"
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(
      copied.startsWith("（一）就业工作\n2023年，完成城镇新增就业1126人，完成目标任务的112.6%")
    ).toBe(true);
    expect(copied).toContain("\n\n（四）投资与经济发展\n");
    await screenshot(page, "05-report-copied");
  });

  it("copies through a hidden textarea when the Clipboard API is refused", async () => {
    const { context, network } = await guardedContext(browser);
    await context.addInitScript(() => {
      const w = window as unknown as { __copied: string[] };
      w.__copied = [];
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      });
      document.execCommand = ((command: string) => {
        const active = document.activeElement as HTMLTextAreaElement | null;
        if (command === "copy" && active?.tagName === "TEXTAREA") w.__copied.push(active.value);
        return command === "copy";
      }) as typeof document.execCommand;
    });
    const page = await context.newPage();
    open.push({ context, page, network, errors: watchErrors(page) });
    await page.goto(`${server.url}taskpane.html`);
    await openSample(page);
    await page.getByTestId("tab-report").click();
    await page.getByTestId("copy").click();
    await expect(page.getByTestId("report-notice").innerText()).resolves.toContain(
      "已复制到剪贴板"
    );
    const copied = await page.evaluate(
      () => (window as unknown as { __copied: string[] }).__copied
    );
    expect(copied).toHaveLength(1);
    expect(copied[0].startsWith("（一）就业工作\n2023年，")).toBe(true);
  });

  it("downloads a copy of the workbook with a 报告 sheet", async () => {
    const { page } = await openPane();
    await openSample(page);
    await page.getByTestId("tab-report").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("write-sheet").click(),
    ]);
    expect(download.suggestedFilename()).toBe("街道指标台账-报告.xlsx");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const saved = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(saved);
    const copy = await readWorkbookBuffer(new Uint8Array(fs.readFileSync(saved)), saved);
    const report = copy.sheets.find((s) => s.name === "报告");
    expect(report?.rows[0]?.[0]?.value).toBe("（一）就业工作");
    expect(String(report?.rows[1]?.[0]?.value)).toContain("完成城镇新增就业1126人");
    await expect(page.getByTestId("report-notice").innerText()).resolves.toContain(
      "已下载副本“街道指标台账-报告.xlsx”"
    );
  });

  it("applies and keeps settings", async () => {
    const { page } = await openPane();
    await openSample(page);
    await page.getByTestId("tab-settings").click();
    await page.getByText("二〇二三年").click();
    await page.getByTestId("setting-period").selectOption("10");
    await screenshot(page, "06-settings");
    await page.getByTestId("tab-report").click();
    expect(await page.getByTestId("paragraph-text").first().innerText()).toMatch(
      /^二〇二三年1—10月，完成城镇新增就业1126人，完成全年目标的112.6%/
    );
    const stored = await page.evaluate(() => localStorage.getItem("indicator-report.settings"));
    expect(JSON.parse(stored ?? "{}")).toMatchObject({ period: 10, yearStyle: "chinese" });
    await page.reload();
    await openSample(page);
    expect(await page.getByTestId("summary").innerText()).toContain("1—10月");
  });

  it("opens the problem workbook through the file input", async () => {
    const { page } = await openPane();
    await page.getByTestId("standalone-start").waitFor();
    await page.getByTestId("file-input").setInputFiles(path.join(SAMPLES, "问题示例.xlsx"));
    await page.getByTestId("overview").waitFor();
    expect(await page.getByTestId("workbook-label").innerText()).toBe("问题示例.xlsx");
    expect(await checksBadge(page).innerText()).toBe("11");
    await page.getByTestId("tab-checks").click();
    const errors = page.getByTestId("severity-error");
    expect(await errors.getByTestId("severity-count").innerText()).toBe("11");
    expect(await errors.innerText()).toContain(
      "“城镇新增就业”完成数“一千二”无法识别为数字，请填写阿拉伯数字（如1126、4.2万）。"
    );
    await screenshot(page, "07-problem-checks");
    await page.getByTestId("tab-overview").click();
    expect(await indicatorRow(page, "城镇新增就业").getByTestId("status-badge").innerText()).toBe(
      "数据待核实"
    );
  });

  it("says why a file that is not a workbook cannot be opened", async () => {
    const { page } = await openPane();
    await page.getByTestId("file-input").setInputFiles({
      name: "台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("指标名称,目标,完成\n城镇新增就业,1000,1126\n"),
    });
    const error = page.getByTestId("open-error");
    await error.waitFor();
    expect(await error.innerText()).toContain("“台账.xlsx”不是 Excel 工作簿");
    await page.getByTestId("standalone-start").waitFor();
  });

  it("explains what it looks for when there is no indicator table", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRows([["会议纪要"], ["2023年10月"]]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { page } = await openPane();
    await page.getByTestId("file-input").setInputFiles({
      name: "空白.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    const empty = page.getByTestId("empty-state");
    await empty.waitFor();
    expect(await empty.innerText()).toContain("指标名称");
    expect(await page.getByTestId("tab-overview").count()).toBe(0);
    await screenshot(page, "08-empty");
    await page.getByTestId("empty-open-sample").click();
    await page.getByTestId("overview").waitFor();
    expect(await page.getByTestId("workbook-label").innerText()).toBe("街道指标台账.xlsx");
  });

  it("shows progress while a workbook takes a while to arrive", async () => {
    const { page, context } = await openPane();
    await context.route("**/samples/*.xlsx", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await route.continue();
    });
    await page.getByTestId("open-sample").click();
    await expect(page.getByText("正在打开“街道指标台账.xlsx”…").waitFor()).resolves.toBeUndefined();
    await page.getByTestId("overview").waitFor();
  });

  it("works without office.js (no network)", async () => {
    const { page, network } = await openPane("", {}, { officeJs: "unavailable" });
    await page.getByTestId("standalone-start").waitFor();
    expect(network.servedLocally).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js (refused: no network)",
    ]);
    await openSample(page);
    expect(await indicatorRow(page, "城镇新增就业").getByTestId("rate").innerText()).toBe("112.6%");
  });

  it("speaks English with ?lang=en, and follows a dark theme", async () => {
    const { page } = await openPane("?lang=en&theme=dark", { colorScheme: "dark" });
    await page.getByTestId("standalone-start").waitFor();
    expect(await page.getByTestId("standalone-start").innerText()).toContain(
      "Use it in the browser"
    );
    await openSample(page);
    expect(await page.getByTestId("tab-checks").innerText()).toContain("Checks");
    expect(await indicatorRow(page, "城镇新增就业").getByTestId("growth").innerText()).toBe(
      "YoY +7.2%"
    );
    await screenshot(page, "09-english-dark");
  });
});

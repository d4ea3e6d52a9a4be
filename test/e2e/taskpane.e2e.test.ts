/**
 * The task pane in real headless Chromium, in standalone mode: office.js (served from
 * node_modules) reports no Office host. Runs against the production build in dist/.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { Browser, BrowserContext, Page } from "playwright-core";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { CONFIG_SHEET, buildReportWorkbook } from "../../samples/report-workbook";
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
    // The page's CSP would refuse the request first (csp.e2e.test.ts); here the guard is tested.
    const { page, network } = await openPane("", { bypassCSP: true });
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
    // the report's digits ("同比增长7.24%")
    expect(await row.getByTestId("growth").innerText()).toBe("同比+7.24%");
    const ceiling = indicatorRow(page, "城镇登记失业率");
    expect(await ceiling.getByTestId("figures").innerText()).toContain("控制在3.5%以内");
    // 城乡居民医保缴费金额 is held back (its stated rate disagrees with its cells)
    expect(await page.getByTestId("chart-bar").count()).toBe(14);
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
    expect(await first.innerText()).toContain(
      "完成城镇新增就业1126人，其中高校毕业生就业320人，完成目标任务的112.6%"
    );
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

    // each section lists what it left out, with the cell to fix
    const omitted = page.getByTestId("omitted");
    expect(await omitted.count()).toBe(2);
    expect(await omitted.last().innerText()).toContain("税收收入（经济!D8）");
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
      copied.startsWith("2023年度工作总结\n一、就业工作\n2023年，完成城镇新增就业1126人，其中")
    ).toBe(true);
    expect(copied).toContain("\n四、投资与经济发展\n");
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
    expect(copied[0].startsWith("2023年度工作总结\n一、就业工作\n2023年，")).toBe(true);
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
    expect(report?.rows[0]?.[0]?.value).toBe("2023年度工作总结");
    expect(report?.rows[3]?.[0]?.value).toBe("一、就业工作");
    expect(String(report?.rows[4]?.[0]?.value)).toContain("完成城镇新增就业1126人");
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
      /^二〇二三年1—10月，完成城镇新增就业1126人，其中高校毕业生就业320人，完成全年目标的112.6%/
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
      "YoY +7.24%"
    );
    await screenshot(page, "09-english-dark");
  });
});

// ---------------------------------------------------------------------------
// 文稿: filling and checking drafts, the Word document, the outline

const DRAFT = "全年完成城镇新增就业X人，完成目标任务的X%；城镇登记失业率控制在X%以内。";
const FILLED = "全年完成城镇新增就业1126人，完成目标任务的112.6%；城镇登记失业率控制在3.5%以内。";
const WRONG = "全年完成城镇新增就业1162人，完成目标任务的112.6%；城镇登记失业率控制在3.5%以内。";

async function openDraftTab(page: Page): Promise<void> {
  await page.getByTestId("tab-draft").click();
  await page.getByTestId("draft-input").waitFor();
}

async function pasteDraft(page: Page, text: string): Promise<void> {
  await page.getByTestId("draft-input").fill(text);
}

/** The tooltip shown now (Fluent keeps hidden ones in the DOM). */
async function visibleTooltip(page: Page, containing: string): Promise<string> {
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll("[role=tooltip]")].some(
        (t) => (t as HTMLElement).offsetParent !== null && t.textContent?.includes(text)
      ),
    containing
  );
  return page.locator("[role=tooltip]:visible").innerText();
}

interface DocParagraph {
  style: string;
  text: string;
}

/** Body paragraphs of a .docx: style id and text. */
async function docxParagraphs(file: string): Promise<DocParagraph[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error(`${file} is not a .docx`);
  const body = xml.slice(xml.indexOf("<w:body>"));
  return [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1])?.[1] ?? "",
    text: [...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  }));
}

describe("文稿 tab", () => {
  it("fills a draft's X: numbers traceable to their cells, blanks explained, copied", async () => {
    const { page, context } = await openPane();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url.replace(/\/$/, ""),
    });
    await openSample(page);
    await openDraftTab(page);
    await pasteDraft(page, DRAFT);
    await page.getByTestId("draft-fill").click();
    const text = page.getByTestId("draft-text");
    expect(await text.innerText()).toBe(FILLED);
    expect(await page.getByTestId("draft-result").getAttribute("data-action")).toBe("fill");
    expect(await page.getByTestId("draft-summary").innerText()).toBe(
      "已填写 3 处 / 共 3 处，留空 0 处"
    );
    expect(await text.getByTestId("draft-number").allInnerTexts()).toEqual([
      "1126",
      "112.6",
      "3.5",
    ]);

    const value = text.locator('[data-testid=draft-number][data-ref="就业!E4"]', {
      hasText: /^1126$/,
    });
    await value.hover();
    const tip = await visibleTooltip(page, "来源：就业!E4");
    expect(tip).toContain("城镇新增就业 · 完成数");
    expect(tip).toContain("点击定位到 就业!E4");
    await screenshot(page, "14-draft-filled");
    await value.click();
    expect(await page.getByTestId("preview-ref").innerText()).toBe("单元格 就业!E4");

    await page.getByTestId("draft-copy").click();
    await expect(page.getByTestId("draft-notice").innerText()).resolves.toContain("已复制到剪贴板");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FILLED);

    // A placeholder the workbook cannot fill stays, highlighted, with the reason on hover.
    await pasteDraft(page, `${DRAFT}全年走访X个小区。`);
    await page.getByTestId("draft-fill").click();
    expect(await page.getByTestId("draft-summary").innerText()).toBe(
      "已填写 3 处 / 共 4 处，留空 1 处"
    );
    expect(await page.getByTestId("draft-text").innerText()).toBe(`${FILLED}全年走访X个小区。`);
    const left = page.getByTestId("draft-left");
    expect(await left.allInnerTexts()).toEqual(["X"]);
    await left.hover();
    expect(await visibleTooltip(page, "未找到对应指标")).toContain("未找到对应指标");
    expect(await page.getByTestId("draft-note").innerText()).toContain("X个");
    await screenshot(page, "15-draft-left-blank");

    // the draft and its result stay when coming back to the tab
    await page.getByTestId("tab-report").click();
    await openDraftTab(page);
    expect(await page.getByTestId("draft-input").inputValue()).toBe(`${DRAFT}全年走访X个小区。`);
    expect(await page.getByTestId("draft-summary").innerText()).toContain("留空 1 处");
  });

  it("checks a finished draft: the wrong number with its cell and the expected value", async () => {
    const { page } = await openPane();
    await openSample(page);
    await openDraftTab(page);
    await pasteDraft(page, WRONG);
    await page.getByTestId("draft-check").click();
    expect(await page.getByTestId("draft-result").getAttribute("data-action")).toBe("check");
    expect(await page.getByTestId("draft-summary").innerText()).toBe(
      "一致 2 处，不符 1 处，未能核对 0 处"
    );
    const text = page.getByTestId("draft-text");
    const wrong = text.getByTestId("draft-mismatch");
    expect(await wrong.allInnerTexts()).toEqual(["1162人"]);
    expect(await wrong.getAttribute("data-ref")).toBe("就业!E4");
    expect(await text.getByTestId("draft-expected").innerText()).toBe("应为1126人");
    expect(await text.getByTestId("draft-confirmed").allInnerTexts()).toEqual(["112.6%", "3.5%"]);
    await wrong.hover();
    const tip = await visibleTooltip(page, "数值不符");
    expect(tip).toContain("完成数为1126人（就业!E4）");
    expect(tip).toContain("应为1126人");
    const note = page.getByTestId("draft-notes-error").getByTestId("draft-note");
    expect(await note.count()).toBe(1);
    expect(await note.innerText()).toContain("就业!E4");
    await screenshot(page, "16-draft-checked");
    await note.locator("button").click();
    expect(await page.getByTestId("preview-ref").innerText()).toBe("单元格 就业!E4");

    await text.getByTestId("draft-confirmed").first().hover();
    expect(await visibleTooltip(page, "与工作簿一致")).toContain("与工作簿一致（112.6%）");
  });

  it("downloads the whole report as a Word document, loading docx only then", async () => {
    const { page, network } = await openPane();
    await openSample(page);
    await openDraftTab(page);
    expect(await page.getByTestId("outline-caption").getAttribute("data-source")).toBe("default");
    expect(await page.getByTestId("outline-heading").allInnerTexts()).toEqual([
      "一、就业工作",
      "二、社会保险工作",
      "三、疫苗接种工作",
      "四、投资与经济发展",
    ]);
    expect(await page.getByTestId("word-title").innerText()).toBe("2023年度工作总结");
    const isDocxChunk = (url: string) => /\/docx\.[0-9a-f]+\.js$/.test(url);
    expect(network.requests.filter(isDocxChunk)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-docx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("2023年度工作总结.docx");
    expect(network.requests.filter(isDocxChunk)).toHaveLength(1);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const saved = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(saved);
    const paragraphs = await docxParagraphs(saved);
    expect(paragraphs[0]).toEqual({ style: "Title", text: "2023年度工作总结" });
    expect(paragraphs).toContainEqual({ style: "Heading1", text: "一、就业工作" });
    const heading = paragraphs.findIndex((p) => p.text === "一、就业工作");
    expect(paragraphs[heading + 1].text).toContain(
      "完成城镇新增就业1126人，其中高校毕业生就业320人，完成目标任务的112.6%"
    );
    await expect(page.getByTestId("word-notice").innerText()).resolves.toContain(
      "已下载“2023年度工作总结.docx”"
    );
  });

  it("shows the sections of a 报告配置 sheet and the names it does not know", async () => {
    const workbook = buildReportWorkbook({ config: true });
    workbook.getWorksheet(CONFIG_SHEET)?.addRow(["（三）", "返乡创业", "农民工返乡创业", ""]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { page } = await openPane();
    await page.getByTestId("file-input").setInputFiles({
      name: "报告测试台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await page.getByTestId("overview").waitFor();
    // the outline sheet is no indicator table
    expect(await page.getByTestId("overview").innerText()).not.toContain("农民工返乡创业");
    await openDraftTab(page);
    expect(await page.getByTestId("outline-caption").innerText()).toBe(
      "报告结构（来自“报告配置”工作表）"
    );
    expect(await page.getByTestId("word-title").innerText()).toBe("2021年度工作总结");
    const headings = await page.getByTestId("outline-heading").allInnerTexts();
    expect(headings.slice(0, 3)).toEqual([
      "一、就业和社会保障",
      "（一）就业工作",
      "（二）社会保险",
    ]);
    expect(headings[headings.length - 1]).toBe("（三）返乡创业");
    const sections = page.getByTestId("outline-section");
    expect(await sections.nth(3).getByTestId("outline-covers").innerText()).toContain(
      "第一剂次接种"
    );
    const finding = page.getByTestId("outline-finding");
    expect(await finding.count()).toBe(1);
    expect(await finding.innerText()).toContain("未找到指标或类别“农民工返乡创业”");
    const ref = await finding.locator("button").getAttribute("data-ref");
    expect(ref).toMatch(/^报告配置!C\d+$/);
    await page.getByTestId("outline-findings-title").scrollIntoViewIfNeeded();
    await screenshot(page, "17-draft-outline");
    await finding.locator("button").click();
    expect(await page.getByTestId("preview-ref").innerText()).toBe(`单元格 ${ref}`);
    expect(await page.locator("[data-testid=sheet-preview] td[data-selected]").innerText()).toBe(
      "农民工返乡创业"
    );
  });

  for (const lang of ["zh", "en"] as const)
    it(`fits five tabs into a 350px pane (${lang})`, async () => {
      const { page } = await openPane(`?lang=${lang}`);
      await openSample(page);
      const tabs = ["overview", "checks", "report", "draft", "settings"];
      // 350px is Excel's usual pane width; 320px is about the narrowest it goes.
      for (const width of [350, 320]) {
        await page.setViewportSize({ width, height: 760 });
        const boxes = await Promise.all(
          tabs.map((t) => page.getByTestId(`tab-${t}`).boundingBox())
        );
        for (const box of boxes) {
          expect(box).not.toBeNull();
          expect(box!.x).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width).toBeLessThanOrEqual(width);
          expect(box!.y).toBe(boxes[0]!.y);
        }
        // no label is cut off
        for (const t of tabs.slice(0, 4)) {
          const cut = await page
            .getByTestId(`tab-${t}`)
            .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
          expect([width, t, cut]).toEqual([width, t, false]);
        }
      }
      await page.setViewportSize({ width: 350, height: 760 });
      const settings = page.getByTestId("tab-settings");
      const name = lang === "en" ? "Settings" : "设置";
      expect(await page.getByRole("tab", { name }).getAttribute("data-testid")).toBe(
        "tab-settings"
      );
      await settings.hover();
      expect(await visibleTooltip(page, name)).toBe(name);
      await screenshot(page, `18-tabs-${lang}`);
      await settings.click();
      await page.getByTestId("setting-period").waitFor();

      await openDraftTab(page);
      await pasteDraft(page, `${DRAFT}全年走访X个小区。`);
      await page.getByTestId("draft-fill").click();
      expect(await page.getByTestId("draft-summary").innerText()).toBe(
        lang === "en" ? "Filled 3 of 4 places, 1 left blank" : "已填写 3 处 / 共 4 处，留空 1 处"
      );
      // let the buttons' colour transitions end before the picture
      await page.mouse.move(1, 1);
      await page.waitForTimeout(300);
      await screenshot(page, `19-draft-${lang}`);
    });
});

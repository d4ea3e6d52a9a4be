/**
 * The task pane in Excel mode, in real headless Chromium: office.js is replaced by a fake that
 * reports Excel and runs Excel.run against the strict fake of the Excel API (the one src/excel is
 * tested with), holding the sample workbook. Covers what standalone mode cannot: selecting cells
 * in Excel, inserting into the selection, the 报告 sheet with its conflict dialog, settings in
 * the workbook, and the "out of date" state when the workbook changes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserContext, Page } from "playwright-core";
import { WorkbookModel } from "../../src/core/workbook";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import type { FakeOfficeConfig } from "./fake-office/fake-office";
import {
  NetworkLog,
  SAMPLES,
  StaticServer,
  assertBuilt,
  buildFakeOffice,
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
let fakeOffice: string;
let tmp: string;
let model: WorkbookModel;

beforeAll(async () => {
  assertBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fake-office-"));
  [server, browser, fakeOffice, model] = await Promise.all([
    serve(path.join(__dirname, "..", "..", "dist")),
    launch(),
    buildFakeOffice(tmp),
    readWorkbookFile(path.join(SAMPLES, "街道指标台账.xlsx")),
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
    expect(p.errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
  }
});

async function openInExcel(config: Partial<FakeOfficeConfig> = {}): Promise<Pane> {
  const { context, network } = await guardedContext(
    browser,
    {},
    { officeJs: { file: fakeOffice } }
  );
  const full: FakeOfficeConfig = { model, ...config };
  await context.addInitScript(
    (c) => {
      (window as unknown as { __fakeOfficeConfig: unknown }).__fakeOfficeConfig = c;
    },
    full as unknown as Record<string, unknown>
  );
  const page = await context.newPage();
  const pane = { context, page, network, errors: watchErrors(page) };
  open.push(pane);
  await page.goto(`${server.url}taskpane.html`);
  await page.getByTestId("overview").waitFor();
  return pane;
}

/** Runs code against the fake Excel in the page. */
function fake<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(() => { const fake = window.__fakeExcel; ${body} })()`) as Promise<T>;
}

describe("task pane in Excel", () => {
  it("reads the open workbook; a finding selects its cell in Excel", async () => {
    const { page } = await openInExcel();
    expect(await page.getByTestId("app").getAttribute("data-mode")).toBe("excel");
    expect(await page.getByTestId("workbook-label").innerText()).toBe("当前工作簿");
    expect(await page.getByTestId("summary").innerText()).toBe("4张指标表 · 18项指标 · 全年");
    await page.getByTestId("tab-checks").click();
    await page.locator("[data-code=VALUE_UNREADABLE]").click();
    await page.waitForFunction(() =>
      (window as unknown as { __fakeExcel: { actions: string[] } }).__fakeExcel.actions.some((a) =>
        a.startsWith("select ")
      )
    );
    const actions = await fake<string[]>(page, "return fake.actions;");
    expect(actions.filter((a) => a.startsWith("select "))).toEqual(["select 就业!G9"]);
    expect(await page.getByTestId("sheet-preview").count()).toBe(0);
  });

  it("fills a draft on the 文稿 tab; a filled number selects its cell in Excel", async () => {
    const { page } = await openInExcel();
    await page.getByTestId("tab-draft").click();
    await page.getByTestId("draft-input").fill("全年完成城镇新增就业X人，完成目标任务的X%。");
    await page.getByTestId("draft-fill").click();
    expect(await page.getByTestId("draft-text").innerText()).toBe(
      "全年完成城镇新增就业1126人，完成目标任务的112.6%。"
    );
    await page.locator('[data-testid=draft-number][data-ref="就业!E4"]').first().click();
    await page.waitForFunction(() =>
      (window as unknown as { __fakeExcel: { actions: string[] } }).__fakeExcel.actions.some((a) =>
        a.startsWith("select ")
      )
    );
    const actions = await fake<string[]>(page, "return fake.actions;");
    expect(actions.filter((a) => a.startsWith("select "))).toEqual(["select 就业!E4"]);
    expect(await page.getByTestId("sheet-preview").count()).toBe(0);
  });

  it("inserts into the selected cell, asking before it overwrites", async () => {
    const { page } = await openInExcel();
    await page.getByTestId("tab-report").click();
    await fake(page, 'fake.select("说明", "D20");');
    await page.getByTestId("insert").click();
    await expect(page.getByTestId("report-notice").innerText()).resolves.toContain("已插入到");
    expect(await fake<string>(page, 'return fake.text("说明", "D20");')).toMatch(
      /^（一）就业工作\n2023年，完成城镇新增就业1126人/
    );

    await fake(page, 'fake.select("就业", "B4");');
    await page.getByTestId("insert").click();
    const dialog = page.getByTestId("occupied-dialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("城镇新增就业");
    await page.waitForTimeout(500); // the dialog's fade-in
    await screenshot(page, "11-excel-occupied");
    await page.getByRole("button", { name: "取消" }).click();
    expect(await fake<string>(page, 'return fake.text("就业", "B4");')).toBe("城镇新增就业");

    await page.getByTestId("insert").click();
    await dialog.waitFor();
    await page.getByRole("button", { name: "覆盖" }).click();
    await expect(page.getByTestId("report-notice").innerText()).resolves.toContain("已插入到");
    expect(await fake<string>(page, 'return fake.text("就业", "B4");')).toMatch(/^（一）就业工作/);
  });

  it("writes the 报告 sheet and asks before overwriting the user's edits", async () => {
    const { page } = await openInExcel();
    await page.getByTestId("tab-report").click();
    await page.getByTestId("write-sheet").click();
    await expect(page.getByTestId("report-notice").innerText()).resolves.toMatch(
      /已新建并写入“报告”工作表（\d+个单元格）/
    );
    expect(await fake<string>(page, 'return fake.text("报告", "A1");')).toBe("（一）就业工作");
    expect(await fake<string>(page, 'return fake.text("报告", "A2");')).toContain(
      "完成城镇新增就业1126人"
    );

    await fake(page, 'fake.userEdit("报告", "A2", "我改过的段落");');
    await page.getByTestId("write-sheet").click();
    const dialog = page.getByTestId("conflict-dialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("A2");
    expect(await dialog.innerText()).toContain("我改过的段落");
    await page.waitForTimeout(500); // the dialog's fade-in
    await screenshot(page, "12-excel-conflict");
    await page.getByRole("button", { name: "覆盖" }).click();
    await expect(page.getByTestId("report-notice").innerText()).resolves.toContain(
      "写入“报告”工作表"
    );
    expect(await fake<string>(page, 'return fake.text("报告", "A2");')).toContain(
      "完成城镇新增就业1126人"
    );
  });

  it("marks the report out of date when the workbook changes, then refreshes", async () => {
    const { page } = await openInExcel();
    await fake(page, 'fake.userEdit("就业", "E4", 1200);');
    const stale = page.getByTestId("stale");
    await stale.waitFor();
    expect(await stale.innerText()).toContain("已过期");
    await screenshot(page, "10-excel-stale");
    await stale.waitFor({ state: "detached", timeout: 10_000 });
    const row = page.locator('[data-testid=indicator-row][data-indicator="城镇新增就业"]');
    expect(await row.getByTestId("rate").innerText()).toBe("120%");
  });

  it("keeps settings in the workbook", async () => {
    const { page } = await openInExcel();
    await page.getByTestId("tab-settings").click();
    await page.getByText("二〇二三年").click();
    await page.waitForFunction(() =>
      (window as unknown as { __fakeExcel: { actions: string[] } }).__fakeExcel.actions.some((a) =>
        a.startsWith("settings.add")
      )
    );
    const saved = await fake<string>(
      page,
      "return JSON.stringify([...fake.settings.values()].map(String));"
    );
    expect(saved).toContain("chinese");
    expect(await page.getByTestId("settings").innerText()).toContain("设置保存在本工作簿中");
  });

  it("follows Office's display language and dark theme", async () => {
    const { page } = await openInExcel({
      displayLanguage: "en-US",
      bodyBackgroundColor: "#1F1F1F",
    });
    expect(await page.getByTestId("workbook-label").innerText()).toBe("This workbook");
    expect(await page.getByTestId("tab-report").innerText()).toBe("Report");
    const background = await page
      .getByTestId("app")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.getByTestId("tab-report").click();
    await screenshot(page, "13-excel-english-dark");
  });
});

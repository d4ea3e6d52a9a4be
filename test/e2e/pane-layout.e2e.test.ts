/**
 * The task pane as it reads at Excel's pane widths (320 and 450 px), in standalone mode on the
 * sample workbook: the report's lines break like Chinese (no line starts with closing
 * punctuation, a number stays with its unit, no justified gaps), the report's numbers take one
 * tab stop per paragraph, each tab opens at its top, the chart's labels are whole and readable,
 * one figure has one text in the chart, the cards and the report, and notices fit the pane.
 * Measured on the rendered lines (a Range per character), not on the markup.
 */
import * as path from "path";
import { Browser, BrowserContext, Page } from "playwright-core";
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

const WIDTHS = [320, 450] as const;
/** What may not open a line in Chinese text. */
const NO_LINE_START = "，。；：、！？%）》”’";
/** What belongs to the number before it: its unit, a scale, a qualifier, closing punctuation. */
const STAYS_WITH_NUMBER = /[%‰万亿元人户家次个名座条件张份项起倍余多，。；：、）]/;

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

async function openSample(width: number, query = "", dark = false): Promise<Page> {
  const { context, network } = await guardedContext(browser, {
    viewport: { width, height: 760 },
    colorScheme: dark ? "dark" : "light",
  });
  const page = await context.newPage();
  open.push({ context, page, network, errors: watchErrors(page) });
  await page.goto(`${server.url}taskpane.html${query}`);
  await page.getByTestId("open-sample").click();
  await page.getByTestId("overview").waitFor();
  return page;
}

interface LineReport {
  lines: number;
  /** "，：…text of the line" for each line opening with a character that may not. */
  badStarts: string[];
  /** "986万|元": a number whose unit or closing punctuation went to the next line. */
  splits: string[];
  /** Widest Chinese character over the font size: 1 when set solid, more when justified. */
  widestIdeograph: number;
}

/** Lays out every report paragraph's characters on their rendered lines. */
async function measureReport(page: Page): Promise<LineReport> {
  return page.evaluate(
    ({ noStart, stays }) => {
      const staysRe = new RegExp(stays);
      const out = {
        lines: 0,
        badStarts: [] as string[],
        splits: [] as string[],
        widestIdeograph: 0,
      };
      for (const p of document.querySelectorAll<HTMLElement>("[data-testid=paragraph-text]")) {
        const chars: { ch: string; top: number; left: number; right: number; el: Element }[] = [];
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = [...range.getClientRects()].find((r) => r.width > 0);
            if (!rect) continue;
            chars.push({
              ch: text[i],
              top: rect.top,
              left: rect.left,
              right: rect.right,
              el: node.parentElement as Element,
            });
          }
        }
        const fontSize = parseFloat(getComputedStyle(p).fontSize);
        const lineOf: number[] = [];
        let line = 0;
        chars.forEach((c, i) => {
          if (i > 0 && c.top > chars[i - 1].top + 4) line++;
          lineOf.push(line);
        });
        out.lines += line + 1;
        chars.forEach((c, i) => {
          const starts = i === 0 || lineOf[i] !== lineOf[i - 1];
          if (starts && i > 0 && noStart.includes(c.ch))
            out.badStarts.push(
              chars
                .filter((_, k) => lineOf[k] === lineOf[i])
                .map((x) => x.ch)
                .join("")
                .slice(0, 12)
            );
          if (/[\u4e00-\u9fff]/.test(c.ch))
            out.widestIdeograph = Math.max(out.widestIdeograph, (c.right - c.left) / fontSize);
        });
        // a number (a source button) and what stays with it
        chars.forEach((c, i) => {
          const inNumber = c.el.closest("[data-testid=source-number]");
          if (!inNumber) return;
          const next = chars[i + 1];
          const sameNumber = next && next.el.closest("[data-testid=source-number]") === inNumber;
          if (!next) return;
          if ((sameNumber || staysRe.test(next.ch)) && lineOf[i + 1] !== lineOf[i])
            out.splits.push(`${inNumber.textContent}|${next.ch}`);
        });
      }
      return out;
    },
    { noStart: NO_LINE_START, stays: STAYS_WITH_NUMBER.source }
  );
}

describe("the report's lines at pane widths", () => {
  for (const width of WIDTHS)
    it(`breaks like Chinese at ${width}px`, async () => {
      const page = await openSample(width);
      await page.getByTestId("tab-report").click();
      await page.getByTestId("paragraph-text").first().waitFor();
      const report = await measureReport(page);
      console.log(`report at ${width}px: ${JSON.stringify(report)}`);
      expect(report.lines).toBeGreaterThan(10);
      expect(report.badStarts).toEqual([]);
      expect(report.splits).toEqual([]);
      // set solid, a Chinese character is one em wide; justified lines widen them
      expect(report.widestIdeograph).toBeLessThan(1.05);
      const align = await page
        .getByTestId("paragraph-text")
        .first()
        .evaluate((el) => getComputedStyle(el).textAlign);
      expect(["start", "left"]).toContain(align);
      await screenshot(page, `layout-report-${width}`);
    });
});

/** Presses Tab from `start` until focus leaves `within`; the stops inside, in order. */
async function tabStops(page: Page, start: string, within: string): Promise<string[]> {
  await page.getByTestId(start).focus();
  const stops: string[] = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || !el.closest(sel)) return undefined;
      return `${el.dataset.testid ?? el.tagName}:${el.textContent?.slice(0, 12) ?? ""}`;
    }, `[data-testid=${within}]`);
    if (stop === undefined) {
      if (stops.length > 0) break;
      continue;
    }
    stops.push(stop);
  }
  return stops;
}

describe("the report by keyboard", () => {
  it("takes one tab stop per paragraph's numbers; arrows move within", async () => {
    const page = await openSample(320);
    await page.getByTestId("tab-report").click();
    await page.getByTestId("paragraph-text").first().waitFor();
    const stops = await tabStops(page, "tab-report", "report");
    const numberStops = stops.filter((s) => s.startsWith("source-number"));
    const paragraphs = await page.getByTestId("paragraph-text").count();
    const numbers = await page.getByTestId("source-number").count();
    console.log(`report tab stops: ${stops.length}, of them numbers: ${numberStops.length}`);
    console.log(`(${numbers} numbers in ${paragraphs} paragraphs)`);
    expect(numbers).toBeGreaterThan(paragraphs);
    expect(numberStops.length).toBeLessThanOrEqual(paragraphs);
    // the arrow keys walk the first paragraph's numbers
    const first = page.getByTestId("paragraph-text").first();
    await first.getByTestId("source-number").first().focus();
    await page.keyboard.press("ArrowRight");
    const second = await first.getByTestId("source-number").nth(1).innerText();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await page.keyboard.press("End");
    const last = await first.getByTestId("source-number").last().innerText();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(last);
    // Enter on the focused number goes to its cell
    const ref = await first.getByTestId("source-number").last().getAttribute("data-ref");
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("preview-ref").innerText()).toBe(`单元格 ${ref}`);
  });
});

describe("the main job from the first screen", () => {
  it("leads with the report's state; one click opens it, focus on writing it", async () => {
    const page = await openSample(320);
    const state = page.getByTestId("report-state");
    expect(await state.innerText()).toMatch(/4节报告已生成/);
    expect(await state.innerText()).toMatch(/2项指标待修正数据后写入/);
    const box = await state.boundingBox();
    expect(box!.y).toBeLessThan(300); // on the first screen, above the chart
    await page.getByTestId("open-report").click();
    await page.getByTestId("report").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "write-sheet"
    );
    await screenshot(page, "layout-report-opened-320");
  });

  it("opens every tab at its top", async () => {
    const page = await openSample(320);
    const tabs = ["overview", "checks", "report", "draft", "settings", "report", "overview"];
    let previous = "overview";
    for (const tab of tabs.slice(1)) {
      // scrolled down on the tab before
      await page.getByTestId("content").evaluate((el) => el.scrollTo(0, el.scrollHeight));
      const scrolled = await page.getByTestId("content").evaluate((el) => el.scrollTop);
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForTimeout(100);
      const top = await page.getByTestId("content").evaluate((el) => el.scrollTop);
      expect([previous, scrolled >= 0, tab, top]).toEqual([previous, true, tab, 0]);
      previous = tab;
    }
  });
});

describe("the chart at pane widths", () => {
  for (const width of WIDTHS)
    it(`shows whole, unique labels of 12px or more at ${width}px`, async () => {
      const page = await openSample(width);
      const labels = page.getByTestId("chart-label");
      const count = await labels.count();
      expect(count).toBe(await page.getByTestId("chart-bar").count());
      const measured = await labels.evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          const bar = el.closest("[data-testid=chart-bar]")!.getBoundingClientRect();
          return {
            text: el.textContent ?? "",
            cut: el.scrollWidth > el.clientWidth + 1 || box.right > bar.right + 0.5,
            size: parseFloat(getComputedStyle(el).fontSize),
          };
        })
      );
      const cut = measured.filter((m) => m.cut || m.text.endsWith("…")).map((m) => m.text);
      console.log(`chart at ${width}px: ${count} labels, ${cut.length} cut`);
      expect(cut).toEqual([]);
      expect(new Set(measured.map((m) => m.text)).size).toBe(count);
      for (const m of measured) expect([m.text, m.size >= 12]).toEqual([m.text, true]);
      // one line of work's bars together, in the cards' order
      const groups = await page.getByTestId("chart-group").allInnerTexts();
      expect(new Set(groups).size).toBe(groups.length);
      const cards = await page.locator("[data-testid^=category-] h2").allInnerTexts();
      expect(groups).toEqual(cards.filter((c) => groups.includes(c)));
      await page.getByTestId("completion-chart").screenshot({
        path: path.join(ARTIFACTS, `layout-chart-${width}.png`),
      });
    });

  it("reaches the bars by keyboard: one tab stop, arrows, Enter selects", async () => {
    const page = await openSample(320);
    const bars = page.getByTestId("chart-bar");
    expect(await bars.evaluateAll((els) => els.filter((e) => e.tabIndex === 0).length)).toBe(1);
    await bars.first().focus();
    await page.keyboard.press("ArrowDown");
    const second = await bars.nth(1).getAttribute("data-indicator");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-indicator"))).toBe(
      second
    );
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("preview-ref").innerText()).toMatch(/^单元格 /);
  });

  it("gives one figure one text in the chart, the cards and the report", async () => {
    const page = await openSample(320);
    const bars = await page.getByTestId("chart-bar").evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute("data-indicator") ?? "",
        value: el.querySelector("[data-testid=chart-value]")?.textContent ?? "",
        color: el.querySelector("[data-color]")?.getAttribute("data-color") ?? "",
      }))
    );
    const fill = async (id: string) =>
      page.locator(`[data-testid=indicator-row][data-id="${id}"]`).evaluate((row) => ({
        rate: row.querySelector("[data-testid=rate]")?.textContent ?? "",
        completed: row.querySelector("[data-testid=figures] span")?.textContent ?? "",
        bar: row.querySelector("[role=progressbar] > *")
          ? getComputedStyle(row.querySelector("[role=progressbar] > *")!).backgroundColor
          : "",
      }));
    const cards = [];
    for (const bar of bars) cards.push({ bar, card: await fill(bar.id) });
    const chartFills = await page
      .getByTestId("chart-bar")
      .evaluateAll((els) =>
        els.map((el) => getComputedStyle(el.querySelector("[data-color]")!).backgroundColor)
      );
    await page.getByTestId("tab-report").click();
    await page.getByTestId("paragraph-text").first().waitFor();
    const numbers = new Set(await page.getByTestId("source-number").allInnerTexts());
    cards.forEach(({ bar, card }, i) => {
      expect([bar.id, [card.rate, card.completed].includes(bar.value)]).toEqual([bar.id, true]);
      expect([bar.id, numbers.has(bar.value) || numbers.has(bar.value.replace(/%$/, ""))]).toEqual([
        bar.id,
        true,
      ]);
      // one colour per status: the chart's bar and the card's bar
      expect([bar.id, chartFills[i]]).toEqual([bar.id, card.bar]);
    });
  });
});

/** Whether an element lies inside the viewport's width. */
async function insidePane(page: Page, selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      return box.left >= 0 && box.right <= document.documentElement.clientWidth + 0.5;
    })
  );
}

describe("messages and notices at 320px", () => {
  it("says why a file cannot be read: title, body and next step apart, closable, cleared", async () => {
    const { context, network } = await guardedContext(browser, {
      viewport: { width: 320, height: 760 },
    });
    const page = await context.newPage();
    open.push({ context, page, network, errors: watchErrors(page) });
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("file-input").setInputFiles({
      name: "损坏的台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("PK\u0003\u0004 not really a zip"),
    });
    const error = page.getByTestId("open-error");
    await error.waitFor();
    const title = await page.getByTestId("open-error-title").boundingBox();
    const body = await page.getByTestId("open-error-body").boundingBox();
    const next = await page.getByTestId("open-error-next").boundingBox();
    expect(title!.y + title!.height).toBeLessThanOrEqual(body!.y + 0.5);
    expect(body!.y + body!.height).toBeLessThanOrEqual(next!.y + 0.5);
    expect(await page.getByTestId("open-error-body").innerText()).toContain("损坏的台账.xlsx");
    expect(await page.getByTestId("open-error-next").innerText()).toMatch(/其他文件/);
    expect(
      await insidePane(page, "[data-testid=open-error], [data-testid=open-error-close]")
    ).toEqual([true, true]);
    await screenshot(page, "layout-open-error-320");
    await page.getByTestId("open-error-close").click();
    expect(await error.count()).toBe(0);

    // shown again, then gone once another workbook is read
    await page.getByTestId("file-input").setInputFiles({
      name: "损坏的台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("PK\u0003\u0004 not really a zip"),
    });
    await error.waitFor();
    await page.getByTestId("open-sample").click();
    await page.getByTestId("overview").waitFor();
    expect(await error.count()).toBe(0);
  });

  it("keeps the report's notices inside the pane", async () => {
    const page = await openSample(320);
    await page.getByTestId("tab-report").click();
    await Promise.all([page.waitForEvent("download"), page.getByTestId("write-sheet").click()]);
    const notice = page.getByTestId("report-notice");
    await notice.waitFor();
    expect(
      await insidePane(page, "[data-testid=report-notice], [data-testid=report-notice] button")
    ).toEqual([true, true]);
    const wide = await notice.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(wide).toBe(false);
    await screenshot(page, "layout-report-notice-320");
  });

  it("shows the example table's header words whole at 320px", async () => {
    const ExcelJS = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRows([["会议纪要"]]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { context, network } = await guardedContext(browser, {
      viewport: { width: 320, height: 760 },
    });
    const page = await context.newPage();
    open.push({ context, page, network, errors: watchErrors(page) });
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("file-input").setInputFiles({
      name: "空白.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await page.getByTestId("empty-state").waitFor();
    const cut = await page
      .getByTestId("example-table")
      .locator("td")
      .evaluateAll((tds) =>
        tds.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent)
      );
    expect(cut).toEqual([]);
    expect(await insidePane(page, "[data-testid=example-table]")).toEqual([true]);
    await screenshot(page, "layout-empty-320");
  });
});

describe("the sheet preview", () => {
  it("shows the table's header row and the whole value; Escape or another tab closes it", async () => {
    const page = await openSample(320);
    await page.getByTestId("tab-checks").click();
    await page.locator("[data-code=UNIT_SLIP], [data-code=VALUE_OUT_OF_SCALE]").first().click();
    const preview = page.getByTestId("sheet-preview");
    await preview.waitFor();
    const selected = preview.locator("td[data-selected]");
    const text = await selected.innerText();
    expect(text.length).toBeGreaterThan(0);
    expect(await selected.evaluate((td) => td.scrollWidth <= td.clientWidth + 1)).toBe(true);
    expect(await page.getByTestId("preview-value").innerText()).toContain(text);
    // the table's header row names the columns, above the rows shown
    const header = page.getByTestId("preview-header-row");
    expect(await header.count()).toBe(1);
    const names = (await header.locator("th").allInnerTexts()).slice(1).filter((t) => t.trim());
    expect(names.length).toBeGreaterThanOrEqual(3);
    const headerRow = Number(await header.locator("th").first().innerText());
    const firstRow = Number(await preview.locator("tbody tr th").first().innerText());
    expect(headerRow).toBeLessThan(firstRow);
    await screenshot(page, "layout-preview-320");
    await page.keyboard.press("Escape");
    expect(await preview.count()).toBe(0);

    await page.locator("[data-code=UNIT_SLIP], [data-code=VALUE_OUT_OF_SCALE]").first().click();
    await preview.waitFor();
    await page.getByTestId("tab-report").click();
    expect(await preview.count()).toBe(0);
  });

  it("has a main landmark, and focus on the tabs after opening the sample by keyboard", async () => {
    const { context, network } = await guardedContext(browser, {
      viewport: { width: 320, height: 760 },
    });
    const page = await context.newPage();
    open.push({ context, page, network, errors: watchErrors(page) });
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("open-sample").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("overview").waitFor();
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    expect(await page.locator("main").count()).toBe(1);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("[role=tabpanel][aria-labelledby]").count()).toBe(1);
  });
});

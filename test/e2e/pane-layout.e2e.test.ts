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

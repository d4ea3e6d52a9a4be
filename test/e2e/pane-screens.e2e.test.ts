/**
 * Screenshots of every tab of the pane at Excel's narrowest width (320 px), in the light and the
 * dark theme, on the sample workbook, as test artifacts to look at; each tab also opens with no
 * element wider than the pane.
 */
import * as path from "path";
import { Browser } from "playwright-core";
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

jest.setTimeout(120_000);

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

const TABS = ["overview", "checks", "report", "draft", "settings"];

for (const theme of ["light", "dark"] as const)
  it(`shows every tab at 320px in the ${theme} theme, nothing wider than the pane`, async () => {
    const { context, network } = await guardedContext(browser, {
      viewport: { width: 320, height: 760 },
      colorScheme: theme,
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${server.url}taskpane.html?theme=${theme}`);
      await page.getByTestId("open-sample").click();
      await page.getByTestId("overview").waitFor();
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click();
        // The pointer away first: a hovered tab's tooltip (设置's) hides after its delay.
        await page.mouse.move(1, 1);
        await page.waitForTimeout(400);
        const wide = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll<HTMLElement>("[data-testid=content] *")]
            .filter((el) => {
              const box = el.getBoundingClientRect();
              return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
            })
            .map((el) => `${el.tagName}.${el.dataset.testid ?? ""}`)
            .slice(0, 5);
        });
        expect([tab, wide]).toEqual([tab, []]);
        await screenshot(page, `screen-320-${theme}-${tab}`);
      }
    } finally {
      await context.close();
    }
    expect(network.violations).toEqual([]);
    expect(offMachine(network)).toEqual([]);
    expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
  });

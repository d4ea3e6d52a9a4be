/**
 * The built pages carry the Content-Security-Policy (scripts/csp.js) as a meta tag, the static
 * server sends it as a header, and the pane works under it with no violation reported: the
 * sample, every tab, a workbook through the file input (the lazily loaded reader and ExcelJS).
 */
import * as fs from "fs";
import * as path from "path";
import { Browser } from "playwright-core";
import {
  DIST,
  SAMPLES,
  StaticServer,
  assertBuilt,
  guardedContext,
  launch,
  serve,
  watchErrors,
} from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contentSecurityPolicy } = require("../../scripts/csp") as {
  contentSecurityPolicy: () => string;
};

jest.setTimeout(90_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  server = await serve(DIST);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const POLICY = contentSecurityPolicy();

describe("the policy", () => {
  test("names self and Office's CDN for scripts, self for connections, and never eval", () => {
    expect(POLICY).toContain("default-src 'self'");
    expect(POLICY).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(POLICY).toContain("connect-src 'self'");
    expect(POLICY).toMatch(/worker-src 'self'(;|$)/);
    expect(POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  test.each(["taskpane.html", "commands.html"])(
    "dist/%s has it as the first tag after the charset, and no inline script",
    (page) => {
      const html = fs.readFileSync(path.join(DIST, page), "utf8");
      const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
      const tags = head.match(/<[a-z]+\b[^>]*>/g) ?? [];
      expect(tags[0]).toBe("<head>");
      expect(tags[1]).toMatch(/^<meta charset/);
      expect(tags[2]).toContain("http-equiv=Content-Security-Policy");
      expect(tags[2]).toContain(`content="${POLICY}"`);
      // Every <script> has a src: an inline script would need a hash in the policy.
      for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toMatch(/\bsrc=/);
    }
  );

  test("the static server sends it as a header on the pages", async () => {
    const response = await fetch(`${server.url}taskpane.html`);
    expect(response.headers.get("content-security-policy")).toBe(POLICY);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("the dev server sends it, without a wildcard CORS header", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configure = require("../../webpack.config.js") as (
      env: Record<string, unknown>,
      options: Record<string, unknown>
    ) => Promise<{ devServer: { headers: Record<string, string> }; devtool: string }>;
    const config = await configure({}, { mode: "production" });
    expect(config.devServer.headers).toEqual({ "Content-Security-Policy": POLICY });
    expect(config.devtool).not.toMatch(/eval/);
  });
});

describe("the pane under the policy", () => {
  test("works with no violation reported", async () => {
    const { context, network } = await guardedContext(browser);
    // Collects every violation the page reports, from its first script on.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`)
      );
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    try {
      await page.goto(`${server.url}taskpane.html`);
      await page.getByTestId("open-sample").click();
      await page.getByTestId("overview").waitFor();
      for (const tab of ["checks", "report", "draft", "settings", "overview"]) {
        await page.getByTestId(`tab-${tab}`).click();
        await page.waitForTimeout(200);
      }
      await page.getByTestId("file-input").setInputFiles(path.join(SAMPLES, "问题示例.xlsx"));
      await page.getByTestId("workbook-label").filter({ hasText: "问题示例.xlsx" }).waitFor();
      expect(await violations()).toEqual([]);
      expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
      // The policy is in force: an inline script added to the page does not run, and is reported.
      const ran = await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.inlineRan = true";
        document.head.appendChild(script);
        return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
      });
      expect(ran).toBe(false);
      await page.waitForTimeout(200);
      expect((await violations()).join("\n")).toMatch(/script-src/);

      await page.goto(`${server.url}commands.html`);
      await page.waitForLoadState("load");
      expect(await violations()).toEqual([]);
      expect(network.violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The built WPS 表格 task pane (dist-wps/addin, `npm run build:wps`) in headless Chromium, with
 * the strict ET fake (test/wps/fake-et.ts) injected as window.Application before the page loads,
 * the way WPS provides it. From opening the pane to the paragraphs, the 报告 sheet written, and a
 * click on a number selecting its cell; no request leaves this machine.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "acorn";
import webpack from "webpack";
import { Browser, Page } from "playwright-core";
import { WorkbookModel } from "../../src/core/workbook";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import type { FakeWpsConfig } from "../wps/browser-fake";
import {
  NetworkLog,
  ROOT,
  SAMPLES,
  StaticServer,
  guardedContext,
  launch,
  offMachine,
  screenshot,
  serve,
  watchErrors,
} from "./harness";

jest.setTimeout(90_000);

const ADDIN = path.join(ROOT, "dist-wps", "addin");

let server: StaticServer;
let browser: Browser;
let fakeWps: string;
let tmp: string;
let model: WorkbookModel;

/** Bundles test/wps/browser-fake.ts for the browser into `outDir`. */
async function buildFakeWps(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    entry: path.join(ROOT, "test", "wps", "browser-fake.ts"),
    output: { path: outDir, filename: "fake-wps.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, "tsconfig.json"),
              compilerOptions: { module: "es2020" },
            },
          },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    })
  );
  return path.join(outDir, "fake-wps.js");
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ADDIN, "taskpane.html")))
    throw new Error("dist-wps/addin/taskpane.html is missing: run `npm run build:wps` first.");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fake-wps-"));
  [server, browser, fakeWps, model] = await Promise.all([
    serve(ADDIN),
    launch(),
    buildFakeWps(tmp),
    readWorkbookFile(path.join(SAMPLES, "街道指标台账.xlsx")),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openInWps(config: Partial<FakeWpsConfig> = {}): Promise<{
  page: Page;
  network: NetworkLog;
  errors: string[];
  close(): Promise<void>;
}> {
  const { context, network } = await guardedContext(browser);
  await context.addInitScript(
    (c) => {
      (window as unknown as { __fakeWpsConfig: unknown }).__fakeWpsConfig = c;
    },
    { model, ...config } as unknown as Record<string, unknown>
  );
  await context.addInitScript({ path: fakeWps });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}taskpane.html`);
  return { page, network, errors, close: () => context.close() };
}

function fake<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(() => { const fake = window.__fakeEt; ${body} })()`) as Promise<T>;
}

const selections = (page: Page) =>
  fake<string[]>(page, 'return fake.actions.filter((a) => a.startsWith("select "));');

test.each([
  ["the global Application", {}],
  ["wps.EtApplication() with members as methods", { viaWps: true, members: "method" as const }],
])("open → paragraphs → 报告 sheet → a click selects the cell (%s)", async (_name, config) => {
  const { page, network, errors, close } = await openInWps(config);
  try {
    await page.getByTestId("overview").waitFor();
    expect(await page.getByTestId("app").getAttribute("data-mode")).toBe("excel");
    expect(await page.getByTestId("workbook-label").innerText()).toBe("工作簿1.xlsx");
    expect(await page.getByTestId("summary").innerText()).toBe("4张指标表 · 18项指标 · 全年");

    await page.getByTestId("tab-report").click();
    const first = page.getByTestId("paragraph-text").first();
    await first.waitFor();
    expect(await first.innerText()).toContain("完成城镇新增就业1126人");

    await page.getByTestId("write-sheet").click();
    await expect(page.getByTestId("report-notice").innerText()).resolves.toMatch(
      /已新建并写入“报告”工作表（\d+个单元格）/
    );
    // Column A of the 报告 sheet: the heading, its paragraph under it, every cell as text.
    const cells = await fake<{ address: string; value: unknown; numFmt?: string }[]>(
      page,
      `const sheet = fake.activeBook.sheet("报告");
       return Array.from({ length: 60 }, (_, i) => ({ address: "A" + (i + 1), ...sheet.cell("A" + (i + 1)) }))
         .filter((c) => c.value !== undefined);`
    );
    // The employment section's heading ("一、就业工作" or "（一）就业工作"), its paragraph under it.
    const heading = cells.findIndex((c) =>
      /^[（(]?[一二三四五六七八九十]+[）)、]就业工作$/.test(String(c.value))
    );
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(String(cells[heading + 1].value)).toContain("完成城镇新增就业1126人");
    for (const cell of cells) expect(cell.numFmt).toBe("@");
    // Nothing but the 报告 sheet and the add-in's very hidden store sheet was written.
    const written = await fake<string[]>(
      page,
      "return [...new Set(fake.writes.map((w) => w.sheet))];"
    );
    expect(written.sort()).toEqual(["指标报告助手_设置", "报告"].sort());
    await screenshot(page, "20-wps-report");

    await page.locator('[data-testid=source-number][data-ref="就业!E4"]').first().click();
    await page.waitForFunction(() =>
      (window as unknown as { __fakeEt: { actions: string[] } }).__fakeEt.actions.some((a) =>
        a.startsWith("select ")
      )
    );
    expect(await selections(page)).toEqual(["select 就业!E4"]);
  } finally {
    await close();
  }
  expect(network.violations).toEqual([]);
  expect(offMachine(network)).toEqual([]);
  expect(network.requests.some((u) => u.includes("office.js"))).toBe(false);
  expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
});

test("opened in a plain browser (no WPS), the page is the standalone pane", async () => {
  const { context, network } = await guardedContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}taskpane.html`);
    await page.getByTestId("app").waitFor();
    expect(await page.getByTestId("app").getAttribute("data-mode")).toBe("standalone");
  } finally {
    await context.close();
  }
  expect(offMachine(network)).toEqual([]);
});

test("the build runs on the engine it targets: every script parses as ES2018 (Chromium 64), main.js as ES5", () => {
  const scripts = fs.readdirSync(ADDIN).filter((f) => f.endsWith(".js"));
  expect(scripts).toContain("main.js");
  for (const file of scripts) {
    const code = fs.readFileSync(path.join(ADDIN, file), "utf8");
    const ecmaVersion = file === "main.js" ? 5 : 2018;
    expect(() => parse(code, { ecmaVersion, sourceType: "script" })).not.toThrow();
  }
});

describe("npm run package:wps (on the build above)", () => {
  const run = (file: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(file, args, { env: { ...process.env, ...env }, encoding: "utf8" });

  test("writes everything an offline install needs, and its scripts install, update and uninstall", () => {
    const out = path.join(tmp, "package");
    run(process.execPath, [path.join(ROOT, "scripts", "package-wps.js"), "--out", out]);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const folder = `indicator-report_${version}`;
    expect(fs.readdirSync(out).sort()).toEqual(
      [
        folder,
        "install.bat",
        "install.sh",
        "jsplugins.xml",
        "oem.ini.txt",
        "publish.xml",
        "uninstall.bat",
        "uninstall.sh",
        "安装说明.txt",
      ].sort()
    );

    // The add-in folder: what WPS loads, and every script the pane's page and its chunks need.
    const addin = path.join(out, folder);
    for (const file of [
      "index.html",
      "main.js",
      "ribbon.xml",
      "taskpane.html",
      "assets/icon-80.png",
    ])
      expect(fs.existsSync(path.join(addin, file))).toBe(true);
    const page = fs.readFileSync(path.join(addin, "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).not.toMatch(/^(https?:)?\/\//);
      expect(fs.existsSync(path.join(addin, src))).toBe(true);
    }
    expect(fs.readdirSync(addin)).toEqual(fs.readdirSync(ADDIN));

    const publish = fs.readFileSync(path.join(out, "publish.xml"), "utf8");
    expect(publish).toContain(
      `<jsplugin name="indicator-report" type="et" url="${folder}" version="${version}"`
    );
    expect(fs.readFileSync(path.join(out, "jsplugins.xml"), "utf8")).toMatch(
      /<jspluginonline name="indicator-report" type="et" url="http:\/\/[^"]+\/indicator-report\/"/
    );
    expect(fs.readFileSync(path.join(out, "oem.ini.txt"), "utf8")).toMatch(
      /\[Support\]\r\nJsApiPlugin=true[\s\S]*\[Server\]\r\nJSPluginsServer=http:\/\/\S+\/jsplugins\.xml/
    );
    for (const bat of ["install.bat", "uninstall.bat"]) {
      const text = fs.readFileSync(path.join(out, bat), "utf8");
      expect(text).not.toMatch(/[^\r]\n/); // CRLF throughout
      expect(text).toContain("%APPDATA%\\kingsoft\\wps\\jsaddons");
    }
    expect(fs.readFileSync(path.join(out, "install.bat"), "utf8")).toContain(`"%HERE%${folder}"`);

    // Linux: install into a home of its own, next to another add-in; update; uninstall.
    const home = path.join(tmp, "home");
    const addons = path.join(home, ".local", "share", "Kingsoft", "wps", "jsaddons");
    fs.mkdirSync(path.join(addons, "indicator-report_0.0.9"), { recursive: true });
    fs.writeFileSync(
      path.join(addons, "publish.xml"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="other" type="wps" url="other_1.0" version="1.0"/>\n  <jsplugin name="indicator-report" type="et" url="indicator-report_0.0.9" version="0.0.9"/>\n</jsplugins>\n'
    );
    run("sh", [path.join(out, "install.sh")], { HOME: home });
    run("sh", [path.join(out, "install.sh")], { HOME: home });
    expect(fs.readdirSync(addons).sort()).toEqual([folder, "publish.xml"]);
    expect(fs.readFileSync(path.join(addons, folder, "ribbon.xml"), "utf8")).toContain(
      "指标报告助手"
    );
    const installed = fs.readFileSync(path.join(addons, "publish.xml"), "utf8");
    expect(installed.match(/name="indicator-report"/g)?.length).toBe(1);
    expect(installed).toContain(`url="${folder}"`);
    expect(installed).toContain('name="other"');

    run("sh", [path.join(out, "uninstall.sh")], { HOME: home });
    expect(fs.readdirSync(addons)).toEqual(["publish.xml"]);
    const after = fs.readFileSync(path.join(addons, "publish.xml"), "utf8");
    expect(after).not.toContain("indicator-report");
    expect(after).toContain('name="other"');
  });
});

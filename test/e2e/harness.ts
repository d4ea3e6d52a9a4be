/**
 * End-to-end harness: serves the built dist/ on 127.0.0.1 with a tiny static server and drives
 * a Chromium-family browser through playwright-core; no browser is downloaded. Which browser:
 * CHROME_PATH, else the machine's own Chrome, Chromium or Edge (Debian's /usr/bin/chromium in
 * CI), else the Chromium inside the @sparticuz/chromium dev dependency (scripts/find-browser.ts).
 * global-setup.ts prints once per run which one it is.
 *
 * Network guard: every request the page makes is recorded. Requests to this machine pass;
 * office.js (and the files it loads itself) are answered from the @microsoft/office-js package
 * in node_modules, so they never reach Microsoft's CDN; anything else is aborted and recorded as
 * a violation, which fails the test. Nothing the page asks for leaves the machine.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, BrowserContextOptions, Page, chromium } from "playwright-core";
import webpack from "webpack";
import {
  FoundBrowser,
  browserEnv,
  currentContext,
  describeBrowser,
  extractPackagedChromium,
  findBrowser,
  resolvePackage,
} from "../../scripts/find-browser";
import { StaticServer, serveDirectory } from "../../scripts/static-server";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const SAMPLES = path.join(ROOT, "samples");
export const ARTIFACTS = path.join(ROOT, "test-results", "e2e");
/** Debian's Chromium, the browser CI uses; found by the lookup below like any other. */
export const CHROMIUM = "/usr/bin/chromium";
/** Where the npm-packaged Chromium is decompressed (once; it is part of node_modules). */
export const BROWSER_CACHE = path.join(ROOT, "node_modules", ".cache", "indicator-report");
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type { StaticServer };

/** Serves `dir` read-only on 127.0.0.1 (a free port), with the server `npm run standalone` uses. */
export function serve(dir: string): Promise<StaticServer> {
  return serveDirectory(dir, 0);
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(DIST, "taskpane.html")))
    throw new Error("dist/taskpane.html is missing: run `npm run build` before the e2e tests.");
}

let chosen: Promise<FoundBrowser> | undefined;

/**
 * The browser the tests drive (the same answer for every call in a process): see the top of
 * this file. The npm-packaged Chromium is decompressed on first use.
 */
export function resolveBrowser(): Promise<FoundBrowser> {
  chosen ??= (async () => {
    const found = findBrowser(currentContext(), {
      installed: resolvePackage(ROOT),
      cacheRoot: BROWSER_CACHE,
    });
    if (!found.browser)
      throw new Error(
        "No Chrome, Chromium or Edge found, and no npm-packaged Chromium for this OS; " +
          "no browser is downloaded. Install one, or set CHROME_PATH to its executable. Tried:\n  " +
          found.tried.join("\n  ")
      );
    if (found.browser.source === "npm") await extractPackagedChromium(found.browser);
    return found.browser;
  })();
  return chosen;
}

/** One line naming the browser of this run and its version. */
export async function browserLine(): Promise<string> {
  const found = await resolveBrowser();
  const browser = await launch();
  try {
    return describeBrowser(found, browser.version());
  } finally {
    await browser.close();
  }
}

/**
 * Starts the browser of this run, in this process's environment (`env`: another one), with
 * what it needs added (scripts/find-browser.ts browserEnv: a UTF-8 locale on Linux, the
 * packaged Chromium's libraries).
 */
export async function launch(
  env: Record<string, string | undefined> = process.env
): Promise<Browser> {
  const found = await resolveBrowser();
  try {
    return await chromium.launch({
      executablePath: found.executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      env: browserEnv(found, process.platform, env) ?? (env === process.env ? undefined : env),
    });
  } catch (error) {
    throw new Error(
      `${describeBrowser(found)}\nbut it did not start${
        found.source === "npm" ? " (it needs the C library, libnss3, libnspr4 and libexpat)" : ""
      }: ${(error as Error).message}`
    );
  }
}

export interface NetworkLog {
  /** Every URL the pages of the context requested. */
  requests: string[];
  /** office.js files answered from node_modules. */
  servedLocally: string[];
  /** Requests for anything else off this machine: aborted, and a test failure. */
  violations: string[];
}

function isLocal(url: URL): boolean {
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    LOCAL_HOSTS.has(url.host.replace(/:\d+$/, ""))
  );
}

export interface GuardOptions {
  /**
   * Answer office.js from node_modules (default), fail it as if there were no network, or
   * answer it with a local file (a fake office.js that reports Excel).
   */
  officeJs?: "local" | "unavailable" | { file: string };
}

/** A browser context whose every request is checked (see the top of this file). */
export async function guardedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
  guard: GuardOptions = {}
): Promise<{ context: BrowserContext; network: NetworkLog }> {
  const context = await browser.newContext({
    viewport: { width: 350, height: 760 },
    locale: "zh-CN",
    acceptDownloads: true,
    serviceWorkers: "block",
    ...options,
  });
  const network: NetworkLog = { requests: [], servedLocally: [], violations: [] };
  context.on("request", (request) => network.requests.push(request.url()));
  await context.route("**/*", async (route) => {
    const raw = route.request().url();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      network.violations.push(raw);
      await route.abort("blockedbyclient");
      return;
    }
    if (url.protocol === "data:" || url.protocol === "blob:" || isLocal(url)) {
      await route.continue();
      return;
    }
    if (raw.startsWith(OFFICE_CDN) && typeof guard.officeJs === "object") {
      if (url.pathname.endsWith("/office.js")) {
        network.servedLocally.push(raw);
        await route.fulfill({
          path: guard.officeJs.file,
          contentType: "text/javascript; charset=utf-8",
        });
        return;
      }
    } else if (raw.startsWith(OFFICE_CDN)) {
      const file = path.resolve(
        OFFICE_DIST,
        url.pathname.slice(new URL(OFFICE_CDN).pathname.length)
      );
      if (
        guard.officeJs !== "unavailable" &&
        file.startsWith(OFFICE_DIST + path.sep) &&
        fs.existsSync(file)
      ) {
        network.servedLocally.push(raw);
        await route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
        return;
      }
      if (guard.officeJs === "unavailable") {
        // Simulates an intranet without internet: the CDN cannot be reached.
        network.servedLocally.push(`${raw} (refused: no network)`);
        await route.abort("internetdisconnected");
        return;
      }
    }
    network.violations.push(raw);
    await route.abort("blockedbyclient");
  });
  return { context, network };
}

/** Requests that went (or tried to go) anywhere but this machine, minus the routed office.js. */
export function offMachine(network: NetworkLog): string[] {
  const served = new Set(
    network.servedLocally.map((u) => u.replace(/ \(refused: no network\)$/, ""))
  );
  return network.requests.filter((raw) => {
    if (served.has(raw)) return false;
    try {
      const url = new URL(raw);
      return !(url.protocol === "data:" || url.protocol === "blob:" || isLocal(url));
    } catch {
      return true;
    }
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Collects uncaught page errors and console errors, which fail a test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/**
 * Bundles test/e2e/fake-office (office.js reporting Excel, over the Excel adapter's strict fake)
 * for the browser with webpack, into a temporary directory; returns the file.
 */
export async function buildFakeOffice(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    entry: path.join(__dirname, "fake-office", "fake-office.ts"),
    output: { path: outDir, filename: "fake-office.js" },
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
  return path.join(outDir, "fake-office.js");
}

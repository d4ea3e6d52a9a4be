import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tar from "tar";
import * as zlib from "zlib";
import {
  LookupContext,
  PackagedChromium,
  SKIP_SYSTEM_ENV,
  describeBrowser,
  extractPackagedChromium,
  findBrowser,
  launchEnv,
} from "../../scripts/find-browser";

/** A machine whose file system holds exactly `files`. */
function machine(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  files: string[],
  arch = "x64"
): LookupContext {
  const present = new Set(files);
  return { platform, arch, env, isFile: (file) => present.has(file) };
}

const PKG = { dir: "/repo/node_modules/@sparticuz/chromium", version: "147.0.0" };
const PKG_ARCHIVE = "/repo/node_modules/@sparticuz/chromium/bin/chromium.br";
const PKG_LIBS = "/repo/node_modules/@sparticuz/chromium/bin/al2023.tar.br";
const CACHE = "/repo/node_modules/.cache/indicator-report";
const options = { installed: PKG, cacheRoot: CACHE };

function chosen(ctx: LookupContext, opts = options): string | undefined {
  const found = findBrowser(ctx, opts);
  return found.browser?.executablePath;
}

describe("browser lookup on Windows", () => {
  const env = {
    ProgramFiles: "C:\\Program Files",
    "ProgramFiles(x86)": "C:\\Program Files (x86)",
    LOCALAPPDATA: "C:\\Users\\li\\AppData\\Local",
  };
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  const chrome = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
  const userChrome = "C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";

  it("finds Edge where Windows installs it", () => {
    const found = findBrowser(machine("win32", env, [edge]), options);
    expect(found.browser).toMatchObject({ source: "system", name: "Microsoft Edge" });
    expect(found.browser?.executablePath).toBe(edge);
  });

  it("prefers Chrome to Edge when both are installed", () => {
    expect(chosen(machine("win32", env, [edge, chrome]))).toBe(chrome);
  });

  it("finds a per-user Chrome under LOCALAPPDATA", () => {
    expect(chosen(machine("win32", env, [edge, userChrome]))).toBe(userChrome);
  });

  it("reads environment names in any case, as Windows does", () => {
    const lower = { programfiles: "D:\\Apps", localappdata: "D:\\Local" };
    const chromeOnD = "D:\\Apps\\Google\\Chrome\\Application\\chrome.exe";
    expect(chosen(machine("win32", lower, [chromeOnD]))).toBe(chromeOnD);
  });

  it("falls back to the default Program Files folders without the variables", () => {
    expect(chosen(machine("win32", {}, [edge]))).toBe(edge);
  });

  it("has no packaged Chromium: with no browser it says what it tried", () => {
    const found = findBrowser(machine("win32", env, [PKG_ARCHIVE]), options);
    expect(found.browser).toBeUndefined();
    if (found.browser === undefined) {
      expect(found.tried).toContain(edge);
      expect(found.tried).toContain(userChrome);
      expect(found.tried.join("\n")).toMatch(/Linux x64 only/);
    }
  });
});

describe("browser lookup on macOS", () => {
  const env = { HOME: "/Users/li", PATH: "/usr/bin:/bin" };
  const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
  const edge = "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
  const userChromium = "/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium";

  it("finds Chrome's bundle in /Applications", () => {
    const found = findBrowser(machine("darwin", env, [edge, chrome]), options);
    expect(found.browser).toMatchObject({ source: "system", name: "Google Chrome" });
    expect(found.browser?.executablePath).toBe(chrome);
  });

  it("finds Edge, and a Chromium in the user's own Applications folder", () => {
    expect(chosen(machine("darwin", env, [edge]))).toBe(edge);
    expect(chosen(machine("darwin", env, [userChromium]))).toBe(userChromium);
  });

  it("does not use the Linux-only packaged Chromium", () => {
    expect(findBrowser(machine("darwin", env, [PKG_ARCHIVE]), options).browser).toBeUndefined();
  });
});

describe("browser lookup on Linux", () => {
  const env = { PATH: "/home/li/bin:/usr/local/bin:/usr/bin" };

  it("takes the first of chromium, chromium-browser, google-chrome… on the PATH", () => {
    const found = findBrowser(
      machine("linux", env, ["/usr/local/bin/google-chrome", "/home/li/bin/chromium-browser"]),
      options
    );
    expect(found.browser).toMatchObject({ source: "system", name: "Chromium" });
    expect(found.browser?.executablePath).toBe("/home/li/bin/chromium-browser");
  });

  it("finds Debian's /usr/bin/chromium on the PATH", () => {
    expect(chosen(machine("linux", env, ["/usr/bin/chromium", PKG_ARCHIVE]))).toBe(
      "/usr/bin/chromium"
    );
  });

  it("finds google-chrome-stable and microsoft-edge", () => {
    expect(chosen(machine("linux", env, ["/usr/bin/google-chrome-stable"]))).toBe(
      "/usr/bin/google-chrome-stable"
    );
    expect(chosen(machine("linux", env, ["/usr/local/bin/microsoft-edge"]))).toBe(
      "/usr/local/bin/microsoft-edge"
    );
  });

  it("finds the usual paths even when the PATH does not include them", () => {
    expect(chosen(machine("linux", { PATH: "/opt/node/bin" }, ["/usr/bin/chromium"]))).toBe(
      "/usr/bin/chromium"
    );
    expect(chosen(machine("linux", {}, ["/opt/google/chrome/chrome"]))).toBe(
      "/opt/google/chrome/chrome"
    );
  });

  it("ignores relative PATH entries", () => {
    expect(
      chosen(machine("linux", { PATH: ".:bin" }, ["bin/chromium", "chromium", PKG_ARCHIVE]))
    ).toBe(path.posix.join(CACHE, "chromium-147.0.0", "chromium"));
  });

  it("falls back to the npm-packaged Chromium when there is no browser", () => {
    const found = findBrowser(machine("linux", env, [PKG_ARCHIVE]), options);
    expect(found.browser).toMatchObject({
      source: "npm",
      version: "147.0.0",
      archive: PKG_ARCHIVE,
      executablePath: path.posix.join(CACHE, "chromium-147.0.0", "chromium"),
    });
    expect(describeBrowser(found.browser!, "147.0.7727.0")).toMatch(
      /Chromium 147\.0\.7727\.0 from the npm package @sparticuz\/chromium 147\.0\.0 \(no Chrome, Chromium or Edge found/
    );
  });

  it("has no packaged Chromium on arm64, nor when the package is not installed", () => {
    expect(chosen(machine("linux", env, [PKG_ARCHIVE], "arm64"))).toBeUndefined();
    const found = findBrowser(machine("linux", env, []), { cacheRoot: CACHE });
    expect(found.browser).toBeUndefined();
    if (!found.browser) expect(found.tried.join("\n")).toMatch(/not installed: run npm install/);
  });

  it("brings the package's NSS libraries only to a machine without libnss3", () => {
    const bare = findBrowser(machine("linux", env, [PKG_ARCHIVE, PKG_LIBS]), options).browser;
    expect(bare).toMatchObject({
      source: "npm",
      libraries: { archive: PKG_LIBS, dir: `${CACHE}/chromium-147.0.0/al2023` },
    });
    expect(describeBrowser(bare!)).toMatch(/with the package's NSS libraries/);
    expect(launchEnv(bare as PackagedChromium, { LD_LIBRARY_PATH: "/mine" })).toMatchObject({
      LD_LIBRARY_PATH: `${CACHE}/chromium-147.0.0/al2023/lib:/mine`,
    });

    for (const nss of ["/usr/lib/x86_64-linux-gnu/libnss3.so", "/usr/lib64/libnss3.so"]) {
      const files = [PKG_ARCHIVE, PKG_LIBS, nss];
      const found = findBrowser(machine("linux", env, files), options).browser;
      expect(found).toMatchObject({ source: "npm" });
      expect(found).not.toHaveProperty("libraries");
      expect(launchEnv(found as PackagedChromium, {})).toBeUndefined();
    }
  });

  it(`skips the system's browsers when ${SKIP_SYSTEM_ENV} is set`, () => {
    const files = ["/usr/bin/chromium", PKG_ARCHIVE];
    const found = findBrowser(machine("linux", { ...env, [SKIP_SYSTEM_ENV]: "1" }, files), options);
    expect(found.browser?.source).toBe("npm");
    expect(describeBrowser(found.browser!)).toMatch(`(${SKIP_SYSTEM_ENV} is set)`);
  });
});

describe("CHROME_PATH", () => {
  it("comes before every other browser, on every OS", () => {
    const mine = "/home/li/chrome-linux/chrome";
    const files = [mine, "/usr/bin/chromium", PKG_ARCHIVE];
    const found = findBrowser(
      machine("linux", { CHROME_PATH: mine, PATH: "/usr/bin" }, files),
      options
    );
    expect(found.browser).toMatchObject({ source: "CHROME_PATH", executablePath: mine });
    const win = "D:\\Chrome\\chrome.exe";
    expect(chosen(machine("win32", { CHROME_PATH: win }, [win]))).toBe(win);
  });

  it("is an error when it names no file, rather than another browser", () => {
    const ctx = machine("linux", { CHROME_PATH: "/nope/chrome" }, ["/usr/bin/chromium"]);
    expect(() => findBrowser(ctx, options)).toThrow("CHROME_PATH=/nope/chrome is not a file");
  });

  it("wins over the test variable that skips system browsers", () => {
    const ctx = machine("linux", { CHROME_PATH: "/x/chrome", [SKIP_SYSTEM_ENV]: "1" }, [
      "/x/chrome",
      PKG_ARCHIVE,
    ]);
    expect(chosen(ctx)).toBe("/x/chrome");
  });
});

describe("decompressing the packaged Chromium", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "find-browser-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the brotli archive's content once, executable, without leftovers", async () => {
    const archive = path.join(dir, "chromium.br");
    const content = Buffer.from("#!/bin/sh\necho packaged\n".repeat(1000));
    fs.writeFileSync(archive, zlib.brotliCompressSync(content));
    const executablePath = path.join(dir, "cache", "chromium-1.0.0", "chromium");
    const packaged = { version: "1.0.0", archive, executablePath };

    expect(await extractPackagedChromium(packaged)).toBe(true);
    expect(fs.readFileSync(executablePath).equals(content)).toBe(true);
    if (process.platform !== "win32") expect(fs.statSync(executablePath).mode & 0o111).not.toBe(0);
    expect(fs.readdirSync(path.dirname(executablePath))).toEqual(["chromium"]);
    expect(await extractPackagedChromium(packaged)).toBe(false);
  });

  it("unpacks the libraries archive next to the browser when asked to", async () => {
    const archive = path.join(dir, "chromium.br");
    fs.writeFileSync(archive, zlib.brotliCompressSync(Buffer.from("binary")));
    fs.mkdirSync(path.join(dir, "src", "lib"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "lib", "libnss3.so"), "nss");
    const libs = path.join(dir, "al2023.tar.br");
    await tar.c({ file: libs, cwd: path.join(dir, "src"), brotli: true }, ["lib"]);
    const base = path.join(dir, "cache", "chromium-1");
    const packaged: PackagedChromium = {
      version: "1",
      archive,
      executablePath: path.join(base, "chromium"),
      libraries: { archive: libs, dir: path.join(base, "al2023") },
    };

    expect(await extractPackagedChromium(packaged)).toBe(true);
    expect(fs.readFileSync(path.join(base, "al2023", "lib", "libnss3.so"), "utf8")).toBe("nss");
    expect(fs.readdirSync(base).sort()).toEqual(["al2023", "chromium"]);
    expect(await extractPackagedChromium(packaged)).toBe(false);
  });

  it("leaves nothing behind when the archive is corrupt", async () => {
    const archive = path.join(dir, "chromium.br");
    fs.writeFileSync(archive, "not brotli at all");
    const executablePath = path.join(dir, "cache", "chromium");
    await expect(
      extractPackagedChromium({ version: "1", archive, executablePath })
    ).rejects.toThrow();
    expect(fs.readdirSync(path.join(dir, "cache"))).toEqual([]);
  });
});

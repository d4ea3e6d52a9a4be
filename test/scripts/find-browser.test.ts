import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tar from "tar";
import * as zlib from "zlib";
import {
  LookupContext,
  PackagedChromium,
  SKIP_SYSTEM_ENV,
  browserEnv,
  describeBrowser,
  extractPackagedChromium,
  findBrowser,
  launchEnv,
  systemBrowserCandidates,
  utf8LocaleEnv,
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

  it("finds a per-user Chromium, and the 64-bit Edge in Program Files", () => {
    const chromium = "C:\\Users\\li\\AppData\\Local\\Chromium\\Application\\chrome.exe";
    const edge64 = "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(chosen(machine("win32", env, [chromium]))).toBe(chromium);
    expect(chosen(machine("win32", env, [edge64]))).toBe(edge64);
    // A Chromium the user installed is tried before Edge, which comes with Windows.
    expect(chosen(machine("win32", env, [edge, edge64, chromium]))).toBe(chromium);
  });

  it("tries Chrome, then Chromium, then Edge, each in Program Files before the user's folder", () => {
    expect(systemBrowserCandidates(machine("win32", env, [])).map((c) => c.file)).toEqual([
      chrome,
      "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
      userChrome,
      "C:\\Users\\li\\AppData\\Local\\Chromium\\Application\\chrome.exe",
      "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe",
      edge,
      "C:\\Users\\li\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe",
    ]);
  });

  it("does not look under an empty or missing LOCALAPPDATA", () => {
    for (const local of [{}, { LOCALAPPDATA: "" }]) {
      const files = systemBrowserCandidates(machine("win32", local, [])).map((c) => c.file);
      expect(files).toHaveLength(4);
      expect(files.every((f) => /^C:\\Program Files/.test(f))).toBe(true);
    }
  });

  it("never takes a POSIX path on Windows, even when such a file exists", () => {
    const ctx = machine("win32", { ...env, PATH: "/usr/bin" }, ["/usr/bin/chromium"]);
    expect(chosen(ctx)).toBeUndefined();
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

  it("tries /Applications first, then ~/Applications, Chrome before Chromium and Edge", () => {
    expect(systemBrowserCandidates(machine("darwin", env, [])).map((c) => c.file)).toEqual([
      chrome,
      "/Users/li/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      userChromium,
      edge,
      "/Users/li/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ]);
  });

  it("looks only in /Applications without HOME, and never on the PATH", () => {
    const ctx = machine("darwin", { PATH: "/usr/local/bin" }, [
      userChromium,
      "/usr/local/bin/chromium",
    ]);
    expect(chosen(ctx)).toBeUndefined();
    expect(systemBrowserCandidates(ctx).every((c) => c.file.startsWith("/Applications/"))).toBe(
      true
    );
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

  it("finds Chrome and Edge under /opt, and the snap of Chromium", () => {
    for (const file of [
      "/opt/google/chrome/chrome",
      "/opt/microsoft/msedge/msedge",
      "/snap/bin/chromium",
    ])
      expect(chosen(machine("linux", { PATH: "/opt/node/bin" }, [file, PKG_ARCHIVE]))).toBe(file);
  });

  it("tries each command in every PATH folder before the next command", () => {
    const files = systemBrowserCandidates(machine("linux", { PATH: "/a:/b" }, [])).map(
      (c) => c.file
    );
    expect(files.slice(0, 4)).toEqual([
      "/a/chromium",
      "/b/chromium",
      "/a/chromium-browser",
      "/b/chromium-browser",
    ]);
    expect(files.slice(12)).toEqual([
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
      "/usr/bin/microsoft-edge",
      "/usr/bin/microsoft-edge-stable",
      "/opt/google/chrome/chrome",
      "/opt/microsoft/msedge/msedge",
      "/snap/bin/chromium",
    ]);
  });

  it("takes the packaged Chromium when the PATH holds no browser and /usr/bin none either", () => {
    // A PATH of Node and the shell only, as in a minimal container or a filtered test run.
    const ctx = machine("linux", { PATH: "/opt/node/bin:/bin" }, ["/bin/sh", PKG_ARCHIVE]);
    expect(findBrowser(ctx, options).browser).toMatchObject({
      source: "npm",
      why: "no Chrome, Chromium or Edge found on this machine",
    });
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

describe("the locale the browser is started in", () => {
  it("is left alone when it is UTF-8, in any of the usual spellings", () => {
    for (const env of [
      { LANG: "C.UTF-8" },
      { LANG: "zh_CN.UTF-8" },
      { LANG: "en_US.utf8" },
      { LANG: "C", LC_CTYPE: "zh_CN.UTF-8" },
      { LANG: "C", LC_ALL: "de_DE.UTF-8@euro" },
    ])
      expect(utf8LocaleEnv("linux", env)).toBeUndefined();
  });

  it("gets a UTF-8 character type on Linux without one (no LANG, C, POSIX, GB18030)", () => {
    expect(utf8LocaleEnv("linux", { PATH: "/bin" })).toEqual({ PATH: "/bin", LC_CTYPE: "C.UTF-8" });
    expect(utf8LocaleEnv("linux", { LANG: "C" })).toEqual({ LANG: "C", LC_CTYPE: "C.UTF-8" });
    expect(utf8LocaleEnv("linux", { LANG: "zh_CN.GB18030" })).toMatchObject({
      LANG: "zh_CN.GB18030",
      LC_CTYPE: "C.UTF-8",
    });
    // LC_CTYPE=POSIX is replaced, and LC_ALL, which overrides everything, is replaced itself.
    expect(utf8LocaleEnv("linux", { LANG: "C.UTF-8", LC_CTYPE: "POSIX" })).toMatchObject({
      LC_CTYPE: "C.UTF-8",
    });
    expect(utf8LocaleEnv("linux", { LANG: "zh_CN.UTF-8", LC_ALL: "C" })).toEqual({
      LANG: "zh_CN.UTF-8",
      LC_ALL: "C.UTF-8",
    });
  });

  it("is not touched on macOS and Windows", () => {
    expect(utf8LocaleEnv("darwin", {})).toBeUndefined();
    expect(utf8LocaleEnv("win32", { LANG: "C" })).toBeUndefined();
  });

  it("comes with the packaged Chromium's libraries when both are needed", () => {
    const bare = findBrowser(machine("linux", {}, [PKG_ARCHIVE, PKG_LIBS]), options).browser!;
    expect(browserEnv(bare, "linux", { PATH: "/bin" })).toEqual({
      PATH: "/bin",
      LD_LIBRARY_PATH: `${CACHE}/chromium-147.0.0/al2023/lib`,
      LC_CTYPE: "C.UTF-8",
    });
    expect(browserEnv(bare, "linux", { LANG: "C.UTF-8" })).toEqual({
      LANG: "C.UTF-8",
      LD_LIBRARY_PATH: `${CACHE}/chromium-147.0.0/al2023/lib`,
    });
    const system = findBrowser(
      machine("linux", { PATH: "/usr/bin" }, ["/usr/bin/chromium"]),
      options
    ).browser!;
    expect(browserEnv(system, "linux", { LANG: "C.UTF-8" })).toBeUndefined();
    expect(browserEnv(system, "linux", {})).toEqual({ LC_CTYPE: "C.UTF-8" });
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

/**
 * Which Chromium-family browser the browser tests drive (through playwright-core). Nothing is
 * ever downloaded; the lookup, in order:
 *
 *  1. `CHROME_PATH`, when set (an error when it names no file: an explicit choice is not
 *     silently replaced by another browser);
 *  2. the user's own Chrome, Chromium or Edge where each OS installs them: Windows' Program Files
 *     (and the per-user LOCALAPPDATA install of Chrome), macOS' /Applications bundles, Linux's
 *     `chromium`, `chromium-browser`, `google-chrome(-stable)` and `microsoft-edge(-stable)` on
 *     the PATH, then their usual paths under /usr/bin and /opt;
 *  3. the Chromium shipped inside the `@sparticuz/chromium` dev dependency (Linux x64 only). The
 *     package holds the binary brotli-compressed (bin/chromium.br); it is decompressed once, with
 *     Node's zlib and no network, into node_modules/.cache (see extractPackagedChromium). Beyond
 *     the C library it needs only NSS, NSPR and expat; on a Linux without libnss3 it runs with
 *     the copies the package ships for Amazon Linux (bin/al2023.tar.br), unpacked next to it.
 *
 * `E2E_SKIP_SYSTEM_BROWSER=1` (for testing the fallback) skips step 2.
 *
 * The lookup itself is pure over a `LookupContext` (platform, environment, a file test), so its
 * choices on each OS are unit-tested against a fake file system.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { pipeline } from "stream/promises";
import * as tar from "tar";

export const SKIP_SYSTEM_ENV = "E2E_SKIP_SYSTEM_BROWSER";
export const PACKAGED_CHROMIUM = "@sparticuz/chromium";

export interface LookupContext {
  platform: NodeJS.Platform;
  arch: string;
  env: Record<string, string | undefined>;
  /** Whether `file` exists and is a regular file (symbolic links followed). */
  isFile(file: string): boolean;
}

export interface PackagedChromium {
  /** Version of the npm package. */
  version: string;
  /** The compressed binary inside the package. */
  archive: string;
  /** Where it is (or will be) decompressed. */
  executablePath: string;
  /**
   * When this machine lacks libnss3: the package's archive of NSS, NSPR and expat, and the
   * folder it is unpacked to (its lib/ goes on LD_LIBRARY_PATH).
   */
  libraries?: { archive: string; dir: string };
}

/** Where Linux distributions put libnss3 (Debian/Ubuntu multiarch, Fedora/Arch/SUSE). */
export const SYSTEM_NSS = [
  "/usr/lib/x86_64-linux-gnu/libnss3.so",
  "/lib/x86_64-linux-gnu/libnss3.so",
  "/usr/lib64/libnss3.so",
  "/lib64/libnss3.so",
  "/usr/lib/libnss3.so",
];

export type FoundBrowser =
  | { source: "CHROME_PATH"; name: string; executablePath: string }
  | { source: "system"; name: string; executablePath: string }
  | ({ source: "npm"; name: string; why: string } & PackagedChromium);

interface Candidate {
  name: string;
  file: string;
}

const LINUX_COMMANDS: Candidate[] = [
  { name: "Chromium", file: "chromium" },
  { name: "Chromium", file: "chromium-browser" },
  { name: "Google Chrome", file: "google-chrome" },
  { name: "Google Chrome", file: "google-chrome-stable" },
  { name: "Microsoft Edge", file: "microsoft-edge" },
  { name: "Microsoft Edge", file: "microsoft-edge-stable" },
];

const LINUX_PATHS: Candidate[] = [
  ...LINUX_COMMANDS.map((c) => ({ name: c.name, file: `/usr/bin/${c.file}` })),
  { name: "Google Chrome", file: "/opt/google/chrome/chrome" },
  { name: "Microsoft Edge", file: "/opt/microsoft/msedge/msedge" },
  { name: "Chromium", file: "/snap/bin/chromium" },
];

const MAC_BUNDLES: Candidate[] = [
  { name: "Google Chrome", file: "Google Chrome.app/Contents/MacOS/Google Chrome" },
  { name: "Chromium", file: "Chromium.app/Contents/MacOS/Chromium" },
  { name: "Microsoft Edge", file: "Microsoft Edge.app/Contents/MacOS/Microsoft Edge" },
];

/** Every place the user's own browser may be, in the order they are tried. */
export function systemBrowserCandidates(ctx: LookupContext): Candidate[] {
  const { env } = ctx;
  if (ctx.platform === "win32") {
    const win = path.win32;
    // Environment variable names are case-insensitive on Windows.
    const get = (name: string): string | undefined => {
      const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
      return key === undefined ? undefined : env[key] || undefined;
    };
    const programFiles = [
      get("ProgramFiles") ?? "C:\\Program Files",
      get("ProgramFiles(x86)") ?? "C:\\Program Files (x86)",
    ];
    const local = get("LOCALAPPDATA");
    const under = (roots: (string | undefined)[], rel: string, name: string): Candidate[] =>
      roots.filter((r): r is string => !!r).map((r) => ({ name, file: win.join(r, rel) }));
    return [
      ...under(
        [...programFiles, local],
        "Google\\Chrome\\Application\\chrome.exe",
        "Google Chrome"
      ),
      ...under([local], "Chromium\\Application\\chrome.exe", "Chromium"),
      ...under(
        [...programFiles, local],
        "Microsoft\\Edge\\Application\\msedge.exe",
        "Microsoft Edge"
      ),
    ];
  }
  if (ctx.platform === "darwin") {
    const roots = [
      "/Applications",
      ...(env.HOME ? [path.posix.join(env.HOME, "Applications")] : []),
    ];
    return MAC_BUNDLES.flatMap((b) =>
      roots.map((root) => ({ name: b.name, file: path.posix.join(root, b.file) }))
    );
  }
  const dirs = (env.PATH ?? "").split(":").filter((d) => path.posix.isAbsolute(d));
  return [
    ...LINUX_COMMANDS.flatMap((c) =>
      dirs.map((dir) => ({ name: c.name, file: path.posix.join(dir, c.file) }))
    ),
    ...LINUX_PATHS,
  ];
}

/** An installed copy of the npm package. */
export interface InstalledPackage {
  dir: string;
  version: string;
}

/** The Chromium of the npm package, when it is installed and runs on this OS. */
export function packagedChromium(
  ctx: LookupContext,
  installed: InstalledPackage | undefined,
  cacheRoot: string
): PackagedChromium | undefined {
  if (ctx.platform !== "linux" || ctx.arch !== "x64" || installed === undefined) return undefined;
  // Linux only, so POSIX paths (also when this lookup is unit-tested on Windows).
  const archive = path.posix.join(installed.dir, "bin", "chromium.br");
  if (!ctx.isFile(archive)) return undefined;
  const dir = path.posix.join(cacheRoot, `chromium-${installed.version}`);
  const packaged: PackagedChromium = {
    version: installed.version,
    archive,
    executablePath: path.posix.join(dir, "chromium"),
  };
  const libraries = path.posix.join(installed.dir, "bin", "al2023.tar.br");
  if (!SYSTEM_NSS.some((file) => ctx.isFile(file)) && ctx.isFile(libraries))
    packaged.libraries = { archive: libraries, dir: path.posix.join(dir, "al2023") };
  return packaged;
}

export interface FindOptions {
  /** The installed @sparticuz/chromium package, if any. */
  installed?: InstalledPackage;
  /** Where the packaged Chromium is decompressed to. */
  cacheRoot: string;
}

/**
 * The browser to drive, or a message saying what was tried (for an error). Throws when
 * CHROME_PATH names a file that does not exist.
 */
export function findBrowser(
  ctx: LookupContext,
  options: FindOptions
): { browser: FoundBrowser } | { browser: undefined; tried: string[] } {
  const explicit = ctx.env.CHROME_PATH;
  if (explicit) {
    if (!ctx.isFile(explicit))
      throw new Error(`CHROME_PATH=${explicit} is not a file; no other browser is tried.`);
    return { browser: { source: "CHROME_PATH", name: "CHROME_PATH", executablePath: explicit } };
  }
  const tried: string[] = [];
  if (!ctx.env[SKIP_SYSTEM_ENV]) {
    for (const candidate of systemBrowserCandidates(ctx)) {
      if (ctx.isFile(candidate.file))
        return {
          browser: { source: "system", name: candidate.name, executablePath: candidate.file },
        };
      tried.push(candidate.file);
    }
  } else {
    tried.push(`(${SKIP_SYSTEM_ENV} is set: the system's browsers were not looked for)`);
  }
  const packaged = packagedChromium(ctx, options.installed, options.cacheRoot);
  if (packaged) {
    const why = ctx.env[SKIP_SYSTEM_ENV]
      ? `${SKIP_SYSTEM_ENV} is set`
      : "no Chrome, Chromium or Edge found on this machine";
    return { browser: { source: "npm", name: "Chromium", why, ...packaged } };
  }
  tried.push(
    ctx.platform === "linux" && ctx.arch === "x64"
      ? `${PACKAGED_CHROMIUM} (not installed: run npm install)`
      : `${PACKAGED_CHROMIUM} (Linux x64 only)`
  );
  return { browser: undefined, tried };
}

/** The lookup context of this machine. */
export function currentContext(): LookupContext {
  return {
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  };
}

/** The installed @sparticuz/chromium, resolved from `root`. */
export function resolvePackage(root: string): InstalledPackage | undefined {
  let entry: string;
  try {
    // The package's "exports" do not list package.json: resolve its entry point, then go up.
    entry = require.resolve(PACKAGED_CHROMIUM, { paths: [root] });
  } catch {
    return undefined;
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, "utf8"));
    if (name === PACKAGED_CHROMIUM) return { dir, version };
  }
  return undefined;
}

/**
 * Decompresses the packaged Chromium (and its libraries, when needed) unless already done:
 * brotli with Node's zlib and the tar package, from the package's own files (no network), to a
 * temporary name first and then renamed, so that an interrupted run or two test workers at once
 * never leave a half-written browser behind. Returns whether anything was unpacked.
 *
 * (The package's own executablePath() decompresses into the shared system temp folder and
 * trusts any file already named "chromium" there, whatever its version; hence this.)
 */
export async function extractPackagedChromium(packaged: PackagedChromium): Promise<boolean> {
  let unpacked = false;
  if (!fs.existsSync(packaged.executablePath)) {
    fs.mkdirSync(path.dirname(packaged.executablePath), { recursive: true });
    const partial = `${packaged.executablePath}.${process.pid}.partial`;
    try {
      await pipeline(
        fs.createReadStream(packaged.archive),
        zlib.createBrotliDecompress(),
        fs.createWriteStream(partial, { mode: 0o755 })
      );
      fs.renameSync(partial, packaged.executablePath);
      unpacked = true;
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }
  const libraries = packaged.libraries;
  if (libraries && !fs.existsSync(libraries.dir)) {
    const partial = `${libraries.dir}.${process.pid}.partial`;
    fs.mkdirSync(partial, { recursive: true });
    try {
      await tar.x({ file: libraries.archive, cwd: partial, brotli: true, strict: true });
      try {
        fs.renameSync(partial, libraries.dir);
      } catch (error) {
        // Another worker got there first with the same files.
        if (!fs.existsSync(libraries.dir)) throw error;
      }
      unpacked = true;
    } finally {
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  return unpacked;
}

/** Environment for starting the packaged Chromium: its libraries first, when it has them. */
export function launchEnv(
  packaged: PackagedChromium,
  env: Record<string, string | undefined>
): Record<string, string | undefined> | undefined {
  if (!packaged.libraries) return undefined;
  const lib = path.posix.join(packaged.libraries.dir, "lib");
  return { ...env, LD_LIBRARY_PATH: env.LD_LIBRARY_PATH ? `${lib}:${env.LD_LIBRARY_PATH}` : lib };
}

/** What locale the C library uses for the encoding of text (POSIX: LC_ALL, LC_CTYPE, LANG). */
export function ctypeLocale(env: Record<string, string | undefined>): string {
  return env.LC_ALL || env.LC_CTYPE || env.LANG || "C";
}

/** The locale given to Chromium when the caller's is not UTF-8 (built into glibc 2.35+). */
export const UTF8_LOCALE = "C.UTF-8";

/**
 * Environment in which Chromium on Linux can open a file whose name is not ASCII, such as
 * samples/问题示例.xlsx. Node names files in UTF-8 whatever the locale, and the file paths the
 * tests hand to a file input reach Chromium in UTF-8 too; but Chromium on Linux turns such a
 * path into the locale's own encoding before it opens the file. Under the C locale (no LANG, as
 * in a bare `env -i` or a service's environment) or a GB18030 one, that conversion fails or
 * gives other bytes, and the input silently gets no file: no change event, no error, a test
 * waiting for a workbook that never comes. So, when the locale's encoding is not UTF-8, the
 * browser gets a UTF-8 one for its character type only (LC_ALL when that is what was set, since
 * it overrides the rest). macOS and Windows need nothing: their paths are UTF-8 or UTF-16.
 * Returns undefined when nothing needs changing.
 */
export function utf8LocaleEnv(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>
): Record<string, string | undefined> | undefined {
  if (platform === "win32" || platform === "darwin") return undefined;
  if (/\.utf-?8(@|$)/i.test(ctypeLocale(env))) return undefined;
  return env.LC_ALL ? { ...env, LC_ALL: UTF8_LOCALE } : { ...env, LC_CTYPE: UTF8_LOCALE };
}

/**
 * The whole environment to start `browser` with (undefined: this process's own): the packaged
 * Chromium's libraries when it brings them, and a UTF-8 locale on Linux (see utf8LocaleEnv).
 */
export function browserEnv(
  browser: FoundBrowser,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>
): Record<string, string | undefined> | undefined {
  const withLibraries = browser.source === "npm" ? launchEnv(browser, env) : undefined;
  return utf8LocaleEnv(platform, withLibraries ?? env) ?? withLibraries;
}

/** One line saying which browser a run uses. */
export function describeBrowser(browser: FoundBrowser, version?: string): string {
  const v = version ? ` ${version}` : "";
  switch (browser.source) {
    case "CHROME_PATH":
      return `Browser tests use${v ? ` Chromium${v}` : ""} from CHROME_PATH: ${browser.executablePath}`;
    case "system":
      return `Browser tests use ${browser.name}${v} installed on this machine: ${browser.executablePath}`;
    case "npm":
      return (
        `Browser tests use Chromium${v} from the npm package ${PACKAGED_CHROMIUM} ` +
        `${browser.version} (${browser.why}): ${browser.executablePath}` +
        (browser.libraries ? ` (with the package's NSS libraries: this machine has none)` : "")
      );
  }
}

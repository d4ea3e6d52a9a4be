/**
 * Outputs never destroy inputs: symlinks, hardlinks, existing files, folders, missing folders,
 * devices, pipes and unreadable files. After every run, every input's checksum is unchanged.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { main } from "../../src/cli/main";
import { buildSampleWorkbook } from "../../samples/sample-workbook";

const ROOT = resolve(__dirname, "../..");
const DRAFT = "2023年，全年完成城镇新增就业X人，完成目标任务的X%。\n";

let dir: string;
let workbook: string;
let draft: string;
/** Every input file of this suite, with its checksum taken once. */
const inputs = new Map<string, string>();

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function remember(path: string): string {
  inputs.set(path, sha256(path));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "data-safety-"));
  workbook = join(dir, "台账.xlsx");
  await buildSampleWorkbook().xlsx.writeFile(workbook);
  remember(workbook);
  draft = join(dir, "初稿.txt");
  writeFileSync(draft, DRAFT);
  remember(draft);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  for (const [path, sum] of inputs) expect([path, sha256(path)]).toEqual([path, sum]);
  // No temporary file is ever left behind.
  expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Exit 2 with one line on stderr that says something in Chinese and in English. */
function expectRefused(result: { code: number; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^[^\n]+\n$/);
  expect(result.stderr).toMatch(/[\u4e00-\u9fff].* \/ \S/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).toMatch(message);
}

let counter = 0;
function fresh(name: string): string {
  counter++;
  return join(dir, `${counter}-${name}`);
}

describe("an output that is an input is refused, whatever the path", () => {
  test.each([
    ["--out onto a symlink to the workbook", () => [workbook, "--out", link(workbook)]],
    ["--docx onto a symlink to the workbook", () => [workbook, "--docx", link(workbook)]],
    ["--out onto a hardlink of the workbook", () => [workbook, "--out", hardlink(workbook)]],
    ["--docx onto a hardlink of the workbook", () => [workbook, "--docx", hardlink(workbook)]],
    [
      "the workbook through a symlink, --out the real file",
      () => [link(workbook), "--out", workbook],
    ],
    [
      "the workbook through a relative path with ..",
      () => [workbook, "--out", join(dir, "..", relativeName(dir), "台账.xlsx")],
    ],
    ["--force does not change that", () => [workbook, "--out", link(workbook), "--force"]],
  ])("%s", async (_label, argv) => {
    expectRefused(await run(...argv()), /就是输入的工作簿/);
  });

  test.each([
    [
      "fill --out onto a symlink to the draft",
      () => ["fill", draft, workbook, "--out", link(draft)],
      /文稿/,
    ],
    [
      "fill --out onto a symlink to the workbook",
      () => ["fill", draft, workbook, "--out", link(workbook)],
      /工作簿/,
    ],
    [
      "check --out onto a hardlink of the workbook",
      () => ["check", draft, workbook, "--out", hardlink(workbook)],
      /工作簿/,
    ],
    [
      "check --out onto a hardlink of the draft, with --force",
      () => ["check", draft, workbook, "--out", hardlink(draft), "--force"],
      /文稿/,
    ],
  ])("%s", async (_label, argv, which) => {
    const result = await run(...argv());
    expectRefused(result, /就是输入的/);
    expect(result.stderr).toMatch(which);
  });

  test("--out and --docx naming one file through a link", async () => {
    const out = fresh("r.txt");
    writeFileSync(out, "old");
    const other = link(out);
    expectRefused(
      await run(workbook, "--out", out, "--docx", other, "--force"),
      /两个输出是同一个文件/
    );
    expect(readFileSync(out, "utf8")).toBe("old");
  });
});

function link(target: string): string {
  const path = fresh("link.xlsx");
  symlinkSync(target, path);
  return path;
}

function hardlink(target: string): string {
  const path = fresh("hard.xlsx");
  linkSync(target, path);
  return path;
}

function relativeName(path: string): string {
  return path.split("/").pop() ?? "";
}

describe("existing outputs", () => {
  test("are kept without --force, replaced with it", async () => {
    const out = fresh("报告.txt");
    writeFileSync(out, "我的旧文件");
    expectRefused(await run(workbook, "--out", out), /已存在.*--force/);
    expect(readFileSync(out, "utf8")).toBe("我的旧文件");
    const replaced = await run(workbook, "--out", out, "--force");
    expect(replaced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("【报告】");
  });

  test("an existing .docx is kept without --force", async () => {
    const out = fresh("总结.docx");
    writeFileSync(out, "PK old");
    expectRefused(await run(workbook, "--docx", out), /已存在/);
    expect(readFileSync(out, "utf8")).toBe("PK old");
  });

  test("fill --out onto an existing file is kept without --force", async () => {
    const out = fresh("终稿.txt");
    writeFileSync(out, "别动");
    expectRefused(await run("fill", draft, workbook, "--out", out), /已存在/);
    expect(readFileSync(out, "utf8")).toBe("别动");
    expect((await run("fill", draft, workbook, "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("城镇新增就业1126人");
  });

  test("--force through a symlink replaces the file the link points to, not an input", async () => {
    const real = fresh("real.txt");
    writeFileSync(real, "old");
    const viaLink = link(real);
    expect((await run(workbook, "--out", viaLink, "--force")).code).toBe(0);
    expect(readFileSync(real, "utf8")).toContain("【报告】");
  });

  test("a dangling symlink counts as an existing name", async () => {
    const dangling = fresh("dangling.txt");
    symlinkSync(join(dir, "nowhere.txt"), dangling);
    expectRefused(await run(workbook, "--out", dangling), /已存在/);
    expect(existsSync(join(dir, "nowhere.txt"))).toBe(false);
  });
});

describe("outputs that cannot be written", () => {
  test("--out onto a folder", async () => {
    const folder = fresh("folder");
    mkdirSync(folder);
    expectRefused(await run(workbook, "--out", folder), /是文件夹/);
    expectRefused(await run(workbook, "--docx", folder, "--force"), /是文件夹/);
  });

  test("--out into a missing folder", async () => {
    expectRefused(await run(workbook, "--out", join(dir, "没有", "r.txt")), /文件夹.*不存在/);
    expectRefused(
      await run("check", draft, workbook, "--out", join(dir, "没有", "r.txt")),
      /不存在/
    );
  });

  test("--out under a file used as a folder", async () => {
    expectRefused(await run(workbook, "--out", join(draft, "r.txt")), /不存在|不是文件夹/);
  });

  test("--out onto a device", async () => {
    expectRefused(await run(workbook, "--out", "/dev/null", "--force"), /不是普通文件/);
  });

  test("a run that fails leaves no output file", async () => {
    const broken = fresh("坏.xlsx");
    writeFileSync(broken, readFileSync(workbook).subarray(0, 500));
    remember(broken);
    const out = fresh("r.json");
    expect((await run(broken, "--out", out)).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe("inputs that cannot be read", () => {
  test("a symlink loop", async () => {
    const a = fresh("a.xlsx");
    const b = fresh("b.xlsx");
    symlinkSync(b, a);
    symlinkSync(a, b);
    expectRefused(await run(a), /循环的符号链接/);
    expectRefused(await run("fill", a, workbook), /循环的符号链接/);
  });

  test("a folder as the draft is refused; as the workbook, one without workbooks is", async () => {
    // A folder of workbooks is analysed workbook by workbook (see rollup.test.ts).
    const empty = fresh("空文件夹");
    mkdirSync(empty);
    expectRefused(await run(empty), /没有找到.*工作簿/);
    expectRefused(await run("check", dir, workbook), /是文件夹/);
  });

  test("/dev/zero and other devices are refused without reading", async () => {
    expectRefused(await run("/dev/zero"), /不是普通文件/);
    expectRefused(await run("fill", "/dev/zero", workbook), /不是普通文件/);
  });

  // mkfifo is a POSIX tool (not on Windows): without it there is no FIFO to try, and the test
  // is reported as skipped.
  const fifoTest = spawnSync("mkfifo", ["--version"]).error ? test.skip : test;
  fifoTest("a FIFO is refused, not waited on", async () => {
    const fifo = fresh("pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    expectRefused(await run(fifo), /不是普通文件/);
    expectRefused(await run("check", fifo, workbook), /不是普通文件/);
  });

  test("an oversized workbook or draft is refused before reading", async () => {
    const big = fresh("big.xlsx");
    writeFileSync(big, "");
    truncateSync(big, 101 * 1024 * 1024); // sparse: nothing is written to the disk
    expectRefused(await run(big), /大小上限 100 MB/);
    const bigDraft = fresh("big.txt");
    writeFileSync(bigDraft, "");
    truncateSync(bigDraft, 5 * 1024 * 1024);
    expectRefused(await run("fill", bigDraft, workbook), /大小上限/);
  });

  test("a draft over the character limit is refused with the limit in the message", async () => {
    const long = fresh("长文稿.txt");
    writeFileSync(long, "全年完成城镇新增就业X人。".repeat(40_000));
    expectRefused(await run("fill", long, workbook), /超过500000字的上限/);
  });

  // The tests run as root, which reads any file whatever its mode; the compiled command is run
  // as the unprivileged user "nobody" instead, on a copy only root may read.
  test("an unreadable file (permission denied)", async () => {
    const secret = fresh("secret.xlsx");
    writeFileSync(secret, readFileSync(workbook));
    chmodSync(secret, 0o000);
    chmodSync(dir, 0o755);
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) {
      expectRefused(await run(secret), /没有权限读取/);
      return;
    }
    const exec = promisify(execFile);
    const bin = join(ROOT, "bin/indicator-report.js");
    const failure = await exec(process.execPath, [bin, secret], {
      cwd: ROOT,
      uid: 65534,
      gid: 65534,
    }).catch((error: { code: number; stderr: string }) => error);
    expectRefused(failure as { code: number; stderr: string }, /没有权限读取/);
  });
});

describe("an unexpected error", () => {
  const failing = (stderr: (t: string) => void) => ({
    stdout: () => {
      throw new Error("write EPIPE");
    },
    stderr,
  });

  test("is one line and exit 2, without a stack trace", async () => {
    let stderr = "";
    const code = await main(
      [workbook],
      failing((t) => (stderr += t))
    );
    expectRefused({ code, stderr }, /内部错误.*write EPIPE/);
  });

  test("shows its stack trace with --debug", async () => {
    let stderr = "";
    const code = await main(
      [workbook, "--debug"],
      failing((t) => (stderr += t))
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/^内部错误.*\n/);
    expect(stderr).toMatch(/\n\s+at /);
  });
});

import { spawnSync } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPTS = path.resolve(__dirname, "..", "..", "scripts");
const SCRIPT = path.join(SCRIPTS, "check-bundle-budget.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FIRST_RENDER_GZIP_BUDGET, checkBudget } = require(SCRIPT) as {
  FIRST_RENDER_GZIP_BUDGET: number;
  checkBudget: (dir: string, budget?: number) => { ok: boolean; message: string; gzip?: number };
};

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-budget-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * A dist/ whose taskpane.html loads a bundle of `bytes` random bytes (random data does not
 * compress: its gzip is a little larger), office.js from the CDN, and beside it a lazy chunk
 * that the page does not load.
 */
function fixtureDist(name: string, bytes: number): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, "taskpane.abc.js"),
    Buffer.concat([Buffer.from("/*"), randomBytes(bytes), Buffer.from("*/")])
  );
  fs.writeFileSync(path.join(dir, "boot.js"), "window.boot = 1;\n");
  fs.writeFileSync(path.join(dir, "lazy.def.js"), randomBytes(FIRST_RENDER_GZIP_BUDGET * 2));
  fs.writeFileSync(
    path.join(dir, "taskpane.html"),
    `<!doctype html><html><head><script src="boot.js"></script></head><body>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
<script defer src="taskpane.abc.js"></script></body></html>`
  );
  return dir;
}

function run(dir: string) {
  return spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });
}

describe("check-bundle-budget", () => {
  it("fails a dist whose first render is over the budget, and says by how much", () => {
    const dir = fixtureDist("over", FIRST_RENDER_GZIP_BUDGET + 1000);
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Bundle budget exceeded/);
    expect(result.stderr).toMatch(
      new RegExp(`budget ${FIRST_RENDER_GZIP_BUDGET} bytes, \\d+ bytes over`)
    );
    expect(result.stderr).toContain("boot.js, taskpane.abc.js");
  });

  it("passes one under the budget; a lazy chunk, however large, does not count", () => {
    const dir = fixtureDist("under", FIRST_RENDER_GZIP_BUDGET - 1000);
    const result = run(dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Bundle budget: the first render loads \d+ bytes gzipped/);
  });

  it("compares the gzipped size, not the raw one", () => {
    const dir = path.join(root, "compressible");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "big.js"), "x".repeat(FIRST_RENDER_GZIP_BUDGET * 4));
    fs.writeFileSync(path.join(dir, "taskpane.html"), `<script src="big.js"></script>`);
    const result = checkBudget(dir);
    expect(result.ok).toBe(true);
    expect(result.gzip).toBeLessThan(FIRST_RENDER_GZIP_BUDGET / 100);
    expect(checkBudget(dir, (result.gzip ?? 0) - 1).ok).toBe(false);
  });

  it("fails when the page is missing or loads a file that is not there", () => {
    const empty = path.join(root, "empty");
    fs.mkdirSync(empty);
    expect(run(empty).status).toBe(1);
    const broken = path.join(root, "broken");
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, "taskpane.html"), `<script src="gone.js"></script>`);
    const result = run(broken);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("gone.js");
  });
});

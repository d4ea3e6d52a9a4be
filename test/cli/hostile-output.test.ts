/**
 * A workbook full of hostile names: its Markdown and text outputs are inert, its JSON keeps
 * every name as written.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { inertText, markdownInline } from "../../src/cli/safe-render";
import { row, workbookParts, xmlEscape, zipParts } from "../helpers/xlsx-parts";

const SHEET = "就业|<script>alert(1)</script>";
const TITLE = "<img src=x onerror=alert(1)>就业工作完成情况表 | x | y";
const NAMES = [
  "城镇新增就业_x001B_[2J_x001B_]0;pwned_x0007_",
  "失业人员再就业\u202Egnp.exe",
  "就业困难人员*再就业*\n# 伪造的标题\n| a | b |",
  "公益性岗位[链接](javascript:alert(1))`code`",
];

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hostile-"));
  file = join(dir, "hostile.xlsx");
  const data = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>${xmlEscape(TITLE)}</t></is></c></row>`,
    row(2, ["指标名称", "单位", "年度目标", "完成数"]),
    ...NAMES.map((name, i) => row(i + 3, [name, "人", 100, 90 + i])),
  ].join("");
  writeFileSync(file, zipParts(workbookParts([{ name: SHEET, data }])));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<string> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  expect([code, stderr]).toEqual([0, ""]);
  return stdout;
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test("JSON keeps the names as written (with Excel's _xHHHH_ decoded or not, never altered by us)", async () => {
  const report = JSON.parse(await run(file, "--format", "json"));
  expect(report.tables[0].sheet).toBe(SHEET);
  const names: string[] = report.indicators.map((i: { name: string }) => i.name);
  expect(names).toHaveLength(NAMES.length);
  expect(names[1]).toContain("\u202E");
});

test("text output holds no control character, no bidi override, also from _x001B_", async () => {
  const text = await run(file);
  expect(text).not.toMatch(CONTROLS);
  expect(text).not.toMatch(/_x00(1B|07)_/);
  expect(text).toMatch(/城镇新增就业\[2J\]0[;；]pwned/);
  expect(text).toContain("失业人员再就业gnp.exe");
});

test("Markdown output: no HTML, no extra table column, no forged heading, no link", async () => {
  const md = await run(file, "--format", "md");
  expect(md).not.toMatch(CONTROLS);
  expect(md).not.toMatch(/<(script|img)/i);
  expect(md).toContain("&lt;script&gt;");
  // Every table row has the four columns of its header: five unescaped pipes.
  const tableRows = md.split("\n").filter((l) => l.startsWith("|"));
  expect(tableRows.length).toBeGreaterThan(2);
  for (const line of tableRows) expect(line.match(/(?<!\\)\|/g)).toHaveLength(5);
  // Headings are only the report's own.
  const headings = md.split("\n").filter((l) => /^#/.test(l));
  expect(headings.some((h) => h.includes("伪造"))).toBe(false);
  expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
  expect(md).not.toMatch(/(?<!\\)`code(?<!\\)`/);
});

test("escape functions", () => {
  expect(inertText("a_x001B_[2Jb\u0007c\u009b\u202Ed\ne\tf\r")).toBe("a[2Jbcd\ne\tf");
  expect(markdownInline("| a *b* <i>\n# c")).toBe("\\| a \\*b\\* &lt;i&gt; # c");
  expect(markdownInline("# 标题")).toBe("\\# 标题");
  expect(markdownInline("1. 列表")).toBe("1\\. 列表");
  expect(markdownInline("112.6%")).toBe("112.6%");
});

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { decodeDraft } from "../../src/cli/draft";
import { buildReportWorkbook } from "../../samples/report-workbook";

let dir: string;
let workbookPath: string;
const DRAFT = "全年完成城镇新增就业X人，完成目标任务的X%。X街道新增四上企业入库X家，就业率高达X%。";
const FINISHED = "全年完成城镇新增就业1126人，完成目标任务的112.6%。固定资产投资12.6万元。";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fill-check-"));
  workbookPath = path.join(dir, "台账.xlsx");
  await buildReportWorkbook().xlsx.writeFile(workbookPath);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function run(...argv: string[]) {
  const out = { stdout: "", stderr: "", code: -1 };
  out.code = await main(argv, {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
  });
  return out;
}

/** GBK bytes of a text, from the reverse of the platform's gb18030 decoder (two-byte codes). */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...code);
    }
  }
  return new Uint8Array(bytes);
}

describe("indicator-report fill", () => {
  it("prints the filled draft and an account of every placeholder", async () => {
    const draft = file("稿.txt", DRAFT);
    const out = await run("fill", draft, workbookPath);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain("占位符5处：已填写3处，留空1处，名称或日期等非数字1处。");
    expect(out.stdout).toContain(
      "全年完成城镇新增就业1126人，完成目标任务的112.6%。X街道新增四上企业入库12家，就业率高达X%。"
    );
    expect(out.stdout).toContain("→ 1126人（城镇新增就业 完成数，就业!D4）");
    expect(out.stdout).toContain("→ 112.6%（城镇新增就业 完成率，就业!D4、就业!C4）");
    expect(out.stdout).toMatch(/\[跳过\] .*X街道：名称/);
    expect(out.stdout).toMatch(/\[留空\] .*就业率高达X%：未找到对应指标/);
  });

  it("--out writes the filled draft; the account stays on the screen", async () => {
    const draft = file("稿2.txt", DRAFT);
    const target = path.join(dir, "填好.txt");
    const out = await run("fill", draft, workbookPath, "--out", target);
    expect(out.code).toBe(0);
    expect(fs.readFileSync(target, "utf8")).toBe(
      "全年完成城镇新增就业1126人，完成目标任务的112.6%。X街道新增四上企业入库12家，就业率高达X%。"
    );
    expect(out.stdout).not.toContain("【填写后的文稿】");
    expect(out.stdout).toContain("【逐处说明】");
    expect(out.stderr).toMatch(/已写入填好的文稿/);
  });

  it("--format json gives the text and every placeholder with its cell or reason", async () => {
    const draft = file("稿3.txt", DRAFT);
    const out = await run("fill", draft, workbookPath, "--format", "json");
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({
      command: "fill",
      draft: "稿3.txt",
      workbook: "台账.xlsx",
      summary: { placeholders: 5, numbers: 4, filled: 3, left: 1, skipped: 1, fillRate: 75 },
    });
    expect(json.placeholders[0]).toMatchObject({
      placeholder: "X人",
      status: "filled",
      indicator: "城镇新增就业",
      field: "actual",
      value: "1126",
      cell: "就业!D4",
      sentence: "全年完成城镇新增就业X人，完成目标任务的X%。",
    });
    expect(json.placeholders[4]).toMatchObject({ status: "left", reasonCode: "NO_INDICATOR" });
    expect(json.sources).toHaveLength(3);
  });

  it("reads drafts saved as GBK and as UTF-16", async () => {
    const gbk = file("gbk.txt", encodeGbk(DRAFT));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(gbk))).toThrow();
    const out = await run("fill", gbk, workbookPath, "--format", "json");
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).text).toBe(
      "全年完成城镇新增就业1126人，完成目标任务的112.6%。X街道新增四上企业入库12家，就业率高达X%。"
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, "utf16le")]);
    expect(decodeDraft(utf16, "u.txt")).toEqual({ text: DRAFT, encoding: "utf-16le" });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRAFT, "utf8")]);
    expect(decodeDraft(bom, "b.txt").text).toBe(DRAFT);
  });
});

describe("indicator-report check", () => {
  it("lists disagreements with sentence and cell, and confirmed numbers", async () => {
    const draft = file("成稿.txt", FINISHED);
    const out = await run("check", draft, workbookPath);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("对应到指标的数3个：一致2个，不一致1个；未对应到指标的数0个。");
    expect(out.stdout).toMatch(/1\. 数量级不符（万\/亿）：文中“12.6万元”/);
    expect(out.stdout).toContain("句子：固定资产投资12.6万元。");
    expect(out.stdout).toContain("- “1126人” 城镇新增就业 完成数（就业!D4）");
  });

  it("says when a number is 10 times the workbook's", async () => {
    const draft = file("成稿3.txt", "全年完成固定资产投资126亿元。");
    const out = await run("check", draft, workbookPath);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /1\. 数值不符：文中“126亿元”，工作簿中固定资产投资（经济!A\d+）完成数为12\.6亿元（经济!D\d+）；文中数是工作簿的10倍，请核对小数点和单位/
    );
  });

  it("--format json", async () => {
    const draft = file("成稿2.txt", FINISHED);
    const out = await run("check", draft, workbookPath, "--format", "json");
    const json = JSON.parse(out.stdout);
    expect(json.summary).toEqual({
      numbers: 3,
      confirmed: 2,
      mismatches: 1,
      unchecked: 0,
      notFigures: 0,
      placeholders: 0,
    });
    expect(json.mismatches[0]).toMatchObject({ kind: "scale", cell: "经济!D4", text: "12.6万元" });
  });
});

describe("unusable input: exit 2 with one line in Chinese and English", () => {
  const oneLine = /^[^\n]+ \/ [^\n]+\n$/;

  it.each([
    ["a missing draft", () => ["fill", path.join(dir, "无此文件.txt"), workbookPath], /找不到文稿/],
    [
      "a missing workbook",
      () => ["check", file("x.txt", FINISHED), path.join(dir, "无.xlsx")],
      /./,
    ],
    [
      "a Word file as draft",
      () => ["fill", file("稿.docx", "PK\u0003\u0004…"), workbookPath],
      /另存为/,
    ],
    ["an empty draft", () => ["fill", file("空.txt", "  \n"), workbookPath], /是空的/],
    ["one file only", () => ["fill", workbookPath], /请指定文稿和工作簿/],
    [
      "a bad format",
      () => ["check", file("y.txt", FINISHED), workbookPath, "--format", "md"],
      /不支持的输出格式/,
    ],
    [
      "--out over the draft",
      () => {
        const d = file("z.txt", DRAFT);
        return ["fill", d, workbookPath, "--out", d];
      },
      /就是输入的文稿/,
    ],
  ])("%s", async (_label, argv, message) => {
    const out = await run(...argv());
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(oneLine);
    expect(out.stderr).toMatch(message);
  });
});

/**
 * Fuzz: at least 300 malformed and hostile workbooks generated on the fly (truncations, bit
 * flips, bombs, whole-sheet merges, far-right cells, missing parts, XML attacks, encrypted
 * files, other formats, hostile names), each run through the CLI in this process. For each:
 * exit 0 or 2, at most one line on stderr, no stack trace. For the whole run: it finishes
 * within the test's timeout and the heap stays bounded.
 * The cases come from a seeded generator, so a failure names a case that can be replayed.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { WorkbookModel } from "../../src/core/workbook";
import { FileHost } from "../../src/host/file-host";
import { WorkbookReadError, readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { buildSampleWorkbook } from "../../samples/sample-workbook";
import {
  row,
  tableRows,
  workbookParts,
  xmlEscape,
  zeroBomb,
  zipParts,
  zipWithRawEntries,
} from "../helpers/xlsx-parts";

jest.setTimeout(600_000);

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  name: string;
  bytes: Uint8Array;
}

const text = (s: string) => new TextEncoder().encode(s);

function minimal(extra: Record<string, string> = {}, merges?: string[]): Record<string, string> {
  return workbookParts([{ name: "就业", data: tableRows(), merges }], extra);
}

function xmlAttacks(): Case[] {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`
    ).join("") +
    "]>";
  const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
  const cases: Case[] = [];
  const sheetWith = (prefix: string, body: string) =>
    `${prefix}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  const attack = (name: string, part: string, content: string) => {
    const parts = minimal();
    parts[part] = content;
    cases.push({ name, bytes: zipParts(parts) });
  };
  attack(
    "billion laughs in a sheet",
    "xl/worksheets/sheet1.xml",
    sheetWith(laughs, `<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>`)
  );
  attack(
    "billion laughs in sharedStrings",
    "xl/sharedStrings.xml",
    `${laughs}<sst><si><t>&lol9;</t></si></sst>`
  );
  attack(
    "XXE in a sheet",
    "xl/worksheets/sheet1.xml",
    sheetWith(xxe, `<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>`)
  );
  attack(
    "XXE in workbook.xml",
    "xl/workbook.xml",
    `${xxe}<workbook><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  attack(
    "deep nesting",
    "xl/worksheets/sheet1.xml",
    sheetWith("", "<row>".repeat(50_000) + "</row>".repeat(50_000))
  );
  attack(
    "deep nesting in rich text",
    "xl/worksheets/sheet1.xml",
    sheetWith("", `<row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(20_000)}</is></c></row>`)
  );
  attack(
    "a huge attribute",
    "xl/worksheets/sheet1.xml",
    sheetWith("", `<row r="1" x="${"a".repeat(2_000_000)}"></row>`)
  );
  attack("not XML at all", "xl/worksheets/sheet1.xml", "\u0000\u0001garbage<<<>>>");
  attack("unclosed elements", "xl/workbook.xml", "<workbook><sheets><sheet name=");
  attack(
    "a cell ref far out of range",
    "xl/worksheets/sheet1.xml",
    sheetWith("", `<row r="99999999"><c r="ZZZZ99999999"><v>1</v></c></row>`)
  );
  attack(
    "negative and bogus refs",
    "xl/worksheets/sheet1.xml",
    sheetWith("", `<row r="-5"><c r="A-1"><v>1</v></c><c r="1A"><v>2</v></c></row>`)
  );
  attack(
    "processing instructions and CDATA",
    "xl/worksheets/sheet1.xml",
    sheetWith(
      "<?foo bar?>",
      `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<script>]]></t></is></c></row>`
    )
  );
  attack(
    "a shared string index out of range",
    "xl/worksheets/sheet1.xml",
    sheetWith("", `<row r="1"><c r="A1" t="s"><v>999999</v></c></row>`)
  );
  attack(
    "a table part pointing out of the sheet",
    "xl/tables/table1.xml",
    `<table ref="A1:XFD1048576" name="t" displayName="t"/>`
  );
  return cases;
}

function otherFormats(): Case[] {
  const cfb = (extra: number[] = []) =>
    new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(504).fill(0),
      ...extra,
    ]);
  const utf16 = (s: string) =>
    Array.from(s).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
  return [
    { name: "empty", bytes: new Uint8Array() },
    { name: "encrypted (CFB with EncryptionInfo)", bytes: cfb(utf16("EncryptionInfo")) },
    { name: "old .xls", bytes: cfb() },
    { name: "PDF", bytes: text("%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF") },
    {
      name: "PNG",
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    },
    { name: "CSV", bytes: text("指标,目标,完成\n城镇新增就业,1000,1126\n") },
    {
      name: "HTML saved as .xls",
      bytes: text("<html><body><table><tr><td>1</td></tr></table></body></html>"),
    },
    { name: "UTF-16 text", bytes: new Uint8Array([0xff, 0xfe, ...utf16("指标\t目标")]) },
    {
      name: "a Word document",
      bytes: zipParts({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    },
    { name: "an empty zip", bytes: new Uint8Array([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]) },
    { name: "a zip header only", bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
    { name: "a spanned zip marker", bytes: new Uint8Array([0x50, 0x4b, 7, 8, 0, 0]) },
    { name: "gzip", bytes: new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]) },
    { name: "all zeros", bytes: new Uint8Array(4096) },
    { name: "all 0xff", bytes: new Uint8Array(4096).fill(0xff) },
  ];
}

function structural(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, parts: Record<string, string | Uint8Array>) =>
    cases.push({ name, bytes: zipParts(parts) });
  const base = minimal();
  for (const part of Object.keys(base)) {
    const parts = { ...base };
    delete parts[part];
    add(`without ${part}`, parts);
  }
  const dangling = minimal();
  dangling["xl/_rels/workbook.xml.rels"] = dangling["xl/_rels/workbook.xml.rels"].replace(
    "sheet1.xml",
    "nowhere.xml"
  );
  add("a relationship pointing nowhere", dangling);
  const absolute = minimal();
  absolute["xl/_rels/workbook.xml.rels"] = absolute["xl/_rels/workbook.xml.rels"].replace(
    'Target="worksheets',
    'Target="/xl/worksheets'
  );
  add("an absolute relationship target", absolute);
  const noId = minimal();
  noId["xl/workbook.xml"] = noId["xl/workbook.xml"].replace(' r:id="rId1"', "");
  add("a sheet without r:id", noId);
  add(
    "shared strings used, none present",
    workbookParts([{ name: "就业", data: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }])
  );
  add("whole-sheet merge", minimal({}, ["A1:XFD1048576"]));
  add(
    "whole-sheet merge over a far-right cell",
    workbookParts([
      {
        name: "就业",
        data: tableRows() + `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
        merges: ["A1:XFD1048576"],
      },
    ])
  );
  add(
    "overlapping whole-column merges",
    minimal(
      {},
      Array.from({ length: 200 }, (_, i) => `A${i + 1}:XFD${i + 1}`)
    )
  );
  add(
    "1000 overlapping large merges",
    minimal(
      {},
      Array.from({ length: 1000 }, () => "A1:Z5000")
    )
  );
  add(
    "30 000 merges",
    minimal(
      {},
      Array.from({ length: 30_000 }, (_, i) => `H${i + 1}:I${i + 1}`)
    )
  );
  add("a reversed merge", minimal({}, ["D5:A1"]));
  add("bogus merge refs", minimal({}, ["", "A", "1:1", "XFE1:XFF2", "A0:B0"]));
  for (const far of ["XFD1048576", "XFD1", "A1048576", "AAA500000"])
    add(
      `a far cell at ${far}`,
      workbookParts([
        {
          name: "就业",
          data:
            tableRows() + `<row r="${far.replace(/^[A-Z]+/, "")}"><c r="${far}"><v>1</v></c></row>`,
        },
      ])
    );
  add(
    "hostile sheet names",
    workbookParts([
      { name: "就业|<script>alert(1)</script>", data: tableRows() },
      { name: "x".repeat(300), data: tableRows() },
      { name: "", data: tableRows() },
      { name: "[]:*?/\\", data: tableRows() },
    ])
  );
  const names = [
    "_x001B_[2J_x0007_",
    "\u202Egnp.exe",
    '=HYPERLINK("x")',
    "<img src=x onerror=alert(1)>",
    "# 标题\n- 列表",
  ];
  add(
    "hostile indicator names",
    workbookParts([
      {
        name: "就业",
        data:
          row(1, ["指标名称", "单位", "年度目标", "完成数"]) +
          names.map((n, i) => row(i + 2, [n, "人", 100, 90])).join(""),
      },
    ])
  );
  add(
    "duplicate sheet names",
    workbookParts([
      { name: "就业", data: tableRows() },
      { name: "就业", data: tableRows() },
    ])
  );
  add(
    "200 sheets",
    workbookParts(Array.from({ length: 200 }, (_, i) => ({ name: `表${i}`, data: tableRows() })))
  );
  add("a sheet name escaped", {
    ...minimal(),
    "xl/workbook.xml": minimal()["xl/workbook.xml"].replace(
      'name="就业"',
      `name="${xmlEscape("&<>\"'")}&#0;&#x110000;"`
    ),
  });
  const size = 1024 * 1024 * 1024;
  for (const [part, label] of [
    ["xl/media/image1.png", "a bomb in an unread part"],
    ["xl/sharedStrings.xml", "a bomb in sharedStrings"],
    ["xl/worksheets/sheet2.xml", "a bomb as a sheet nobody lists"],
    ["xl/styles.xml", "a bomb in styles"],
  ])
    cases.push({
      name: label,
      bytes: zipWithRawEntries(minimal(), [{ name: part, deflated: zeroBomb(size), size }]),
    });
  cases.push({
    name: "a bomb that lies about its size",
    bytes: zipWithRawEntries(minimal(), [
      { name: "xl/sharedStrings.xml", deflated: zeroBomb(64 * 1024 * 1024), size: 100 },
    ]),
  });
  const manyEntries: Record<string, string> = { ...minimal() };
  for (let i = 0; i < 10_050; i++) manyEntries[`xl/media/e${i}.bin`] = "";
  add("over 10 000 entries", manyEntries);
  return cases;
}

/** Truncations and bit flips of real workbooks, at seeded places. */
function damaged(bases: Case[], rand: () => number): Case[] {
  const cases: Case[] = [];
  for (const base of bases) {
    for (let i = 0; i < 30; i++) {
      const at = Math.floor(rand() * base.bytes.length);
      cases.push({ name: `${base.name} truncated at ${at}`, bytes: base.bytes.slice(0, at) });
    }
    for (let i = 0; i < 60; i++) {
      const bytes = base.bytes.slice();
      const flips = 1 + Math.floor(rand() * 8);
      const places: number[] = [];
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(rand() * bytes.length);
        bytes[at] ^= 1 << Math.floor(rand() * 8);
        places.push(at);
      }
      cases.push({ name: `${base.name} with bits flipped at ${places.join(",")}`, bytes });
    }
  }
  return cases;
}

let dir: string;
let cases: Case[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "fuzz-"));
  const sample = new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer());
  const bases = [
    { name: "the sample", bytes: sample },
    { name: "a minimal workbook", bytes: zipParts(minimal()) },
    { name: "a stored workbook", bytes: zipParts(minimal(), 0) },
  ];
  cases = [...damaged(bases, random(9)), ...xmlAttacks(), ...otherFormats(), ...structural()];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAP_BOUND = 1.5 * 1024 * 1024 * 1024;

/**
 * The heap the cases leave held, above what was held before them, not garbage the collector
 * has not come to yet: only when it reads above the bound does a collection run before it is
 * read again, so a run that only made garbage passes and the collections stay few.
 */
const collect = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

/** The heap held before a run of cases (after a collection): what the cases add is measured. */
function heapBase(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

function retainedHeap(base: number): number {
  if (process.memoryUsage().heapUsed - base < HEAP_BOUND)
    return process.memoryUsage().heapUsed - base;
  collect();
  return process.memoryUsage().heapUsed - base;
}

test("at least 300 hostile workbooks: exit 0 or 2, one line at most, no stack trace, bounded heap", async () => {
  expect(cases.length).toBeGreaterThanOrEqual(300);
  const failures: string[] = [];
  let peakHeap = 0;
  const base = heapBase();
  const exits = { 0: 0, 2: 0 };
  for (const [i, c] of cases.entries()) {
    const file = join(dir, `case-${i}.xlsx`);
    writeFileSync(file, c.bytes);
    let stderr = "";
    const code = await main([file, "--format", "json"], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
    });
    rmSync(file);
    const lines = stderr.split("\n").filter((l) => l !== "");
    if (code !== 0 && code !== 2) failures.push(`${c.name}: exit ${code}`);
    else exits[code]++;
    if (lines.length > 1) failures.push(`${c.name}: ${lines.length} lines on stderr`);
    if (/\n\s+at |Error: |TypeError|RangeError/.test(stderr))
      failures.push(`${c.name}: ${stderr.slice(0, 200)}`);
    peakHeap = Math.max(peakHeap, retainedHeap(base));
  }
  expect(failures).toEqual([]);
  // Both outcomes occur: some damaged files are still read, most are refused.
  expect(exits[0]).toBeGreaterThan(0);
  expect(exits[2]).toBeGreaterThan(0);
  expect(peakHeap).toBeLessThan(HEAP_BOUND);
});

/**
 * The standalone pane's "download a copy with the 报告 sheet" (FileHost.writeReportSheet) on the
 * same cases: what the reader refuses is refused with the reader's words and nothing is
 * downloaded; what it reads gives a copy it reads again with the same sheets and 报告, or (zip
 * directory damage the reader got past) the reader's "damaged" message; the input never changes.
 */
test("the standalone pane's copy with a 报告 sheet: the reader's refusal, or a copy it reads, and the file unchanged", async () => {
  const failures: string[] = [];
  let peakHeap = 0;
  const base = heapBase();
  const outcomes = { copied: 0, refused: 0 };
  for (const c of cases) {
    const before = Buffer.from(c.bytes);
    const read: WorkbookModel | unknown = await readWorkbookBuffer(c.bytes, "x.xlsx").then(
      (model) => model,
      (e: unknown) => e
    );
    const downloads: Uint8Array[] = [];
    const host = new FileHost({
      fileName: "x.xlsx",
      bytes: c.bytes,
      download: (copy) => {
        downloads.push(copy);
      },
    });
    try {
      await host.writeReportSheet([{ heading: "标题", text: "正文" }]);
      outcomes.copied++;
      if (read instanceof Error)
        failures.push(`${c.name}: the reader refused it, the copy did not`);
      else if (read) {
        const model = await readWorkbookBuffer(downloads[0], "copy.xlsx");
        const names = model.sheets.map((s) => s.name);
        const expected = (read as WorkbookModel).sheets
          .map((s) => s.name)
          .filter((n) => n !== "报告");
        if (
          names.filter((n) => n !== "报告").join("|") !== expected.join("|") ||
          !names.includes("报告")
        )
          failures.push(`${c.name}: copy has sheets ${names.join(",")}`);
      }
    } catch (error) {
      outcomes.refused++;
      if (!(error instanceof WorkbookReadError))
        failures.push(
          `${c.name}: ${(error as Error).name}: ${(error as Error).message.slice(0, 160)}`
        );
      else if (!(read instanceof WorkbookReadError)) {
        // Read (the reader tolerates some damage to the zip's directory), but no copy is made
        // from a damaged directory: only the reader's "damaged" message may come then.
        if (error.code !== "CORRUPT")
          failures.push(`${c.name}: read, but the copy was refused: ${error.messageEn}`);
      } else if (error.messageZh !== read.messageZh)
        failures.push(`${c.name}: ${error.messageZh} ≠ ${read.messageZh}`);
      if (downloads.length > 0) failures.push(`${c.name}: refused, yet something was downloaded`);
    }
    if (!Buffer.from(c.bytes).equals(before)) failures.push(`${c.name}: the input was changed`);
    peakHeap = Math.max(peakHeap, retainedHeap(base));
  }
  expect(failures).toEqual([]);
  expect(outcomes.copied).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(0);
  expect(peakHeap).toBeLessThan(HEAP_BOUND);
});

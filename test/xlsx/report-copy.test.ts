/**
 * The standalone pane's copy with a 报告 sheet (FileHost.writeReportSheet → workbookWithReport →
 * src/xlsx/report-copy.ts): the reader's limits and messages apply to it too, the parts it does
 * not change are copied without being inflated, and the user's file is never changed.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { validateXML } from "xmllint-wasm";
import { FileHost, workbookWithReport } from "../../src/host/file-host";
import { WorkbookReadError, readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { workbookCopyWithSheet } from "../../src/xlsx/report-copy";
import { ZIP_LIMITS } from "../../src/xlsx/zip-guard";
import { SAMPLE_PATH } from "../taskpane/fixtures";
import {
  row,
  tableRows,
  workbookParts,
  zeroBomb,
  zipParts,
  zipWithRawEntries,
} from "../helpers/xlsx-parts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const sampleBytes = () => new Uint8Array(fs.readFileSync(SAMPLE_PATH));
const BLOCKS = [
  { heading: "一、就业工作", text: "2023年，完成城镇新增就业1126人。" },
  { heading: "二、社会保险工作", text: "2023年，……" },
];
const GB = 1024 * 1024 * 1024;

/**
 * libxml2's complaints (well-formedness, namespaces) about each part the copy wrote or edited:
 * everything but the parts of `original` it left as they were.
 */
async function xmlProblems(copy: Uint8Array, original: Uint8Array): Promise<string[]> {
  const before = unzipSync(original);
  const after = unzipSync(copy);
  const problems: string[] = [];
  for (const [name, content] of Object.entries(after)) {
    if (before[name] && Buffer.from(before[name]).equals(Buffer.from(content))) continue;
    const result = await validateXML({
      xml: [{ fileName: name.replace(/[^\w.]/g, "_"), contents: content }],
      normalization: "format",
    });
    if (!result.valid || result.rawOutput) problems.push(`${name}: ${result.rawOutput}`);
  }
  return problems;
}

/** The error a promise rejects with (undefined when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e
  );
}

/** writeReportSheet on `bytes` through a FileHost whose downloads are recorded. */
async function writeCopy(bytes: Uint8Array, fileName = "台账.xlsx") {
  const downloads: Uint8Array[] = [];
  const host = new FileHost({
    fileName,
    bytes,
    download: (copy) => {
      downloads.push(copy);
    },
  });
  const before = sha256(bytes);
  const outcome = await rejection(host.writeReportSheet(BLOCKS));
  expect(sha256(bytes)).toBe(before);
  return { error: outcome, downloads };
}

/** The same refusal from the copy as from the reader: same code, same Chinese and English. */
async function refusedLikeTheReader(bytes: Uint8Array): Promise<WorkbookReadError> {
  const read = await rejection(readWorkbookBuffer(bytes, "台账.xlsx"));
  expect(read).toBeInstanceOf(WorkbookReadError);
  const { error, downloads } = await writeCopy(bytes);
  expect(error).toBeInstanceOf(WorkbookReadError);
  expect(downloads).toEqual([]);
  const copyError = error as WorkbookReadError;
  const readError = read as WorkbookReadError;
  expect(copyError.code).toBe(readError.code);
  expect(copyError.messageZh).toBe(readError.messageZh);
  expect(copyError.messageEn).toBe(readError.messageEn);
  return copyError;
}

function withLimit<K extends keyof typeof ZIP_LIMITS>(
  key: K,
  value: number,
  body: () => Promise<void>
) {
  return async () => {
    const saved = ZIP_LIMITS[key];
    ZIP_LIMITS[key] = value;
    try {
      await body();
    } finally {
      ZIP_LIMITS[key] = saved;
    }
  };
}

describe("the copy with a 报告 sheet is refused where reading is", () => {
  test("a zip bomb in a part that is read: refused on its recorded size, nothing inflated", async () => {
    const bytes = zipWithRawEntries(workbookParts([{ name: "就业", data: tableRows() }]), [
      { name: "xl/sharedStrings.xml", deflated: zeroBomb(GB), size: GB },
    ]);
    const heap = process.memoryUsage().heapUsed;
    const error = await refusedLikeTheReader(bytes);
    expect(error.code).toBe("TOO_LARGE");
    expect(error.messageZh).toBe(
      "“台账.xlsx”超出读取上限：其中的“xl/sharedStrings.xml”解压后有 1024 MB，超过单个部件 256 MB 的上限"
    );
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
  });

  test("a part that inflates beyond its recorded size: damaged, cut off at that size", async () => {
    const bytes = zipWithRawEntries(workbookParts([{ name: "就业", data: tableRows() }]), [
      { name: "xl/sharedStrings.xml", deflated: zeroBomb(GB), size: 1000 },
    ]);
    const error = await refusedLikeTheReader(bytes);
    expect(error.code).toBe("CORRUPT");
    expect(error.messageZh).toContain("“xl/sharedStrings.xml”解压后比记录的大小更大");
  });

  test(
    "an oversized part: the reader's limit and words",
    withLimit("entryBytes", 100, async () => {
      const bytes = zipParts(workbookParts([{ name: "就业", data: tableRows() }]));
      const error = await refusedLikeTheReader(bytes);
      expect(error.messageZh).toMatch(
        /超出读取上限：其中的“[^”]+”解压后有 0 MB，超过单个部件 0 MB 的上限/
      );
    })
  );

  test(
    "too many entries",
    withLimit("entries", 3, async () => {
      const bytes = zipParts(workbookParts([{ name: "就业", data: tableRows() }]));
      const error = await refusedLikeTheReader(bytes);
      expect(error.messageZh).toBe("“台账.xlsx”超出读取上限：压缩包中的条目超过 3 个");
    })
  );

  test(
    "too many cells in a sheet",
    withLimit("cellsPerSheet", 5, async () => {
      const bytes = zipParts(workbookParts([{ name: "就业", data: tableRows() }]));
      const error = await refusedLikeTheReader(bytes);
      expect(error.messageZh).toContain("工作表“就业”有 12 个单元格，超过每表 5 个的上限");
    })
  );

  test("a file over 100 MB, and a file that is not a workbook", async () => {
    const big = new Uint8Array(100 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await refusedLikeTheReader(big)).messageZh).toContain("文件超过 100 MB");
    const text = new TextEncoder().encode("指标名称,目标\n城镇新增就业,1000\n");
    expect((await refusedLikeTheReader(text)).code).toBe("NOT_XLSX");
  });
});

describe("the copy with a 报告 sheet", () => {
  test("copies a bomb in a part nobody reads as it is, without inflating it", async () => {
    const bytes = zipWithRawEntries(workbookParts([{ name: "就业", data: tableRows() }]), [
      { name: "xl/media/image1.png", deflated: zeroBomb(GB), size: GB },
    ]);
    const heap = process.memoryUsage().heapUsed;
    const started = Date.now();
    const { error, downloads } = await writeCopy(bytes);
    expect(error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
    expect(downloads).toHaveLength(1);
    const copy = downloads[0];
    // The picture's compressed bytes are in the copy, unchanged (and still not inflated).
    const bomb = zeroBomb(GB);
    expect(Buffer.from(copy).indexOf(Buffer.from(bomb))).toBeGreaterThan(0);
    const model = await readWorkbookBuffer(copy, "copy.xlsx");
    expect(model.sheets.map((s) => s.name)).toEqual(["就业", "报告"]);
    expect(model.sheets[1].rows[0]?.[0]?.value).toBe("一、就业工作");
  });

  test("leaves every part it does not edit byte for byte as it was", async () => {
    const original = sampleBytes();
    const before = sha256(original);
    const copy = await workbookWithReport(original, BLOCKS, "街道指标台账.xlsx");
    expect(sha256(original)).toBe(before);
    const a = unzipSync(original);
    const b = unzipSync(copy.bytes);
    const edited = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
    ];
    for (const name of Object.keys(a)) {
      expect(b[name]).toBeDefined();
      if (!edited.includes(name))
        expect(Buffer.from(b[name]).equals(Buffer.from(a[name]))).toBe(true);
    }
    const added = Object.keys(b).filter((name) => !(name in a));
    expect(added).toHaveLength(1);
    expect(await xmlProblems(copy.bytes, original)).toEqual([]);
    expect(added[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
  });

  test("writes headings bold at 12 pt and paragraphs wrapped, in a wide column A", async () => {
    const copy = await workbookWithReport(sampleBytes(), BLOCKS);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(copy.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("报告")!;
    expect(sheet.getColumn(1).width).toBe(100);
    expect(sheet.getCell("A1").value).toBe("一、就业工作");
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 12 });
    expect(sheet.getCell("A2").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(sheet.getCell("A3").value).toBeNull();
    expect(sheet.getCell("A4").value).toBe("二、社会保险工作");
    // The workbook's own cells keep their formats.
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(sampleBytes() as unknown as ArrayBuffer);
    const first = original.worksheets[0];
    const same = workbook.getWorksheet(first.name)!;
    first.eachRow((r, n) =>
      r.eachCell((cell, col) => {
        expect(same.getCell(n, col).value).toEqual(cell.value);
        expect(same.getCell(n, col).numFmt).toEqual(cell.numFmt);
        expect(same.getCell(n, col).font).toEqual(cell.font);
      })
    );
  });

  test("keeps what ExcelJS could not: a whole-sheet merge and a sheet name over 31 characters", async () => {
    const long = "2023年度街道各项民生保障指标完成情况统计汇总表（含社区明细及上年同期对比）";
    expect(long.length).toBeGreaterThan(31);
    const bytes = zipParts(
      workbookParts([{ name: long, data: tableRows(), merges: ["A10:XFD1048576"] }])
    );
    const started = Date.now();
    const copy = await workbookWithReport(bytes, BLOCKS, "台账.xlsx");
    expect(Date.now() - started).toBeLessThan(5000);
    const model = await readWorkbookBuffer(copy.bytes, "copy.xlsx");
    expect(model.sheets.map((s) => s.name)).toEqual([long, "报告"]);
    expect(model.sheets[0].merges).toEqual([{ top: 9, left: 0, bottom: 1048575, right: 16383 }]);
    const sheetXml = new TextDecoder().decode(unzipSync(copy.bytes)["xl/worksheets/sheet1.xml"]);
    expect(sheetXml).toContain('<mergeCell ref="A10:XFD1048576"/>');
  });

  test("replaces a 报告 sheet in place, visible, without its old relationships or calc chain", async () => {
    const parts = workbookParts([
      { name: "就业", data: tableRows() },
      { name: "报告", data: row(1, ["旧文字"]) },
      { name: "附表", data: row(1, ["附"]) },
    ]);
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
      '<sheet name="报告"',
      '<sheet state="hidden" name="报告"'
    );
    parts["xl/worksheets/_rels/sheet2.xml.rels"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`;
    parts["xl/calcChain.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="2"/></calcChain>`;
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "</Relationships>",
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'
    );
    const copy = workbookCopyWithSheet(zipParts(parts), "报告", BLOCKS, "台账.xlsx");
    expect(copy).toMatchObject({ created: false, cells: 4 });
    expect(await xmlProblems(copy.bytes, zipParts(parts))).toEqual([]);
    const files = unzipSync(copy.bytes);
    expect(Object.keys(files)).not.toContain("xl/worksheets/_rels/sheet2.xml.rels");
    expect(Object.keys(files)).not.toContain("xl/calcChain.xml");
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(text("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text("xl/workbook.xml")).toContain('<sheet name="报告" sheetId="2" r:id="rId2"/>');
    const model = await readWorkbookBuffer(copy.bytes, "copy.xlsx");
    expect(model.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["就业", false],
      ["报告", false],
      ["附表", false],
    ]);
    expect(model.sheets[1].rows[0]?.[0]?.value).toBe("一、就业工作");
    expect(model.sheets[1].rows.flat().map((c) => c?.value)).not.toContain("旧文字");
  });

  test("adds the sheet in the workbook's own prefixes, declaring r: where the root does not", async () => {
    const parts = workbookParts([{ name: "就业", data: tableRows() }]);
    // As the Open XML SDK writes it: x: for the main namespace, r: declared on each sheet.
    parts["xl/workbook.xml"] =
      `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets><x:sheet name="就业" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" /></x:sheets></x:workbook>`;
    const copy = workbookCopyWithSheet(zipParts(parts), "报告", BLOCKS);
    expect(await xmlProblems(copy.bytes, zipParts(parts))).toEqual([]);
    const xml = new TextDecoder().decode(unzipSync(copy.bytes)["xl/workbook.xml"]);
    expect(xml).toContain(
      '<x:sheet name="报告" sheetId="2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/></x:sheets>'
    );
    // With r: on the root, the new sheet uses it.
    const plain = workbookCopyWithSheet(
      zipParts(workbookParts([{ name: "就业", data: tableRows() }])),
      "报告",
      BLOCKS
    );
    expect(new TextDecoder().decode(unzipSync(plain.bytes)["xl/workbook.xml"])).toContain(
      '<sheet name="报告" sheetId="2" r:id="rId2"/></sheets>'
    );
  });

  test("writes every text as text: markup, Excel's _x escapes, controls and formulas stay inert", async () => {
    const hostile = [
      { heading: '=HYPERLINK("http://x","点")', text: '<script>alert(1)</script> & "引号"' },
      { heading: "_x0041_ 不是 A", text: "控制符\u001b[2J\u0007结束\uD800" },
    ];
    const copy = await workbookWithReport(sampleBytes(), hostile);
    expect(await xmlProblems(copy.bytes, sampleBytes())).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(copy.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("报告")!;
    expect(sheet.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A1").value).toBe('=HYPERLINK("http://x","点")');
    expect(sheet.getCell("A2").value).toBe('<script>alert(1)</script> & "引号"');
    const files = unzipSync(copy.bytes);
    const part = Object.keys(files).find(
      (name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && !(name in unzipSync(sampleBytes()))
    )!;
    const xml = new TextDecoder().decode(files[part]);
    expect(xml).toContain("_x005F_x0041_ 不是 A");
    expect(xml).toContain("控制符_x001B_[2J_x0007_结束\uFFFD");
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<f>");
  });

  test("a copy of a copy has one 报告 sheet, and the original is the same file after both", async () => {
    const original = sampleBytes();
    const before = sha256(original);
    const first = await workbookWithReport(original, [{ heading: "旧", text: "旧文字" }]);
    const second = await workbookWithReport(first.bytes, BLOCKS);
    expect(sha256(original)).toBe(before);
    expect(second.created).toBe(false);
    const model = await readWorkbookBuffer(second.bytes);
    expect(model.sheets.filter((s) => s.name === "报告")).toHaveLength(1);
    const again = await readWorkbookBuffer(original);
    expect(again.sheets.map((s) => s.name)).not.toContain("报告");
  });
});

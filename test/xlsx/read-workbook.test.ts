import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import { readWorkbookBuffer, WorkbookReadError } from "../../src/xlsx/read-workbook";
import { CellModel, SheetModel, WorkbookModel } from "../../src/core/workbook";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-workbook-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

function sheet(model: WorkbookModel, name: string): SheetModel {
  const found = model.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** A1 address → the cell model, e.g. cell(s, "B3"). */
function cell(s: SheetModel, address: string): CellModel | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(address);
  const col = match[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return s.rows[Number(match[2]) - 1]?.[col];
}

function value(s: SheetModel, address: string) {
  return cell(s, address)?.value;
}

/** Rewrites one part of a zip (used to make files look like Excel's or openpyxl's own). */
async function rewriteZipPart(
  file: string,
  part: string,
  edit: (xml: string) => string
): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file(part)!.async("string");
  zip.file(part, edit(xml));
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

async function expectReadError(
  promise: Promise<unknown>,
  code: string
): Promise<WorkbookReadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    const readError = error as WorkbookReadError;
    expect(readError.code).toBe(code);
    expect(readError.message).toBe(`${readError.messageZh} / ${readError.messageEn}`);
    return readError;
  }
  throw new Error(`expected ${code}`);
}

describe("cell values", () => {
  let s: SheetModel;
  const date = new Date(Date.UTC(2023, 11, 31));

  beforeAll(async () => {
    const file = await writeWorkbook("values.xlsx", (wb) => {
      const ws = wb.addWorksheet("值");
      ws.getCell("A1").value = 1126;
      ws.getCell("A2").value = "城镇新增就业";
      ws.getCell("A3").value = {
        richText: [{ text: "城镇", font: { bold: true } }, { text: "新增就业" }],
      };
      ws.getCell("A4").value = date;
      ws.getCell("A5").value = true;
      ws.getCell("B1").value = 1000;
      ws.getCell("C1").value = { formula: "A1/B1", result: 1.126 };
      ws.getCell("C2").value = { formula: "A1/B1" } as ExcelJS.CellFormulaValue;
      ws.getCell("C3").value = { formula: "A1/0", result: { error: "#DIV/0!" } };
      ws.getCell("C4").value = { error: "#N/A" };
      ws.getCell("C5").value = { formula: '"文本"&"结果"', result: "文本结果" };
      ws.getCell("D1").value = {
        formula: "A1*2",
        result: 2252,
        shareType: "shared",
        ref: "D1:D2",
      } as ExcelJS.CellFormulaValue;
      ws.getCell("D2").value = { sharedFormula: "D1", result: 2000 };
      ws.getCell("E1").value = { text: "区人社局", hyperlink: "http://example.com" };
      ws.getCell("E2").value = "";
    });
    s = sheet(await readWorkbookFile(file), "值");
  });

  test("numbers, strings, booleans and dates", () => {
    expect(value(s, "A1")).toBe(1126);
    expect(value(s, "A2")).toBe("城镇新增就业");
    expect(value(s, "A5")).toBe(true);
    expect(value(s, "A4")).toBeInstanceOf(Date);
    expect((value(s, "A4") as Date).getTime()).toBe(date.getTime());
  });

  test("rich text is joined into plain text", () => {
    expect(value(s, "A3")).toBe("城镇新增就业");
  });

  test("formulas give their cached results; one without is marked uncalculated, with no value", () => {
    expect(value(s, "C1")).toBeCloseTo(1.126);
    expect(cell(s, "C2")).toEqual({ value: null, uncalculated: true });
    expect(value(s, "C5")).toBe("文本结果");
  });

  test("shared formulas give their cached results, master and dependents", () => {
    expect(value(s, "D1")).toBe(2252);
    expect(value(s, "D2")).toBe(2000);
  });

  test("error values, literal and cached", () => {
    expect(value(s, "C3")).toEqual({ error: "#DIV/0!" });
    expect(value(s, "C4")).toEqual({ error: "#N/A" });
  });

  test("hyperlinks give their text; empty strings are empty cells", () => {
    expect(value(s, "E1")).toBe("区人社局");
    expect(cell(s, "E2")).toBeUndefined();
  });
});

describe("formats, layout and sheets", () => {
  let model: WorkbookModel;

  beforeAll(async () => {
    const file = await writeWorkbook("layout.xlsx", (wb) => {
      const ws = wb.addWorksheet("就业");
      ws.mergeCells("A1:F1");
      ws.getCell("A1").value = "2023年就业工作指标完成情况表";
      ws.getCell("B3").value = 0.9867;
      ws.getCell("B3").numFmt = "0.00%";
      ws.getCell("C3").value = 24650;
      ws.getCell("C3").numFmt = "#,##0";
      ws.getCell("D3").value = 12;
      ws.getCell("A4").value = "高校毕业生";
      ws.getCell("A4").alignment = { indent: 1 };
      ws.getCell("A5").value = "城镇新增就业";
      ws.getCell("A5").alignment = { horizontal: "left" };
      ws.getCell("H7").value = "末";
      ws.getCell("J9").numFmt = "0.00"; // formatted but empty: not "used"
      wb.addWorksheet("底稿", { state: "hidden" }).getCell("A1").value = 1;
      wb.addWorksheet("深藏", { state: "veryHidden" }).getCell("A1").value = 2;
      wb.addWorksheet("空表");
    });
    model = await readWorkbookFile(file);
  });

  test("number formats other than General", () => {
    const s = sheet(model, "就业");
    expect(cell(s, "B3")?.numFmt).toBe("0.00%");
    expect(cell(s, "C3")?.numFmt).toBe("#,##0");
    expect(cell(s, "D3")?.numFmt).toBeUndefined();
  });

  test("indent only when above zero", () => {
    const s = sheet(model, "就业");
    expect(cell(s, "A4")?.indent).toBe(1);
    expect(cell(s, "A5")?.indent).toBeUndefined();
  });

  test("merged title keeps its value in the master cell only", () => {
    const s = sheet(model, "就业");
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(value(s, "A1")).toBe("2023年就业工作指标完成情况表");
    for (const address of ["B1", "C1", "D1", "E1", "F1"]) expect(cell(s, address)).toBeUndefined();
    expect(s.rows[0].length).toBe(1);
  });

  test("dense grid from A1 to the last used cell", () => {
    const s = sheet(model, "就业");
    expect(s.rows.length).toBe(7);
    expect(s.rows[1]).toEqual([]);
    expect(s.rows[6].length).toBe(8);
    expect(0 in s.rows[6]).toBe(true); // a real undefined, not a hole
    expect(value(s, "H7")).toBe("末");
  });

  test("every sheet is read, hidden ones marked", () => {
    expect(model.sheets.map((s) => s.name)).toEqual(["就业", "底稿", "深藏", "空表"]);
    expect(sheet(model, "就业").hidden).toBeUndefined();
    expect(sheet(model, "底稿").hidden).toBe(true);
    expect(sheet(model, "深藏").hidden).toBe(true);
    expect(value(sheet(model, "底稿"), "A1")).toBe(1);
    expect(sheet(model, "空表").rows).toEqual([]);
  });
});

describe("Excel tables", () => {
  function addTables(wb: ExcelJS.Workbook): void {
    const ws = wb.addWorksheet("社保");
    ws.getCell("A1").value = "2023年社会保险工作指标";
    ws.addTable({
      name: "社会保险",
      ref: "A3",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: [{ name: "项目" }, { name: "目标任务" }, { name: "累计完成" }],
      rows: [
        ["城乡居民医保参保人数", 25000, 24650],
        ["城乡居民医保缴费金额", 1000, 986],
      ],
    });
    ws.addTable({
      name: "无表头",
      ref: "F10",
      headerRow: false,
      columns: [{ name: "Column1" }, { name: "Column2" }],
      rows: [
        ["新增四上企业入库", 12],
        ["固定资产投资", 12.6],
      ],
    });
  }

  test("ExcelJS-written tables: name, range, header flag", async () => {
    const file = await writeWorkbook("tables.xlsx", addTables);
    const s = sheet(await readWorkbookFile(file), "社保");
    expect(s.tables).toEqual([
      { name: "社会保险", range: { top: 2, left: 0, bottom: 4, right: 2 }, hasHeaderRow: true },
      { name: "无表头", range: { top: 9, left: 5, bottom: 10, right: 6 }, hasHeaderRow: false },
    ]);
    expect(value(s, "A3")).toBe("项目");
    expect(value(s, "C5")).toBe(986);
  });

  test("Excel's own files omit headerRowCount: the header row is still recognised", async () => {
    const file = await writeWorkbook("excel-style-tables.xlsx", addTables);
    const dropHeaderCount = (xml: string) => xml.replace(/ headerRowCount="1"/, "");
    await rewriteZipPart(file, "xl/tables/table1.xml", dropHeaderCount);
    const s = sheet(await readWorkbookFile(file), "社保");
    expect(s.tables.map((t) => [t.name, t.hasHeaderRow])).toEqual([
      ["社会保险", true],
      ["无表头", false],
    ]);
  });

  test("a column name with a line break (_x000a_) still matches its header cell", async () => {
    const file = await writeWorkbook("linebreak-header.xlsx", (wb) => {
      wb.addWorksheet("表").addTable({
        name: "折行",
        ref: "A1",
        columns: [{ name: "指标" }, { name: "1—12月\n完成" }],
        rows: [["城镇新增就业", 1126]],
      });
    });
    await rewriteZipPart(file, "xl/tables/table1.xml", (xml) =>
      xml
        .replace(/ headerRowCount="1"/, "")
        .replace(/1—12月(&#10;|&#xa;|\n)完成/, "1—12月_x000a_完成")
    );
    const s = sheet(await readWorkbookFile(file), "表");
    expect(s.tables[0]).toMatchObject({ name: "折行", hasHeaderRow: true });
  });

  test("a file whose table parts ExcelJS cannot resolve (openpyxl style) is still read, without tables", async () => {
    const file = await writeWorkbook("absolute-table-target.xlsx", addTables);
    await rewriteZipPart(file, "xl/worksheets/_rels/sheet1.xml.rels", (xml) =>
      xml.replace(/Target="\.\.\/tables\//g, 'Target="/xl/tables/')
    );
    const s = sheet(await readWorkbookFile(file), "社保");
    expect(value(s, "A4")).toBe("城乡居民医保参保人数");
    expect(s.tables).toEqual([]);
  });
});

test("a bare <c/> element (no value, no style) does not break reading", async () => {
  const file = await writeWorkbook("bare-cell.xlsx", (wb) => {
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = "指标";
    ws.getCell("B1").value = 5;
  });
  await rewriteZipPart(file, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace("</row>", '<c r="C1"/></row>')
  );
  const s = sheet(await readWorkbookFile(file), "表");
  expect(s.rows[0].map((c) => c?.value)).toEqual(["指标", 5]);
});

describe("readWorkbookBuffer", () => {
  let bytes: Buffer;

  beforeAll(async () => {
    const file = await writeWorkbook("buffer.xlsx", (wb) => {
      wb.addWorksheet("表").getCell("B2").value = 42;
    });
    bytes = fs.readFileSync(file);
  });

  test("accepts a Buffer, a Uint8Array and an ArrayBuffer", async () => {
    const arrayBuffer = new Uint8Array(bytes).buffer;
    for (const data of [bytes, new Uint8Array(bytes), arrayBuffer]) {
      const model = await readWorkbookBuffer(data);
      expect(value(sheet(model, "表"), "B2")).toBe(42);
    }
  });

  test("a Uint8Array view into a larger buffer", async () => {
    const padded = new Uint8Array(bytes.length + 20);
    padded.set(bytes, 10);
    const model = await readWorkbookBuffer(padded.subarray(10, 10 + bytes.length));
    expect(value(sheet(model, "表"), "B2")).toBe(42);
  });

  test("uses no Node-only module (it must run in the task pane)", () => {
    const source = fs.readFileSync(path.join(__dirname, "../../src/xlsx/read-workbook.ts"), "utf8");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(
      imports.every(
        (name) => name === "exceljs" || name === "./zip-guard" || name.startsWith("../core/")
      )
    ).toBe(true);
    expect(source).not.toMatch(/\bBuffer\.|require\(/);
  });
});

describe("files that cannot be read", () => {
  function writeBytes(name: string, data: Uint8Array | string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    return file;
  }

  const cfbHeader = () =>
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

  test("missing file", async () => {
    const file = path.join(dir, "不存在.xlsx");
    const error = await expectReadError(readWorkbookFile(file), "FILE_NOT_FOUND");
    expect(error.messageZh).toContain("不存在.xlsx");
    expect(error.messageEn).toContain("不存在.xlsx");
    expect(error.file).toBe(file);
  });

  test("a folder", async () => {
    await expectReadError(readWorkbookFile(dir), "FILE_NOT_FOUND");
  });

  test("random bytes", async () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    await expectReadError(readWorkbookFile(writeBytes("random.xlsx", random)), "NOT_XLSX");
  });

  test("a CSV file", async () => {
    const csv = "指标名称,单位,目标,完成\n城镇新增就业,人,1000,1126\n";
    const error = await expectReadError(readWorkbookFile(writeBytes("台账.xlsx", csv)), "NOT_XLSX");
    expect(error.messageZh).toContain("CSV");
    expect(error.messageZh).toContain("台账.xlsx");
  });

  test("an old .xls (OLE2 container without EncryptionInfo)", async () => {
    const error = await expectReadError(
      readWorkbookFile(writeBytes("old.xls", cfbHeader())),
      "NOT_XLSX"
    );
    expect(error.messageZh).toContain("旧版 .xls");
  });

  test("an encrypted .xlsx (OLE2 container with an EncryptionInfo stream)", async () => {
    const data = Buffer.concat([
      cfbHeader(),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.alloc(64),
    ]);
    const error = await expectReadError(
      readWorkbookFile(writeBytes("加密.xlsx", data)),
      "ENCRYPTED"
    );
    expect(error.messageZh).toContain("工作簿已加密，请在 Excel 中取消密码后另存为 .xlsx");
  });

  test("a zip without a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const data = await zip.generateAsync({ type: "nodebuffer" });
    await expectReadError(readWorkbookFile(writeBytes("document.xlsx", data)), "CORRUPT");
  });

  test("a truncated .xlsx", async () => {
    const file = await writeWorkbook("whole.xlsx", (wb) => {
      wb.addWorksheet("表").getCell("A1").value = "城镇新增就业";
    });
    const whole = fs.readFileSync(file);
    await expectReadError(
      readWorkbookFile(writeBytes("half.xlsx", whole.subarray(0, whole.length / 2))),
      "CORRUPT"
    );
  });

  test("an empty file", async () => {
    await expectReadError(readWorkbookFile(writeBytes("empty.xlsx", "")), "CORRUPT");
  });

  test("buffer errors without a file name still read well", async () => {
    const error = await expectReadError(readWorkbookBuffer(cfbHeader()), "NOT_XLSX");
    expect(error.messageZh).toContain("该文件");
  });
});

test("reading does not modify the file", async () => {
  const file = await writeWorkbook("untouched.xlsx", (wb) => {
    const ws = wb.addWorksheet("表");
    ws.mergeCells("A1:C1");
    ws.getCell("A1").value = "标题";
    ws.addTable({ name: "T", ref: "A3", columns: [{ name: "a" }], rows: [[1]] });
  });
  const hash = () => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  const before = { hash: hash(), mtime: fs.statSync(file).mtimeMs };
  await readWorkbookFile(file);
  expect({ hash: hash(), mtime: fs.statSync(file).mtimeMs }).toEqual(before);
});

describe("parts the reader leaves out", () => {
  test("a workbook with notes (批注) on its cells is read, its values intact", async () => {
    const file = await writeWorkbook("with-notes.xlsx", (wb) => {
      const s = wb.addWorksheet("就业");
      s.addRow(["指标名称", "单位", "目标", "完成"]);
      s.addRow(["城镇新增就业", "人", 1000, 1126]);
      s.getCell("D2").note = "含灵活就业";
      const other = wb.addWorksheet("社保");
      other.addRow(["指标名称", "完成"]);
      other.getCell("A1").note = "第二张表的批注";
    });
    const model = await readWorkbookFile(file);
    expect(value(sheet(model, "就业"), "D2")).toBe(1126);
    expect(value(sheet(model, "社保"), "B1")).toBe("完成");
  });
});

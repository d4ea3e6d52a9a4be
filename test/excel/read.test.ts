import { analyzeWorkbook } from "../../src/core";
import { createExcelHost } from "../../src/excel/excel-host";
import { cutBands, packBands } from "../../src/excel/read";
import { ExcelReadError } from "../../src/excel/read-errors";
import { parseRange } from "../../src/core/address";
import { CellRange, SheetModel, WorkbookModel } from "../../src/core/workbook";
import { FakeExcel } from "./fake-excel";
import { tablesWorkbook, TABLES_PER_SHEET } from "./workbooks";

function hostFor(fake: FakeExcel, version = "1.17", cellsPerSync?: number) {
  return createExcelHost(fake.run, fake.requirements(version), { cellsPerSync });
}

function range(a1: string): CellRange {
  const parsed = parseRange(a1);
  if (!parsed) throw new Error(a1);
  return parsed;
}

function sheetOf(model: WorkbookModel, name: string): SheetModel {
  const found = model.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe("sync count does not grow with tables or sheets", () => {
  const measured: Record<number, number> = {};

  test.each([1, 10, 100])("%i tables", async (count) => {
    const expected = tablesWorkbook(count);
    const fake = FakeExcel.fromModel(expected);
    expect(fake.tables.length).toBe(Math.floor(count / 2));
    expect(fake.sheets.length).toBe(Math.ceil(count / TABLES_PER_SHEET));

    const model = await hostFor(fake).read();

    expect(model).toEqual(expected);
    expect(fake.runCount).toBe(1);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(fake.writes).toEqual([]);
    measured[count] = fake.syncCount;
  });

  afterAll(() => {
    expect(new Set(Object.values(measured)).size).toBe(1);
    expect(measured[1]).toBe(2);
  });
});

describe("what is read", () => {
  test("values, errors, number formats, indents, dates, booleans at their real offset", async () => {
    const fake = new FakeExcel();
    fake.addSheet(
      "就业",
      [
        ["指标名称", "目标", "完成", "完成率", "填报日期", "已核"],
        [
          "城镇新增就业",
          { v: 1000, fmt: "#,##0" },
          1126,
          { v: 1.126, fmt: "0.00%" },
          { v: 45291, fmt: "yyyy-mm-dd" },
          true,
        ],
        [{ v: "其中：大学生", indent: 2 }, null, 320, { error: "#DIV/0!" }],
        [],
        ["备注：数据截至10月底"],
      ],
      { at: "C4" }
    );
    const model = await hostFor(fake).read();
    const sheet = sheetOf(model, "就业");
    expect(sheet.rows.length).toBe(8);
    expect(sheet.rows.slice(0, 3)).toEqual([[], [], []]);
    expect(sheet.rows[3]).toEqual([
      undefined,
      undefined,
      { value: "指标名称" },
      { value: "目标" },
      { value: "完成" },
      { value: "完成率" },
      { value: "填报日期" },
      { value: "已核" },
    ]);
    expect(sheet.rows[4][3]).toEqual({ value: 1000, numFmt: "#,##0" });
    expect(sheet.rows[4][5]).toEqual({ value: 1.126, numFmt: "0.00%" });
    expect(sheet.rows[4][6]).toEqual({
      value: new Date(Date.UTC(2023, 11, 31)),
      numFmt: "yyyy-mm-dd",
    });
    expect(sheet.rows[4][7]).toEqual({ value: true });
    expect(sheet.rows[5]).toEqual([
      undefined,
      undefined,
      { value: "其中：大学生", indent: 2 },
      undefined,
      { value: 320 },
      { value: { error: "#DIV/0!" } },
    ]);
    expect(sheet.rows[6]).toEqual([]);
    expect(sheet.rows[7]).toEqual([undefined, undefined, { value: "备注：数据截至10月底" }]);
  });

  test("merges, tables (with and without header row), hidden sheets, quoted names", async () => {
    const fake = new FakeExcel();
    fake.addSheet("My Sheet", [["2023年指标"], ["指标", "完成"], ["就业", 1]], {
      merges: ["A1:B1"],
      tables: [{ name: "表一", ref: "A2:B3" }],
    });
    fake.addSheet("O'Brien", [["a", 1]], {
      hidden: "very",
      tables: [{ name: "无表头", ref: "A1:B1", showHeaders: false }],
    });
    fake.addSheet("空表");
    const model = await hostFor(fake).read();
    expect(model.sheets.map((s) => s.name)).toEqual(["My Sheet", "O'Brien", "空表"]);
    expect(model.sheets[0].merges).toEqual([range("A1:B1")]);
    expect(model.sheets[0].tables).toEqual([
      { name: "表一", range: range("A2:B3"), hasHeaderRow: true },
    ]);
    expect(model.sheets[0].hidden).toBeUndefined();
    expect(model.sheets[1].hidden).toBe(true);
    expect(model.sheets[1].tables).toEqual([
      { name: "无表头", range: range("A1:B1"), hasHeaderRow: false },
    ]);
    expect(model.sheets[2]).toEqual({ name: "空表", rows: [], merges: [], tables: [] });
    expect(fake.syncCount).toBe(2);
  });

  test("cells with formatting only do not widen the used range", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("就业", [["指标", 1]]);
    sheet.cells.set("5000,200", { numFmt: "0.00" });
    const model = await hostFor(fake).read();
    expect(model.sheets[0].rows).toEqual([[{ value: "指标" }, { value: 1 }]]);
  });

  test("ExcelApi 1.7: no indents (no getCellProperties) and no merges, still two syncs", async () => {
    const fake = FakeExcel.fromModel(tablesWorkbook(3));
    const model = await hostFor(fake, "1.7").read();
    expect(fake.syncCount).toBe(2);
    const sheet = model.sheets[0];
    expect(sheet.merges).toEqual([]);
    expect(sheet.rows.flat().some((cell) => cell?.indent !== undefined)).toBe(false);
  });

  test("the add-in's own 报告 sheet is left out", async () => {
    const fake = FakeExcel.fromModel(tablesWorkbook(2));
    const host = hostFor(fake);
    await host.writeReportSheet([{ heading: "一、就业", text: "城镇新增就业1100人。" }]);
    fake.syncCount = 0;
    const model = await host.read();
    expect(model.sheets.map((s) => s.name)).toEqual(["台账1"]);
    expect(fake.syncCount).toBe(2);
  });

  test("a sheet the user named 报告 is read", async () => {
    const fake = new FakeExcel();
    fake.addSheet("报告", [["指标", "完成"]]);
    const model = await hostFor(fake).read();
    expect(model.sheets.map((s) => s.name)).toEqual(["报告"]);
  });
});

describe("large workbooks (Excel on the web: 5 MB per response)", () => {
  function bigWorkbook(): WorkbookModel {
    const rows = Array.from({ length: 300 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) => ({ value: c === 0 ? `指标${r}` : r * 100 + c }))
    );
    return {
      sheets: [
        { name: "大表", rows, merges: [], tables: [] },
        { name: "小表", rows: [[{ value: "x" }]], merges: [], tables: [] },
      ],
    };
  }

  test("a too-large response falls back to chunks of rows; the result is the same", async () => {
    const expected = bigWorkbook();
    const fake = FakeExcel.fromModel(expected, { payloadLimitBytes: 60000 });
    const host = hostFor(fake, "1.17", 600);
    const model = await host.read();
    expect(model).toEqual(expected);
    // 1 sheets and tables, 1 failed attempt, 1 addresses, 3601 cells / 600 per sync → 7
    expect(fake.syncCount).toBe(3 + 7);
    const failed = fake.payloads[1];
    expect(failed).toBeGreaterThan(60000);
    for (const size of fake.payloads.slice(2)) expect(size).toBeLessThanOrEqual(60000);

    // The next read skips the attempt that is known to fail.
    fake.syncCount = 0;
    expect(await host.read()).toEqual(expected);
    expect(fake.syncCount).toBe(2 + 7);

    // The workbook shrank: one chunk was enough, so the read after that is back to two syncs.
    fake.sheet("大表").cells.clear();
    await host.read();
    fake.syncCount = 0;
    await host.read();
    expect(fake.syncCount).toBe(2);
  });

  test("a chunk still too large (long texts) is cut again", async () => {
    const long = "很长的说明文字".repeat(40);
    const rows = Array.from({ length: 40 }, () => [{ value: long }, { value: 1 }]);
    const expected: WorkbookModel = { sheets: [{ name: "说明", rows, merges: [], tables: [] }] };
    const fake = FakeExcel.fromModel(expected, { payloadLimitBytes: 20000 });
    const model = await hostFor(fake, "1.17", 10000).read();
    expect(model).toEqual(expected);
    expect(fake.syncCount).toBeGreaterThan(3);
  });

  test("bands: whole rows, packed several to a sync", () => {
    const bands = cutBands(
      [
        { sheet: 0, range: range("A1:J95") },
        { sheet: 1, range: range("C3:D4") },
      ],
      200
    );
    expect(bands.map((b) => b.range)).toEqual([
      range("A1:J20"),
      range("A21:J40"),
      range("A41:J60"),
      range("A61:J80"),
      range("A81:J95"),
      range("C3:D4"),
    ]);
    const groups = packBands(bands, 200);
    expect(groups.map((g) => g.length)).toEqual([1, 1, 1, 1, 2]);
    expect(cutBands([{ sheet: 0, range: range("A1:Z1") }], 10).map((b) => b.range)).toEqual([
      range("A1:J1"),
      range("K1:T1"),
      range("U1:Z1"),
    ]);
  });
});

describe("more than 512 merged areas on a sheet", () => {
  /** tablesWorkbook(count) plus a 台账 sheet of 2000 rows whose 类别 and 单位 cells are merged. */
  function ledger(count: number): WorkbookModel {
    const model = tablesWorkbook(count);
    const rows: SheetModel["rows"] = [[{ value: "类别" }, { value: "单位" }, { value: "指标" }]];
    const merges: CellRange[] = [];
    for (let r = 1; r <= 1000; r++) {
      rows.push([{ value: `类别${r}` }, { value: "人" }, { value: `指标${r}` }]);
      rows.push([undefined, undefined, { value: `指标${r}b` }]);
      // A merged 类别 cell and a merged 单位 cell over each pair of rows: 2000 areas.
      merges.push({ top: 2 * r - 1, left: 0, bottom: 2 * r, right: 0 });
      merges.push({ top: 2 * r - 1, left: 1, bottom: 2 * r, right: 1 });
    }
    model.sheets.push({ name: "大台账", rows, merges, tables: [] });
    return model;
  }

  const measured: Record<number, number> = {};

  test.each([1, 10, 100])("2000 merged areas and %i tables: all read", async (count) => {
    const expected = ledger(count);
    const fake = FakeExcel.fromModel(expected);
    // The strict fake refuses the whole-sheet call, as Excel does.
    await expect(
      fake.run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem("大台账")
          .getRange()
          .getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
      })
    ).rejects.toThrow(/more than 512/);
    fake.syncCount = 0;

    const host = hostFor(fake);
    const model = await host.read();
    expect(model).toEqual(expected);
    expect(sheetOf(model, "大台账").merges).toHaveLength(2000);
    expect(host.readProblems).toEqual([]);
    measured[count] = fake.syncCount;
  });

  afterAll(() => {
    // Sheets and tables, the failed sync 2, addresses and tables, merges in bands, cells.
    expect(measured[1]).toBe(5);
    expect(new Set(Object.values(measured)).size).toBe(1);
  });

  test("each area is found once, in the band of its top-left cell", async () => {
    const expected = ledger(0);
    // Areas across band borders: a tall one over most rows, wide ones across columns.
    expected.sheets[0].merges.push({ top: 0, left: 4, bottom: 1500, right: 5 });
    expected.sheets[0].rows[0][4] = { value: "备注" };
    const fake = FakeExcel.fromModel(expected);
    const model = await hostFor(fake).read();
    const merges = sheetOf(model, "大台账").merges;
    expect(merges).toHaveLength(2001);
    expect(new Set(merges.map((m) => rangeKey(m))).size).toBe(2001);
    expect(merges).toContainEqual({ top: 0, left: 4, bottom: 1500, right: 5 });
  });

  test("a workbook read in chunks falls back to bands too", async () => {
    const expected = ledger(4);
    const fake = FakeExcel.fromModel(expected, { payloadLimitBytes: 60000 });
    const model = await hostFor(fake, "1.17", 2000).read();
    expect(model).toEqual(expected);
  });
});

function rangeKey(r: CellRange): string {
  return `${r.top},${r.left},${r.bottom},${r.right}`;
}

describe("Office.js errors during a read", () => {
  test("a sheet Excel refuses is left out with a named message; the others are read", async () => {
    const expected = tablesWorkbook(12);
    const fake = FakeExcel.fromModel(expected);
    fake.failSheet("社保 医保", "AccessDenied");
    const host = hostFor(fake);
    const model = await host.read();
    expect(model.sheets.map((s) => s.name)).toEqual(["台账1", "台账3"]);
    expect(model.sheets[0]).toEqual(expected.sheets[0]);
    expect(model.sheets[1]).toEqual(expected.sheets[2]);
    // the engine names it among the findings, so the 校验 tab shows it
    const finding = analyzeWorkbook(model).findings.find((f) => f.code === "PART_NOT_READ");
    expect(finding).toMatchObject({ severity: "warning", sheet: "社保 医保" });
    expect(finding?.message).toContain("工作表“社保 医保”无法读取，已跳过");
    expect(finding?.messageEn).not.toMatch(/[\u4e00-\u9fff]{3}/);
    expect(host.readProblems).toEqual([
      expect.objectContaining({ part: "sheet", sheet: "社保 医保", code: "AccessDenied" }),
    ]);
    expect(host.readProblems[0].messageZh).toBe(
      "工作表“社保 医保”无法读取，已跳过，其余工作表照常读取（Excel 错误 AccessDenied）：工作簿或工作表受保护，或没有读取权限。"
    );
    expect(host.readProblems[0].messageEn).toContain('The sheet "社保 医保" could not be read');

    // Once the sheet answers again, the next read has it all, with no message.
    fake.failingSheets.clear();
    const again = await host.read();
    expect(again).toEqual(expected);
    expect(again.unread).toBeUndefined();
    expect(host.readProblems).toEqual([]);
  });

  test("the list of sheets refused: the read stops with a named error", async () => {
    const fake = FakeExcel.fromModel(tablesWorkbook(2));
    fake.failSync("InvalidOperationInCellEditMode");
    const error = await hostFor(fake)
      .read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelReadError);
    expect((error as ExcelReadError).messageZh).toBe(
      "无法读取工作簿中的工作表（Excel 错误 InvalidOperationInCellEditMode）：Excel 正处于单元格编辑状态，请按 Enter 或 Esc 结束编辑后刷新。"
    );
    expect((error as ExcelReadError).messageEn).toContain("press Enter or Esc");
  });

  test("a passing failure of sync 2 costs a retry, not the workbook", async () => {
    const expected = tablesWorkbook(6);
    const fake = FakeExcel.fromModel(expected);
    fake.failSync("ServiceNotAvailable", 1);
    const host = hostFor(fake);
    expect(await host.read()).toEqual(expected);
    expect(host.readProblems).toEqual([]);
  });

  test("every sheet refused: a named error, not an empty workbook", async () => {
    const fake = new FakeExcel();
    fake.addSheet("就业", [["指标", 1]]);
    fake.failSheet("就业", "GeneralException");
    await expect(hostFor(fake).read()).rejects.toMatchObject({
      messageZh: expect.stringContaining("无法读取工作簿中的工作表（Excel 错误 GeneralException）"),
    });
  });
});

describe("the workbook's name", () => {
  test("the host is labelled with the workbook's name once read", async () => {
    const fake = FakeExcel.fromModel(tablesWorkbook(1), { workbookName: "街道指标台账.xlsx" });
    const host = createExcelHost(fake.run, fake.requirements(), { label: "当前工作簿" });
    expect(host.label).toBe("当前工作簿");
    await host.read();
    expect(host.label).toBe("街道指标台账.xlsx");
  });
});

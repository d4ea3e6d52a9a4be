/**
 * The WPS host against the strict ET fake: read, write, insert, select, events, settings, and
 * the version differences (members as methods, wps.EtApplication()).
 */
import { REPORT_SHEET_NAME } from "../../src/host/workbook-host";
import { findEtApplication } from "../../src/wps/et";
import { STORE_SHEET_NAME } from "../../src/wps/store";
import { createWpsHost } from "../../src/wps/wps-host";
import { asEtApplication, FakeEt } from "./fake-et";

/* global setTimeout */

function ledger(members: "property" | "method" = "property") {
  const fake = new FakeEt({ members });
  const book = fake.addWorkbook("街道指标台账.xlsx");
  book.addSheet(
    "就业",
    [
      ["2023年就业工作指标完成情况"],
      ["指标名称", "单位", "目标", "完成", "完成率"],
      ["城镇新增就业", "人", 1000, 1126, { v: 1.126, fmt: "0.00%" }],
      [{ v: "其中：高校毕业生", indent: 2 }, "人", null, { v: 320, fmt: "#,##0" }],
      ["失业人员再就业", "人", 300, { error: "#DIV/0!" }, { f: "=E6/D6" }],
      ["开发公益性岗位", "个", 50, { v: 45321, fmt: "yyyy-mm-dd" }, { v: "#N/A" }],
    ],
    { at: "B2", merges: ["B2:F2"], tables: [{ name: "就业表", ref: "B3:F7" }] }
  );
  book.addSheet("草稿", [["旧数据", 1]], { hidden: true });
  book.addSheet("内部", [["备用", 2]], { hidden: "very" });
  return { fake, book, app: asEtApplication(fake) };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("read", () => {
  test("values, formats and indents per column, merges, tables, hidden states, errors, formulas", async () => {
    const { fake, app } = ledger();
    const model = await createWpsHost(app).read();
    expect(model.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["就业", false],
      ["草稿", true],
      ["内部", true],
    ]);
    const jobs = model.sheets[0];
    expect(jobs.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
    expect(jobs.tables).toEqual([
      { name: "就业表", range: { top: 2, left: 1, bottom: 6, right: 5 }, hasHeaderRow: true },
    ]);
    expect(jobs.rows[1]).toEqual([undefined, { value: "2023年就业工作指标完成情况" }]);
    expect(jobs.rows[3][5]).toEqual({ value: 1.126, numFmt: "0.00%" });
    expect(jobs.rows[4][1]).toEqual({ value: "其中：高校毕业生", indent: 2 });
    expect(jobs.rows[4][4]).toEqual({ value: 320, numFmt: "#,##0" });
    expect(jobs.rows[4][3]).toBeUndefined();
    expect(jobs.rows[5][4]).toEqual({ value: { error: "#DIV/0!" } });
    // A formula saved without its result.
    expect(jobs.rows[5][5]).toEqual({ value: null, uncalculated: true });
    // A date format turns the serial into a date, as the Excel adapter and the .xlsx reader do.
    expect(jobs.rows[6][4]?.value).toEqual(new Date(Date.UTC(2024, 0, 30)));
    expect(jobs.rows[6][5]).toEqual({ value: { error: "#N/A" } });
    expect(fake.writes).toEqual([]);
  });

  test("merged areas across, down and in blocks, each found once", async () => {
    const fake = new FakeEt();
    const book = fake.addWorkbook("合并.xlsx");
    const rows = Array.from({ length: 12 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => (r === 0 && c > 0 ? null : `r${r}c${c}`))
    );
    const merges = ["B2:G2", "B4:B6", "B7:B10", "D5:E6", "G12:G13"];
    book.addSheet("类别", rows, { at: "B2", merges });
    const model = await createWpsHost(asEtApplication(fake)).read();
    expect(model.sheets[0].merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`)).toEqual([
      "1,1,1,6",
      "3,1,5,1",
      "4,3,5,4",
      "6,1,9,1",
      "11,6,12,6",
    ]);
    // Only the top-left cell of a merged area keeps its value, as in the Excel adapter.
    expect(model.sheets[0].rows[4][1]).toBeUndefined();
    expect(model.sheets[0].rows[3][1]).toEqual({ value: "r2c0" });
  });

  test("drills into a column only where it is mixed", async () => {
    const fake = new FakeEt();
    const book = fake.addWorkbook("大表.xlsx");
    const rows = Array.from({ length: 200 }, (_, i) => [`指标${i}`, "人", 100 + i, 90 + i]);
    book.addSheet("大表", [["指标名称", "单位", "目标", "完成"], ...rows]);
    fake.calls = 0;
    const model = await createWpsHost(asEtApplication(fake)).read();
    expect(model.sheets[0].rows.length).toBe(201);
    // Uniform columns: a few calls per column, not one per cell (804 cells).
    expect(fake.calls).toBeLessThan(150);
  });

  test("a blank sheet and a workbook of one cell", async () => {
    const fake = new FakeEt();
    const book = fake.addWorkbook("空.xlsx");
    book.addSheet("空白");
    book.addSheet("一格", [["城镇新增就业"]]);
    const model = await createWpsHost(asEtApplication(fake)).read();
    expect(model.sheets).toEqual([
      { name: "空白", rows: [], merges: [], tables: [] },
      { name: "一格", rows: [[{ value: "城镇新增就业" }]], merges: [], tables: [] },
    ]);
  });

  test("members as zero-argument methods (older WPS) read the same", async () => {
    const a = await createWpsHost(ledger("property").app).read();
    const b = await createWpsHost(ledger("method").app).read();
    expect(b).toEqual(a);
  });

  test("no open workbook: a clear error", async () => {
    const fake = new FakeEt();
    await expect(createWpsHost(asEtApplication(fake)).read()).rejects.toThrow(/没有打开的工作簿/);
  });
});

describe("write the 报告 sheet", () => {
  const blocks = [
    { heading: "一、就业工作", text: "2023年，完成城镇新增就业1126人。" },
    { heading: "二、公式", text: "=SUM(A1:A9)" },
    { heading: "", text: "1126" },
  ];

  test("creates the sheet, writes text only (format @ first), touches nothing else", async () => {
    const { fake, book, app } = ledger();
    book.select("就业", "H9");
    const host = createWpsHost(app);
    const result = await host.writeReportSheet(blocks);
    expect(result).toEqual({ kind: "written", sheet: REPORT_SHEET_NAME, cells: 5, created: true });

    const report = book.sheet(REPORT_SHEET_NAME);
    expect(report.cell("A1")?.value).toBe("一、就业工作");
    expect(report.cell("A5")).toMatchObject({ value: "=SUM(A1:A9)", numFmt: "@" });
    expect(report.cell("A5")?.formula).toBeUndefined();
    expect(report.cell("A8")).toMatchObject({ value: "1126", numFmt: "@" });
    // Every value is written after the text format on the same cell.
    const valueWrites = fake.writes.filter((w) => w.what === "Value2");
    for (const w of valueWrites) {
      const i = fake.writes.indexOf(w);
      expect(fake.writes[i - 1]).toMatchObject({
        sheet: w.sheet,
        address: w.address,
        what: "NumberFormat",
        value: "@",
      });
    }
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(
      new Set([REPORT_SHEET_NAME, STORE_SHEET_NAME])
    );
    // The store sheet is very hidden; the user stays on the sheet they were on.
    expect(book.sheet(STORE_SHEET_NAME).visible).toBe(2);
    expect(book.active?.name).toBe("就业");

    // Neither 报告 nor the store is read as data.
    const model = await host.read();
    expect(model.sheets.map((s) => s.name)).toEqual(["就业", "草稿", "内部"]);
  });

  test("an edited cell is a conflict: nothing written; overwrite replaces it", async () => {
    const { fake, book, app } = ledger();
    const host = createWpsHost(app);
    await host.writeReportSheet(blocks);
    book.userEdit(REPORT_SHEET_NAME, "A2", "我改过的段落");
    const before = fake.writes.length;
    const result = await host.writeReportSheet([{ heading: "一、就业工作", text: "新的段落" }]);
    expect(result).toEqual({
      kind: "conflict",
      sheet: REPORT_SHEET_NAME,
      edited: [{ address: "A2", current: "我改过的段落", planned: "新的段落" }],
    });
    expect(fake.writes.length).toBe(before);

    const forced = await host.writeReportSheet(
      [{ heading: "一、就业工作", text: "新的段落" }],
      true
    );
    expect(forced).toMatchObject({ kind: "written", created: false, cells: 2 });
    expect(book.sheet(REPORT_SHEET_NAME).cell("A2")?.value).toBe("新的段落");
    // Cells of the longer earlier report, still as written, are cleared.
    expect(book.sheet(REPORT_SHEET_NAME).cell("A4")?.value).toBeUndefined();
  });

  test("a 报告 sheet of the user's own (not written by the add-in) is read and not overwritten", async () => {
    const { fake, book, app } = ledger();
    book.addSheet(REPORT_SHEET_NAME, [["我自己的报告"]]);
    const host = createWpsHost(app);
    expect((await host.read()).sheets.map((s) => s.name)).toContain(REPORT_SHEET_NAME);
    const result = await host.writeReportSheet(blocks);
    expect(result.kind).toBe("conflict");
    expect(fake.writes).toEqual([]);
  });
});

describe("insert and select", () => {
  test("writes into the empty active cell as text", async () => {
    const { fake, book, app } = ledger();
    book.select("就业", "H3");
    const result = await createWpsHost(app).insertIntoSelection("=1+1 不是公式");
    expect(result).toEqual({ kind: "inserted", address: "就业!H3" });
    expect(book.sheet("就业").cell("H3")).toMatchObject({ value: "=1+1 不是公式", numFmt: "@" });
    expect(fake.writes.map((w) => `${w.sheet}!${w.address} ${w.what}`)).toEqual([
      "就业!H3 NumberFormat",
      "就业!H3 Value2",
    ]);
  });

  test("an occupied cell is left alone unless overwrite", async () => {
    const { fake, book, app } = ledger();
    book.select("就业", "E4");
    const host = createWpsHost(app);
    expect(await host.insertIntoSelection("段落")).toEqual({
      kind: "occupied",
      address: "就业!E4",
      current: "1126",
    });
    expect(fake.writes).toEqual([]);
    expect(await host.insertIntoSelection("段落", true)).toMatchObject({ kind: "inserted" });
    expect(book.sheet("就业").cell("E4")?.value).toBe("段落");
  });

  test("no active cell: unsupported, nothing written", async () => {
    const { fake, app } = ledger();
    expect(await createWpsHost(app).insertIntoSelection("段落")).toEqual({ kind: "unsupported" });
    expect(fake.writes).toEqual([]);
  });

  test("select activates the sheet and selects the cell", async () => {
    const fake = new FakeEt();
    const book = fake.addWorkbook("a.xlsx");
    book.addSheet("说明", [["x"]]);
    book.addSheet("社保 医保", [["y"]]);
    await createWpsHost(asEtApplication(fake)).selectCell("社保 医保", "C7");
    expect(book.active?.name).toBe("社保 医保");
    expect(book.selection).toMatchObject({ row: 6, col: 2 });
    expect(fake.writes).toEqual([]);
    await expect(createWpsHost(asEtApplication(fake)).selectCell("没有", "A1")).rejects.toThrow(
      /找不到工作表“没有”/
    );
  });
});

describe("example table and label", () => {
  test("the example table goes on a new sheet of its own, selected; nothing else touched", async () => {
    const { fake, book, app } = ledger();
    book.addSheet("指标示例", [["旧"]]);
    const host = createWpsHost(app);
    const result = await host.insertExampleTable!([
      ["指标名称", "单位", "目标", "完成"],
      ["城镇新增就业", "人", 1000, 1126],
      ["城镇登记失业率", "%", "≤3.5", 2.8],
      ["备注", "10-1"],
    ]);
    expect(result).toEqual({ sheet: "指标示例2", address: "A1:D4" });
    const sheet = book.sheet("指标示例2");
    expect(sheet.cell("C2")?.value).toBe(1000);
    expect(sheet.cell("C3")?.value).toBe("≤3.5");
    expect(sheet.cell("B4")).toMatchObject({ value: "10-1", numFmt: "@" });
    expect(sheet.cell("C4")?.value).toBeUndefined();
    expect(book.active?.name).toBe("指标示例2");
    expect(book.selection?.sheet).toBe(sheet);
    expect([book.selection?.row, book.selection?.col]).toEqual([0, 0]);
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set(["指标示例2"]));
  });

  test("the label is the active workbook's name, and follows a switch", async () => {
    const { fake, app } = ledger();
    const host = createWpsHost(app, { label: "当前工作簿" });
    expect(host.label).toBe("街道指标台账.xlsx");
    const other = fake.addWorkbook("另一个.xlsx");
    other.addSheet("表");
    fake.activateWorkbook(other);
    expect(host.label).toBe("另一个.xlsx");
    expect(createWpsHost(asEtApplication(new FakeEt()), { label: "当前工作簿" }).label).toBe(
      "当前工作簿"
    );
  });
});

describe("settings", () => {
  test("kept in the very hidden store sheet, round trip, defaults when missing or broken", async () => {
    const { fake, book, app } = ledger();
    const host = createWpsHost(app);
    expect(await host.loadSettings()).toEqual({
      decimals: 2,
      scaleLargeAmounts: true,
      yearStyle: "arabic",
    });
    await host.saveSettings({
      period: 10,
      decimals: 1,
      scaleLargeAmounts: false,
      yearStyle: "chinese",
    });
    expect(book.sheet(STORE_SHEET_NAME).visible).toBe(2);
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set([STORE_SHEET_NAME]));
    expect(await createWpsHost(app).loadSettings()).toEqual({
      period: 10,
      decimals: 1,
      scaleLargeAmounts: false,
      yearStyle: "chinese",
    });
    book.sheet(STORE_SHEET_NAME).cells.set("0,0", { value: "{broken", numFmt: "@" });
    expect((await host.loadSettings()).decimals).toBe(2);
    expect((await host.read()).sheets.map((s) => s.name)).not.toContain(STORE_SHEET_NAME);
  });
});

describe("events", () => {
  test("debounced; the add-in's own sheets do not call back; a workbook switch does", async () => {
    const { fake, book, app } = ledger();
    const host = createWpsHost(app, { debounceMs: 20 });
    let calls = 0;
    const stop = host.onChange(() => calls++);
    expect(fake.listenerCount()).toBe(4);

    book.userEdit("就业", "E4", 1200);
    book.userEdit("就业", "E5", 400);
    await tick(60);
    expect(calls).toBe(1);

    await host.writeReportSheet([{ heading: "一、", text: "段落" }]);
    await tick(60);
    // Its own writes (报告 and the store) and the new sheets: the new sheets call back once.
    const afterWrite = calls;
    book.userEdit(REPORT_SHEET_NAME, "A2", "改");
    await tick(60);
    expect(calls).toBe(afterWrite);

    const other = fake.addWorkbook("另一个.xlsx");
    other.addSheet("表", [["x"]]);
    fake.activateWorkbook(other);
    await tick(60);
    expect(calls).toBe(afterWrite + 1);

    stop();
    expect(fake.listenerCount()).toBe(0);
    book.userEdit("就业", "E4", 1300);
    await tick(60);
    expect(calls).toBe(afterWrite + 1);
  });
});

describe("finding the application", () => {
  test("the global Application, else wps.EtApplication() (method or object)", () => {
    const et = new FakeEt().Application;
    expect(findEtApplication({ Application: et })).toBe(et);
    expect(findEtApplication({ wps: { EtApplication: () => et } })).toBe(et);
    expect(findEtApplication({ wps: { EtApplication: et } })).toBe(et);
    // WPS 文字's Application has no workbooks: not ours.
    expect(findEtApplication({ Application: { ActiveDocument: {} } })).toBeUndefined();
    expect(findEtApplication({})).toBeUndefined();
  });
});

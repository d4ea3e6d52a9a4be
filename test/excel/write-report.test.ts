import { createExcelHost } from "../../src/excel/excel-host";
import { REPORT_CELLS_KEY } from "../../src/excel/report-memory";
import { diffReport, planReport } from "../../src/excel/write-report";
import { REPORT_SHEET_NAME, ReportBlock } from "../../src/host/workbook-host";
import { FakeExcel } from "./fake-excel";

const BLOCKS: ReportBlock[] = [
  { heading: "一、就业工作", text: "城镇新增就业1126人，完成目标任务的112.6%。" },
  { heading: "二、社会保险", text: "城乡居民医保参保24650人，完成目标任务的98.6%。" },
  { heading: "三、经济发展", text: "固定资产投资12.6亿元，同比增长9.19%。" },
];

function setup() {
  const fake = new FakeExcel();
  fake.addSheet("就业", [
    ["指标", "目标", "完成"],
    ["城镇新增就业", 1000, 1126],
  ]);
  const host = createExcelHost(fake.run, fake.requirements());
  return { fake, host };
}

function reportTexts(fake: FakeExcel, rows: number): string[] {
  return Array.from({ length: rows }, (_, i) => fake.text(REPORT_SHEET_NAME, `A${i + 1}`));
}

function writesOutsideReport(fake: FakeExcel) {
  return fake.writes.filter((w) => w.sheet !== REPORT_SHEET_NAME);
}

describe("first write", () => {
  test("creates the 报告 sheet and writes heading, paragraph and a blank row per block", async () => {
    const { fake, host } = setup();
    const result = await host.writeReportSheet(BLOCKS);
    expect(result).toEqual({ kind: "written", sheet: REPORT_SHEET_NAME, cells: 6, created: true });
    expect(fake.sheets.map((s) => s.name)).toEqual(["就业", REPORT_SHEET_NAME]);
    expect(reportTexts(fake, 9)).toEqual([
      "一、就业工作",
      BLOCKS[0].text,
      "",
      "二、社会保险",
      BLOCKS[1].text,
      "",
      "三、经济发展",
      BLOCKS[2].text,
      "",
    ]);
    expect(fake.cell(REPORT_SHEET_NAME, "A1")?.format).toMatchObject({
      bold: true,
      wrapText: true,
    });
    expect(fake.cell(REPORT_SHEET_NAME, "A2")?.format).toMatchObject({
      bold: false,
      wrapText: true,
    });
    expect(fake.sheet(REPORT_SHEET_NAME).columnFormats.get("A")).toEqual({ columnWidth: 520 });
    expect(writesOutsideReport(fake)).toEqual([]);
    expect(fake.syncCount).toBe(3);
    const memory = JSON.parse(String(fake.settings.get(REPORT_CELLS_KEY)));
    expect(memory).toEqual({
      sheetId: fake.sheet(REPORT_SHEET_NAME).id,
      cells: {
        A1: "一、就业工作",
        A2: BLOCKS[0].text,
        A4: "二、社会保险",
        A5: BLOCKS[1].text,
        A7: "三、经济发展",
        A8: BLOCKS[2].text,
      },
    });
  });

  test("texts Excel would turn into formulas or numbers stay text", async () => {
    const { fake, host } = setup();
    await host.writeReportSheet([{ heading: "2023", text: "=以上数据截至10月底" }]);
    expect(fake.cell(REPORT_SHEET_NAME, "A1")?.value).toBe("2023");
    expect(fake.cell(REPORT_SHEET_NAME, "A2")?.value).toBe("=以上数据截至10月底");
    expect(fake.cell(REPORT_SHEET_NAME, "A2")?.formula).toBeUndefined();
  });
});

describe("second write", () => {
  test("updates in place: only changed cells are written, nothing outside 报告", async () => {
    const { fake, host } = setup();
    await host.writeReportSheet(BLOCKS);
    fake.writes.length = 0;
    fake.syncCount = 0;
    const changed = [BLOCKS[0], { ...BLOCKS[1], text: "城乡居民医保参保24700人。" }, BLOCKS[2]];
    const result = await host.writeReportSheet(changed);
    expect(result).toEqual({ kind: "written", sheet: REPORT_SHEET_NAME, cells: 6, created: false });
    expect(fake.sheets.length).toBe(2);
    expect(fake.text(REPORT_SHEET_NAME, "A5")).toBe("城乡居民医保参保24700人。");
    expect(new Set(fake.writes.map((w) => w.address))).toEqual(new Set(["A5"]));
    expect(writesOutsideReport(fake)).toEqual([]);
    expect(fake.syncCount).toBe(3);
  });

  test("a shorter report clears the add-in's leftover cells, not the user's", async () => {
    const { fake, host } = setup();
    await host.writeReportSheet(BLOCKS);
    fake.userEdit(REPORT_SHEET_NAME, "A8", "我改过的结论");
    fake.userEdit(REPORT_SHEET_NAME, "B1", "旁注");
    const result = await host.writeReportSheet(BLOCKS.slice(0, 1));
    expect(result).toMatchObject({ kind: "written", cells: 2 });
    expect(reportTexts(fake, 8)).toEqual([
      "一、就业工作",
      BLOCKS[0].text,
      "",
      "",
      "",
      "",
      "",
      "我改过的结论",
    ]);
    expect(fake.text(REPORT_SHEET_NAME, "B1")).toBe("旁注");
    const memory = JSON.parse(String(fake.settings.get(REPORT_CELLS_KEY)));
    expect(Object.keys(memory.cells)).toEqual(["A1", "A2"]);
  });

  test("a cell the user edited is a conflict: nothing is written", async () => {
    const { fake, host } = setup();
    await host.writeReportSheet(BLOCKS);
    fake.userEdit(REPORT_SHEET_NAME, "A2", "城镇新增就业1126人（已核实）。");
    const memoryBefore = fake.settings.get(REPORT_CELLS_KEY);
    fake.writes.length = 0;
    const next = BLOCKS.map((b) => ({ ...b, text: b.text.replace("。", "，较好完成。") }));

    const result = await host.writeReportSheet(next);

    expect(result).toEqual({
      kind: "conflict",
      sheet: REPORT_SHEET_NAME,
      edited: [{ address: "A2", current: "城镇新增就业1126人（已核实）。", planned: next[0].text }],
    });
    expect(fake.writes).toEqual([]);
    expect(fake.settings.get(REPORT_CELLS_KEY)).toBe(memoryBefore);
    expect(fake.text(REPORT_SHEET_NAME, "A5")).toBe(BLOCKS[1].text);

    // The user confirmed: overwrite.
    const overwritten = await host.writeReportSheet(next, true);
    expect(overwritten).toMatchObject({ kind: "written", cells: 6, created: false });
    expect(reportTexts(fake, 8).filter((t) => t !== "")).toEqual(
      next.flatMap((b) => [b.heading, b.text])
    );
    expect(writesOutsideReport(fake)).toEqual([]);
    // After the overwrite the cells are the add-in's again: no conflict next time.
    expect(await host.writeReportSheet(BLOCKS)).toMatchObject({ kind: "written" });
  });

  test("text the user typed where a longer report will go is a conflict", async () => {
    const { fake, host } = setup();
    await host.writeReportSheet(BLOCKS.slice(0, 1));
    fake.userEdit(REPORT_SHEET_NAME, "A4", "我的笔记");
    const result = await host.writeReportSheet(BLOCKS);
    expect(result).toMatchObject({
      kind: "conflict",
      edited: [{ address: "A4", current: "我的笔记", planned: "二、社会保险" }],
    });
  });

  test("a cell the user emptied is written again without asking", async () => {
    const { fake, host } = setup();
    await host.writeReportSheet(BLOCKS);
    fake.userEdit(REPORT_SHEET_NAME, "A2", undefined);
    expect(await host.writeReportSheet(BLOCKS)).toMatchObject({ kind: "written" });
    expect(fake.text(REPORT_SHEET_NAME, "A2")).toBe(BLOCKS[0].text);
  });

  test("a 报告 sheet the add-in never wrote: its content is the user's", async () => {
    const fake = new FakeExcel();
    fake.addSheet(REPORT_SHEET_NAME, [["我自己的报告"]]);
    const host = createExcelHost(fake.run, fake.requirements());
    const result = await host.writeReportSheet(BLOCKS);
    expect(result).toMatchObject({
      kind: "conflict",
      edited: [{ address: "A1", current: "我自己的报告", planned: "一、就业工作" }],
    });
    expect(fake.writes).toEqual([]);
    expect(fake.settings.size).toBe(0);
  });

  test("memory of a deleted 报告 sheet does not apply to a new one", async () => {
    const { fake, host } = setup();
    await host.writeReportSheet(BLOCKS);
    const old = fake.sheet(REPORT_SHEET_NAME);
    fake.sheets.splice(fake.sheets.indexOf(old), 1);
    fake.addSheet(REPORT_SHEET_NAME, [["一、就业工作"], ["别人的文字"]]);
    const result = await host.writeReportSheet(BLOCKS);
    expect(result).toMatchObject({
      kind: "conflict",
      edited: [{ address: "A2", current: "别人的文字" }],
    });
  });
});

describe("plan and diff (pure)", () => {
  test("empty headings or texts leave their row empty", () => {
    expect(
      planReport([
        { heading: "", text: "只有段落" },
        { heading: "只有标题", text: "  " },
      ])
    ).toEqual([
      { address: "A2", text: "只有段落", heading: false },
      { address: "A4", text: "只有标题", heading: true },
    ]);
  });

  test("diff: unchanged, ours, the user's, leftovers", () => {
    const planned = planReport([{ heading: "标题", text: "新段落" }]);
    const current = new Map([
      ["A1", "标题"],
      ["A2", "旧段落"],
      ["A4", "旧标题2"],
      ["A5", "用户改的"],
    ]);
    const last = { A1: "标题", A2: "旧段落", A4: "旧标题2", A5: "旧段落2" };
    expect(diffReport(planned, current, last)).toEqual({
      writes: [{ address: "A2", text: "新段落", heading: false }],
      clears: ["A4"],
      conflicts: [],
    });
  });
});

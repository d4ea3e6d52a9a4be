/**
 * Formula safety in every Excel write path: texts Excel would take as a formula or a number are
 * written with the text format, whatever white space or full-width forms they start with.
 * The strict fake (typedReading) models how Excel reads typed input, independently of the
 * predicate under test.
 */
import { needsTextFormat } from "../../src/core/cell-input";
import { createExcelHost } from "../../src/excel/excel-host";
import { REPORT_SHEET_NAME } from "../../src/host/workbook-host";
import { FakeExcel, typedReading } from "./fake-excel";

const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  " =1+1",
  "\t=A1",
  "\n+1",
  "\u3000-2",
  "@SUM(A1)",
  "＝SUM(A1:A3)",
  "＋1",
  "－1",
  "＠A1",
  "(1126)",
  "$1126",
  "￥1,126",
  "1 1/2",
  "1,126",
  "95%",
  "１１２６",
  "2023-10",
  "2023年10月",
  "10月1日",
  "9:30",
  "TRUE",
  "'前缀",
];

const ORDINARY = [
  "城镇新增就业1126人，完成目标任务的112.6%。",
  "（一）就业工作",
  "1—10月，完成全年目标的93.5%",
  "—",
  "-",
  "≤3.5",
  "控制在3.5%以内",
];

describe("the fake reads typed input as Excel does", () => {
  test.each(HOSTILE)("%j is not kept as text when typed into a General cell", (text) => {
    const typed = typedReading(text);
    expect(typed).toBeDefined();
    if (typed?.kind === "value") expect(typed.value).not.toBe(text);
  });

  test.each(ORDINARY)("%j stays text", (text) => {
    expect(typedReading(text)).toBeUndefined();
  });
});

describe("needsTextFormat (src/core/cell-input.ts, shared by every writer)", () => {
  test.each(HOSTILE)("%j needs the text format", (text) => {
    expect(needsTextFormat(text)).toBe(true);
  });
  test.each(ORDINARY)("%j does not", (text) => {
    expect(needsTextFormat(text)).toBe(false);
  });
});

function setup() {
  const fake = new FakeExcel();
  fake.addSheet("就业", [["指标", "完成"]]);
  fake.addSheet("总结");
  return { fake, host: createExcelHost(fake.run, fake.requirements("1.17")) };
}

describe("every write path keeps the text", () => {
  test.each(HOSTILE)("insert into the selection: %j", async (text) => {
    const { fake, host } = setup();
    fake.select("总结", "B2");
    expect(await host.insertIntoSelection(text)).toEqual({ kind: "inserted", address: "总结!B2" });
    const cell = fake.cell("总结", "B2");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe(text);
  });

  test("the 报告 sheet: headings and paragraphs", async () => {
    const { fake, host } = setup();
    const blocks = HOSTILE.map((text, i) => ({ heading: i % 2 ? text : `（${i}）`, text }));
    await host.writeReportSheet(blocks);
    const sheet = fake.sheet(REPORT_SHEET_NAME);
    const written = [...sheet.cells.values()].filter((c) => c.value !== undefined);
    expect(written.some((c) => c.formula !== undefined)).toBe(false);
    const values = new Set(written.map((c) => c.value));
    // The writer trims each text; what it writes must still be that text.
    expect(HOSTILE.filter((text) => !values.has(text.trim()))).toEqual([]);
  });
});

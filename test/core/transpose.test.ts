import { analyzeWorkbook } from "../../src/core";
import { cellAddress, sheetRange, transposedSheet } from "../../src/core/transpose";
import { sheet, workbook } from "../helpers/sheet";

/** A one-page summary whose indicators run across: names in row 3, values in rows 4–6. */
const across = sheet(
  "主要指标",
  [
    ["长安街道2024年1-10月主要指标完成情况"],
    ["类别", "就业", "就业", "社保", "经济", "民政"],
    [
      "项目",
      "城镇新增就业（人）",
      "其中：高校毕业生就业（人）",
      "城乡居民养老保险参保率（%）",
      "固定资产投资（万元）",
      "城乡低保保障对象（人）",
    ],
    ["目标任务", 1050, 200, 95, 42000, null],
    ["累计完成", 1120, "待核实", 98.2, 37000, 360],
    ["去年同期", 990, 160, 97.4, 35500, 370],
    [],
    ["填报单位：长安街道（盖章）"],
  ],
  { merges: ["A1:F1"] }
);

describe("indicator tables that run across (names in a row, values below)", () => {
  const analysis = analyzeWorkbook(workbook(across));
  const byName = new Map(analysis.indicators.map((i) => [i.name, i]));

  test("every column is an indicator, with its unit, target, completed and last year's values", () => {
    expect(analysis.tables).toHaveLength(1);
    expect(
      analysis.indicators.map((i) => [i.name, i.unit, i.target?.value, i.actual?.value])
    ).toEqual([
      ["城镇新增就业", "人", 1050, 1120],
      ["高校毕业生就业", "人", 200, undefined],
      ["城乡居民养老保险参保率", "%", 95, 98.2],
      ["固定资产投资", "万元", 42000, 37000],
      ["城乡低保保障对象", "人", undefined, 360],
    ]);
    expect(byName.get("城镇新增就业")?.previous?.value).toBe(990);
    expect(byName.get("高校毕业生就业")?.parentId).toBe(byName.get("城镇新增就业")?.id);
  });

  test("every number, name and finding points at the sheet's own cell", () => {
    const jobs = byName.get("城镇新增就业");
    expect(jobs?.nameRef).toEqual({ sheet: "主要指标", cell: "B3" });
    expect(jobs?.target?.ref.cell).toBe("B4");
    expect(jobs?.actual?.ref.cell).toBe("B5");
    expect(jobs?.previous?.ref.cell).toBe("B6");
    expect(byName.get("固定资产投资")?.actual?.ref.cell).toBe("E5");
    // The unreadable 待核实 is reported at C5, and the indicator is not quoted on it.
    const unreadable = analysis.findings.find((f) => f.code === "VALUE_UNREADABLE");
    expect(unreadable).toMatchObject({ sheet: "主要指标", cell: "C5" });
    expect(unreadable?.message).toContain("C5");
    expect(byName.get("高校毕业生就业")?.trust.kind).toBe("withheld");
    expect(analysis.tables[0].range).toBe("A2:F6");
  });

  test("the title above still gives the period and the year; the 类别 row the lines of work", () => {
    expect(analysis.months).toBe(10);
    expect(analysis.year).toBe(2024);
    expect(analysis.tables[0].title).toBe("长安街道2024年1-10月主要指标完成情况");
    expect(byName.get("城乡居民养老保险参保率")?.category).toBe("insurance");
    expect(byName.get("固定资产投资")?.category).toBe("investment");
    expect(analysis.findings.map((f) => f.code)).not.toContain("SHEET_NOT_READ");
  });

  test("the report quotes them as it does a table that runs down", () => {
    const text = analysis.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("完成城镇新增就业1120人");
    expect(text).toContain("城乡居民养老保险参保率达98.2%");
  });

  test("a table that runs down is read as it is, never through the swapped view", () => {
    const down = sheet("就业", [
      ["指标名称", "单位", "目标", "完成", "上年同期"],
      ["城镇新增就业", "人", 1000, 1100, 950],
      ["失业人员再就业", "人", 300, 280, 290],
    ]);
    const result = analyzeWorkbook(workbook(down));
    expect(result.tables.map((t) => [t.range, t.transposed])).toEqual([["A1:E3", undefined]]);
    expect(result.indicators.map((i) => i.actual?.ref.cell)).toEqual(["D2", "D3"]);
  });

  test("a sheet of numbers read neither way is still named as not read", () => {
    const grid = sheet("数据", [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const findings = analyzeWorkbook(workbook(across, grid)).findings;
    expect(findings.filter((f) => f.code === "SHEET_NOT_READ").map((f) => f.sheet)).toEqual([
      "数据",
    ]);
  });
});

describe("the swapped view and its addresses", () => {
  const view = transposedSheet(across);

  test("title lines stay on top; below them a column of the sheet is a row of the view", () => {
    expect(view.transposed).toEqual({ titleRows: 1 });
    expect(view.rows[0][0]?.value).toBe("长安街道2024年1-10月主要指标完成情况");
    expect(view.rows[1].map((c) => c?.value)).toEqual([
      "类别",
      "项目",
      "目标任务",
      "累计完成",
      "去年同期",
      undefined,
      "填报单位：长安街道（盖章）",
    ]);
    expect(view.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
  });

  test("an address on the view is the sheet's own", () => {
    expect(cellAddress(view, 0, 0)).toBe("A1");
    expect(cellAddress(view, 2, 3)).toBe("B5");
    expect(cellAddress(across, 2, 3)).toBe("D3");
    expect(sheetRange(view, { top: 1, left: 1, bottom: 6, right: 4 })).toEqual({
      top: 2,
      left: 0,
      bottom: 5,
      right: 5,
    });
  });
});

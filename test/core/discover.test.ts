import { analyzeWorkbook } from "../../src/core";
import { discoverTables } from "../../src/core/discover";
import { ColumnRole } from "../../src/core/model";
import { sheet, workbook } from "../helpers/sheet";

function roles(columns: { role: ColumnRole; col: number }[]): Record<string, number> {
  return Object.fromEntries(columns.map((c) => [c.role, c.col]));
}

describe("plain ranges", () => {
  test("a header row under a merged title row, with its unit line and a note row that ends it", () => {
    const s = sheet(
      "就业",
      [
        ["2023年就业工作指标完成情况表"],
        ["填报单位：某某街道办事处"],
        ["单位：人"],
        ["序号", "指标名称", "年度目标", "1—10月完成", "完成率", "上年同期", "备注"],
        [1, "城镇新增就业", 1000, 1126, 1.126, 1050],
        [2, "失业人员再就业", 300, 342],
        ["注：数据截至10月31日。"],
        [],
        ["其他说明", "一些文字"],
      ],
      { merges: ["A1:G1"] }
    );
    const [layout, ...rest] = discoverTables(s);
    expect(rest).toHaveLength(0);
    expect(layout.table.title).toBe("2023年就业工作指标完成情况表");
    expect(layout.table.unit).toBe("人");
    expect(layout.table.range).toBe("A4:G6");
    expect(layout.table.source).toBe("range");
    expect(layout.table.period).toEqual({ months: 10 });
    expect(layout.namedCategory).toBe("employment");
    expect(layout.year).toBe(2023);
    expect(layout.dataTop).toBe(4);
    expect(layout.dataBottom).toBe(5);
    expect(roles(layout.table.columns)).toEqual({
      index: 0,
      name: 1,
      target: 2,
      actual: 3,
      statedRate: 4,
      previous: 5,
      note: 6,
    });
  });

  test("columns in any order, with English headers", () => {
    const s = sheet("Sheet1", [
      ["YoY", "Last year", "Actual", "Unit", "Target", "Indicator"],
      [0.09, 11.54, 12.6, "亿元", 12, "固定资产投资"],
    ]);
    const [layout] = discoverTables(s);
    expect(roles(layout.table.columns)).toEqual({
      statedGrowth: 0,
      previous: 1,
      actual: 2,
      unit: 3,
      target: 4,
      name: 5,
    });
  });

  test("header words with spaces, line breaks and full-width forms", () => {
    const s = sheet("表", [
      ["指 标\n名 称", "计量\n单位", "年度\n目标", "实 际\n完 成", "上年\n同期"],
      ["城镇新增就业", "人", 1000, 1126, 1050],
    ]);
    const [layout] = discoverTables(s);
    expect(roles(layout.table.columns)).toEqual({
      name: 0,
      unit: 1,
      target: 2,
      actual: 3,
      previous: 4,
    });
  });

  test("a two-row header: group cells over sub-headers", () => {
    const s = sheet(
      "经济",
      [
        ["指标名称", "单位", "目标任务", "完成情况", null, null],
        [null, null, null, "本期", "上年同期", "同比(%)"],
        ["固定资产投资", "亿元", 12, 12.6, 11.54, 9.19],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:F1"] }
    );
    const [layout] = discoverTables(s);
    expect(layout.dataTop).toBe(2);
    expect(roles(layout.table.columns)).toEqual({
      name: 0,
      unit: 1,
      target: 2,
      actual: 3,
      previous: 4,
      statedGrowth: 5,
    });
    expect(layout.headerUnits.get(5)).toBe("%");
  });

  test("years over the columns: the earlier year is last year's value", () => {
    const s = sheet(
      "对比",
      [
        ["指标", "单位", "2023年", null, "2022年"],
        [null, null, "目标", "完成", "完成"],
        ["新增就业", "人", 1000, 1126, 1050],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:D1"] }
    );
    const [layout] = discoverTables(s);
    expect(roles(layout.table.columns)).toEqual({
      name: 0,
      unit: 1,
      target: 2,
      actual: 3,
      previous: 4,
    });
    expect(layout.year).toBe(2023);
  });

  test("several tables on one sheet, each with its own title", () => {
    const s = sheet("汇总", [
      ["就业指标"],
      ["指标", "目标", "完成"],
      ["新增就业", 1000, 1126],
      [],
      ["疫苗接种情况"],
      ["指标", "任务数", "完成数"],
      ["第一剂次接种", 44000, 43185],
      ["加强免疫接种", 10500, 9800],
    ]);
    const layouts = discoverTables(s);
    expect(layouts.map((l) => [l.table.title, l.table.range, l.namedCategory])).toEqual([
      ["就业指标", "A2:C3", "employment"],
      ["疫苗接种情况", "A6:C8", "vaccination"],
    ]);
  });

  test("without a 指标 header the first text column is the name", () => {
    const s = sheet("无名", [
      ["", "目标", "完成"],
      ["新增就业", 1000, 1126],
    ]);
    const [layout] = discoverTables(s);
    expect(roles(layout.table.columns)).toMatchObject({ name: 0, target: 1, actual: 2 });
  });

  test("free text and lists that are not indicator tables are ignored", () => {
    const s = sheet("说明", [
      ["本工作簿用于年度统计。"],
      ["姓名", "电话", "住址"],
      ["张三", "13800000000", "某小区"],
      ["完成情况良好"],
    ]);
    expect(discoverTables(s)).toEqual([]);
  });

  test("the latest period wins among several completed columns", () => {
    const s = sheet("进度", [
      ["指标", "目标", "1—9月", "1—10月"],
      ["新增就业", 1000, 900, 1010],
    ]);
    const [layout] = discoverTables(s);
    expect(roles(layout.table.columns)).toMatchObject({ actual: 3 });
    expect(layout.table.period).toEqual({ months: 10 });
  });
});

describe("a column of projects over a column of what was done in each", () => {
  const rows = [
    ["项目", "内容", "单位", "计划数", "实际完成数"],
    ["港通医疗集团", "征地", "亩", 156, 156],
    [null, "拆迁房屋", "户", 43, 43],
    ["西峰环保项目", "征地", "亩", 27, 27],
    [null, "拆迁房屋", "户", 12, 12],
  ];

  test("项目 spanning rows of 内容: 内容 names the rows, 项目 is their 类别", () => {
    const [layout] = discoverTables(sheet("征地拆迁", rows, { merges: ["A2:A3", "A4:A5"] }));
    expect(roles(layout.table.columns)).toMatchObject({ category: 0, name: 1, unit: 2 });
  });

  test("the same words with one 项目 per row keep 项目 as the name", () => {
    const [layout] = discoverTables(
      sheet("征地拆迁", [
        ["项目", "内容", "单位", "计划数", "实际完成数"],
        ["征地", "港通医疗集团用地", "亩", 156, 156],
        ["拆迁房屋", "港通医疗集团", "户", 43, 43],
        ["清理附着物", "高铁站西大道", "亩", 62, 62],
      ])
    );
    expect(roles(layout.table.columns)).toMatchObject({ name: 0 });
    expect(layout.table.columns.some((c) => c.role === "category")).toBe(false);
  });
});

describe("Excel tables", () => {
  test("a defined table is read with its name and range, and its title above", () => {
    const s = sheet(
      "社保",
      [
        ["2023年社会保险工作完成情况"],
        ["项目", "目标任务", "累计完成", "计量单位"],
        ["城乡居民医保参保人数", 25000, 24650, "人"],
        ["城乡居民医保缴费金额", 1000, 986, "万元"],
      ],
      { tables: [{ name: "社会保险", ref: "A2:D4" }] }
    );
    const [layout] = discoverTables(s);
    expect(layout.table.source).toBe("excel-table");
    expect(layout.table.name).toBe("社会保险");
    expect(layout.table.range).toBe("A2:D4");
    expect(layout.table.title).toBe("2023年社会保险工作完成情况");
    expect(layout.namedCategory).toBe("insurance");
  });

  test("a plain range beside an Excel table is found too, and cells inside the table are not read twice", () => {
    const s = sheet(
      "混合",
      [
        ["指标", "目标", "完成"],
        ["新增就业", 1000, 1126],
        [],
        ["项目", "计划", "实际完成"],
        ["固定资产投资", 12, 12.6],
      ],
      { tables: [{ name: "表1", ref: "A1:C2" }] }
    );
    const layouts = discoverTables(s);
    expect(layouts.map((l) => [l.table.source, l.table.range])).toEqual([
      ["excel-table", "A1:C2"],
      ["range", "A4:C5"],
    ]);
  });

  test("an Excel table whose header words are not indicator headers is skipped", () => {
    const s = sheet(
      "名单",
      [
        ["姓名", "电话"],
        ["张三", "138"],
      ],
      { tables: [{ name: "名单", ref: "A1:B2" }] }
    );
    expect(discoverTables(s)).toEqual([]);
  });
});

test("a monthly table: the 累计 column is the completed value, not a single month", () => {
  const s = sheet("月报", [
    ["指标", "目标", "1月", "2月", "3月", "累计"],
    ["新增就业", 1000, 90, 110, 100, 300],
  ]);
  const [layout] = discoverTables(s);
  expect(layout.table.columns.find((c) => c.role === "actual")?.col).toBe(5);
});

test("two tables side by side, separated by an empty column", () => {
  const s = sheet("并排", [
    ["就业指标", null, null, null, "社保指标"],
    ["指标", "目标", "完成", null, "项目", "目标任务", "累计完成"],
    ["新增就业", 1000, 1126, null, "医保参保人数", 25000, 24650],
    ["再就业", 300, 342, null, "养老参保人数", 8000, 8120],
  ]);
  const layouts = discoverTables(s);
  expect(layouts.map((l) => [l.table.range, l.table.title, l.namedCategory])).toEqual([
    ["A2:C4", "就业指标", "employment"],
    ["E2:G4", "社保指标", "insurance"],
  ]);
});

test("a table of single months: the latest month is the completed value, and the period", () => {
  const s = sheet("按月", [
    ["指标", "单位", "年度目标", "1月", "2月", "3月", "4月", "5月", "6月"],
    ["城镇新增就业", "人", 1200, 80, 170, 260, 350, 480, 610],
  ]);
  const [layout] = discoverTables(s);
  expect(layout.table.columns.find((c) => c.role === "actual")?.col).toBe(8);
  expect(layout.table.columns.find((c) => c.role === "priorPeriod")).toBeUndefined();
  expect(layout.table.period).toEqual({ months: 6 });
});

describe("headers that are only years", () => {
  test("指标 | 2023年 | 2024年: the latest year is the completed value, the one before last year's", () => {
    const [layout] = discoverTables(
      sheet("经济", [
        ["指标", "单位", "2023年", "2024年"],
        ["税收收入", "万元", 9120, 9356],
        ["招商引资到位资金", "万元", 40000, 43200],
      ])
    );
    expect(roles(layout.table.columns)).toMatchObject({ name: 0, previous: 2, actual: 3 });
  });

  test("a table of a row a year, running across: 年度 labels the rows, each column an indicator", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("河长制", [
          ["2024年河长制工作统计表"],
          ["年度", "巡河次数（次）", "发现问题（个）", "清理河道垃圾（吨）"],
          ["2024年", 1248, 86, 125.6],
          ["2023年", 1190, 92, 118.2],
        ])
      )
    );
    const river = analysis.indicators.map((i) => [i.name, i.actual?.value, i.previous?.value]);
    expect(river).toEqual([
      ["巡河次数", 1248, 1190],
      ["发现问题", 86, 92],
      ["清理河道垃圾", 125.6, 118.2],
    ]);
  });
});

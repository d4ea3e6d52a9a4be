import { analyzeWorkbook, resolveOptions } from "../../src/core";
import { reportTitle } from "../../src/core/report";
import { sheet, workbook } from "../helpers/sheet";

describe("analyzeWorkbook on layouts the sample does not have", () => {
  const progressSheet = sheet(
    "2023年1-10月",
    [
      ["XX街道2023年1-10月主要经济社会指标完成情况"],
      [],
      [
        "项  目",
        "计量单位",
        "全年任务",
        "1-10月累计",
        "完成进度(%)",
        "去年同期",
        "增减(%)",
        "责任科室",
      ],
      ["一、经济发展"],
      ["  固定资产投资", "万元", 120000, 98000, 81.67, 91000, 7.69, "经发办"],
      ["  社会消费品零售总额", "亿元", 25, 20.1, 80.4, 19.5, 3.08],
      ["二、民生保障"],
      ["  城镇新增就业", "人", 1000, 905, 90.5, 880, 2.84],
      ["  城乡居民医保参保率", "%", "≥95", 96.2, null, 95.8],
      ["  登记失业率", "%", "≤3.5", 2.9],
      ["填报人：张三", null, "审核人：李四"],
    ],
    { merges: ["A1:H1"] }
  );

  test("a progress report with section rows, indented names, a period header and a 填报人 line", () => {
    const analysis = analyzeWorkbook(workbook(progressSheet));
    expect(analysis.months).toBe(10);
    expect(analysis.year).toBe(2023);
    expect(analysis.tables.map((t) => t.range)).toEqual(["A3:H10"]);
    expect(analysis.indicators.map((i) => [i.name, i.category, i.status, i.direction])).toEqual([
      ["固定资产投资", "investment", "behind", "floor"],
      ["社会消费品零售总额", "investment", "behind", "floor"],
      ["城镇新增就业", "employment", "behind", "floor"],
      ["城乡居民医保参保率", "insurance", "exceeded", "floor"],
      ["登记失业率", "employment", "completed", "ceiling"],
    ]);
    expect(analysis.findings.map((f) => [f.code, f.cell])).toEqual([
      ["BEHIND_SCHEDULE", "D5"],
      ["BEHIND_SCHEDULE", "D6"],
    ]);
    expect(analysis.paragraphs.find((p) => p.category === "investment")?.text).toBe(
      "2023年1—10月，完成固定资产投资9.8亿元，完成全年目标的81.67%，低于序时进度1.67个百分点，同比增长7.69%；社会消费品零售总额达20.1亿元，完成全年目标的80.4%，低于序时进度2.93个百分点，同比增长3.08%。"
    );
  });

  test("a table that starts away from A1, in English", () => {
    const rows = [
      [],
      [],
      [null, null, "Indicator", "Unit", "Target", "Actual", "Last year"],
      [null, null, "New urban jobs 城镇新增就业", "人", 1000, 1126, 1050],
    ];
    const analysis = analyzeWorkbook(workbook(sheet("Data", rows)));
    expect(analysis.tables.map((t) => t.range)).toEqual(["C3:G4"]);
    expect(analysis.indicators[0]).toMatchObject({ category: "employment", status: "exceeded" });
    expect(analysis.indicators[0].actual?.ref.cell).toBe("F4");
  });

  test("a workbook without indicator tables says what it looks for", () => {
    const analysis = analyzeWorkbook(workbook(sheet("Sheet1", [["hello"]])));
    expect(analysis.tables).toEqual([]);
    expect(analysis.findings.map((f) => f.code)).toEqual(["NO_TABLES"]);
    expect(analysis.findings[0].message).toContain("指标名称");
    expect(analysis.paragraphs).toEqual([]);
  });

  test("options are checked", () => {
    expect(() => resolveOptions({ period: 13 })).toThrow("报告期应为1—12月");
    expect(() => resolveOptions({ decimals: 7 })).toThrow("小数位数");
    expect(resolveOptions({})).toEqual({
      decimals: 2,
      scaleLargeAmounts: true,
      yearStyle: "arabic",
      growthThreshold: 0.5,
    });
  });
});

test("indicator ids are unique, also for tables side by side", () => {
  const analysis = analyzeWorkbook(
    workbook(
      sheet("综合", [
        ["指标", "目标", "完成", null, "项目", "目标任务", "累计完成"],
        ["新增就业", 1000, 1126, null, "医保参保人数", 25000, 24650],
        ["再就业", 300, 342, null, "养老参保人数", 8000, 8120],
      ])
    )
  );
  const ids = analysis.indicators.map((i) => i.id);
  expect(ids).toEqual(["综合!A2", "综合!A3", "综合!E2", "综合!E3"]);
});

test("an English workbook: names keep their spaces, Jan-Sep is the period, the title's year is read, a rate to keep low is a ceiling", () => {
  const analysis = analyzeWorkbook(
    workbook(
      sheet("Sheet1", [
        ["Key indicators 2023"],
        ["Indicator", "Unit", "Annual target", "Jan-Sep actual", "Same period last year"],
        ["New urban jobs", "人", 1000, 800, 760],
        ["Registered urban unemployment rate", "%", 3.5, 3.1, 3.3],
      ])
    )
  );
  expect(analysis.months).toBe(9);
  expect(analysis.year).toBe(2023);
  expect(analysis.indicators.map((i) => [i.name, i.direction, i.status])).toEqual([
    ["New urban jobs", "floor", "behind"],
    ["Registered urban unemployment rate", "ceiling", "completed"],
  ]);
  expect(analysis.paragraphs[0].text.startsWith("2023年前三季度，完成New urban jobs 800人")).toBe(
    true
  );
});

describe("a breakdown by community", () => {
  const rows = (total: number) => [
    ["表1 2023年各社区城镇新增就业完成情况"],
    ["社区", "单位", "目标任务", "完成数", "上年同期"],
    ["湖畔社区", "人", 300, 320, 300],
    ["云梦社区", "人", 250, 240, 230],
    ["渔光社区", "人", 220, 230, 210],
    ["合计", "人", 770, total, 740],
  ];

  test("the 合计 row is the indicator named in the title, the communities are its parts", () => {
    const analysis = analyzeWorkbook(workbook(sheet("分社区", rows(790))));
    expect(analysis.findings.map((f) => [f.code, f.indicator])).toEqual([
      ["TARGET_NOT_MET", "云梦社区"],
    ]);
    const total = analysis.indicators.find((i) => i.name === "城镇新增就业");
    expect(total).toMatchObject({ category: "employment", status: "exceeded", isTotal: false });
    expect(analysis.indicators.filter((i) => i.parentId === total?.id).map((i) => i.name)).toEqual([
      "湖畔社区",
      "云梦社区",
      "渔光社区",
    ]);
    expect(analysis.paragraphs.map((p) => p.text)).toEqual([
      "2023年，完成城镇新增就业790人，其中湖畔社区320人、云梦社区240人、渔光社区230人，完成目标任务的102.6%，同比增长6.76%，超额完成目标任务。",
    ]);
  });

  test("communities that do not add up to the 合计 are an error", () => {
    const analysis = analyzeWorkbook(workbook(sheet("分社区", rows(800))));
    expect(analysis.findings.map((f) => [f.code, f.cell, f.message])).toContainEqual([
      "TOTAL_MISMATCH",
      "D6",
      "分社区!D6 “城镇新增就业”合计800不等于各项之和790。",
    ]);
  });
});

test("a sheet of numbers with no recognisable table is named, not skipped silently", () => {
  const analysis = analyzeWorkbook(
    workbook(
      sheet("就业", [
        ["指标", "目标", "完成"],
        ["新增就业", 1000, 1126],
      ]),
      sheet("转置", [
        ["", "城镇新增就业", "失业人员再就业"],
        ["年度目标", 1000, 300],
        ["完成数", 1126, 342],
      ]),
      sheet("数据", [
        [1000, 300, 1126],
        [342, 12, 15],
      ])
    )
  );
  expect(analysis.findings.map((f) => [f.code, f.sheet])).toEqual([["SHEET_NOT_READ", "数据"]]);
  // A table whose indicators run across (names in a row) is read, not named as unread.
  expect(analysis.indicators.filter((i) => i.sheet === "转置").map((i) => i.actual?.ref)).toEqual([
    { sheet: "转置", cell: "B3" },
    { sheet: "转置", cell: "C3" },
  ]);
});

describe("the office a workbook is of, in the report's title", () => {
  const table = [
    ["指标名称", "单位", "目标", "完成"],
    ["城镇新增就业", "人", 900, 951],
  ];
  const titled = (title: string) => analyzeWorkbook(workbook(sheet("就业", [[title], ...table])));

  test("named by a title: 青山街道2024年度工作总结", () => {
    const analysis = titled("青山街道2024年就业工作完成情况表");
    expect(analysis.unit).toBe("青山街道");
    expect(reportTitle(analysis)).toBe("青山街道2024年度工作总结");
  });

  test("a title that says only 街道 names no office", () => {
    const analysis = titled("街道2024年就业工作完成情况表");
    expect(analysis.unit).toBeUndefined();
    expect(reportTitle(analysis)).toBe("2024年度工作总结");
  });
});

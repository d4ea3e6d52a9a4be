import { analyzeWorkbook } from "../../src/core";
import { discoverTables } from "../../src/core/discover";
import { cleanIndicatorName, readIndicators } from "../../src/core/indicators";
import { SheetModel } from "../../src/core/workbook";
import { CellInput, sheet, workbook } from "../helpers/sheet";

function read(s: SheetModel) {
  const layouts = discoverTables(s);
  expect(layouts.length).toBeGreaterThan(0);
  const results = layouts.map(readIndicators);
  return {
    indicators: results.flatMap((r) => r.indicators),
    findings: results.flatMap((r) => r.findings),
  };
}

const HEADER: CellInput[] = ["指标名称", "单位", "目标", "完成", "上年同期"];

describe("names and parts", () => {
  test.each([
    ["其中：高校毕业生（人）", "高校毕业生", "人", true],
    ["其中:大学生", "大学生", undefined, true],
    ["（1）城镇新增就业", "城镇新增就业", undefined, false],
    ["1.城镇新增就业", "城镇新增就业", undefined, false],
    ["一、固定资产投资(亿元)", "固定资产投资", "亿元", false],
    ["第一剂次接种（18岁以上）", "第一剂次接种（18岁以上）", undefined, false],
    ["城镇 新增\n就业", "城镇新增就业", undefined, false],
    ["—退役军人", "退役军人", undefined, false],
  ])("%s → %s", (label, name, unit, isPart) => {
    const cleaned = cleanIndicatorName(label);
    expect(cleaned.name).toBe(name);
    expect(cleaned.unit).toBe(unit);
    expect(cleaned.isPart).toBe(isPart);
  });

  test("其中 rows, indented rows and rows indented with spaces belong to the row above", () => {
    const { indicators } = read(
      sheet("就业", [
        HEADER,
        ["城镇新增就业", "人", 1000, 1126, 1050],
        ["其中：高校毕业生", "人", null, 320, 300],
        [{ v: "退役军人", indent: 1 }, "人", null, 50],
        ["　　就业困难人员", "人", null, 40],
        ["失业人员再就业", "人", 300, 342],
      ])
    );
    const byName = Object.fromEntries(indicators.map((i) => [i.name, i]));
    expect(byName["高校毕业生"].parentId).toBe(byName["城镇新增就业"].id);
    expect(byName["退役军人"].parentId).toBe(byName["城镇新增就业"].id);
    expect(byName["就业困难人员"].parentId).toBe(byName["城镇新增就业"].id);
    expect(byName["失业人员再就业"].parentId).toBeUndefined();
    expect(byName["高校毕业生"].label).toBe("其中：高校毕业生");
  });

  test("a 合计 row is a total, not a part", () => {
    const { indicators } = read(
      sheet("社区", [
        HEADER,
        ["甲社区新增就业", "人", 300, 320],
        ["乙社区新增就业", "人", 200, 210],
        ["合  计", "人", 500, 530],
      ])
    );
    expect(indicators.map((i) => [i.name, i.isTotal, i.parentId])).toEqual([
      ["甲社区新增就业", false, undefined],
      ["乙社区新增就业", false, undefined],
      ["合计", true, undefined],
    ]);
  });
});

describe("units and values", () => {
  test("unit from the unit column, the name, or the column header", () => {
    const { indicators } = read(
      sheet("单位", [
        ["指标", "计量单位", "目标", "完成（亿元）"],
        ["固定资产投资", null, 12, 12.6],
        ["新增就业（人）", null, 1000, 1126],
        ["医保缴费", "万元", 1000, 986],
      ])
    );
    expect(indicators.map((i) => [i.name, i.unit])).toEqual([
      ["固定资产投资", "亿元"],
      ["新增就业", "人"],
      ["医保缴费", "万元"],
    ]);
  });

  test("unit from the value itself, else from the table's 单位 line", () => {
    const { indicators } = read(
      sheet("单位", [
        ["单位：万元"],
        ["指标", "目标", "完成"],
        ["续保率", "95%", "96.3%"],
        ["新增就业", "1000人", "1126人"],
        ["税收收入", 5000, 5200],
      ])
    );
    expect(indicators.map((i) => [i.name, i.unit, i.actual?.value])).toEqual([
      ["续保率", "%", 96.3],
      ["新增就业", "人", 1126],
      ["税收收入", "万元", 5200],
    ]);
  });

  test("values written with 万/亿 are converted into the indicator's unit", () => {
    const { indicators } = read(
      sheet("换算", [
        HEADER,
        ["新增就业", "人", "1千", "1,126", "1050"],
        ["参保人数", "人", "2.5万", "24650", "2.41万"],
        ["投资额", "亿元", "12亿", "126000万", 11.54],
        ["缴费金额", "万元", 1000, "986万元", "9550000元"],
      ])
    );
    const values = indicators.map((i) => [
      i.name,
      i.target?.value,
      i.actual?.value,
      i.previous?.value,
    ]);
    expect(values).toEqual([
      ["新增就业", 1000, 1126, 1050],
      ["参保人数", 25000, 24650, 24100],
      ["投资额", 12, 12.6, 11.54],
      ["缴费金额", 1000, 986, 955],
    ]);
  });

  test("each value keeps its cell and approximations keep their flag", () => {
    const { indicators } = read(
      sheet("约数", [HEADER, ["走访群众", "人次", 500, "约520", "500余"]])
    );
    const [i] = indicators;
    expect(i.target?.ref).toEqual({ sheet: "约数", cell: "C2" });
    expect(i.actual?.ref).toEqual({ sheet: "约数", cell: "D2" });
    expect(i.actual?.approx).toBe("about");
    expect(i.previous?.approx).toBe("over");
    expect(i.nameRef).toEqual({ sheet: "约数", cell: "A2" });
  });

  test("percent cells: a 0.963 formatted as % reads as 96.3", () => {
    const { indicators } = read(
      sheet("率", [HEADER, ["续保率", "%", 95, { v: 0.963, fmt: "0.0%" }, 95.1]])
    );
    expect(indicators[0].actual?.value).toBeCloseTo(96.3, 10);
  });

  test("unreadable values and Excel errors become findings at their cells, never 0", () => {
    const { indicators, findings } = read(
      sheet("问题", [
        HEADER,
        ["新增就业", "人", 1000, "一千二", { error: "#DIV/0!" }],
        ["再就业", "人", "—", 342, null],
      ])
    );
    expect(indicators[0].actual).toBeUndefined();
    expect(indicators[0].previous).toBeUndefined();
    expect(indicators[1].target).toBeUndefined();
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ["VALUE_UNREADABLE", "D2"],
      ["EXCEL_ERROR", "E2"],
    ]);
    expect(findings[0].message).toContain("问题!D2");
    expect(findings[0].message).toContain("新增就业");
    expect(findings[0].message).toContain("一千二");
  });

  test("a row with values but no name, a blank target and a blank completed value are findings", () => {
    const { indicators, findings } = read(
      sheet("缺项", [
        HEADER,
        ["新增就业", "人", null, 1126],
        [null, "人", 300, 342],
        ["再就业", "人", 300, null],
      ])
    );
    expect(indicators.map((i) => i.name)).toEqual(["新增就业", "再就业"]);
    expect(findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["MISSING_TARGET", "C2", "warning"],
      ["MISSING_NAME", "A3", "error"],
      ["MISSING_ACTUAL", "D4", "error"],
    ]);
  });
});

describe("direction and category", () => {
  test("ceiling indicators: by name (失业率) or by a bound in the target", () => {
    const { indicators } = read(
      sheet("就业", [
        HEADER,
        ["城镇登记失业率", "%", 3.5, 2.8],
        ["安全生产事故", "起", "控制在3起以内", 1],
        ["续保率", "%", "≥95", 96],
        ["新增就业", "人", 1000, 1126],
      ])
    );
    expect(indicators.map((i) => [i.name, i.direction, i.target?.value])).toEqual([
      ["城镇登记失业率", "ceiling", 3.5],
      ["安全生产事故", "ceiling", 3],
      ["续保率", "floor", 95],
      ["新增就业", "floor", 1000],
    ]);
  });

  test("category from the title, else from section rows, a category column or the indicator name", () => {
    const mixed = read(
      sheet("综合", [
        ["指标", "单位", "目标", "完成"],
        ["一、就业工作", null, null, null],
        ["城镇新增就业", "人", 1000, 1126],
        ["二、社会保险", null, null, null],
        ["参保人数", "人", 25000, 24650],
        ["固定资产投资", "亿元", 12, 12.6],
      ])
    );
    expect(mixed.indicators.map((i) => [i.name, i.category])).toEqual([
      ["城镇新增就业", "employment"],
      ["参保人数", "insurance"],
      ["固定资产投资", "insurance"],
    ]);

    const byColumn = read(
      sheet("表", [
        ["类别", "指标", "目标", "完成"],
        ["就业", "新增岗位", 10, 12],
        ["疫苗", "第一针", 100, 98],
        ["", "固定资产投资", 12, 12.6],
      ])
    );
    expect(byColumn.indicators.map((i) => i.category)).toEqual([
      "employment",
      "vaccination",
      "investment",
    ]);
  });
});

describe("merged cells inside a table", () => {
  test("a 类别 and a 单位 merged down several rows apply to each row", () => {
    const { indicators } = read(
      sheet(
        "汇总",
        [
          ["类别", "指标名称", "单位", "目标", "完成", "增长(%)"],
          ["就业", "城镇新增就业", "人", 1000, 1126, 7.24],
          [null, "失业人员再就业", null, 300, 342],
          ["社保", "医保参保人数", "人", 25000, 24650],
          [null, "养老保险参保人数", null, 8000, 8120],
        ],
        { merges: ["A2:A3", "C2:C3", "A4:A5", "C4:C5"] }
      )
    );
    expect(indicators.map((i) => [i.name, i.category, i.unit])).toEqual([
      ["城镇新增就业", "employment", "人"],
      ["失业人员再就业", "employment", "人"],
      ["医保参保人数", "insurance", "人"],
      ["养老保险参保人数", "insurance", "人"],
    ]);
    expect(indicators[0].statedGrowth?.value).toBeCloseTo(0.0724, 10);
  });
});

describe("numbered rows", () => {
  test("一、 in the 序号 column starts a section; （1） rows under 1 are its parts", () => {
    const { indicators, findings } = read(
      sheet("民生", [
        ["单位：人"],
        ["序号", "指标名称", "单位", "目标", "完成"],
        ["一、", "就业工作", null, null, null],
        [1, "城镇新增就业", "人", 800, 856],
        ["（1）", "高校毕业生", "人", null, 210],
        ["（2）", "就业困难人员", "人", null, 65],
        [2, "失业人员再就业", "人", 300, 342],
        ["二、", "社会保障", null, null, null],
        [1, "医保参保人数", "人", 25000, 24650],
      ])
    );
    expect(findings).toEqual([]);
    expect(indicators.map((i) => [i.name, i.category, i.parentId ?? ""])).toEqual([
      ["城镇新增就业", "employment", ""],
      ["高校毕业生", "employment", "民生!B4"],
      ["就业困难人员", "employment", "民生!B4"],
      ["失业人员再就业", "employment", ""],
      ["医保参保人数", "insurance", ""],
    ]);
  });
});

describe("bare heading rows", () => {
  test("a short word of a line of work with no unit and no number, over indicator rows, is a heading", () => {
    const { indicators, findings } = read(
      sheet("指标", [
        HEADER,
        ["就业", null, null, null, null],
        ["城镇新增就业人数", "人", 1196, 1304, 1083],
        ["失业人员再就业", "人", 355, 405, 347],
        ["信访", null, null, null, null],
        ["信访事项办结", "件", 180, 176, 170],
      ])
    );
    expect(findings).toEqual([]);
    expect(indicators.map((i) => [i.name, i.section.map((h) => h.title).join("/")])).toEqual([
      ["城镇新增就业人数", "就业"],
      ["失业人员再就业", "就业"],
      ["信访事项办结", "信访"],
    ]);
  });

  test("an indicator left blank keeps its unit and stays an indicator, and is reported unfilled", () => {
    const { indicators, findings } = read(
      sheet("指标", [
        HEADER,
        ["临时救助", "人次", null, null, null],
        ["城镇新增就业人数", "人", 1196, 1304, 1083],
        ["新签约项目", null, null, null, null],
      ])
    );
    expect(indicators.map((i) => i.name)).toEqual(["临时救助", "城镇新增就业人数", "新签约项目"]);
    expect(findings.filter((f) => f.code === "MISSING_ACTUAL").map((f) => f.cell)).toEqual([
      "D2",
      "D4",
    ]);
  });

  test("no heading where rows of numbers leave their unit blank, nor for a measure's name", () => {
    const rows = (first: CellInput[]) =>
      read(
        sheet("指标", [
          HEADER,
          first,
          ["城镇新增就业人数", "人", 1196, 1304, 1083],
          ["失业人员再就业", null, 355, 405, 347],
        ])
      ).indicators.map((i) => i.name);
    expect(rows(["征兵", null, null, null, null])).toContain("征兵");
    const measured = read(
      sheet("指标", [
        HEADER,
        ["社零额", null, null, null, null],
        ["城镇新增就业人数", "人", 1196, 1304, 1083],
      ])
    ).indicators.map((i) => i.name);
    expect(measured).toContain("社零额");
  });
});

describe("bare heading rows, continued", () => {
  test("a heading row's words do not need a line of work of the catalogue", () => {
    const { indicators } = read(
      sheet("指标", [
        HEADER,
        ["城市管理", null, null, null, null],
        ["拆除违法建设", "处", 60, 69, 63],
      ])
    );
    expect(indicators.map((i) => [i.name, i.section.map((h) => h.title).join("/")])).toEqual([
      ["拆除违法建设", "城市管理"],
    ]);
  });
});

test("a formula saved without its result is reported as such, not as 未填报", () => {
  const { findings } = read(
    sheet("汇总", [HEADER, ["城乡居民养老保险参保人数", "人", 12000, { v: null } as never, 11800]])
  );
  expect(findings.map((f) => f.code)).toEqual(["MISSING_ACTUAL"]);
  const s = sheet("汇总", [HEADER, ["城乡居民养老保险参保人数", "人", 12000, 1, 11800]]);
  s.rows[1][3] = { value: null, uncalculated: true };
  const uncalculated = read(s);
  expect(uncalculated.findings.map((f) => [f.code, f.cell])).toEqual([
    ["FORMULA_NOT_CALCULATED", "D2"],
  ]);
  expect(uncalculated.findings[0].message).toContain("公式");
});

describe("rows left without a target", () => {
  const HEADS = ["指标名称", "单位", "目标", "完成", "上年同期"];
  const analysis = analyzeWorkbook(
    workbook(
      sheet("台账", [
        HEADS,
        ["一、就业", null, null, null, null],
        ["城镇新增就业", "人", 900, 951, 933],
        ["职业技能培训", "人次", null, 563, 520],
        ["二、民政", null, null, null, null],
        ["低保户数", "户", null, 186, 193],
        ["低保人数", "人", null, 312, 330],
        ["临时救助", "人次", null, 137, 152],
      ])
    )
  );
  const codes = (code: string) => analysis.findings.filter((f) => f.code === code);

  test("a part of the table that sets none gets one note, naming its rows", () => {
    const notes = codes("TARGETS_NOT_SET");
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe("info");
    expect(notes[0].cell).toBe("C6");
    expect(notes[0].message).toContain("“低保户数”、“低保人数”、“临时救助”3项未填写目标值");
    expect(notes[0].messageEn.replace(/^台账!C6 /, "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test("a lone blank among targets stays a warning at its cell", () => {
    const lone = codes("MISSING_TARGET");
    expect(lone.map((f) => [f.severity, f.cell])).toEqual([["warning", "C4"]]);
  });
});

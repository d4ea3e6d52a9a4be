import { EngineOptions, analyzeWorkbook } from "../../src/core";
import { CellInput, sheet, workbook } from "../helpers/sheet";

const HEADER: CellInput[] = ["指标名称", "单位", "目标", "完成", "上年同期", "完成率", "同比"];

function findingsOf(rows: CellInput[][], options: EngineOptions = {}) {
  const analysis = analyzeWorkbook(workbook(sheet("校验", [HEADER, ...rows])), options);
  return analysis.findings.map((f) => ({
    code: f.code,
    cell: f.cell,
    severity: f.severity,
    message: f.message,
  }));
}

function codes(rows: CellInput[][], options: EngineOptions = {}) {
  return findingsOf(rows, options).map((f) => `${f.code}@${f.cell}`);
}

describe("checks", () => {
  test("a clean table raises nothing", () => {
    expect(findingsOf([["城镇新增就业", "人", 1000, 1126, 1050, 1.126, 0.0724]])).toEqual([]);
  });

  test("negative counts and amounts are errors, and raise nothing else; a negative growth rate in % is not", () => {
    expect(codes([["新增就业", "人", 1000, -5, 900]])).toEqual(["NEGATIVE_VALUE@D2"]);
    expect(codes([["工业增加值增速", "%", 5, 6.1, -2.1]])).toEqual([]);
  });

  test("a target of 0 or less is an error for a floor indicator, fine for a ceiling", () => {
    expect(codes([["新增就业", "人", 0, 12]])).toEqual(["TARGET_NOT_POSITIVE@C2"]);
    expect(codes([["安全生产事故", "起", 0, 0]])).toEqual([]);
  });

  test("a percentage outside 0–100 is an error", () => {
    expect(codes([["养老保险续保率", "%", 95, 135, 95.1]])).toEqual(["PERCENT_OUT_OF_RANGE@D2"]);
  });

  test("the same indicator twice is a warning at the second, naming the first", () => {
    const found = findingsOf([
      ["新增就业", "人", 1000, 1126],
      ["再就业", "人", 300, 342],
      ["新增 就业", "人", 1000, 1130],
    ]);
    expect(found.map((f) => `${f.code}@${f.cell}`)).toEqual(["DUPLICATE_INDICATOR@A4"]);
    expect(found[0].message).toContain("A2");
  });

  test("parts (其中) larger than their total are an error at the total", () => {
    const found = findingsOf([
      ["新增就业", "人", 1000, 1126],
      ["其中：高校毕业生", "人", null, 900],
      ["其中：退役军人", "人", null, 300],
    ]);
    expect(found.map((f) => `${f.code}@${f.cell}`)).toEqual(["PARTS_EXCEED_TOTAL@D2"]);
    expect(found[0].message).toContain("1200人");
    expect(found[0].message).toContain("1126人");
  });

  test("a part within its total, even in another scale, is fine", () => {
    expect(
      codes([
        ["救助金发放", "万元", 29, 29.35],
        ["其中：临时救助", "元", null, 52000],
      ])
    ).toEqual([]);
    expect(
      codes([
        ["救助金发放", "万元", 30, 29.35],
        ["其中：临时救助", "元", null, 352000],
      ])
    ).toContain("PARTS_EXCEED_TOTAL@D2");
  });

  test("a 合计 row that is not the sum of the rows above is an error", () => {
    expect(
      codes([
        ["甲社区新增就业", "人", 300, 320],
        ["乙社区新增就业", "人", 200, 210],
        ["合计", "人", 500, 540],
      ])
    ).toEqual(["TOTAL_MISMATCH@D4"]);
    expect(
      codes([
        ["甲社区新增就业", "人", 300, 320],
        ["乙社区新增就业", "人", 200, 210],
        ["合计", "人", 500, 530],
      ])
    ).toEqual([]);
  });

  test("a stated completion rate that differs from the computed one is an error", () => {
    const found = findingsOf([["医保缴费金额", "万元", 1000, 986, 955, { v: 0.996, fmt: "0.0%" }]]);
    expect(found.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "STATED_RATE_MISMATCH@F2",
      "TARGET_NOT_MET@D2",
    ]);
    expect(found[0].message).toBe(
      "校验!F2 “医保缴费金额”填报的完成率99.6%与计算值98.6%（986÷1000）不一致。"
    );
  });

  test.each([
    ["as a % cell rounded to its decimals", { v: 1.13, fmt: "0%" }],
    ["as text", "112.6%"],
    ["as a bare percentage number", 112.6],
    ["as a bare fraction", 1.126],
  ])("a stated rate that agrees is accepted %s", (_, rate) => {
    expect(codes([["新增就业", "人", 1000, 1126, null, rate as CellInput]])).toEqual([]);
  });

  test("a stated growth that differs from the computed one is an error; one that agrees is not", () => {
    expect(codes([["固定资产投资", "亿元", 12, 12.6, 11.54, null, "12.5%"]])).toEqual([
      "STATED_GROWTH_MISMATCH@G2",
    ]);
    expect(codes([["固定资产投资", "亿元", 12, 12.6, 11.54, null, "9.19%"]])).toEqual([]);
    expect(codes([["固定资产投资", "亿元", 12, 12.6, 11.54, null, 9.19]])).toEqual([]);
  });

  test("growth beyond ±50% needs confirmation; the threshold is an option", () => {
    expect(codes([["限上销售额", "亿元", 25, 45, 24.67]])).toEqual(["GROWTH_ABNORMAL@D2"]);
    expect(codes([["限上销售额", "亿元", 25, 10, 24.67]])).toEqual([
      "GROWTH_ABNORMAL@D2",
      "TARGET_NOT_MET@D2",
    ]);
    expect(codes([["限上销售额", "亿元", 25, 30, 24.67]], { growthThreshold: 0.2 })).toEqual([
      "GROWTH_ABNORMAL@D2",
    ]);
    expect(codes([["限上销售额", "亿元", 25, 30, 24.67]])).toEqual([]);
  });

  test("a value about 10 000 times off is a 元/万元 slip, pointed at the odd value", () => {
    const found = findingsOf([["税收收入", "万元", 5000, 52000000, 4800]]);
    expect(found.map((f) => `${f.code}@${f.cell}`)).toEqual(["UNIT_SLIP@D2"]);
    expect(found[0].message).toContain("元与万元");
    expect(codes([["税收收入", "万元", 5000, 5200, 48000000]])).toEqual(["UNIT_SLIP@E2"]);
  });

  test("behind the time progress (序时进度) for the report period is a warning", () => {
    const found = findingsOf([["新增就业", "人", 1000, 700]], { period: 10 });
    expect(found.map((f) => `${f.code}@${f.cell}`)).toEqual(["BEHIND_SCHEDULE@D2"]);
    expect(found[0].message).toContain("70%");
    expect(found[0].message).toContain("83.33%");
    expect(codes([["新增就业", "人", 1000, 840]], { period: 10 })).toEqual([]);
  });

  test("a period written in the header is used when none is given", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("期别", [
          ["指标", "目标", "1—6月完成"],
          ["新增就业", 1000, 400],
        ])
      )
    );
    expect(analysis.months).toBe(6);
    expect(analysis.findings.map((f) => f.code)).toEqual(["BEHIND_SCHEDULE"]);
  });

  test("at year end a shortfall is noted for the problems section, and a ceiling above its limit is a warning", () => {
    expect(findingsOf([["参保人数", "人", 25000, 24650]])).toEqual([
      expect.objectContaining({ code: "TARGET_NOT_MET", severity: "info", cell: "D2" }),
    ]);
    expect(codes([["城镇登记失业率", "%", "控制在3.5%以内", 3.9]])).toEqual([
      "CEILING_EXCEEDED@D2",
    ]);
    expect(codes([["城镇登记失业率", "%", "≤3.5", 2.8]])).toEqual([]);
  });

  test("findings are ordered errors first, then by cell", () => {
    const found = findingsOf([
      ["参保人数", "人", 25000, 24650],
      ["新增就业", "人", 1000, "一千"],
      ["再就业", "人", 0, 5],
    ]);
    expect(found.map((f) => f.severity)).toEqual(["error", "error", "info"]);
    expect(found.map((f) => f.cell)).toEqual(["D3", "C4", "D2"]);
  });
});

describe("indicators in more than one table", () => {
  const detail = sheet("就业", [
    ["指标", "单位", "目标", "完成"],
    ["城镇新增就业", "人", 1000, 1126],
  ]);
  test("a summary sheet that repeats an indicator with the same numbers raises nothing and is quoted once", () => {
    const summary = sheet("汇总", [
      ["指标", "单位", "目标", "完成"],
      ["城镇新增就业", "人", 1000, 1126],
    ]);
    const analysis = analyzeWorkbook(workbook(detail, summary));
    expect(analysis.findings).toEqual([]);
    expect(analysis.paragraphs[0].text.match(/城镇新增就业/g)).toHaveLength(1);
  });
  test("with different numbers it is a warning naming the other sheet's cell", () => {
    const summary = sheet("汇总", [
      ["指标", "单位", "目标", "完成"],
      ["城镇新增就业", "人", 1000, 1162],
    ]);
    const analysis = analyzeWorkbook(workbook(detail, summary));
    expect(analysis.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ["DUPLICATE_CONFLICT", "汇总", "A2"],
    ]);
    expect(analysis.findings[0].message).toContain("就业!A2");
  });
  test("a sheet a month (1—9月, 1—10月) holds two periods, not copies, also under --period", () => {
    const month = (name: string, done: number, months = Number(/\d+/.exec(name)?.[0])) =>
      sheet(name, [
        ["指标", "单位", "目标", `1—${months}月完成`],
        ["城镇新增就业", "人", 1000, done],
      ]);
    const sheets = workbook(month("9月", 700), month("10月", 820));
    for (const options of [{}, { period: 10 }]) {
      const analysis = analyzeWorkbook(sheets, options);
      expect(analysis.findings.map((f) => f.code)).not.toContain("DUPLICATE_CONFLICT");
      expect(analysis.indicators.map((i) => [i.statedMonths, i.trust.kind])).toEqual([
        [9, "quotable"],
        [10, "quotable"],
      ]);
    }
    // Two sheets of one period that disagree still do.
    const copies = workbook(month("10月", 820), month("10月报送", 800));
    expect(analyzeWorkbook(copies).findings.map((f) => f.code)).toContain("DUPLICATE_CONFLICT");
  });
});

describe("year-to-date columns", () => {
  test("a 1—10月 value below the 1—9月 value beside it is an error; the 1—10月 value is the completed one", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("累计", [
          ["指标", "单位", "目标", "1—9月", "1—10月"],
          ["城镇新增就业", "人", 1000, 905, 960],
          ["失业人员再就业", "人", 300, 290, 280],
          ["续保率", "%", 95, 96, 95.5],
        ])
      )
    );
    expect(analysis.indicators[0].actual?.value).toBe(960);
    expect(analysis.indicators[0].priorPeriod?.ref.cell).toBe("D2");
    const found = analysis.findings.filter((f) => f.code === "YTD_DECREASE");
    expect(found.map((f) => f.cell)).toEqual(["E3"]);
    expect(found[0].message).toBe(
      "累计!E3 “失业人员再就业”累计完成数280人小于上期累计数290人（D3），累计值不应减少。"
    );
  });
});

describe("a hidden helper sheet", () => {
  test("its conflicting copy of an indicator is a warning, and the visible row is quoted", () => {
    const visible = sheet("台账", [
      ["指标", "单位", "目标任务", "完成数"],
      ["城镇新增就业", "人", 1000, 1080],
    ]);
    const helper = {
      ...sheet("Sheet2", [
        ["指标", "目标任务", "完成数"],
        ["城镇新增就业", 900, 1000],
      ]),
      hidden: true,
    };
    // Whichever sheet comes first, the hidden copy is the stale one: the visible row stands.
    for (const sheets of [
      [visible, helper],
      [helper, visible],
    ]) {
      const analysis = analyzeWorkbook(workbook(...sheets));
      expect(analysis.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
        ["STALE_HIDDEN_COPY", "Sheet2", "A2"],
      ]);
      expect(analysis.findings[0].message).toContain("台账!A2");
      expect(analysis.findings[0].severity).toBe("warning");
      expect(analysis.paragraphs.map((p) => p.text)).toEqual([
        "全年完成城镇新增就业1080人，完成目标任务的108%，超额完成目标任务。",
      ]);
      const rows = analysis.indicators.map((i) => [i.sheet, i.trust.kind]);
      expect(rows).toEqual(
        expect.arrayContaining([
          ["台账", "quotable"],
          ["Sheet2", "withheld"],
        ])
      );
    }
  });
});

describe("implausible numbers", () => {
  test("a value of 10^15 or more is an error and never reaches the text", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("大数", [
          ["指标", "单位", "目标", "完成", "上年同期"],
          ["固定资产投资", "万元", 50000, 1e20, 45000],
          ["招商引资", "亿元", 20, "123456789012345678901234567890", 18],
          ["新增就业", "人", 1000, 1126, 1050],
        ])
      )
    );
    expect(analysis.findings.map((f) => [f.code, f.cell])).toEqual([
      ["VALUE_IMPLAUSIBLE", "D2"],
      ["VALUE_IMPLAUSIBLE", "D3"],
    ]);
    const text = analysis.paragraphs.map((p) => p.text).join("");
    expect(text).not.toMatch(/e\+|Infinity|NaN/);
    expect(text).not.toContain("固定资产投资");
  });

  test("a value 100 000× off last year is flagged as a wrong entry and not quoted", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("离谱", [
          ["指标", "单位", "目标", "完成", "上年同期"],
          ["固定资产投资", "万元", 50000, 5200000000, 45000],
        ])
      )
    );
    expect(analysis.findings.map((f) => [f.code, f.cell])).toEqual([["VALUE_OUT_OF_SCALE", "D2"]]);
    expect(analysis.paragraphs).toEqual([]);
  });
});

test("three times the target or more: the target is doubted", () => {
  expect(codes([["失地农民就业", "人", 200, 1000]])).toEqual(["TARGET_DOUBTFUL@C2"]);
});

test("a title naming two lines of work lets each row's name decide", () => {
  const analysis = analyzeWorkbook(
    workbook(
      sheet("半年", [
        ["2024年上半年就业和社保工作指标"],
        ["指标", "单位", "目标", "完成"],
        ["城镇新增就业", "人", 1200, 640],
        ["城乡居民医保参保人数", "人", 30000, 29100],
      ])
    )
  );
  expect(analysis.indicators.map((i) => i.category)).toEqual(["employment", "insurance"]);
});

describe("finding messages", () => {
  test("no English message carries Chinese text, whatever the details", () => {
    const { FINDING_RULES } = jest.requireActual("../../src/core/findings");
    const details = {
      sheet: "Sheet1",
      cell: "D5",
      indicator: "X",
      raw: "1",
      a: "96%",
      b: "2",
      c: "98%",
    };
    const chinese = Object.entries(
      FINDING_RULES as Record<string, { en: (d: unknown, f: string) => string }>
    )
      .filter(([, rule]) => /[\u4e00-\u9fff]/.test(rule.en(details, "completed value")))
      .map(([code]) => code);
    expect(chinese).toEqual([]);
  });
});

describe("a unit slip's message", () => {
  test("names the field and cell of the number it is compared with", () => {
    const { analyzeWorkbook } = jest.requireActual("../../src/core");
    const { sheet, workbook } = jest.requireActual("../helpers/sheet");
    const analysis = analyzeWorkbook(
      workbook(
        sheet("投资", [
          ["指标名称", "单位", "目标", "完成", "上年同期"],
          ["固定资产投资", "万元", null, 52000000, 4800],
        ])
      )
    );
    const slip = analysis.findings.find(
      (f: { code: string }) => f.code === "UNIT_SLIP" || f.code === "VALUE_OUT_OF_SCALE"
    );
    expect(slip.message).toContain("上年同期数4800（E2）");
    expect(slip.messageEn).toContain("last year's value 4800 (E2)");
  });
});

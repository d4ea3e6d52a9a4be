/**
 * Layouts and sentences found by trying unseen workbooks: each case the general rule behind it.
 */
import { analyzeWorkbook } from "../../src/core";
import { buildReport, reportToText } from "../../src/core/report";
import { sheet, workbook } from "../helpers/sheet";

const HEAD = ["序号", "指标名称", "单位", "目标", "完成", "上年同期"];

function textOf(...sheets: ReturnType<typeof sheet>[]): string {
  return reportToText(buildReport(analyzeWorkbook(workbook(...sheets))));
}

describe("the workbook's structure", () => {
  test("（一） in the 序号 column with its title in the name column is a sub-heading, not an indicator", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("民生", [
          HEAD,
          ["一、", "民生保障", null, null, null, null],
          ["（一）", "就业", null, null, null, null],
          [1, "城镇新增就业", "人", 800, 860, 800],
          ["（二）", "社会救助", null, null, null, null],
          [1, "发放低保金", "万元", 420, 436.5, 401],
        ])
      )
    );
    expect(analysis.indicators.map((i) => i.name)).toEqual(["城镇新增就业", "发放低保金"]);
    expect(analysis.indicators.every((i) => !i.parentId)).toBe(true);
    expect(analysis.findings.filter((f) => f.code === "MISSING_ACTUAL")).toEqual([]);
    const text = reportToText(buildReport(analysis));
    expect(text).toContain("一、民生保障\n（一）就业\n全年完成城镇新增就业860人");
    expect(text).toContain("（二）社会救助\n全年发放低保金436.5万元");
  });

  test("a 类别 column of topics of two rows or more each gives the sections' topics", () => {
    const text = textOf(
      sheet("城建环境", [
        ["XX街道2023年城市建设与环境整治工作完成情况表"],
        ["类别", "指标名称", "单位", "目标", "完成"],
        ["城市建设", "新建公厕", "座", 4, 4],
        ["城市建设", "整修道路", "条", 12, 9],
        ["环境整治", "河长巡河", "次", 480, 430],
        ["环境整治", "黑臭水体整治", "条", 3, 3],
      ])
    );
    expect(text).toContain("一、城市建设与环境整治工作\n（一）城市建设\n2023年，新建公厕4座");
    expect(text).toContain("（二）环境整治\n2023年，完成河长巡河430次");
  });

  test("a hidden helper sheet is checked but never written into the report", () => {
    const text = textOf(sheet("就业", [HEAD, [1, "城镇新增就业", "人", 1000, 1126, 1050]]), {
      ...sheet("辅助", [
        ["指标名称", "目标", "完成"],
        ["临时计算", 1, 2],
      ]),
      hidden: true,
    });
    expect(text).not.toContain("临时计算");
    expect(text).toContain("完成城镇新增就业1126人");
  });

  test("an Excel table of no known line of work is a section named by the table", () => {
    const safety = sheet(
      "安全与救助",
      [
        ["指标名称", "单位", "目标", "完成"],
        ["燃气用户安全检查", "户", 8000, 8420],
      ],
      { tables: [{ name: "安全生产", ref: "A1:D2" }] }
    );
    expect(textOf(safety)).toContain("一、安全生产\n全年完成燃气用户安全检查8420户");
  });
});

describe("sentences", () => {
  const one = (row: (string | number | null)[], extra: (string | number | null)[][] = []) =>
    textOf(sheet("表", [["指标名称", "单位", "目标", "完成", "上年同期"], row, ...extra]));

  test("a rate to raise with a 100% target is a floor, not a ceiling", () => {
    expect(one(["信访事项按期办结率", "%", 100, 98.7, 99.2])).toContain(
      "信访事项按期办结率为98.7%，低于100%的目标"
    );
  });

  test("events to keep low are counted as they happen; none at all is 未发生", () => {
    expect(one(["命案发生数", "起", 0, 0, 1])).toContain("全年未发生命案（上年1起）");
    expect(one(["火灾事故", "起", 2, 3, 2])).toContain(
      "全年发生火灾事故3起，超出控制目标1起，比上年增加1起"
    );
  });

  test("an approximate value gives no exact rate or growth", () => {
    const text = one(["60岁以上老人接种", "人", 4000, "约4100", 3600]);
    expect(text).toContain("完成60岁以上老人接种约4100人。");
    expect(text).not.toMatch(/102\.5%|13\.89%/);
    expect(one(["主题党日活动", "场次", 48, "50余", 40])).toContain(
      "开展主题党日活动50余场次，完成目标任务。"
    );
  });

  test("households and people of one subject, the people as a 其中 row, are one pair", () => {
    const text = one(["低保户", "户", 220, 226, 231], [["其中：低保人数", "人", null, 410, 428]]);
    expect(text).toContain("全年纳入低保226户410人，完成目标任务的102.73%");
  });

  test("a benefit paid to a group counted in people", () => {
    expect(one(["残疾人两项补贴", "人", 350, 362, 340])).toContain("全年为362名残疾人发放两项补贴");
    expect(one(["高龄津贴发放", "人次", 2400, 1210, 1150])).toContain("全年发放高龄津贴1210人次");
    expect(one(["招商引资到位资金", "亿元", 5, "5以上", 4])).toContain(
      "全年招商引资到位资金5亿元以上"
    );
  });
});

describe("a 类别 column that names lines of work", () => {
  const ledger = (rows: (string | number)[][]) =>
    sheet("重点工作", [
      ["东湖街道2025年度重点工作目标任务完成情况统计表"],
      ["类别", "工作内容", "单位", "全年任务", "实际完成", "上年数"],
      ...rows,
    ]);

  test("gives the report's sections, in the ledger's order, same-name rows each in its own", () => {
    const text = textOf(
      ledger([
        ["就业", "城镇新增就业", "人", 1500, 1642, 1587],
        ["民政", "发放低保金", "万元", 700, 684.2, 702.6],
        ["民政", "临时救助", "人次", 100, 96, 104],
        ["征兵", "输送新兵", "人", 30, 32, 29],
        ["安全生产", "检查企业", "家", 800, 865, 812],
        ["安全生产", "整改隐患", "处", 1500, 1526, 1370],
        ["城市管理", "检查企业", "家", 200, 236, 198],
        ["城市管理", "整治背街小巷", "条", 15, 15, 11],
      ])
    );
    const headings = text.split("\n").filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    expect(headings).toEqual([
      "一、就业工作",
      "二、民政工作",
      "三、征兵工作",
      "四、安全生产工作",
      "五、城市管理工作",
    ]);
    const safety = text.slice(text.indexOf("四、安全生产工作"), text.indexOf("五、"));
    expect(safety).toContain("检查企业865家");
    expect(safety).not.toContain("236");
  });

  test("many lines of work go under the broad parts of a summary, each part where its first line stands", () => {
    const text = textOf(
      ledger([
        ["党建", "发展党员", "人", 15, 16, 14],
        ["民政", "发放低保金", "万元", 700, 684.2, 702.6],
        ["征兵", "输送新兵", "人", 30, 32, 29],
        ["安全生产", "检查企业", "家", 800, 865, 812],
        ["卫健", "老年人健康管理", "人", 3800, 3926, 3710],
        ["城市管理", "整治背街小巷", "条", 15, 15, 11],
        ["就业", "城镇新增就业", "人", 1500, 1642, 1587],
        ["经济", "固定资产投资", "亿元", 8.5, 9.02, 8.16],
      ])
    );
    const headings = text.split("\n").filter((l) => /^[一二三四五六七八九十]+、|^（/.test(l));
    expect(headings).toEqual([
      "一、党建工作",
      "二、民生保障",
      "（一）民政工作",
      "（二）卫健工作",
      "（三）就业工作",
      "三、平安建设和社会治理",
      "（一）征兵工作",
      "（二）安全生产工作",
      "（三）城市管理工作",
      "四、经济工作",
    ]);
    const jobs = text.slice(text.indexOf("（三）就业工作"), text.indexOf("三、平安建设"));
    expect(jobs).toContain("城镇新增就业1642人");
  });

  test("six lines of work or fewer stay each its own part", () => {
    const text = textOf(
      ledger([
        ["民政", "发放低保金", "万元", 700, 684.2, 702.6],
        ["征兵", "输送新兵", "人", 30, 32, 29],
        ["卫健", "老年人健康管理", "人", 3800, 3926, 3710],
      ])
    );
    expect(text).toContain("一、民政工作");
    expect(text).not.toContain("民生保障");
  });

  test("a 类别 of 城镇/农村 that repeats the same rows is a qualifier, not a section", () => {
    const text = textOf(
      ledger([
        ["城镇", "低保户数", "户", 100, 96, 104],
        ["城镇", "低保人数", "人", 200, 186, 190],
        ["农村", "低保户数", "户", 50, 48, 52],
        ["农村", "低保人数", "人", 90, 88, 95],
      ])
    );
    expect(text).not.toContain("城镇工作");
    expect(text).not.toContain("农村工作");
  });
});

test("a long section of no 类别 is split where its line of work changes", () => {
  const text = textOf(
    sheet("民生", [
      HEAD,
      ["一、", "民生保障", null, null, null, null],
      [1, "城镇新增就业", "人", 900, 968, 931],
      [2, "失业人员再就业", "人", 260, 271, 255],
      [3, "城乡居民医保参保人数", "人", 21000, 20684, 20912],
      [4, "城乡居民养老保险参保人数", "人", 12500, 12736, 12410],
      [5, "新冠疫苗加强免疫接种", "剂次", 8600, 8912, null],
      [6, "新冠疫苗第一剂次接种", "剂次", 38000, 37265, null],
    ])
  );
  const section = text.slice(text.indexOf("一、民生保障"));
  const paragraphs = section
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "");
  expect(paragraphs.length).toBe(3);
  expect(paragraphs[0]).toContain("城镇新增就业");
  expect(paragraphs[0]).not.toContain("参保");
  expect(paragraphs[1]).toContain("医保参保");
  expect(paragraphs[2]).toContain("接种");
});

test("rows of one name under two 类别, written in two paragraphs, each say their 类别", () => {
  // A 类别 of one row (征兵) keeps the section whole: no sub-headings say 消防 or 燃气.
  const text = textOf(
    sheet("台账", [
      ["类别", "指标名称", "单位", "目标", "完成", "上年同期"],
      ["信访", "办结信访事项", "件", 60, 58, 64],
      ["征兵", "输送新兵", "人", 15, 17, 14],
      ["消防", "检查场所", "家", 400, 436, 410],
      ["消防", "整改隐患", "处", null, 512, 468],
      ["燃气", "检查场所", "家", 300, 315, 288],
      ["燃气", "整改隐患", "处", null, 142, 167],
    ])
  );
  expect(text).toContain("消防检查场所436家");
  expect(text).toContain("燃气检查场所315家");
  expect(text).not.toMatch(/[；。\n]检查场所/);
});

import { analyzeWorkbook } from "../../../../src/core";
import {
  buildReport,
  chineseNumber,
  defaultOutline,
  headingNumber,
  levelOfNumber,
  parseOutline,
  reportTitle,
  reportToText,
  withoutReportConfig,
} from "../../../../src/core/report";
import { sheet, workbook } from "../../../helpers/sheet";
import { CONFIG_TITLE } from "../../../../samples/report-workbook";
import { reportAnalysis, reportWorkbook } from "../helpers";

describe("heading numbers", () => {
  it("reads levels from the forms 一、 （一） 1. （1）", () => {
    expect(levelOfNumber("一、")).toBe(1);
    expect(levelOfNumber("十二、")).toBe(1);
    expect(levelOfNumber("（三）")).toBe(2);
    expect(levelOfNumber("(三)")).toBe(2);
    expect(levelOfNumber("2.")).toBe(3);
    expect(levelOfNumber("２．")).toBe(3);
    expect(levelOfNumber("（4）")).toBe(4);
    expect(levelOfNumber("甲")).toBeUndefined();
  });

  it("writes them", () => {
    expect([1, 10, 11, 20, 21].map(chineseNumber)).toEqual(["一", "十", "十一", "二十", "二十一"]);
    expect(headingNumber(1, 3)).toBe("三、");
    expect(headingNumber(2, 3)).toBe("（三）");
    expect(headingNumber(3, 3)).toBe("3.");
    expect(headingNumber(4, 3)).toBe("（3）");
  });
});

describe("parseOutline from the 报告配置 sheet", () => {
  it("reads title, sections, items and templates, and builds the report", () => {
    const wb = reportWorkbook(true);
    const analysis = analyzeWorkbook(withoutReportConfig(wb));
    const outline = parseOutline(wb, analysis);
    expect(outline.source).toBe("sheet");
    expect(outline.title).toBe(CONFIG_TITLE);
    expect(outline.findings).toEqual([]);
    expect(outline.sections.map((s) => [s.level, s.title])).toEqual([
      [1, "就业和社会保障"],
      [2, "就业工作"],
      [2, "社会保险"],
      [1, "疫苗接种"],
      [1, "经济发展"],
      [2, "固定资产投资"],
      [3, "商贸流通"],
      [4, "住宿餐饮"],
      [2, "企业培育"],
    ]);
    const report = buildReport(analysis, outline);
    expect(report.title).toBe("2021年度工作总结");
    expect(report.sections.map((s) => s.heading)).toEqual([
      "一、就业和社会保障",
      "（一）就业工作",
      "（二）社会保险",
      "二、疫苗接种",
      "三、经济发展",
      "（一）固定资产投资",
      "1.商贸流通",
      "（1）住宿餐饮",
      "（二）企业培育",
    ]);
    const text = reportToText(report);
    expect(text).toContain("全年完成固定资产投资12.6亿元，同比增长9.19%，超额完成目标任务。");
    expect(text).toContain(
      "住宿餐饮业实现营业额2731.6万元，完成目标任务的105.1%，同比增长10.15%。"
    );
    expect(text).toContain("完成第一剂次接种（18岁以上）43185剂次");
    // every number of every paragraph is traceable
    for (const section of report.sections)
      for (const p of section.paragraphs)
        for (const s of p.sources) expect(p.text.slice(s.start, s.end)).toBe(s.text);
    const investment = report.sections[5];
    expect(investment.paragraphs[0].sources[0]).toMatchObject({
      text: "12.6",
      sheet: "经济",
      cell: "D4",
    });
    expect(investment.ref).toEqual({ sheet: "报告配置", cell: "B9" });
  });

  it("reports unknown indicators and categories, template errors and odd numbers with their cells", () => {
    const data = sheet("就业", [
      ["指标名称", "单位", "年度目标", "完成数"],
      ["城镇新增就业", "人", 1000, 1126],
      ["失业人员再就业", "人", 300, 342],
    ]);
    const config = sheet("报告配置", [
      ["序号", "标题", "指标或类别", "模板"],
      ["一、", "就业", "城镇新增就业、农民工返乡创业", ""],
      ["（一）", "其他", "民生", ""],
      ["甲", "模板", "", "全年完成{城镇新增就业.完成量}，{不存在}"],
      ["", "", "", "另起一段：{失业人员再就业}"],
    ]);
    const wb = workbook(data, config);
    const analysis = analyzeWorkbook(withoutReportConfig(wb));
    const outline = parseOutline(wb, analysis);
    expect(outline.findings.map((f) => [f.severity, f.code, `${f.sheet}!${f.cell}`])).toEqual([
      ["error", "OUTLINE_UNKNOWN_ITEM", "报告配置!C2"],
      ["error", "OUTLINE_UNKNOWN_ITEM", "报告配置!C3"],
      ["error", "OUTLINE_TEMPLATE_UNKNOWN_FIELD", "报告配置!D4"],
      ["error", "OUTLINE_TEMPLATE_UNKNOWN_INDICATOR", "报告配置!D4"],
      ["warning", "OUTLINE_BAD_NUMBER", "报告配置!A4"],
    ]);
    expect(outline.findings[0].message).toMatch(/^报告配置!C2 未找到指标或类别“农民工返乡创业”/);
    expect(outline.findings[2].message).toBe(
      "报告配置!D4 模板第13个字符：未知字段“完成量”，可用：完成、目标、上年、完成率、增长、增长率、状态、名称、单位"
    );
    // the section with a bad number takes the level of the one above; the row without
    // number and title is a second paragraph of it
    expect(outline.sections.map((s) => [s.level, s.title, s.blocks.length])).toEqual([
      [1, "就业", 1],
      [2, "其他", 0],
      [2, "模板", 2],
    ]);
    const report = buildReport(analysis, outline);
    expect(report.sections[2].paragraphs.map((p) => p.text)).toEqual([
      "全年完成{城镇新增就业.完成量}，{不存在}",
      "另起一段：342人",
    ]);
  });

  it("reports an item whose name has two rows that disagree (a hidden helper sheet)", () => {
    const wb = workbook(
      sheet("台账", [
        ["指标", "单位", "目标任务", "本年"],
        ["城镇新增就业", "人", 1000, 1080],
      ]),
      sheet("Sheet2", [
        ["指标", "目标任务", "完成数"],
        ["城镇新增就业", 900, 1000],
      ]),
      sheet("报告大纲", [
        ["标题", "指标或类别"],
        ["一、就业", "城镇新增就业"],
      ])
    );
    const outline = parseOutline(wb, analyzeWorkbook(withoutReportConfig(wb)));
    expect(outline.findings.map((f) => [f.code, f.message])).toEqual([
      [
        "OUTLINE_AMBIGUOUS_ITEM",
        "报告大纲!B2 “城镇新增就业”有同名指标且数值不一致（台账!D2 与 Sheet2!C2），请核实",
      ],
    ]);
  });

  it("accepts category words and numbered titles without a 序号 column", () => {
    const wb = reportWorkbook(false);
    const analysis = analyzeWorkbook(wb);
    const config = sheet("报告大纲", [
      ["报告标题", "上半年工作总结"],
      [],
      ["标题", "指标或类别"],
      ["一、就业工作", "就业"],
      ["二、经济发展", "经济"],
      ["（一）投资", "固定资产投资"],
    ]);
    const outline = parseOutline(workbook(...wb.sheets, config), analysis);
    expect(outline.title).toBe("上半年工作总结");
    expect(outline.findings).toEqual([]);
    expect(outline.sections.map((s) => [s.level, s.title, s.blocks[0].items[0]])).toEqual([
      [1, "就业工作", { kind: "category", category: "employment", text: "就业" }],
      [1, "经济发展", { kind: "category", category: "investment", text: "经济" }],
      [
        2,
        "投资",
        { kind: "indicator", indicatorId: "经济!A4", name: "固定资产投资", text: "固定资产投资" },
      ],
    ]);
  });
});

describe("default outline", () => {
  it("is one section per category with the engine's paragraphs", () => {
    const analysis = reportAnalysis();
    const outline = defaultOutline(analysis);
    expect(outline.source).toBe("default");
    const report = buildReport(analysis, outline);
    expect(report.sections.map((s) => s.heading)).toEqual([
      "一、就业工作",
      "二、社会保险工作",
      "三、疫苗接种工作",
      "四、投资与经济发展",
    ]);
    expect(report.sections[0].paragraphs[0]).toEqual({
      text: analysis.paragraphs[0].text,
      sources: analysis.paragraphs[0].sources,
    });
    expect(parseOutline(reportWorkbook(false), analysis).source).toBe("default");
  });

  it("titles the report by year and period", () => {
    const analysis = reportAnalysis();
    expect(reportTitle(analysis)).toBe("2021年度工作总结");
    expect(reportTitle({ ...analysis, months: 6 })).toBe("2021年上半年工作总结");
    expect(reportTitle({ ...analysis, months: 10 })).toBe("2021年1—10月工作总结");
    expect(
      reportTitle({ ...analysis, options: { ...analysis.options, yearStyle: "chinese" } })
    ).toBe("二〇二一年度工作总结");
    const { year: _year, ...noYear } = analysis;
    expect(reportTitle(noYear)).toBe("工作总结");
  });
});

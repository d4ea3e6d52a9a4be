import { Analysis, analyzeWorkbook } from "../../../../src/core";
import { parseTemplate, renderTemplate } from "../../../../src/core/report";
import { sheet, workbook } from "../../../helpers/sheet";
import { reportAnalysis } from "../helpers";

let analysis: Analysis;
beforeAll(() => {
  analysis = reportAnalysis();
});

const render = (template: string) => renderTemplate(template, analysis);
const text = (template: string) => {
  const result = render(template);
  expect(result.errors).toEqual([]);
  return result.text;
};

describe("template fields and formats", () => {
  it("writes the completed value with its unit", () => {
    expect(text("全年完成城镇新增就业{城镇新增就业}。")).toBe("全年完成城镇新增就业1126人。");
    expect(text("{固定资产投资}")).toBe("12.6亿元");
    expect(text("{城乡居民养老保险续保率}")).toBe("96.3%");
  });

  it("writes target, last year, rate, growth, status, name and unit", () => {
    expect(text("{城镇新增就业.目标}")).toBe("1000人");
    expect(text("{城镇新增就业.上年}")).toBe("1050人");
    expect(text("{城镇新增就业.完成率}")).toBe("112.6%");
    expect(text("{城镇新增就业.增长}")).toBe("同比增长7.24%");
    expect(text("{零售业主营业务收入.增长}")).toBe("同比下降3.76%");
    expect(text("{城乡居民养老保险续保率.增长}")).toBe("比上年提高1.2个百分点");
    expect(text("{零售业主营业务收入.增长率}")).toBe("-3.76%");
    expect(text("{城镇新增就业.状态}")).toBe("超额完成目标任务");
    expect(text("{城乡居民医保缴费人数.状态}")).toBe("未完成目标任务");
    expect(text("{城镇登记失业率.状态}")).toBe("控制在目标以内");
    expect(text("{新增就业.名称}（{新增就业.单位}）")).toBe("城镇新增就业（人）");
  });

  it("converts units and sets decimals", () => {
    expect(text("{固定资产投资:万元}")).toBe("126000万元");
    expect(text("{城乡居民医保缴费金额:元}")).toBe("7631500元");
    expect(text("{城镇新增就业.完成率:1}")).toBe("112.6%");
    expect(text("{就业困难人员再就业.完成率:1}")).toBe("113.8%");
    expect(text("{就业困难人员再就业.完成率:0}")).toBe("114%");
    expect(text("{固定资产投资:万元:0}")).toBe("126000万元");
    expect(text("{城镇新增就业:数}人")).toBe("1126人");
    expect(text("{城镇新增就业.完成率:数}")).toBe("112.6");
  });

  it("matches names loosely", () => {
    expect(text("{ 城镇 新增就业 }")).toBe("1126人");
    expect(text("{新增就业}")).toBe("1126人"); // unique: 城镇新增就业
    expect(text("{第一剂次接种}")).toBe("43185剂次"); // brackets left out
    expect(text("{第一针}")).toBe("43185剂次");
    expect(text("｛固投｝")).toBe("12.6亿元"); // full-width braces, synonym
  });

  it("chooses text by condition", () => {
    const t = "{?城镇新增就业 已完成}超额完成{:}未完成{/}";
    expect(text(t)).toBe("超额完成");
    expect(
      text("{?城乡居民医保缴费人数 已完成}完成{:}完成目标任务的{城乡居民医保缴费人数.完成率}{/}")
    ).toBe("完成目标任务的98.6%");
    expect(text("{?!城乡居民医保缴费人数 已完成}未完成{/}")).toBe("未完成");
    expect(text("{?零售业主营业务收入 下降}降{:}升{/}")).toBe("降");
    expect(text("{?城镇新增就业已完成}是{/}")).toBe("是");
    expect(text("{?第一剂次接种 有上年}有{:}无{/}")).toBe("无");
    expect(text("{?城镇新增就业}{城镇新增就业}{/}")).toBe("1126人");
    expect(text("{?城镇新增就业 已完成}{?固定资产投资 增长}均好{:}仅就业{/}{/}")).toBe("均好");
  });

  it("keeps literal braces", () => {
    expect(text("{{城镇新增就业}}")).toBe("{城镇新增就业}");
  });

  it("traces every number to its cell", () => {
    const result = render(
      "全年完成{城镇新增就业}，完成目标任务的{城镇新增就业.完成率}，{城镇新增就业.增长}。"
    );
    expect(result.text).toBe("全年完成1126人，完成目标任务的112.6%，同比增长7.24%。");
    expect(result.sources.map((s) => [s.text, s.kind, s.sheet, s.cells])).toEqual([
      ["1126", "value", "就业", ["D4"]],
      ["112.6%", "rate", "就业", ["D4", "C4"]],
      ["7.24%", "growth", "就业", ["D4", "E4"]],
    ]);
    for (const s of result.sources) expect(result.text.slice(s.start, s.end)).toBe(s.text);
    expect(result.indicatorIds).toEqual(["就业!A4"]);
  });
});

describe("template errors point at their place", () => {
  it("unknown indicator: offset, column and suggestions", () => {
    const result = render("全年完成{城镇新增就业X}人");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: "UNKNOWN_INDICATOR",
      offset: 5,
      length: 7,
      line: 1,
      column: 6,
    });
    expect(result.errors[0].message).toBe(
      "模板第6个字符：未找到指标“城镇新增就业X”（是否指：城镇新增就业、就业困难人员再就业、失业人员再就业？）"
    );
    expect(result.text).toBe("全年完成{城镇新增就业X}人"); // left as written
  });

  it("unknown field and bad option", () => {
    const a = parseTemplate("{城镇新增就业.完成量}");
    expect(a.errors[0]).toMatchObject({ code: "UNKNOWN_FIELD", offset: 8, length: 3, column: 9 });
    const b = parseTemplate("{固定资产投资:千亿}");
    expect(b.errors[0]).toMatchObject({ code: "BAD_OPTION", offset: 8, length: 2 });
    expect(b.errors[0].message).toMatch(/无法识别的格式“千亿”/);
    const c = parseTemplate("{城镇新增就业.完成率:万元}");
    expect(c.errors[0].code).toBe("BAD_OPTION");
  });

  it("unclosed and stray braces, conditions", () => {
    expect(parseTemplate("完成{城镇新增就业").errors[0]).toMatchObject({
      code: "UNCLOSED_TAG",
      offset: 2,
      column: 3,
    });
    expect(parseTemplate("完成}").errors[0]).toMatchObject({ code: "STRAY_BRACE", offset: 2 });
    expect(parseTemplate("{}").errors[0].code).toBe("EMPTY_TAG");
    expect(parseTemplate("{?城镇新增就业 已完成}好").errors[0]).toMatchObject({
      code: "UNCLOSED_CONDITION",
      offset: 0,
    });
    expect(parseTemplate("好{/}").errors[0]).toMatchObject({ code: "STRAY_END", offset: 1 });
    expect(parseTemplate("好{:}").errors[0]).toMatchObject({ code: "STRAY_ELSE", offset: 1 });
    const bad = parseTemplate("{?城镇新增就业 很好}{/}");
    expect(bad.errors[0]).toMatchObject({ code: "UNKNOWN_CONDITION", offset: 9, length: 2 });
  });

  it("counts lines and columns in a cell with line breaks", () => {
    const result = render("第一行\n第二行{不存在的指标}");
    expect(result.errors[0]).toMatchObject({ line: 2, column: 5, offset: 8 });
    expect(result.errors[0].message).toMatch(/^模板第2行第5个字符/);
  });

  it("a name that fits two indicators", () => {
    const two = analyzeWorkbook(
      workbook(
        sheet("社保", [
          ["项目", "单位", "目标", "完成"],
          ["城乡居民医保参保人数", "人", 100, 90],
          ["城镇职工医保参保人数", "人", 100, 95],
        ])
      )
    );
    const result = renderTemplate("{医保参保人数}", two);
    expect(result.errors[0].code).toBe("AMBIGUOUS_INDICATOR");
    expect(result.errors[0].message).toMatch(/对应多个指标/);
  });

  it("a name whose two rows disagree (a hidden helper sheet's copy)", () => {
    const two = analyzeWorkbook(
      workbook(
        sheet("台账", [
          ["指标", "单位", "目标任务", "本年"],
          ["城镇新增就业", "人", 1000, 1080],
        ]),
        sheet("Sheet2", [
          ["指标", "目标任务", "完成数"],
          ["城镇新增就业", 900, 1000],
        ])
      )
    );
    const result = renderTemplate("全年完成{城镇新增就业}", two);
    expect(result.errors[0].code).toBe("AMBIGUOUS_INDICATOR");
    expect(result.errors[0].message).toMatch(
      /“城镇新增就业”有同名指标且数值不一致（台账!D2 与 Sheet2!C2），请核实$/
    );
  });

  it("a value that is not there", () => {
    const result = render("{第一剂次接种.增长}");
    expect(result.errors[0]).toMatchObject({ code: "NO_VALUE", offset: 0 });
    expect(result.errors[0].message).toMatch(/缺少上年同期数/);
    expect(render("{城镇登记失业率.完成率}").errors[0].message).toMatch(/控制性指标/);
    expect(render("{城镇新增就业:亿元}").errors[0].message).toMatch(/不能换算/);
  });
});

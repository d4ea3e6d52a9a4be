/**
 * The sentence frame of each kind of indicator, with names the real summaries use (the seeds),
 * written through the engine as a statistician's table gives them.
 */
import { analyzeWorkbook } from "../../../src/core";
import { frameOf, nameInContext, pairLead } from "../../../src/core/lexicon";
import { sheet, workbook } from "../../helpers/sheet";

type Row = [name: string, unit: string, target: number | string | null, actual: number | string];

/** The one clause the engine writes for a lone indicator of a table (its verdict left out). */
function clause(row: Row): string {
  const analysis = analyzeWorkbook(
    workbook(sheet("表", [["指标名称", "单位", "目标", "完成"], row]))
  );
  return analysis.paragraphs[0]?.text.replace(/^全年/, "") ?? "";
}

describe("sentence frames, by what the name and unit say", () => {
  test.each<[string, Row, string]>([
    ["work done", ["城镇新增就业", "人", 1000, 1126], "完成城镇新增就业1126人"],
    ["work done", ["失业人员再就业", "人", 300, 342], "完成失业人员再就业342人"],
    ["work done, money invested", ["固定资产投资", "亿元", 12, 12.6], "完成固定资产投资12.6亿元"],
    ["action", ["审批民生建房", "户", null, 26], "审批民生建房26户"],
    ["action, the deed inside", ["安全生产检查企业", "家", null, 1260], "安全生产检查企业1260家"],
    ["people counted", ["出生人口", "人", null, 146], "出生人口146人"],
    ["nominal, turned round", ["矛盾纠纷调处", "件", null, 214], "调处矛盾纠纷214件"],
    ["action, the deed inside", ["招商引资签约项目", "个", 20, 23], "招商引资签约项目23个"],
    [
      "work done, a sum spent on a deed",
      ["道路整修投资", "万元", 800, 860],
      "完成道路整修投资860万元",
    ],
    ["action", ["清理河湖漂浮物", "吨", null, 35], "清理河湖漂浮物35吨"],
    ["action, a sum paid", ["发放慰问金", "万元", null, 12.5], "发放慰问金12.5万元"],
    ["action", ["新建公厕", "座", 5, 5], "新建公厕5座"],
    ["nominal, turned round", ["信访事项办结", "件", 60, 58], "办结信访事项58件"],
    ["nominal, turned round", ["违法建设拆除", "处", null, 17], "拆除违法建设17处"],
    ["nominal, turned round", ["安全隐患排查", "处", null, 128], "排查安全隐患128处"],
    ["a manner word is not turned round", ["入户走访", "户", null, 300], "完成入户走访300户"],
    ["served, the people paid", ["高龄津贴发放人数", "人", null, 1542], "为1542人发放高龄津贴"],
    [
      "action, who an event reached",
      ["文化惠民演出观众", "万人次", null, 3.2],
      "文化惠民演出惠及观众3.2万人次",
    ],
    [
      "nor a name opened by its manner",
      ["免费两癌筛查", "人", 1500, 1620],
      "完成免费两癌筛查1620人",
    ],
    ["a kind of aid is not a verb", ["社会救助", "人次", null, 412], "完成社会救助412人次"],
    ["payment", ["征地补偿款", "万元", null, 1200], "征地补偿款1200万元"],
    ["measure", ["居民医保缴费人数", "人", 25000, 24650], "居民医保缴费人数达24650人"],
    ["people counted", ["特困供养人员", "人", null, 56], "特困供养人员56人"],
    ["served", ["为高龄老人发放津贴", "人", null, 1542], "为1542名高龄老人发放津贴"],
    ["rate", ["就业率", "%", 90, 93.5], "就业率达93.5%，高于90%的目标"],
    ["rate behind", ["第二针接种完成率", "%", 95, 92.1], "第二针接种完成率为92.1%，低于95%的目标"],
    ["rate, a 100% target met", ["老年人接种率", "%", 100, 100], "老年人接种率达100%"],
    ["ceiling", ["城镇登记失业率", "%", "≤3.5", 2.8], "城镇登记失业率为2.8%，控制在3.5%以内"],
    [
      "qualifier after the unit",
      ["规模工业产值", "亿元", null, "20以上"],
      "规模工业产值达20亿元以上",
    ],
    ["余 between number and unit", ["征求居民意见", "条", null, "300余"], "征求居民意见300余条"],
  ])("%s: %j → %s", (_kind, row, expected) => {
    expect(clause(row)).toMatch(
      new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[，。]`)
    );
  });

  test("a work done is never preceded by 完成 when the name has its verb or is a sum paid", () => {
    for (const name of [
      "新建公厕",
      "征地补偿款",
      "信访事项办结",
      "为高龄老人发放津贴",
      "办理居住证",
    ]) {
      const unit = name === "征地补偿款" ? "万元" : "人";
      expect(clause([name, unit, null, 10])).not.toMatch(/^完成/);
    }
  });

  test("two measures of one subject in one clause: 户 and 人", () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet("救助", [
          ["指标名称", "单位", "完成"],
          ["低保户数", "户", 226],
          ["低保人数", "人", 410],
        ])
      )
    );
    expect(analysis.paragraphs[0].text).toBe("全年纳入低保226户410人。");
    expect(analysis.paragraphs[0].sources.map((s) => [s.text, s.cell])).toEqual([
      ["226", "C2"],
      ["410", "C3"],
    ]);
    expect(pairLead("困难家庭")).toBe("困难家庭共");
    expect(pairLead("城市低保")).toBe("纳入城市低保");
    // Rows named 纳入城市低保户数/人数 already say the verb: it is not said twice.
    expect(pairLead("纳入城市低保")).toBe("纳入城市低保");
  });

  test("rows of one name are told apart by their 类别, the shared words said once", () => {
    expect(nameInContext("消防检查", "检查场所")).toBe("消防检查场所");
    expect(nameInContext("燃气", "检查场所")).toBe("燃气检查场所");
  });

  test("frameOf names its kind", () => {
    const base = { unit: "件", direction: "floor" } as const;
    expect(frameOf({ ...base, name: "信访事项办结" } as never).kind).toBe("nominal");
    expect(frameOf({ ...base, name: "城镇新增就业", unit: "人" } as never).kind).toBe("work");
  });
});

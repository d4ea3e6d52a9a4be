import { Analysis, analyzeWorkbook } from "../../../../src/core";
import { CheckItem, checkDraft } from "../../../../src/core/report";
import { sheet, workbook } from "../../../helpers/sheet";
import { reportAnalysis } from "../helpers";

let analysis: Analysis;
beforeAll(() => {
  analysis = reportAnalysis();
});

const check = (text: string) => checkDraft(text, analysis);
const only = (text: string): CheckItem => {
  const result = check(text);
  expect(result.items).toHaveLength(1);
  return result.items[0];
};

describe("checkDraft", () => {
  it("confirms numbers that agree, with their cells", () => {
    const result = check(
      "2021年，全街道完成城镇新增就业1126人，完成目标任务的112.6%，同比增长7.24%；城乡居民养老保险续保率96.3%，比上年提高1.2个百分点。"
    );
    expect(result.mismatches).toEqual([]);
    expect(result.confirmed.map((c) => [c.text, c.indicator, c.field, c.cells])).toEqual([
      ["1126人", "城镇新增就业", "actual", ["就业!D4"]],
      ["112.6%", "城镇新增就业", "rate", ["就业!D4", "就业!C4"]],
      ["7.24%", "城镇新增就业", "growth", ["就业!D4", "就业!E4"]],
      ["96.3%", "城乡居民养老保险续保率", "actual", ["社保!D8"]],
      ["1.2个百分点", "城乡居民养老保险续保率", "growth", ["社保!D8", "社保!E8"]],
    ]);
    // 2021年 is a year, not a number of the workbook
    expect(result.unchecked).toEqual([]);
  });

  it("flags a wrong value", () => {
    const item = only("失业人员再就业340人。");
    expect(item).toMatchObject({
      status: "mismatch",
      kind: "value",
      expected: "342人",
      cell: "就业!D5",
    });
    expect(item.message).toBe(
      "数值不符：文中“340人”，工作簿中失业人员再就业（就业!A5）完成数为342人（就业!D5）"
    );
    expect(item.sentence).toBe("失业人员再就业340人。");
  });

  it("flags a 万/亿 slip", () => {
    const item = only("全年完成固定资产投资12.6万元。");
    // The correction keeps the digits and mends the scale word, as the workbook writes it.
    expect(item).toMatchObject({ status: "mismatch", kind: "scale", expected: "12.6亿元" });
    expect(item.message).toMatch(/应为12\.6亿元$/);
    expect(item.message).toMatch(
      /^数量级不符（万\/亿）：文中“12.6万元”，工作簿中固定资产投资.*为12.6亿元/
    );
    const yuan = only("城乡居民医保缴费金额763.15元。");
    expect(yuan.kind).toBe("scale");
    expect(yuan.message).toMatch(/^数量级不符（元\/万元）/);
  });

  it("corrects a 万/亿 slip in the draft's own scale when the workbook counts in 元", () => {
    const inYuan = analyzeWorkbook(
      workbook(
        sheet("救助", [
          ["指标名称", "单位", "完成"],
          ["发放城市低保金", "元", 2846300],
        ])
      )
    );
    const item = checkDraft("累计发放城市低保金284.63亿元。", inYuan).items[0];
    expect(item).toMatchObject({ status: "mismatch", kind: "scale", expected: "284.63万元" });
    expect(item.message).toMatch(/应为284\.63万元$/);
  });

  it("flags a wrong rate, and says when it is the rate typed in the table", () => {
    const item = only("城乡居民医保缴费金额完成目标任务的98.5%。");
    expect(item).toMatchObject({ status: "mismatch", kind: "rate", expected: "97.84%" });
    expect(item.message).toMatch(
      /^完成率不符：文中“98.5%”，按工作簿计算城乡居民医保缴费金额（社保!A5）为97.84%/
    );
    const stated = analyzeWorkbook(
      workbook(
        sheet("社保", [
          ["项目", "单位", "目标", "完成", "完成率"],
          ["城乡居民医保缴费金额", "万元", 1000, 986, { v: 0.996, fmt: "0.0%" }],
        ])
      )
    );
    const typed = checkDraft("城乡居民医保缴费金额完成目标任务的99.6%。", stated).items[0];
    expect(typed.kind).toBe("rate");
    expect(typed.message).toMatch(/与表中填写的完成率一致，但与按完成数计算的结果不符/);
  });

  it("accepts rounding to the decimals written", () => {
    expect(only("固定资产投资同比增长9.2%。").status).toBe("confirmed"); // 9.1854%
    expect(only("固定资产投资同比增长9%。").status).toBe("confirmed");
    expect(only("就业困难人员再就业完成目标任务的113.75%。").status).toBe("confirmed");
    expect(only("就业困难人员再就业完成目标任务的113.8%。").status).toBe("confirmed");
    expect(only("就业困难人员再就业完成目标任务的113.7%。").status).toBe("mismatch");
    expect(only("建筑业总产值16.5亿元。").status).toBe("confirmed"); // 16.48
    expect(only("建筑业总产值16.50亿元。").status).toBe("mismatch");
  });

  it("accepts approximations within their margin", () => {
    expect(only("城镇新增就业1100余人。").status).toBe("confirmed");
    expect(only("城镇新增就业近1200人。").status).toBe("confirmed");
    expect(only("城镇新增就业约1100人。").status).toBe("confirmed");
    expect(only("城镇新增就业2000余人。").status).toBe("mismatch");
  });

  it("flags growth in the wrong direction", () => {
    const item = only("零售业主营业务收入同比增长3.76%。");
    expect(item).toMatchObject({ status: "mismatch", kind: "direction" });
    expect(item.message).toMatch(/增减方向不符/);
    expect(only("零售业主营业务收入同比下降3.76%。").status).toBe("confirmed");
  });

  it("lists numbers it could not tie to an indicator, and X still in the text", () => {
    const result = check("云梦社区成立业委会3个，全年新增就业X人，建设充电桩1354个。");
    expect(result.items).toEqual([]);
    expect(result.unchecked.map((u) => u.text)).toEqual(["3个", "1354个"]);
    expect(result.placeholders).toBe(1);
  });
});

/** Cases from drafts and workbooks a tester built. */
describe("checkDraft on the tester's cases", () => {
  const investment = analyzeWorkbook(
    workbook(
      sheet("投资", [
        ["指标名称", "单位", "全年目标", "1-11月累计", "上年同期", "同比增长(%)"],
        ["房地产开发投资", "万元", 60000, 62000, 71000, 12.68],
        ["招商引资到位资金", "亿元", 5, 5.6, 4.8, 16.67],
      ])
    )
  );
  const one = (text: string): CheckItem => {
    const result = checkDraft(text, investment);
    expect(result.items).toHaveLength(1);
    return result.items[0];
  };

  it("agrees with the same amount in another scale", () => {
    expect(one("招商引资到位资金56000万元。").status).toBe("confirmed");
    expect(one("招商引资到位资金560000000元。").status).toBe("confirmed");
  });

  it("flags 10× and 100× as a different value, with a hint", () => {
    const item = one("招商引资到位资金5600万元。");
    expect(item).toMatchObject({ status: "mismatch", kind: "value", ratio: 0.1 });
    expect(item.message).toBe(
      "数值不符：文中“5600万元”，工作簿中招商引资到位资金（投资!A3）完成数为5.6亿元（投资!D3），即56000万元；文中数是工作簿的1/10，请核对小数点和单位"
    );
    expect(one("招商引资到位资金56亿元。")).toMatchObject({ kind: "value", ratio: 10 });
    expect(one("招商引资到位资金560万元。")).toMatchObject({ kind: "value", ratio: 0.01 });
    expect(one("招商引资到位资金5.7亿元。").ratio).toBeUndefined();
  });

  it("flags 10 000× as a 万/亿 slip", () => {
    expect(one("招商引资到位资金5.6万元。")).toMatchObject({ kind: "scale", ratio: 1e-4 });
    expect(one("招商引资到位资金5.6万元。").message).toMatch(/^数量级不符（万\/亿）/);
  });

  it("checks a number after a verb the name lacks (发放创业担保贷款)", () => {
    const halfYear = analyzeWorkbook(
      workbook(
        sheet("上半年", [
          ["指标", "计量单位", "年度任务", "1-6月完成", "同期"],
          ["创业担保贷款", "万元", 800, 420, 380],
        ])
      ),
      { period: 6 }
    );
    const result = checkDraft("发放创业担保贷款4200万元，同比增长10.53%。", halfYear);
    expect(result.unchecked).toEqual([]);
    expect(result.mismatches[0]).toMatchObject({ kind: "value", ratio: 10, text: "4200万元" });
    expect(result.mismatches[0].message).toMatch(/文中数是工作簿的10倍/);
    expect(result.confirmed.map((c) => c.text)).toEqual(["10.53%"]);
  });

  it("says when a growth in the wrong direction is the one typed in the table", () => {
    const item = one("房地产开发投资同比增长12.68%。");
    expect(item.kind).toBe("direction");
    expect(item.message).toMatch(/与表中填写的增长率一致，但与按完成数计算的结果不符/);
  });

  it("does not check against two rows of the same name that disagree", () => {
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
    const result = checkDraft("全年完成城镇新增就业1080人。", two);
    expect(result.items).toEqual([]);
    expect(result.unchecked[0].reason).toBe("同名指标数值不一致（台账!D2 与 Sheet2!C2）");
  });
});

describe("checkDraft suggests the corrected phrase", () => {
  const book = analyzeWorkbook(
    workbook(
      sheet("投资", [
        ["指标名称", "单位", "全年目标", "1-11月累计", "上年同期", "同比增长(%)"],
        ["房地产开发投资", "万元", 60000, 62000, 71000, -12.68],
        ["招商引资到位资金", "亿元", 5, 5.6, 4.8, 16.67],
        ["城镇新增就业", "人", 1000, 1126, 1200, null],
      ])
    )
  );
  const one = (text: string): CheckItem => {
    const result = checkDraft(text, book);
    expect(result.items).toHaveLength(1);
    return result.items[0];
  };

  it("a growth in the wrong direction, with the direction word turned", () => {
    const down = one("招商引资到位资金同比下降16.67%。");
    expect(down).toMatchObject({ kind: "direction", expected: "增长16.67%" });
    expect(down.message).toMatch(/文中“下降16.67%”.*应为“增长16.67%”/);
    expect(one("城镇新增就业比上年增加74人。")).toMatchObject({
      kind: "direction",
      expected: "减少74人",
    });
  });

  it("a rate or growth that differs, in the draft's own words", () => {
    expect(one("招商引资到位资金完成目标任务的110%。").message).toMatch(
      /应为“完成目标任务的112%”$/
    );
    expect(one("招商引资到位资金同比增长16%。").message).toMatch(/应为“增长16.67%”/);
  });

  it("a table that typed a fall is not said to agree with a draft that writes a rise", () => {
    const item = one("房地产开发投资同比增长12.68%。");
    expect(item).toMatchObject({ kind: "direction", expected: "下降12.68%" });
    expect(item.message).not.toMatch(/与表中填写的增长率一致/);
  });
});

describe("a shortfall and a change in counts", () => {
  const rows = analyzeWorkbook(
    workbook(
      sheet("台账", [
        ["指标名称", "单位", "目标", "完成", "上年同期"],
        ["税收收入", "万元", 8000, 8650, 8100],
        ["城乡居民医保参保人数", "人", 32000, 31412, 31000],
        ["新增四上企业", "家", 12, 14, 11],
      ])
    )
  );
  const first = (text: string) => checkDraft(text, rows).items[0];

  it("与目标相差X人 is the target less the completed value", () => {
    expect(first("城乡居民医保参保人数未完成目标任务，与目标相差588人。")).toMatchObject({
      status: "confirmed",
      field: "shortfall",
    });
    expect(first("城乡居民医保参保人数未完成目标任务，与目标相差600人。")).toMatchObject({
      status: "mismatch",
      expected: "588人",
    });
  });

  it("比上年多X家 is the change, and 少 where it rose is named as the wrong direction", () => {
    expect(first("新增四上企业14家，比上年多3家。").status).toBe("confirmed");
    const fewer = checkDraft("新增四上企业14家，比上年少3家。", rows).items[1];
    expect(fewer.status).toBe("mismatch");
    expect(fewer.message).toContain("应为“多3家”");
  });
});

import { Analysis, analyzeWorkbook } from "../../../src/core";
import { CheckItem, checkDraft } from "../../../src/core/report";
import { sheet, workbook } from "../../helpers/sheet";
import { reportAnalysis } from "./helpers";

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
    expect(item).toMatchObject({ status: "mismatch", kind: "scale", expected: "126000万元" });
    expect(item.message).toMatch(
      /^数量级不符（万\/亿）：文中“12.6万元”，工作簿中固定资产投资.*为12.6亿元/
    );
    const yuan = only("城乡居民医保缴费金额763.15元。");
    expect(yuan.kind).toBe("scale");
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

import { classifyHeader, periodInText } from "../../src/core/headers";
import { ColumnRole } from "../../src/core/model";

const roleOf = (text: string): ColumnRole | undefined => classifyHeader(text)?.role;

describe("classifyHeader: synonym families", () => {
  test.each<[ColumnRole, string[]]>([
    ["index", ["序号", "序", "编号", "No.", "no", "#"]],
    [
      "name",
      [
        "指标",
        "指标名称",
        "指标项目",
        "项目",
        "项目名称",
        "名称",
        "工作指标",
        "考核指标",
        "主要指标",
        "工作内容",
      ],
    ],
    ["unit", ["单位", "计量单位", "计算单位"]],
    [
      "target",
      [
        "目标",
        "年度目标",
        "目标任务",
        "任务数",
        "计划",
        "计划数",
        "下达任务",
        "考核目标",
        "目标值",
        "全年目标",
        "2023年目标",
        "指标数",
      ],
    ],
    [
      "actual",
      [
        "完成",
        "完成数",
        "完成值",
        "实际完成",
        "累计完成",
        "完成情况",
        "本年完成",
        "1—10月",
        "1-10月完成",
        "截至10月底",
        "1—10月累计",
        "上半年完成",
      ],
    ],
    [
      "previous",
      ["上年", "上年同期", "去年同期", "上年同期数", "去年", "上年完成", "上年同期完成"],
    ],
    [
      "statedRate",
      ["完成率", "完成进度", "完成比例", "目标完成率", "目标任务完成率", "年度目标完成率", "进度"],
    ],
    [
      "statedGrowth",
      [
        "同比",
        "增速",
        "增长率",
        "增幅",
        "同比增长",
        "同比增减",
        "比上年增长",
        "比上年增减",
        "增减百分点",
      ],
    ],
    ["category", ["类别", "分类", "领域", "条线"]],
    ["note", ["备注", "附注", "说明", "情况说明"]],
  ])("%s", (role, headers) => {
    for (const header of headers) expect([header, roleOf(header)]).toEqual([header, role]);
  });

  test.each<[string, ColumnRole]>([
    ["Indicator", "name"],
    ["Name", "name"],
    ["Item", "name"],
    ["Unit", "unit"],
    ["Units", "unit"],
    ["Target", "target"],
    ["Plan", "target"],
    ["Actual", "actual"],
    ["ACTUAL", "actual"],
    ["Actual YTD", "actual"],
    ["Last year", "previous"],
    ["Last Year Actual", "previous"],
    ["Previous", "previous"],
    ["YoY", "statedGrowth"],
    ["Growth", "statedGrowth"],
    ["Completion rate", "statedRate"],
    ["Notes", "note"],
    ["Note", "note"],
    ["Remark", "note"],
    ["Category", "category"],
  ])("English header %j → %s", (header, role) => {
    expect(roleOf(header)).toBe(role);
  });
});

describe("classifyHeader: how headers are typed", () => {
  test.each<[string, ColumnRole]>([
    ["年度\n目标", "target"],
    ["年度\r\n目标", "target"],
    ["完 成 数", "actual"],
    ["完\u3000成\u3000数", "actual"], // ideographic spaces
    ["  指标名称  ", "name"],
    ["指标\n名称", "name"],
    ["ＴＡＲＧＥＴ", "target"],
    ["Ｉｎｄｉｃａｔｏｒ", "name"],
    ["１－１０月完成", "actual"],
    ["完成\n情况", "actual"],
  ])("%j → %s", (header, role) => {
    expect(roleOf(header)).toBe(role);
  });
});

describe("classifyHeader: a unit in parentheses", () => {
  test.each<[string, ColumnRole, string]>([
    ["完成（万元）", "actual", "万元"],
    ["完成(万元)", "actual", "万元"],
    ["年度目标（人）", "target", "人"],
    ["完成数(人)", "actual", "人"],
    ["完成率(%)", "statedRate", "%"],
    ["完成率（％）", "statedRate", "%"],
    ["同比增长(%)", "statedGrowth", "%"],
    ["同比增长（%）", "statedGrowth", "%"],
    ["上年同期(万元)", "previous", "万元"],
    ["Target (万元)", "target", "万元"],
    ["目标【亿元】", "target", "亿元"],
    ["完成（单位：万元）", "actual", "万元"],
    ["单位（万元）", "unit", "万元"],
  ])("%j → %s in %s", (header, role, unit) => {
    expect(classifyHeader(header)).toEqual({ role, unit });
  });

  test("no parentheses, no unit", () => {
    expect(classifyHeader("完成")).toEqual({ role: "actual" });
  });

  test("a period in parentheses is a period, not a unit", () => {
    expect(classifyHeader("累计完成（1—10月）")).toEqual({
      role: "actual",
      period: { months: 10 },
    });
    expect(classifyHeader("完成数(1-6月)")).toEqual({ role: "actual", period: { months: 6 } });
  });
});

describe("classifyHeader: period in the header", () => {
  test.each<[string, ColumnRole, number]>([
    ["1—10月", "actual", 10],
    ["1-10月完成", "actual", 10],
    ["1—10月完成（万元）", "actual", 10],
    ["截至10月底", "actual", 10],
    ["截至9月底完成", "actual", 9],
    ["上半年完成", "actual", 6],
    ["全年完成", "actual", 12],
    ["1—10月完成率", "statedRate", 10],
    ["上年1—10月", "previous", 10],
  ])("%j → %s for %i months", (header, role, months) => {
    expect(classifyHeader(header)).toMatchObject({ role, period: { months } });
  });

  test("targets carry no period, even when the header names one", () => {
    expect(classifyHeader("全年目标")).toEqual({ role: "target" });
    expect(classifyHeader("1—10月目标")).toEqual({ role: "target" });
  });

  test("the unit and the period are both kept", () => {
    expect(classifyHeader("1—10月完成（万元）")).toEqual({
      role: "actual",
      period: { months: 10 },
      unit: "万元",
    });
  });
});

describe("classifyHeader: ignored headers", () => {
  test.each([
    "序时进度",
    "时间进度",
    "进度要求",
    "排名",
    "名次",
    "责任单位",
    "牵头单位",
    "联系人",
    "负责人",
    "差额",
    "剩余任务",
    "超欠进度",
    "",
    "   ",
    "占比",
  ])("%j is not read", (header) => {
    expect(classifyHeader(header)).toBeUndefined();
  });
});

describe("classifyHeader: the more specific word wins", () => {
  test.each<[string, ColumnRole]>([
    ["完成率", "statedRate"], // not actual
    ["目标任务完成率", "statedRate"], // not target, not actual
    ["任务完成率", "statedRate"],
    ["上年完成", "previous"], // not actual
    ["去年同期完成", "previous"],
    ["比上年增长", "statedGrowth"], // not previous
    ["比上年增减(%)", "statedGrowth"],
    ["较上年增长", "statedGrowth"], // 较 = 比
    ["较去年同期增长（%）", "statedGrowth"],
    ["同比增长", "statedGrowth"],
    ["上年同期", "previous"],
    ["计划完成", "target"], // what is planned to be done
    // What was done against the task is the completed value, not the task.
    ["任务完成情况", "actual"],
    ["任务完成数", "actual"],
    ["目标任务完成情况", "actual"],
    ["目标完成数", "actual"], // a count, not a rate
    ["年度任务完成", "actual"],
  ])("%j → %s", (header, role) => {
    expect(roleOf(header)).toBe(role);
  });
});

describe("periodInText", () => {
  test.each<[string, number]>([
    ["1—10月", 10],
    ["1-10月", 10],
    ["1–10月", 10],
    ["1~10月", 10],
    ["1至6月", 6],
    ["１－１０月", 10],
    ["1—十月", 10],
    ["一至十月", 10],
    ["1-10月份", 10],
    ["1—12月", 12],
    ["1—1月", 1],
    ["截至9月底", 9],
    ["截止10月", 10],
    ["截至2023年10月底", 10],
    ["至10月", 10],
    ["上半年", 6],
    ["1-6月", 6],
    ["一季度", 3],
    ["第一季度", 3],
    ["1季度", 3],
    ["前三季度", 9],
    ["全年", 12],
    ["年度", 12],
    ["12月底", 12],
    ["2023年1—10月完成情况", 10],
  ])("%j → %i months", (text, months) => {
    expect(periodInText(text)).toEqual({ months });
  });

  test.each([
    "2—5月", // does not start in January
    "3-10月",
    "1-13月", // no such month
    "二季度", // one quarter, not year to date
    "三季度",
    "10月", // a single month
    "2023年",
    "完成",
    "",
  ])("%j has no year-to-date period", (text) => {
    expect(periodInText(text)).toBeUndefined();
  });
});

describe("bilingual headers", () => {
  test.each<[string, string]>([
    ["Unit 单位", "unit"],
    ["单位 Unit", "unit"],
    ["Target 目标", "target"],
    ["指标名称 Indicator", "name"],
  ])("%s → %s", (header, role) => {
    expect(classifyHeader(header)?.role).toBe(role);
  });

  test("the period of either half is kept", () => {
    expect(classifyHeader("1-6月完成 Jan-Jun")).toEqual({ role: "actual", period: { months: 6 } });
  });
});

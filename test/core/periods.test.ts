/**
 * The period of each table: a table's own stated period wins; a table that states none covers
 * the workbook's, which is the period most of its rows cover (a table stating none counting as
 * the full year). The report, its sections and the schedule checks follow the same decision.
 */
import { analyzeWorkbook } from "../../src/core";
import { monthsCovered } from "../../src/core/evaluate";
import { buildReport, parseOutline } from "../../src/core/report";
import { sheet, workbook } from "../helpers/sheet";

const employment = sheet("就业", [
  ["河口街道2024年就业工作完成情况表"],
  ["指标名称", "单位", "目标任务", "累计完成", "去年同期"],
  ["城镇新增就业", "人", 900, 951, 933],
  ["失业人员再就业", "人", 260, 243, 255],
  ["就业困难人员再就业", "人", 70, 74, 69],
]);
const welfare = sheet("民政", [
  ["河口街道2024年民政工作情况"],
  ["指标名称", "单位", "目标任务", "本年累计", "去年同期"],
  ["居家养老服务", "人次", 8000, 8650, 7820],
  ["征集新兵", "人", 18, 18, 20],
]);
const economy = (period: string) =>
  sheet("经济", [
    [`河口街道2024年${period}经济运行主要指标`],
    ["指标名称", "单位", "全年目标", `${period}完成`, "上年同期"],
    ["固定资产投资", "万元", 180000, 171200, 158600],
    ["新增四上企业", "家", 10, 11, 9],
  ]);

function sectionText(analysis: ReturnType<typeof analyzeWorkbook>, title: string): string {
  const section = analysis.sections.find((s) => s.title.includes(title));
  if (!section) throw new Error(`no section ${title}: ${analysis.sections.map((s) => s.title)}`);
  return section.paragraphs.map((p) => p.text).join("");
}

describe("one table of 1—11月 among full-year ledgers", () => {
  const analysis = analyzeWorkbook(workbook(employment, welfare, economy("1—11月")));

  test("the report covers the full year; the economy table its own 1—11月", () => {
    expect(analysis.months).toBe(12);
    const byName = new Map(analysis.indicators.map((i) => [i.name, monthsCovered(i)]));
    expect(byName.get("城镇新增就业")).toBe(12);
    expect(byName.get("居家养老服务")).toBe(12);
    expect(byName.get("固定资产投资")).toBe(11);
  });

  test("each section is written in its own period", () => {
    const jobs = sectionText(analysis, "就业");
    expect(jobs).toMatch(/^2024年，(?:完成)?城镇新增就业951人/);
    expect(jobs).not.toContain("1—11月");
    expect(jobs).not.toContain("提前完成");
    const economyText = sectionText(analysis, "投资");
    expect(economyText).toMatch(/^2024年1—11月，/);
    expect(economyText).toContain("完成全年目标的");
    expect(economyText).toContain("已提前完成全年目标任务");
  });

  test("the title is the office's and the year's, and the table of another period is named at its cell", () => {
    const report = buildReport(analysis, parseOutline(workbook(), analysis));
    expect(report.title).toBe("河口街道2024年度工作总结");
    const own = analysis.findings.filter((f) => f.code === "TABLE_PERIOD_OWN");
    expect(own).toHaveLength(1);
    expect(own[0].sheet).toBe("经济");
    expect(own[0].cell).toBe("A2");
    expect(own[0].message).toContain("本表的期别为1—11月，与报告期（全年）不同");
    expect(own[0].messageEn).toContain("January to November");
    expect(own[0].messageEn.replace(/^经济!A2 /, "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test("only the economy rows are held to 序时进度", () => {
    const progress = analysis.indicators.filter((i) => i.expectedProgress !== undefined);
    expect(progress.map((i) => i.name).sort()).toEqual(["固定资产投资", "新增四上企业"].sort());
  });
});

describe("most rows of 1—10月, one table stating none", () => {
  const analysis = analyzeWorkbook(
    workbook(
      sheet("就业", [
        ["指标名称", "单位", "年度目标", "1—10月完成", "上年同期"],
        ["城镇新增就业", "人", 900, 800, 760],
        ["失业人员再就业", "人", 260, 200, 190],
        ["就业困难人员再就业", "人", 70, 60, 58],
      ]),
      economy("1—10月"),
      welfare
    )
  );

  test("the table that states none covers the workbook's 1—10月, with no finding", () => {
    expect(analysis.months).toBe(10);
    const aged = analysis.indicators.find((i) => i.name === "居家养老服务");
    expect(aged && monthsCovered(aged)).toBe(10);
    expect(analysis.findings.some((f) => f.code === "TABLE_PERIOD_OWN")).toBe(false);
    const written = analysis.paragraphs.find((p) => p.text.includes("居家养老服务"));
    expect(written?.text).toMatch(/^2024年1—10月，/);
  });

  test("--period wins over every header", () => {
    const forced = analyzeWorkbook(workbook(employment, economy("1—11月")), { period: 12 });
    expect(forced.months).toBe(12);
    expect(forced.indicators.every((i) => monthsCovered(i) === 12)).toBe(true);
    expect(forced.findings.some((f) => f.code === "TABLE_PERIOD_OWN")).toBe(false);
  });
});

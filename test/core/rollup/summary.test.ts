/** A district indicator in a few words: what the CLI's lines and the pane's 汇总 table show. */
import { analyzeWorkbook, resolveOptions } from "../../../src/core";
import { Rollup, UnitInput, rollUp, unitNameOf } from "../../../src/core/rollup";
import { indicatorLine, indicatorSummary } from "../../../src/core/rollup/summary";
import { CellInput, sheet, workbook } from "../../helpers/sheet";

const HEADER = ["指标名称", "单位", "年度目标", "完成", "上年同期"];
const NAMES = ["东城街道", "西城街道", "南城街道", "北城街道"];
const options = resolveOptions({});

function ledger(name: string, rows: CellInput[][]): UnitInput {
  const model = workbook(sheet("指标", [[`${name}2023年主要指标完成情况`], HEADER, ...rows]));
  const file = `${name}.xlsx`;
  return { file, named: unitNameOf(model, file), analysis: analyzeWorkbook(model) };
}

function roll(rowsOf: (k: number) => CellInput[][]): Rollup {
  return rollUp(
    NAMES.map((name, k) => ledger(name, rowsOf(k))),
    [],
    options
  );
}

function summaryOf(r: Rollup, name: string) {
  const k = r.indicators.findIndex((d) => d.name === name);
  if (k < 0) throw new Error(`no ${name}`);
  return {
    summary: indicatorSummary(r.indicators[k], r.districtIndicators[k], r, options),
    line: indicatorLine(r.indicators[k], r.districtIndicators[k], r, options),
  };
}

describe("indicatorSummary", () => {
  const r = roll((k) => [
    ["城镇新增就业", "人", 100 * (k + 1), k === 1 ? 150 : 110 * (k + 1), 90 * (k + 1)],
    ["其中：高校毕业生", "人", 10, 12 + k, 10],
    ["基本养老保险参保率", "%", 95, 94 + k, 93],
    ...(k === 3 ? [] : [["流感疫苗接种", "人次", 300, 320 + k, 280] as CellInput[]]),
  ]);

  test("a sum: total, target, the rate and growth from the sums, first and behind", () => {
    const { summary, line } = summaryOf(r, "城镇新增就业");
    // 110 + 150 + 330 + 440 = 1030 of 100 + 200 + 300 + 400 = 1000; last year 900.
    expect(summary).toMatchObject({
      name: "城镇新增就业",
      unit: "人",
      part: false,
      value: { kind: "sum", text: "1030人" },
      target: "1000人",
      completionRate: "103%",
      growth: "增长14.44%",
      reported: 4,
      units: 4,
      first: "北城街道",
      behindWords: "未完成目标任务",
      behind: ["西城街道"],
    });
    expect(line).toBe(
      "  城镇新增就业（人）：全区1030人；目标1000人；完成率103%；同比增长14.44%；4/4填报；第一：北城街道；未完成目标任务：西城街道"
    );
  });

  test("a part (其中) is marked and indented", () => {
    const { summary, line } = summaryOf(r, "高校毕业生");
    expect(summary.part).toBe(true);
    expect(line.startsWith("    其中：高校毕业生（人）：全区54人")).toBe(true);
  });

  test("a percentage is never summed: its range instead", () => {
    const { summary, line } = summaryOf(r, "基本养老保险参保率");
    expect(summary.value).toEqual({
      kind: "rate",
      range: "各街道94%（东城街道）—97%（北城街道）",
    });
    expect(summary.completionRate).toBeUndefined();
    expect(line).toContain("各街道94%（东城街道）—97%（北城街道），不加总；4/4填报");
  });

  test("one unit's last-year value in doubt: the total stands, the growth says why it is held", () => {
    const held = roll((k) => [["城镇新增就业", "人", 100, 110 + k, k === 1 ? "九十" : 90]]);
    const { summary, line } = summaryOf(held, "城镇新增就业");
    expect(summary.value).toEqual({ kind: "sum", text: "446人" });
    expect(summary.growth).toBeUndefined();
    expect(line).toContain(
      "全区446人；目标400人；完成率111.5%；同比：西城街道（西城街道.xlsx）的上年同期数有误，全区同比增长暂不引用；"
    );
  });

  test("units tied for first are named together as 并列第一; a rate's ends name every unit there", () => {
    const tied = roll((k) => [
      ["城镇新增就业", "人", 100, k < 2 ? 130 : 110 + k, 90],
      ["基本养老保险参保率", "%", 95, k % 2 ? 97 : 96, 94],
    ]);
    const jobs = summaryOf(tied, "城镇新增就业");
    expect(jobs.summary).toMatchObject({ first: "东城街道、西城街道", firstTied: true });
    expect(jobs.line).toContain("并列第一：东城街道、西城街道");
    expect(summaryOf(tied, "基本养老保险参保率").summary.value).toEqual({
      kind: "rate",
      range: "各街道96%（东城街道、南城街道）—97%（西城街道、北城街道）",
    });
  });

  test("with one unit's completed value in doubt, no unit is called first: it may be that one", () => {
    const slip = roll((k) => [["固定资产投资", "万元", 5000, k === 0 ? 52000000 : 5200 + k, 4800]]);
    const { summary, line } = summaryOf(slip, "固定资产投资");
    expect(summary.value.kind).toBe("withheld");
    expect(summary.first).toBeUndefined();
    expect(line).not.toContain("第一");
    expect(slip.indicators[0].ranks).toEqual([]);
    const fine = roll((k) => [["固定资产投资", "万元", 5000, 5200 + k, 4800]]);
    expect(summaryOf(fine, "固定资产投资").summary.first).toBeDefined();
  });

  test("a unit with no last-year value or no target: rate and growth over the units that give both, the others named", () => {
    const blank = roll((k) => [
      ["城镇新增就业", "人", k === 2 ? "/" : 100, 110 + k, k === 1 ? null : 90],
    ]);
    const { summary, line } = summaryOf(blank, "城镇新增就业");
    expect(summary.value).toEqual({ kind: "sum", text: "446人" });
    // Σ完成 ÷ Σ目标 of 东城、西城、北城; Σ本年 ÷ Σ上年 − 1 of 东城、南城、北城.
    expect(blank.indicators[0].completionRate).toBeCloseTo((110 + 111 + 113) / 300, 12);
    expect(blank.indicators[0].growth).toBeCloseTo((110 + 112 + 113) / 270 - 1, 12);
    expect(summary.completionRate).toBe("111.33%");
    expect(summary.growth).toBe("增长24.07%");
    expect(summary.growthHeld).toBe("西城街道未填上年同期数，未计入增速计算");
    expect(summary.targetHeld).toBe("南城街道无目标值，未计入全区目标和完成率计算");
    expect(line).toContain("西城街道未填上年同期数");
    expect(blank.indicators[0].previous).toEqual({
      kind: "sum",
      value: 270,
      of: [0, 2, 3],
      lacking: [1],
    });
  });

  test("half of the units or fewer give last year's value: no district growth, and whose blank", () => {
    const blank = roll((k) => [["城镇新增就业", "人", 100, 110 + k, k < 2 ? null : 90]]);
    const { summary } = summaryOf(blank, "城镇新增就业");
    expect(summary.growth).toBeUndefined();
    expect(summary.growthHeld).toBe("东城街道、西城街道未填上年同期数，全区同比增长不计算");
    expect(blank.indicators[0].previous).toEqual({ kind: "none", lacking: [0, 1] });
  });

  test("an indicator a unit lacks says how many reported", () => {
    const { summary, line } = summaryOf(r, "流感疫苗接种");
    expect(summary.reported).toBe(3);
    expect(summary.value).toEqual({ kind: "sum", text: "963人次" });
    expect(line).toContain("3/4填报");
  });

  test("a total held back says why, without the closing 。", () => {
    const held = roll((k) => [["固定资产投资", "万元", 5000, k === 0 ? 52000000 : 5200, 4800]]);
    const { summary, line } = summaryOf(held, "固定资产投资");
    expect(summary.value.kind).toBe("withheld");
    if (summary.value.kind === "withheld") {
      expect(summary.value.reason).toMatch(/暂不引用$/);
      expect(line).toContain(`暂不引用：${summary.value.reason}；`);
    }
  });
});

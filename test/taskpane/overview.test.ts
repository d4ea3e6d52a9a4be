import { Analysis, Indicator } from "../../src/core/model";
import { STRINGS } from "../../src/taskpane/i18n";
import {
  IndicatorRow,
  buildOverview,
  completionChart,
  growthText,
  shortLabel,
} from "../../src/taskpane/model/overview";
import { signedNumber, signedPercent, valueText } from "../../src/taskpane/model/format";
import { buildReport } from "../../src/taskpane/model/report";
import { PROBLEM_PATH, SAMPLE_PATH, analyseSample } from "./fixtures";

const zh = STRINGS.zh;
let sample: Analysis;

beforeAll(async () => {
  sample = await analyseSample(SAMPLE_PATH);
});

function rowNamed(analysis: Analysis, name: string, language: "zh" | "en" = "zh"): IndicatorRow {
  const overview = buildOverview(analysis, STRINGS[language], language);
  const row = overview.groups.flatMap((g) => g.rows).find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

describe("overview of the sample workbook", () => {
  it("groups indicators by category in the report's order", () => {
    const overview = buildOverview(sample, zh, "zh");
    expect(overview.groups.map((g) => g.title)).toEqual([
      "就业工作",
      "社会保险工作",
      "疫苗接种工作",
      "投资与经济发展",
    ]);
    expect(buildOverview(sample, STRINGS.en, "en").groups[0].title).toBe("Employment");
  });

  it("shows completed against target with unit, rate, bar, badge and growth", () => {
    const row = rowNamed(sample, "城镇新增就业");
    expect(row).toMatchObject({
      completed: "1126",
      targetText: "/ 1000人",
      rateText: "112.6%",
      barValue: 1,
      barColor: "success",
      status: "exceeded",
      statusLabel: "超额完成",
      badgeColor: "success",
      // the report's digits: "同比增长7.24%"
      growthText: "同比+7.24%",
      growthDirection: "up",
      growthTone: "good",
      flagged: false,
      refLabel: "就业!E4",
    });
  });

  it("shows a part indented after its parent, without a bar", () => {
    const overview = buildOverview(sample, zh, "zh");
    const rows = overview.groups[0].rows;
    const parent = rows.findIndex((r) => r.name === "城镇新增就业");
    expect(rows[parent + 1]).toMatchObject({ name: "高校毕业生就业", isPart: true });
  });

  it("shows a ceiling as 控制在…以内 and a rate's change in points", () => {
    const rate = rowNamed(sample, "城镇登记失业率");
    expect(rate).toMatchObject({
      ceiling: true,
      completed: "2.8",
      targetText: "控制在3.5%以内",
      statusLabel: "完成",
      growthText: "-0.3个百分点",
      growthTone: "good",
    });
    expect(rate.barValue).toBeUndefined();
    expect(rowNamed(sample, "城乡居民养老保险续保率").growthText).toBe("+1.2个百分点");
  });

  it("shows a shortfall as 未完成 with a partial bar", () => {
    const row = rowNamed(sample, "城乡居民医保参保人数");
    expect(row).toMatchObject({
      statusLabel: "未完成",
      badgeColor: "warning",
      barColor: "warning",
      rateText: "98.6%",
    });
    expect(row.barValue).toBeCloseTo(0.986);
    expect(rowNamed(sample, "限上批发零售业销售额")).toMatchObject({
      growthText: "同比-2.31%",
      growthTone: "bad",
    });
  });

  it("does not present a value with a 元/万元 slip as a result", () => {
    const row = rowNamed(sample, "税收收入");
    expect(row).toMatchObject({ flagged: true, statusLabel: "数据待核实", badgeColor: "danger" });
    expect(row.rateText).toBeUndefined();
    expect(row.barValue).toBeUndefined();
    const chart = buildOverview(sample, zh, "zh").chart;
    expect(chart.bars.map((b) => b.label)).not.toContain("税收收入");
  });

  it("counts done indicators per category", () => {
    const overview = buildOverview(sample, zh, "zh");
    expect(overview.groups[0]).toMatchObject({ measured: 5, done: 5 });
    // 城乡居民医保缴费金额's stated rate disagrees with its cells: held back, as in the report
    expect(overview.groups[1]).toMatchObject({ measured: 3, done: 2 });
    // 税收收入 is flagged and not counted
    expect(overview.groups[3]).toMatchObject({ measured: 4, done: 3 });
  });

  it("follows the decimals setting", async () => {
    const one = await analyseSample(SAMPLE_PATH, { decimals: 1 });
    expect(rowNamed(one, "加强免疫接种（60岁以上）").rateText).toBe("93.3%");
    expect(rowNamed(sample, "加强免疫接种（60岁以上）").rateText).toBe("93.33%");
  });

  it("speaks English when asked", () => {
    expect(rowNamed(sample, "城镇新增就业", "en")).toMatchObject({
      statusLabel: "Exceeded",
      growthText: "YoY +7.24%",
    });
    expect(rowNamed(sample, "城镇登记失业率", "en").targetText).toBe("kept within 3.5%");
  });
});

describe("completion chart", () => {
  it("has a bar per main indicator with a rate, 100% inside the scale", () => {
    const chart = buildOverview(sample, zh, "zh").chart;
    expect(chart.bars).toHaveLength(14);
    expect(chart.bars[0]).toMatchObject({ label: "城镇新增就业", rateText: "112.6%" });
    expect(chart.targetAt).toBeCloseTo(1 / 1.2);
    expect(chart.bars[0].length).toBeCloseTo(1.126 / 1.2);
    expect(chart.paceAt).toBeUndefined();
    for (const bar of chart.bars) expect(bar.length).toBeLessThanOrEqual(1);
  });

  it("caps the scale at 200% and marks longer bars", () => {
    const indicator = (id: string, rate: number): Indicator =>
      ({
        id,
        name: id,
        completionRate: rate,
        status: rate >= 1 ? "exceeded" : "behind",
        expectedProgress: 0.5,
        direction: "floor",
        category: "employment",
        isTotal: false,
        nameRef: { sheet: "s", cell: "A1" },
      }) as Indicator;
    const chart = completionChart([indicator("a", 0.5), indicator("b", 5)], 6, zh, 2);
    expect(chart.targetAt).toBeCloseTo(0.5);
    expect(chart.bars[1]).toMatchObject({ length: 1, clipped: true });
    expect(chart.bars[0]).toMatchObject({ clipped: false, color: "brand" });
    expect(chart.paceAt).toBeCloseTo(0.25);
    expect(chart.paceText).toBe("序时进度50%");
  });

  it("shortens long labels", () => {
    expect(shortLabel("城乡居民医保参保人数")).toBe("城乡居民医保参…");
    expect(shortLabel("全程接种")).toBe("全程接种");
  });
});

describe("problem workbook overview", () => {
  it("marks unreported and flagged indicators", async () => {
    const problems = await analyseSample(PROBLEM_PATH);
    expect(rowNamed(problems, "低保户动态管理")).toMatchObject({
      completed: "—",
      statusLabel: "未填报",
      flagged: false,
    });
    // "一千二" cannot be read: not 未填报 but data to fix
    expect(rowNamed(problems, "城镇新增就业")).toMatchObject({
      flagged: true,
      statusLabel: "数据待核实",
    });
    expect(rowNamed(problems, "退役军人服务")).toMatchObject({ flagged: true });
    expect(rowNamed(problems, "残疾人两项补贴发放")).toMatchObject({
      statusLabel: "无目标",
      badgeColor: "subtle",
    });
  });
});

describe("display helpers", () => {
  it("signs percentages and points", () => {
    expect(signedPercent(0.0724, 1)).toBe("+7.2%");
    expect(signedPercent(-0.0231, 1)).toBe("-2.3%");
    expect(signedPercent(0.00004, 1)).toBe("0%");
    expect(signedNumber(-0.3, 1)).toBe("-0.3");
  });

  it("keeps approximations", () => {
    const ref = { sheet: "s", cell: "A1" };
    expect(valueText({ value: 500, approx: "about", raw: "约500", ref }, 2)).toBe("约500");
    expect(valueText({ value: 500, approx: "over", raw: "500余", ref }, 2)).toBe("500余");
    expect(valueText({ value: 20, approx: "nearly", raw: "近20", ref }, 2)).toBe("近20");
  });

  it("says flat when growth rounds to zero at the report's digits", () => {
    const i = { growth: 0.00001, growthKind: "relative" } as Indicator;
    expect(growthText(i, zh)).toEqual({ text: "与上年持平", direction: "flat" });
  });
});

describe("a bad last-year value", () => {
  it("hides the growth but keeps the completion", () => {
    const row = rowNamed(sample, "开发公益性岗位");
    expect(row).toMatchObject({ flagged: false, rateText: "112%", statusLabel: "超额完成" });
    expect(row.growthText).toBeUndefined();
  });
});

describe("one figure, one text", () => {
  it("shows each rate and growth with the report's digits, in the cards and the chart", () => {
    const report = buildReport(sample, zh, "zh");
    const overview = buildOverview(sample, zh, "zh");
    const rows = overview.groups.flatMap((g) => g.rows);
    const quoted = report.paragraphs
      .flatMap((p) => p.paragraphs)
      .flatMap((p) => p.segments)
      .flatMap((s) => (s.kind === "number" && s.span.kind !== "value" ? [s] : []));
    expect(quoted.length).toBeGreaterThan(6);
    for (const q of quoted) {
      const row = rows.find((r) => r.refLabel === q.ref);
      if (!row) continue;
      if (q.span.kind === "rate") {
        expect([row.name, row.rateText]).toEqual([row.name, q.text]);
        const bar = overview.chart.bars.find((b) => b.id === row.id);
        if (bar) expect([bar.label, bar.rateText]).toEqual([bar.label, q.text]);
      } else expect([row.name, row.growthText?.includes(q.text)]).toEqual([row.name, true]);
    }
  });

  it("compares a rate indicator with its target, as the report does", () => {
    const row = rowNamed(sample, "城乡居民养老保险续保率");
    expect(row.rateText).toBe("高于95%的目标");
    expect(row.completed).toBe("96.3%");
    expect(row.targetText).toBe("");
    const report = buildReport(sample, zh, "zh").plainText;
    expect(report).toContain("96.3%，高于95%的目标");
    const bar = buildOverview(sample, zh, "zh").chart.bars.find((b) => b.id === row.id);
    expect(bar?.rateText).toBe("96.3%");
    expect(bar?.description).toContain("高于95%的目标");
  });

  it("writes a value held back for a unit slip with its unit, as its target", () => {
    const row = rowNamed(sample, "税收收入");
    expect(row.completed).toBe("52000000万元");
    expect(row.targetText).toBe("/ 5000万元");
  });
});

describe("the chart's bars", () => {
  it("are listed by line of work, in the cards' order, with whole and unique labels", () => {
    const overview = buildOverview(sample, zh, "zh");
    const groups = overview.chart.bars.map((b) => b.group);
    const seen = groups.filter((g, i) => i === 0 || groups[i - 1] !== g);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(overview.groups.map((g) => g.title).filter((t) => seen.includes(t)));
    const labels = overview.chart.bars.map((b) => b.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain("城乡居民医保参保人数");
    expect(labels.some((l) => l.endsWith("…"))).toBe(false);
  });

  it("take the status colour of the card, against 序时进度 during the year", async () => {
    const october = await analyseSample(SAMPLE_PATH, { period: 10 });
    const overview = buildOverview(october, zh, "zh");
    const rows = overview.groups.flatMap((g) => g.rows);
    for (const bar of overview.chart.bars) {
      const row = rows.find((r) => r.id === bar.id)!;
      expect([bar.label, bar.color]).toEqual([bar.label, row.barColor]);
      const badge = { success: "success", brand: "brand", warning: "warning", error: "danger" };
      expect([bar.label, badge[bar.color]]).toEqual([bar.label, row.badgeColor]);
    }
    // 98.6% of the annual target in October is ahead of the 83.3% pace: on pace, not behind
    expect(rowNamed(october, "城乡居民医保参保人数")).toMatchObject({
      statusLabel: "进度正常",
      barColor: "brand",
    });
  });
});

import { Analysis } from "../../src/core/model";
import { STRINGS } from "../../src/taskpane/i18n";
import { chartGroups } from "../../src/taskpane/model/chart";
import { BarColor, ChartBar, buildOverview } from "../../src/taskpane/model/overview";
import { SAMPLE_PATH, analyseSample } from "./fixtures";

const bar = (id: string, group: string, color: BarColor): ChartBar => ({
  id,
  label: id,
  group,
  description: id,
  rate: 1,
  rateText: "100%",
  length: 0.5,
  clipped: false,
  color,
  ref: { sheet: "s", cell: "A1" },
});

describe("the chart's groups", () => {
  it("keep the lines of work in order, each with its indicators behind target first", () => {
    const groups = chartGroups([
      bar("a", "就业", "success"),
      bar("b", "就业", "warning"),
      bar("c", "就业", "brand"),
      bar("d", "就业", "error"),
      bar("e", "社保", "success"),
      bar("f", "社保", "warning"),
    ]);
    expect(groups.map((g) => [g.title, g.bars.map((b) => b.id).join("")])).toEqual([
      ["就业", "bdca"],
      ["社保", "fe"],
    ]);
  });

  it("hold every bar of the sample once", async () => {
    const sample: Analysis = await analyseSample(SAMPLE_PATH);
    const chart = buildOverview(sample, STRINGS.zh, "zh").chart;
    const groups = chartGroups(chart.bars);
    const ids = groups.flatMap((g) => g.bars.map((b) => b.id));
    expect(ids.sort()).toEqual(chart.bars.map((b) => b.id).sort());
    expect(new Set(groups.map((g) => g.title)).size).toBe(groups.length);
  });
});

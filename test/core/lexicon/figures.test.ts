import { defaultOutline } from "../../../src/core/report/writing/outline";
import { buildReport } from "../../../src/core/report/writing/report";
import {
  completionRateText,
  growthFigure,
  rateComparison,
  rateTargetText,
} from "../../../src/core/lexicon/figures";
import { Analysis, Indicator } from "../../../src/core/model";
import { SAMPLE_PATH, analyseSample } from "../../taskpane/fixtures";

/** Every computed figure the report quotes, with the indicator it belongs to. */
function quotedFigures(analysis: Analysis) {
  const report = buildReport(analysis, defaultOutline(analysis));
  const byActual = new Map(
    analysis.indicators.flatMap((i) =>
      i.actual ? [[`${i.actual.ref.sheet}!${i.actual.ref.cell}`, i] as const] : []
    )
  );
  return report.sections
    .flatMap((s) => s.paragraphs)
    .flatMap((p) => p.sources)
    .filter((s) => s.kind === "rate" || s.kind === "growth")
    .map((s) => ({ span: s, indicator: byActual.get(`${s.sheet}!${s.cell}`) as Indicator }));
}

describe("figures: the digits the report prints", () => {
  for (const decimals of [0, 1, 2, 4])
    it(`match every rate and growth of the sample's report at ${decimals} decimals`, async () => {
      const analysis = await analyseSample(SAMPLE_PATH, { decimals });
      const figures = quotedFigures(analysis);
      expect(figures.filter((f) => f.span.kind === "rate").length).toBeGreaterThan(3);
      expect(figures.filter((f) => f.span.kind === "growth").length).toBeGreaterThan(3);
      for (const { span, indicator } of figures) {
        expect(indicator).toBeDefined();
        if (span.kind === "rate")
          expect(completionRateText(indicator.completionRate as number, decimals)).toBe(span.text);
        else {
          const figure = growthFigure(indicator, decimals);
          expect(figure).toBeDefined();
          const printed = figure!.kind === "relative" ? `${figure!.text}%` : figure!.text;
          expect([indicator.name, printed]).toEqual([indicator.name, span.text]);
        }
      }
    });

  it("never rounds a rate across 100%", () => {
    expect(completionRateText(0.99996, 2)).toBe("99.996%");
    expect(completionRateText(1.00004, 1)).toBe("100.004%");
    expect(completionRateText(1, 2)).toBe("100%");
    expect(completionRateText(1.1375, 2)).toBe("113.75%");
    expect(completionRateText(1.1375, 1)).toBe("113.8%");
  });

  const withGrowth = (growth: number, kind: "relative" | "points", values: [number, number]) =>
    ({
      unit: kind === "points" ? "%" : "人",
      growth,
      growthKind: kind,
      actual: { value: values[0] },
      previous: { value: values[1] },
    }) as unknown as Indicator;

  it("never rounds a growth to 持平 when it is not; points keep their cells' digits", () => {
    expect(growthFigure(withGrowth(0.003, "relative", [1003, 1000]), 0)).toMatchObject({
      kind: "relative",
      text: "0.3",
      direction: "up",
    });
    expect(growthFigure(withGrowth(-0.0724, "relative", [928, 1000]), 1)).toMatchObject({
      text: "7.2",
      direction: "down",
    });
    expect(growthFigure(withGrowth(0, "relative", [1000, 1000]), 2)?.direction).toBe("flat");
    expect(growthFigure(withGrowth(1.5, "relative", [250, 100]), 2)).toMatchObject({
      kind: "times",
      text: "1.5",
    });
    expect(growthFigure(withGrowth(-0.003, "points", [2.8, 3.1]), 2)).toMatchObject({
      kind: "points",
      text: "0.3",
      direction: "down",
    });
  });

  it("compares a rate with its rate target instead of dividing", async () => {
    const analysis = await analyseSample(SAMPLE_PATH);
    const rate = analysis.indicators.find((i) => i.name.includes("续保率")) as Indicator;
    expect(rateComparison(rate)).toBe("above");
    expect(rateTargetText(rate)).toBe("95");
    const count = analysis.indicators.find((i) => i.name === "城镇新增就业") as Indicator;
    expect(rateComparison(count)).toBeUndefined();
    const ceiling = analysis.indicators.find((i) => i.direction === "ceiling") as Indicator;
    expect(rateComparison(ceiling)).toBeUndefined();
  });
});

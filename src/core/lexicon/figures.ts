/**
 * Figures: the digits a report prints a computed figure with, so that every face (the report,
 * the task pane's cards, chart and tooltips) shows one figure with one text. A completion rate
 * follows the decimals setting but never rounds across 100% (99.996% behind target is not
 * "100%"); a relative growth never rounds to 持平 when it is not; a change in points keeps the
 * digits of its cells. A rate against a rate target is a comparison (高于95%的目标), not a share.
 */
import { decimalsKeepingSide, formatNumber, formatPercent, ownDecimals, roundTo } from "../format";
import { Indicator } from "../model";
import { isPercentUnit } from "../units";

/** Most decimals a completion rate is printed with, however close to 100% it is. */
const MAX_RATE_DECIMALS = 4;

/** A completion rate as the report prints it: 1.126 → "112.6%", 0.99996 at 2 → "99.996%". */
export function completionRateText(rate: number, decimals: number): string {
  return formatPercent(
    rate,
    Math.min(decimalsKeepingSide(rate * 100, decimals, 100), MAX_RATE_DECIMALS)
  );
}

/** A change over last year, in the digits the report writes it with. */
export interface GrowthFigure {
  kind: "relative" | "points" | "times";
  /** Signed: percent for "relative", points for "points", a multiple for "times". */
  value: number;
  /** The magnitude as printed: "7.24" (%), "1.2" (个百分点), "1.5" (倍). */
  text: string;
  direction: "up" | "down" | "flat";
}

/**
 * The indicator's change as the report writes it (see `writeGrowthPhrase`): points with the
 * cells' digits; a relative growth at the decimals setting (at least 2 when it would otherwise
 * read 持平); 100% or more as a multiple.
 */
export function growthFigure(indicator: Indicator, decimals: number): GrowthFigure | undefined {
  const { growth, actual, previous } = indicator;
  if (growth === undefined) return undefined;
  if (indicator.growthKind === "points") {
    const digits =
      actual && previous
        ? Math.max(ownDecimals(actual.value), ownDecimals(previous.value))
        : decimals;
    const points = roundTo(growth * 100, digits);
    return figure("points", points, formatNumber(Math.abs(points), digits));
  }
  const places = Math.min(decimalsKeepingSide(growth * 100, decimals, 0), Math.max(decimals, 2));
  const percent = roundTo(growth * 100, places);
  if (growth >= 1) return figure("times", growth, formatNumber(growth, decimals));
  return figure("relative", percent, formatNumber(Math.abs(percent), places));
}

function figure(kind: GrowthFigure["kind"], value: number, text: string): GrowthFigure {
  const direction = Number(text) === 0 ? "flat" : value > 0 ? "up" : "down";
  return { kind, value, text, direction };
}

/** How a rate compares with its rate target: "高于95%的目标", "达到…", "低于…". */
export type RateComparison = "above" | "met" | "below";

export const RATE_COMPARISON_WORDS: Record<RateComparison, string> = {
  above: "高于",
  met: "达到",
  below: "低于",
};

/**
 * For a % indicator against a % target (续保率 96.3 against 95): how it compares, as the report
 * says it instead of a completion rate; undefined for other indicators and ceilings.
 */
export function rateComparison(indicator: Indicator): RateComparison | undefined {
  if (!indicator.target || !indicator.actual || indicator.direction === "ceiling") return undefined;
  if (!isPercentUnit(indicator.unit)) return undefined;
  if (indicator.status === "exceeded") return "above";
  if (indicator.status === "completed") return "met";
  if (indicator.status === "behind") return "below";
  return undefined;
}

/** A rate target as the report quotes it: the cell's own digits ("95"). */
export function rateTargetText(indicator: Indicator): string | undefined {
  const target = indicator.target;
  return target ? formatNumber(target.value, ownDecimals(target.value)) : undefined;
}

/**
 * Computation: completion rate, status, growth over last year and the share of the year elapsed.
 */
import { Indicator, Status } from "./model";
import { isPercentUnit } from "./units";

/** Values equal up to floating noise count as equal: 1000 of 1000 is "completed", not "behind". */
const EPSILON = 1e-9;

export function completionRate(indicator: Indicator): number | undefined {
  const { target, actual } = indicator;
  if (indicator.direction === "ceiling" || !target || !actual || target.value <= 0)
    return undefined;
  return actual.value / target.value;
}

export function statusOf(indicator: Indicator): Status {
  const { target, actual } = indicator;
  if (!actual) return "not-reported";
  if (!target || (indicator.direction === "floor" && target.value <= 0)) return "no-target";
  const diff = actual.value - target.value;
  const scale = Math.max(Math.abs(target.value), 1) * EPSILON;
  if (indicator.direction === "ceiling") return diff <= scale ? "completed" : "behind";
  if (diff > scale) return "exceeded";
  return diff >= -scale ? "completed" : "behind";
}

/** Relative growth, or for a % indicator the change in points (as a fraction: 0.012 = 1.2 points). */
export function growthOf(
  indicator: Indicator
): { growth: number; kind: "relative" | "points" } | undefined {
  const { actual, previous } = indicator;
  if (!actual || !previous) return undefined;
  if (isPercentUnit(indicator.unit))
    return { growth: (actual.value - previous.value) / 100, kind: "points" };
  if (previous.value <= 0) return undefined;
  return { growth: actual.value / previous.value - 1, kind: "relative" };
}

export function isDone(indicator: Indicator): boolean {
  return indicator.status === "exceeded" || indicator.status === "completed";
}

/** Months in a full year: the period of a row whose table and report name no shorter one. */
export const FULL_YEAR = 12;

/** The months a row's figures cover, as its evaluation set them (12 = full year). */
export function monthsCovered(indicator: Indicator): number {
  const progress = indicator.expectedProgress;
  return progress === undefined ? FULL_YEAR : Math.round(progress * FULL_YEAR);
}

/** Fills the computed fields of an indicator for a report period of `months` (12 = full year). */
export function evaluateIndicator(indicator: Indicator, months: number | undefined): Indicator {
  return fillEvaluation({ ...indicator, status: "not-reported" }, months);
}

/**
 * evaluateIndicator on the indicator itself, without a copy: for an indicator the caller has
 * just made and nobody else holds (the engine's own rows). The fields are added in the same order.
 */
export function fillEvaluation(result: Indicator, months: number | undefined): Indicator {
  result.status = "not-reported";
  const rate = completionRate(result);
  if (rate !== undefined) result.completionRate = rate;
  result.status = statusOf(result);
  const growth = growthOf(result);
  if (growth) {
    result.growth = growth.growth;
    result.growthKind = growth.kind;
  }
  if (months !== undefined && months < 12) result.expectedProgress = months / 12;
  return result;
}

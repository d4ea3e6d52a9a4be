/**
 * Validation of evaluated indicators, after the statistics bureau's audit rules: each check is
 * one function from indicators to findings. Cell-level problems (unreadable values, missing
 * names and values) are raised while reading, in indicators.ts.
 */
import { FindingCode, FindingDetails, makeFinding } from "./findings";
import { formatNumber, formatPercent } from "./format";
import { Finding, Indicator, ResolvedOptions, SourcedNumber } from "./model";
import { partsByParent, sameIndicatorName, totalMembers } from "./indicators";
import { normalizeForMatch } from "./text";
import { baseUnit, isPercentUnit, unitScale } from "./units";

type Check = (indicators: Indicator[], options: ResolvedOptions) => Finding[];

/** What a check of one indicator returns when it finds nothing (flatMap drops it; never changed). */
const NONE: Finding[] = Object.freeze([]) as unknown as Finding[];

/** Percent indicators that are themselves changes (增速) may be negative or above 100. */
const CHANGE_NAMES = /增速|增长|增幅|同比|环比|变化|涨|降幅|差/;
/** A value about 10 000 times another: 元 written where 万元 was meant, or 万元 for 亿元. */
const SLIP_LOG_MIN = 3.3;
const SLIP_LOG_MAX = 4.7;
/** Rounding slack when a stated rate is compared with the computed one, in points. */
const MIN_RATE_TOLERANCE = 0.05;

function at(
  indicator: Indicator,
  value: SourcedNumber | undefined,
  extra: Partial<FindingDetails> = {}
): FindingDetails {
  const place = value?.ref ?? indicator.nameRef;
  return { sheet: place.sheet, cell: place.cell, indicator: indicator.name, ...extra };
}

function finding(code: FindingCode, details: FindingDetails): Finding {
  return makeFinding(code, details);
}

function fieldValues(indicator: Indicator): ["target" | "actual" | "previous", SourcedNumber][] {
  const out: ["target" | "actual" | "previous", SourcedNumber][] = [];
  for (const field of ["target", "actual", "previous"] as const) {
    const value = indicator[field];
    if (value) out.push([field, value]);
  }
  return out;
}

function mayBeNegative(indicator: Indicator): boolean {
  return isPercentUnit(indicator.unit) || CHANGE_NAMES.test(indicator.name);
}

/** A value already reported as wrong (negative, 10 000× off) raises no growth or progress findings. */
export function hasBadValue(indicator: Indicator): boolean {
  const negative = hasNegativeValue(indicator) && !mayBeNegative(indicator);
  return negative || unitSlipOf(indicator) !== undefined;
}

function hasNegativeValue({ target, actual, previous }: Indicator): boolean {
  return (
    (target !== undefined && target.value < 0) ||
    (actual !== undefined && actual.value < 0) ||
    (previous !== undefined && previous.value < 0)
  );
}

const negativeValues: Check = (indicators) =>
  indicators.flatMap((indicator) => {
    if (!hasNegativeValue(indicator) || mayBeNegative(indicator)) return NONE;
    return fieldValues(indicator)
      .filter(([, value]) => value.value < 0)
      .map(([field, value]) =>
        finding("NEGATIVE_VALUE", at(indicator, value, { field, raw: value.raw }))
      );
  });

const targetNotPositive: Check = (indicators) =>
  indicators
    .filter((i) => i.direction === "floor" && i.target && i.target.value <= 0)
    .map((i) =>
      finding("TARGET_NOT_POSITIVE", at(i, i.target, { field: "target", raw: i.target?.raw }))
    );

const percentOutOfRange: Check = (indicators) =>
  indicators.flatMap((indicator) => {
    if (!isPercentUnit(indicator.unit) || CHANGE_NAMES.test(indicator.name)) return NONE;
    return fieldValues(indicator)
      .filter(([, value]) => value.value < 0 || value.value > 100)
      .map(([field, value]) =>
        finding("PERCENT_OUT_OF_RANGE", at(indicator, value, { field, raw: value.raw }))
      );
  });

function sameValues(a: Indicator, b: Indicator): boolean {
  return (["target", "actual", "previous"] as const).every((f) => a[f]?.value === b[f]?.value);
}

/**
 * The same indicator twice in one table is a duplicate entry. In two tables (a summary sheet
 * repeating a detail sheet) it is fine while the numbers agree.
 */
const duplicateNames: Check = (indicators) => {
  const byName = new Map<string, Indicator[]>();
  const found: Finding[] = [];
  for (const indicator of indicators) {
    if (indicator.parentId || indicator.isTotal) continue;
    const key = normalizeForMatch(indicator.name);
    const namesakes = byName.get(key);
    if (!namesakes) {
      byName.set(key, [indicator]);
      continue;
    }
    // The first earlier namesake in the same table, else the first in another that disagrees.
    let sameTable: Indicator | undefined;
    let conflicting: Indicator | undefined;
    for (const e of namesakes) {
      if (!sameIndicatorName(e, indicator)) continue;
      if (e.tableId === indicator.tableId) {
        sameTable = e;
        break;
      }
      if (!conflicting && !sameValues(e, indicator)) conflicting = e;
    }
    namesakes.push(indicator);
    const first = sameTable ?? conflicting;
    if (!first) continue;
    // A copy on a hidden sheet that disagrees with a visible row is stale: it gives way.
    if (!sameTable && first.onHiddenSheet !== indicator.onHiddenSheet) {
      const [hidden, visible] = first.onHiddenSheet ? [first, indicator] : [indicator, first];
      found.push(
        finding("STALE_HIDDEN_COPY", {
          ...at(hidden, undefined),
          a: `${visible.sheet}!${visible.nameRef.cell}`,
        })
      );
      continue;
    }
    const where =
      first.sheet === indicator.sheet ? first.nameRef.cell : `${first.sheet}!${first.nameRef.cell}`;
    found.push(
      finding(sameTable ? "DUPLICATE_INDICATOR" : "DUPLICATE_CONFLICT", {
        ...at(indicator, undefined),
        a: where,
      })
    );
  }
  return found;
};

function sameMeasure(a: Indicator, b: Indicator): boolean {
  return !isPercentUnit(a.unit) && baseUnit(a.unit) === baseUnit(b.unit);
}

/** A value in base units, so 万元 parts can be added to a 元 total. */
function baseValue(indicator: Indicator, value: SourcedNumber): number {
  return value.value * unitScale(indicator.unit);
}

const partsWithinTotal: Check = (indicators, options) => {
  const found: Finding[] = [];
  const partsOf = partsByParent(indicators);
  if (partsOf.size === 0) return found;
  for (const total of indicators) {
    const ownParts = partsOf.get(total.id);
    if (!ownParts) continue;
    const parts = ownParts.filter((i) => sameMeasure(i, total));
    if (parts.length === 0) continue;
    for (const field of ["actual", "target"] as const) {
      const totalValue = total[field];
      const partValues = parts.map((p) => (p[field] ? baseValue(p, p[field] as SourcedNumber) : 0));
      if (!totalValue) continue;
      const sum = partValues.reduce((a, b) => a + b, 0);
      const whole = baseValue(total, totalValue);
      const scale = unitScale(total.unit);
      if (total.partsAreWhole) {
        // A breakdown by place: the places add up to the 合计 exactly (to its written decimals).
        const tolerance =
          Math.max(Math.abs(whole), 1) * 1e-6 + 0.5 * 10 ** -options.decimals * scale;
        if (parts.some((p) => !p[field]) || Math.abs(sum - whole) <= tolerance) continue;
        found.push(
          finding("TOTAL_MISMATCH", {
            ...at(total, totalValue, { field }),
            a: formatNumber(totalValue.value, options.decimals),
            b: formatNumber(sum / scale, options.decimals),
          })
        );
        continue;
      }
      if (sum > whole * (1 + 1e-9) + 1e-9) {
        found.push(
          finding("PARTS_EXCEED_TOTAL", {
            ...at(total, totalValue, { field }),
            a: `${formatNumber(sum / scale, options.decimals)}${total.unit}`,
            b: `${formatNumber(totalValue.value, options.decimals)}${total.unit}`,
          })
        );
      }
    }
  }
  return found;
};

const totalsAddUp: Check = (indicators, options) => {
  const found: Finding[] = [];
  for (const [total, members] of totalMembers(indicators)) {
    if (members.length < 2) continue;
    for (const field of ["actual", "target", "previous"] as const) {
      const totalValue = total[field];
      if (!totalValue || members.some((m) => !m[field])) continue;
      // In the total's unit, so 元 rows can be added to a 万元 total.
      const scale = (i: Indicator) =>
        total.unit === "" ? 1 : unitScale(i.unit) / unitScale(total.unit);
      const sum = members.reduce((acc, m) => acc + (m[field] as SourcedNumber).value * scale(m), 0);
      const tolerance = Math.max(Math.abs(sum), 1) * 1e-6 + 0.5 * 10 ** -options.decimals;
      if (Math.abs(sum - totalValue.value) > tolerance) {
        found.push(
          finding("TOTAL_MISMATCH", {
            ...at(total, totalValue, { field }),
            a: formatNumber(totalValue.value, options.decimals),
            b: formatNumber(sum, options.decimals),
          })
        );
      }
    }
  }
  return found;
};

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Slack for comparing a stated rate: half a unit of its last written decimal, in points. */
function rateTolerance(raw: string): number {
  const point = raw.indexOf(".");
  let decimals = 0;
  if (point >= 0) while (isDigit(raw.charCodeAt(point + 1 + decimals))) decimals++;
  return Math.max(0.5 * 10 ** -decimals, MIN_RATE_TOLERANCE) / 100 + 1e-9;
}

function statedMatches(stated: SourcedNumber, computed: number): boolean {
  const tolerance = rateTolerance(stated.raw);
  const candidates = stated.scaleUncertain
    ? [stated.value, stated.value * 100, stated.value / 100]
    : [stated.value];
  return candidates.some((c) => Math.abs(c - computed) <= tolerance);
}

const statedRates: Check = (indicators, options) =>
  indicators.flatMap((indicator) => {
    const stated = indicator.statedRate;
    const computed = indicator.completionRate;
    if (!stated || computed === undefined || statedMatches(stated, computed)) return NONE;
    return [
      finding("STATED_RATE_MISMATCH", {
        ...at(indicator, stated, { field: "statedRate", raw: stated.raw }),
        a: formatPercent(computed, options.decimals),
        b: `${formatNumber(indicator.actual?.value ?? 0, options.decimals)}÷${formatNumber(indicator.target?.value ?? 0, options.decimals)}`,
      }),
    ];
  });

const statedGrowth: Check = (indicators, options) =>
  indicators.flatMap((indicator) => {
    const stated = indicator.statedGrowth;
    const computed = indicator.growth;
    if (!stated || computed === undefined || statedMatches(stated, computed)) return NONE;
    const points = indicator.growthKind === "points";
    return [
      finding("STATED_GROWTH_MISMATCH", {
        ...at(indicator, stated, { field: "statedGrowth", raw: stated.raw }),
        a: points
          ? `${formatNumber(computed * 100, options.decimals)}个百分点`
          : formatPercent(computed, options.decimals),
        b: `${formatNumber(indicator.actual?.value ?? 0, options.decimals)}/${formatNumber(indicator.previous?.value ?? 0, options.decimals)}`,
      }),
    ];
  });

function slipRatio(a: number, b: number): number | undefined {
  if (a <= 0 || b <= 0) return undefined;
  const log = Math.abs(Math.log10(a / b));
  return log >= SLIP_LOG_MIN ? Math.round(a / b >= 1 ? a / b : b / a) : undefined;
}

/** About 10 000× is a 元/万元 (or 万元/亿元) slip; further off, a wrong entry. */
function isUnitBand(ratio: number): boolean {
  return Math.log10(ratio) <= SLIP_LOG_MAX;
}

/** Which of an indicator's values is 2 000× or more off the others, if one is. */
function unitSlipOf(
  indicator: Indicator
): { field: "actual" | "target" | "previous"; other: SourcedNumber; ratio: number } | undefined {
  const { actual, previous, target } = indicator;
  if (isPercentUnit(indicator.unit)) return undefined;
  const reference = previous ?? target;
  if (actual && reference) {
    const ratio = slipRatio(actual.value, reference.value);
    if (ratio) {
      // With both references agreeing with each other, the odd one out is the completed value.
      const otherRef = reference === previous ? target : previous;
      if (otherRef && slipRatio(otherRef.value, actual.value) === undefined) {
        return { field: reference === previous ? "previous" : "target", other: actual, ratio };
      }
      return { field: "actual", other: reference, ratio };
    }
  }
  if (target && previous) {
    const ratio = slipRatio(target.value, previous.value);
    if (ratio) return { field: "target", other: previous, ratio };
  }
  return undefined;
}

function fieldOf(indicator: Indicator, value: SourcedNumber): "actual" | "target" | "previous" {
  if (value === indicator.target) return "target";
  if (value === indicator.previous) return "previous";
  return "actual";
}

const unitSlips: Check = (indicators, options) =>
  indicators.flatMap((indicator) => {
    const slip = unitSlipOf(indicator);
    if (!slip) return NONE;
    const value = indicator[slip.field] as SourcedNumber;
    return [
      finding(isUnitBand(slip.ratio) ? "UNIT_SLIP" : "VALUE_OUT_OF_SCALE", {
        ...at(indicator, value, { field: slip.field, raw: value.raw }),
        otherField: fieldOf(indicator, slip.other),
        a: formatNumber(slip.other.value, options.decimals),
        // A value far below the other is its 1/N, not N times it.
        b: value.value < slip.other.value ? `1/${slip.ratio}` : String(slip.ratio),
        c: slip.other.ref.cell,
      }),
    ];
  });

const abnormalGrowth: Check = (indicators, options) =>
  indicators.flatMap((indicator) => {
    const growth = indicator.growth;
    if (growth === undefined || indicator.growthKind !== "relative" || hasBadValue(indicator))
      return NONE;
    if (Math.abs(growth) <= options.growthThreshold) return NONE;
    return [
      finding("GROWTH_ABNORMAL", {
        ...at(indicator, indicator.actual),
        a: `${growth > 0 ? "+" : ""}${formatPercent(growth, options.decimals)}`,
        b: formatPercent(options.growthThreshold, 0),
      }),
    ];
  });

const progress: Check = (indicators, options) =>
  indicators.flatMap((indicator) => {
    if (hasBadValue(indicator)) return NONE;
    if (indicator.direction === "ceiling") {
      if (indicator.status !== "behind") return NONE;
      return [
        finding("CEILING_EXCEEDED", {
          ...at(indicator, indicator.actual),
          a: `${formatNumber(indicator.actual?.value ?? 0, options.decimals)}${indicator.unit}`,
          b: `${formatNumber(indicator.target?.value ?? 0, options.decimals)}${indicator.unit}`,
        }),
      ];
    }
    const rate = indicator.completionRate;
    if (rate === undefined) return NONE;
    const expected = indicator.expectedProgress;
    if (expected !== undefined) {
      if (rate >= expected - 1e-9) return NONE;
      return [
        finding("BEHIND_SCHEDULE", {
          ...at(indicator, indicator.actual),
          a: formatPercent(rate, options.decimals),
          b: formatNumber((expected - rate) * 100, options.decimals),
          c: formatPercent(expected, options.decimals),
        }),
      ];
    }
    if (indicator.status !== "behind") return NONE;
    return [
      finding("TARGET_NOT_MET", {
        ...at(indicator, indicator.actual),
        a: formatPercent(rate, options.decimals),
      }),
    ];
  });

/** A year-to-date count or amount never goes down from one month to the next. */
const yearToDateNeverDecreases: Check = (indicators, options) =>
  indicators.flatMap((indicator) => {
    const { actual, priorPeriod } = indicator;
    if (!actual || !priorPeriod || mayBeNegative(indicator)) return NONE;
    if (actual.value >= priorPeriod.value - 1e-9 * Math.max(1, Math.abs(priorPeriod.value)))
      return NONE;
    return [
      finding("YTD_DECREASE", {
        ...at(indicator, actual, { field: "actual" }),
        a: `${formatNumber(actual.value, options.decimals)}${indicator.unit}`,
        b: `${formatNumber(priorPeriod.value, options.decimals)}${indicator.unit}（${priorPeriod.ref.cell}）`,
      }),
    ];
  });

/** Three times the target or more: the target is more likely wrong than the work that good. */
const TARGET_DOUBT_RATE = 3;

const doubtfulTargets: Check = (indicators, options) =>
  indicators.flatMap((indicator) => {
    const rate = indicator.completionRate;
    if (rate === undefined || rate < TARGET_DOUBT_RATE || hasBadValue(indicator)) return NONE;
    return [
      finding("TARGET_DOUBTFUL", {
        ...at(indicator, indicator.target, { field: "target" }),
        a: formatPercent(rate, options.decimals),
      }),
    ];
  });

/** All checks, in the order their findings are listed within a severity. */
export const CHECKS: Check[] = [
  negativeValues,
  targetNotPositive,
  percentOutOfRange,
  duplicateNames,
  partsWithinTotal,
  totalsAddUp,
  statedRates,
  statedGrowth,
  yearToDateNeverDecreases,
  doubtfulTargets,
  unitSlips,
  abnormalGrowth,
  progress,
];

export function runChecks(indicators: Indicator[], options: ResolvedOptions): Finding[] {
  return CHECKS.flatMap((check) => check(indicators, options));
}

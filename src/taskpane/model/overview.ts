/**
 * Overview tab: the indicators per category with their completion, status and growth, and the
 * data for a small bar chart of completion rates. Pure: Analysis (+ strings) in, plain data out.
 */
import { Standing, standingOf } from "../../core/lexicon/status";
import { isHeldForFix } from "../../core/trust";
import { CATEGORY_TITLES } from "../../core/categories";
import { formatPercent } from "../../core/format";
import { CATEGORIES, Analysis, Category, CellRef, Indicator, Status } from "../../core/model";
import { Language, Strings } from "../i18n";
import { refText, signedNumber, signedPercent, valueText } from "./format";

export type BadgeColor = "success" | "brand" | "warning" | "danger" | "informative" | "subtle";
export type BarColor = "success" | "brand" | "warning" | "error";

export interface IndicatorRow {
  id: string;
  name: string;
  /** A part of the row above (其中…): shown indented. */
  isPart: boolean;
  unit: string;
  /** "1126" (or "—" when not reported). */
  completed: string;
  /** "/ 1000人", or for a ceiling "控制在3.5%以内". */
  targetText: string;
  status: Status;
  statusLabel: string;
  badgeColor: BadgeColor;
  /** A value has an error to fix (or a 元/万元 slip): no rate or bar, as the report leaves it out. */
  flagged: boolean;
  ceiling: boolean;
  /** Completion rate as a fraction, when there is one. */
  rate?: number;
  rateText?: string;
  /** 0–1, for a ProgressBar. */
  barValue?: number;
  barColor?: BarColor;
  /** "同比+7.2%" / "+1.2个百分点" / "与上年持平". */
  growthText?: string;
  growthDirection?: "up" | "down" | "flat";
  /** Up is good for most indicators; for a ceiling (失业率) down is. */
  growthTone?: "good" | "bad" | "neutral";
  /** Where a click goes: the completed value, else the name. */
  ref: CellRef;
  refLabel: string;
}

export interface CategoryGroup {
  category: Category;
  title: string;
  rows: IndicatorRow[];
  /** Main indicators measured against a target, and how many of them are done. */
  measured: number;
  done: number;
}

export interface ChartBar {
  id: string;
  label: string;
  rate: number;
  rateText: string;
  /** Bar length as a share of the chart's scale, 0–1. */
  length: number;
  /** Longer than the scale: drawn cut off. */
  clipped: boolean;
  color: BarColor;
  ref: CellRef;
}

export interface CompletionChart {
  bars: ChartBar[];
  /** Where 100% falls on the scale, 0–1. */
  targetAt: number;
  /** Where the expected progress (序时进度) falls, for part-year reports. */
  paceAt?: number;
  paceText?: string;
}

export interface Overview {
  groups: CategoryGroup[];
  chart: CompletionChart;
}

const STATUS_COLOR: Record<Standing, BadgeColor> = {
  exceeded: "success",
  completed: "success",
  "on-pace": "brand",
  behind: "warning",
  "not-reported": "danger",
  "no-target": "subtle",
};

export function statusLabel(status: Standing, strings: Strings): string {
  switch (status) {
    case "on-pace":
      return strings.statusOnPace;
    case "exceeded":
      return strings.statusExceeded;
    case "completed":
      return strings.statusCompleted;
    case "behind":
      return strings.statusBehind;
    case "not-reported":
      return strings.statusNotReported;
    case "no-target":
      return strings.statusNoTarget;
  }
}

function isDone(status: Status): boolean {
  return status === "exceeded" || status === "completed";
}

/** Growth as the overview shows it: one decimal, signed. */
export function growthText(
  indicator: Indicator,
  strings: Strings
): { text: string; direction: "up" | "down" | "flat" } | undefined {
  const { growth, growthKind } = indicator;
  if (growth === undefined) return undefined;
  const points = growthKind === "points";
  const shown = Number((growth * 100).toFixed(1));
  if (shown === 0) return { text: strings.growthFlat, direction: "flat" };
  const direction = shown > 0 ? "up" : "down";
  const text = points
    ? strings.growthPoints(signedNumber(growth * 100, 1))
    : strings.growthRelative(signedPercent(growth, 1));
  return { text, direction };
}

function unitSuffix(unit: string): string {
  return unit === "%" ? "%" : unit;
}

/**
 * One indicator as the overview lists it. `flagged`: its target or completed value has an error
 * to fix (no rate, no bar); `previousFlagged`: last year's value has (no growth).
 */
export function indicatorRow(
  indicator: Indicator,
  strings: Strings,
  decimals: number,
  flagged = false,
  previousFlagged = false
): IndicatorRow {
  const ceiling = indicator.direction === "ceiling";
  const unit = unitSuffix(indicator.unit);
  const completed = indicator.actual
    ? valueText(indicator.actual, decimals)
    : strings.notReportedValue;
  let targetText = "";
  if (indicator.target) {
    const limit = `${valueText(indicator.target, decimals)}${unit}`;
    if (ceiling)
      targetText =
        indicator.status === "behind" ? strings.ceilingAbove(limit) : strings.ceilingWithin(limit);
    else targetText = `/ ${limit}`;
  } else if (unit) targetText = unit;
  const ref = indicator.actual?.ref ?? indicator.nameRef;
  const row: IndicatorRow = {
    id: indicator.id,
    name: indicator.name,
    isPart: indicator.parentId !== undefined,
    unit,
    completed,
    targetText,
    status: indicator.status,
    statusLabel: flagged ? strings.statusFlagged : statusLabel(standingOf(indicator), strings),
    badgeColor: flagged ? "danger" : STATUS_COLOR[standingOf(indicator)],
    flagged,
    ceiling,
    ref,
    refLabel: refText(ref),
  };
  if (flagged) return row;
  const rate = indicator.completionRate;
  if (rate !== undefined) {
    row.rate = rate;
    row.rateText = formatPercent(rate, decimals);
    row.barValue = Math.max(0, Math.min(1, rate));
    row.barColor = barColor(indicator);
  }
  const growth = previousFlagged ? undefined : growthText(indicator, strings);
  if (growth) {
    row.growthText = growth.text;
    row.growthDirection = growth.direction;
    row.growthTone =
      growth.direction === "flat"
        ? "neutral"
        : (growth.direction === "up") === !ceiling
          ? "good"
          : "bad";
  }
  return row;
}

function barColor(indicator: Indicator): BarColor {
  if (isDone(indicator.status)) return "success";
  const rate = indicator.completionRate ?? 0;
  // Part of the year: on pace is fine (brand), behind the pace is a warning.
  if (indicator.expectedProgress !== undefined)
    return rate >= indicator.expectedProgress ? "brand" : "warning";
  return "warning";
}

/** Longest label in the chart, in characters (about 8 CJK characters fit in 100px). */
export const CHART_LABEL_CHARS = 8;

export function shortLabel(name: string, max = CHART_LABEL_CHARS): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join("")}…`;
}

export function completionChart(
  indicators: Indicator[],
  months: number,
  strings: Strings,
  decimals: number
): CompletionChart {
  const measured = indicators.filter(
    (i) => i.parentId === undefined && !i.isTotal && i.completionRate !== undefined
  );
  const maxRate = Math.max(1, ...measured.map((i) => i.completionRate as number));
  // Scale to 120% at least so that 100% is not at the very edge; cap at 200% so one outlier
  // does not squash the rest (longer bars are drawn cut off).
  const scale = Math.min(2, Math.max(1.2, Math.ceil(maxRate * 10) / 10));
  const bars: ChartBar[] = measured.map((i) => {
    const rate = i.completionRate as number;
    return {
      id: i.id,
      label: shortLabel(i.name),
      rate,
      rateText: formatPercent(rate, decimals),
      length: Math.max(0, Math.min(1, rate / scale)),
      clipped: rate > scale,
      color: barColor(i),
      ref: i.actual?.ref ?? i.nameRef,
    };
  });
  const chart: CompletionChart = { bars, targetAt: 1 / scale };
  if (months < 12) {
    chart.paceAt = months / 12 / scale;
    chart.paceText = strings.overviewChartPace(formatPercent(months / 12, 1));
  }
  return chart;
}

export function buildOverview(analysis: Analysis, strings: Strings, language: Language): Overview {
  const decimals = analysis.options.decimals;
  // The engine decided once whether each row may be quoted (core/trust.ts); the overview reads it.
  const flaggedIds = new Set(analysis.indicators.filter(isHeldForFix).map((i) => i.id));
  const previousFlagged = (i: Indicator) =>
    i.trust.kind === "quotable" ? !i.trust.growth : isHeldForFix(i);
  const groups: CategoryGroup[] = [];
  for (const category of CATEGORIES) {
    const indicators = analysis.indicators.filter((i) => i.category === category && !i.isTotal);
    if (indicators.length === 0) continue;
    const measured = indicators.filter(
      (i) =>
        i.parentId === undefined &&
        (isDone(i.status) || i.status === "behind") &&
        !flaggedIds.has(i.id)
    );
    groups.push({
      category,
      title: CATEGORY_TITLES[category][language],
      rows: orderWithParts(indicators).map((i) =>
        indicatorRow(i, strings, decimals, flaggedIds.has(i.id), previousFlagged(i))
      ),
      measured: measured.length,
      done: measured.filter((i) => isDone(i.status)).length,
    });
  }
  return {
    groups,
    chart: completionChart(
      analysis.indicators.filter((i) => !flaggedIds.has(i.id)),
      analysis.months,
      strings,
      decimals
    ),
  };
}

/** Workbook order, with each part right after its parent (they usually are already). */
function orderWithParts(indicators: Indicator[]): Indicator[] {
  const partsOf = new Map<string, Indicator[]>();
  const ids = new Set(indicators.map((i) => i.id));
  for (const i of indicators)
    if (i.parentId && ids.has(i.parentId))
      partsOf.set(i.parentId, [...(partsOf.get(i.parentId) ?? []), i]);
  const out: Indicator[] = [];
  const visit = (i: Indicator) => {
    out.push(i);
    for (const p of partsOf.get(i.id) ?? []) visit(p);
  };
  for (const i of indicators) if (!i.parentId || !ids.has(i.parentId)) visit(i);
  return out;
}

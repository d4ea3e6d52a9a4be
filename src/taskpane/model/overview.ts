/**
 * Overview tab: the indicators per category with their completion, status and growth, and the
 * data for a small bar chart of completion rates. Pure: Analysis (+ strings) in, plain data out.
 */
import { Standing, standingOf } from "../../core/lexicon/status";
import { isHeldForFix } from "../../core/trust";
import { CATEGORY_TITLES } from "../../core/categories";
import { formatPercent } from "../../core/format";
import {
  completionRateText,
  growthFigure,
  rateComparison,
  rateTargetText,
} from "../../core/lexicon/figures";
import { CATEGORIES, Analysis, Category, CellRef, Indicator, Status } from "../../core/model";
import { Language, Strings } from "../i18n";
import { refText, valueText } from "./format";

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
  /** The indicator's whole name, told apart from a namesake by its 类别 ("检查场所（消防）"). */
  label: string;
  /** The card (line of work) it belongs to: the chart lists bars by card, in the cards' order. */
  group: string;
  /** What a screen reader and the tooltip say: "城镇新增就业：112.6%，超额完成". */
  description: string;
  rate: number;
  /** The figure the report prints: the completion rate, or a rate indicator's own value. */
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

/**
 * One colour per status, in the cards' badges and bars and in the chart alike: done is green,
 * on pace (序时进度, during the year) is the brand colour, behind is orange, not reported red.
 */
const STATUS_COLOR: Record<Standing, BadgeColor> = {
  exceeded: "success",
  completed: "success",
  "on-pace": "brand",
  behind: "warning",
  "not-reported": "danger",
  "no-target": "subtle",
};

const BAR_COLOR: Partial<Record<BadgeColor, BarColor>> = {
  success: "success",
  brand: "brand",
  warning: "warning",
  danger: "error",
};

/** The status colour of an indicator, judged against 序时进度 during the year. */
export function statusColor(indicator: Indicator): BadgeColor {
  return STATUS_COLOR[standingOf(indicator)];
}

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

/** Growth as the overview shows it: signed, with the digits the report writes it with. */
export function growthText(
  indicator: Indicator,
  strings: Strings,
  decimals = 2
): { text: string; direction: "up" | "down" | "flat" } | undefined {
  const figure = growthFigure(indicator, decimals);
  if (!figure) return undefined;
  if (figure.direction === "flat") return { text: strings.growthFlat, direction: "flat" };
  const sign = figure.direction === "up" ? "+" : "-";
  const text =
    figure.kind === "points"
      ? strings.growthPoints(`${sign}${figure.text}`)
      : figure.kind === "times"
        ? strings.growthTimes(figure.text)
        : strings.growthRelative(`${sign}${figure.text}%`);
  return { text, direction: figure.direction };
}

/** "高于95%的目标": a rate against a rate target, as the report compares them. */
export function rateComparisonText(indicator: Indicator, strings: Strings): string | undefined {
  const comparison = rateComparison(indicator);
  const target = rateTargetText(indicator);
  return comparison && target ? strings.rateComparison(comparison, `${target}%`) : undefined;
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
  const comparison = flagged ? undefined : rateComparisonText(indicator, strings);
  // A value held back for a unit slip shows its unit too, so that it is not read in another one.
  const completed = indicator.actual
    ? `${valueText(indicator.actual, decimals)}${flagged || comparison ? unit : ""}`
    : strings.notReportedValue;
  let targetText = "";
  if (comparison) targetText = "";
  else if (indicator.target) {
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
    badgeColor: flagged ? "danger" : statusColor(indicator),
    flagged,
    ceiling,
    ref,
    refLabel: refText(ref),
  };
  if (flagged) return row;
  const rate = indicator.completionRate;
  if (rate !== undefined) {
    row.rate = rate;
    row.rateText = comparison ?? completionRateText(rate, decimals);
    row.barValue = Math.max(0, Math.min(1, rate));
    row.barColor = barColor(indicator);
  }
  const growth = previousFlagged ? undefined : growthText(indicator, strings, decimals);
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
  return BAR_COLOR[statusColor(indicator)] ?? "warning";
}

/** Longest label in the chart, in characters (about 8 CJK characters fit in 100px). */
export const CHART_LABEL_CHARS = 8;

export function shortLabel(name: string, max = CHART_LABEL_CHARS): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join("")}…`;
}

/** Names as the chart shows them: whole, and a namesake told apart by its 类别 or unit. */
function chartLabels(indicators: Indicator[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const i of indicators) count.set(i.name, (count.get(i.name) ?? 0) + 1);
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const i of indicators) {
    let label = i.name;
    if ((count.get(i.name) ?? 0) > 1) label = `${i.name}（${i.context ?? i.sheet}）`;
    for (let k = 2; used.has(label); k++) label = `${i.name}（${k}）`;
    used.add(label);
    labels.set(i.id, label);
  }
  return labels;
}

export function completionChart(
  indicators: Indicator[],
  months: number,
  strings: Strings,
  decimals: number,
  language: Language = "zh"
): CompletionChart {
  // Bars by line of work, in the order of the cards below the chart.
  const order = (i: Indicator) => CATEGORIES.indexOf(i.category);
  const measured = indicators
    .filter((i) => i.parentId === undefined && !i.isTotal && i.completionRate !== undefined)
    .map((indicator, at) => ({ indicator, at }))
    .sort((a, b) => order(a.indicator) - order(b.indicator) || a.at - b.at)
    .map((x) => x.indicator);
  const labels = chartLabels(measured);
  const maxRate = Math.max(1, ...measured.map((i) => i.completionRate as number));
  // Scale to 120% at least so that 100% is not at the very edge; cap at 200% so one outlier
  // does not squash the rest (longer bars are drawn cut off).
  const scale = Math.min(2, Math.max(1.2, Math.ceil(maxRate * 10) / 10));
  const bars: ChartBar[] = measured.map((i) => {
    const rate = i.completionRate as number;
    const comparison = rateComparisonText(i, strings);
    const rateText =
      comparison && i.actual
        ? `${valueText(i.actual, decimals)}%`
        : completionRateText(rate, decimals);
    const label = labels.get(i.id) ?? i.name;
    const standing = statusLabel(standingOf(i), strings);
    return {
      id: i.id,
      label,
      group: CATEGORY_TITLES[i.category]?.[language] ?? "",
      description: `${label}：${rateText}${comparison ? `，${comparison}` : ""}（${standing}）`,
      rate,
      rateText,
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
      decimals,
      language
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

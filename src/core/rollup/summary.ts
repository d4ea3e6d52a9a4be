/**
 * A district indicator in a few words: its total, target, rate, growth, coverage, first unit
 * and the units behind, through the same phrasebook as the paragraphs (formatAmount,
 * completionRateText, growthFigure). The CLI's lines and the task pane's 汇总 table both read
 * it, so that they cannot disagree. Pure.
 */
import { formatAmount, formatPercent } from "../format";
import {
  MAX_TIED,
  MISSING_FIELD_WORDS,
  MORE_IS_WORSE,
  PERIOD_WORDS,
  RATE_BASE_WORDS,
  apartWords,
  behindWords,
} from "../lexicon/district";
import { completionRateText, growthFigure } from "../lexicon/figures";
import { Indicator, ResolvedOptions } from "../model";
import { DistrictIndicator, RangeEnd, Rollup } from "./model";

/** The district's value of an indicator, as the text shows it. */
export type SummaryValue =
  /** Summed over the units: "12680人", "293.51万元". */
  | { kind: "sum"; text: string }
  /**
   * A percentage, never summed: the lowest and highest units ("各街道94%（A）—96.4%（B）"); the
   * district's rate when every unit's base is in its workbook ("96.12%", with how: "按各街道应参保
   * 人数加权计算"), or why not when only some units lack one.
   */
  | { kind: "rate"; range?: string; district?: string; how?: string; blank?: string }
  /** Held back: why (a likely 元/万元 slip), without the closing 。. */
  | { kind: "withheld"; reason: string }
  /** No unit reported a completed value. */
  | { kind: "none" };

export interface IndicatorSummary {
  name: string;
  /** The district's unit of measure ("" when none). */
  unit: string;
  /** A part of another indicator (其中). */
  part: boolean;
  value: SummaryValue;
  /** The summed target, when every unit reporting one was summed. */
  target?: string;
  /** "106.2%", recomputed from the sums. */
  completionRate?: string;
  /** Why the target and rate are held back (a slip in one unit's target), when they are. */
  targetHeld?: string;
  /** Why the growth is held back (one unit's last-year value in doubt), when it is. */
  growthHeld?: string;
  /** "增长5.3%", "下降2%", "持平", "增长1.5倍". */
  growth?: string;
  /** Units whose row of this name is in another measure, with it: "东城街道（人）". */
  otherMeasure: string[];
  /** Units whose row has no completed value (blank, ——): not among the `reported`. */
  blank: string[];
  /** Units of another period than the district's, shown but not added up. */
  offPeriod: string[];
  /** Units that reported it, of all the units. */
  reported: number;
  units: number;
  /** The unit ranked first, or the two or three tied for it ("A街道、B街道"), as the text names them. */
  first?: string;
  /** `first` names units tied for first place (并列第一). */
  firstTied?: boolean;
  /** "未完成目标任务" or "未达到序时进度" (behindWords), and the units it names. */
  behindWords: string;
  behind: string[];
}

function amount(value: number, unit: string, options: ResolvedOptions): string {
  const a = formatAmount(value, unit, {
    decimals: options.decimals,
    scale: options.scaleLargeAmounts,
  });
  return `${a.number}${a.unit}`;
}

function growthText(row: Indicator, options: ResolvedOptions): string | undefined {
  const g = growthFigure(row, options.decimals);
  if (!g) return undefined;
  if (g.kind === "times") return `增长${g.text}倍`;
  return g.direction === "flat" ? "持平" : `${g.direction === "up" ? "增长" : "下降"}${g.text}%`;
}

/**
 * The units that gave a value of the indicator: a row left blank (——) is not one, nor a unit
 * of another period than the district's (shown, never added up).
 */
export function reportingCount(d: DistrictIndicator): number {
  return d.figures.filter((f) => f.actual !== undefined && !f.offPeriod).length;
}

/** The units whose row of the indicator has no completed value (blank, ——). */
export function blankUnits(d: DistrictIndicator): number[] {
  return d.figures.filter((f) => f.actual === undefined).map((f) => f.unit);
}

/**
 * Why a rate has no district value, when that is news: some units (not all) lack a base, or a
 * unit's numerator and denominator do not give its own rate back. Undefined when no unit has a
 * base (most workbooks hold the rate alone) or the rate has one.
 */
export function rateBlank(d: DistrictIndicator): string | undefined {
  const base = d.rateBase;
  if (!base || base.kind !== "none") return undefined;
  const reported = reportingCount(d);
  const why = [
    base.lacking.length > 0 && base.lacking.length < reported
      ? RATE_BASE_WORDS.none(base.lacking.join("、"), RATE_BASE_WORDS.noBase)
      : "",
    base.disagreeing.length > 0
      ? RATE_BASE_WORDS.none(base.disagreeing.join("、"), RATE_BASE_WORDS.disagrees)
      : "",
  ].filter(Boolean);
  return why.length > 0 ? why.join("；") : undefined;
}

/**
 * The units the text names as first: the one ranked first, or two or three tied for it, when
 * at least one more unit is ranked below them and more is better (not 失业人数).
 */
export function firstUnits(d: DistrictIndicator): number[] {
  if (MORE_IS_WORSE.test(d.name)) return [];
  const top = d.ranks.filter((r) => r.rank === 1).map((r) => r.unit);
  return top.length <= MAX_TIED && d.ranks.length > top.length + 1 ? top : [];
}

/** `row` is the district indicator as an engine row (rollup.districtIndicators, same index). */
/**
 * What the units behind an indicator are said to be, with the target they share when they
 * share one and it is a ceiling or a rate ("未控制在3.5%以内", "未达到95%的目标").
 */
export function behindWordsOf(d: DistrictIndicator, months: number, decimals: number): string {
  const targets = new Set(d.figures.filter((f) => d.behind.includes(f.unit)).map((f) => f.target));
  const [only] = [...targets];
  const shared =
    targets.size === 1 && only !== undefined && (d.direction === "ceiling" || d.isRate)
      ? formatAmount(only, d.unit, { decimals, scale: false })
      : undefined;
  return behindWords(
    d.direction,
    months,
    d.isRate,
    shared ? `${shared.number}${shared.unit}` : undefined
  );
}

export function indicatorSummary(
  d: DistrictIndicator,
  row: Indicator,
  rollup: Rollup,
  options: ResolvedOptions
): IndicatorSummary {
  const name = (u: number) => rollup.units[u].name;
  const end = (e: RangeEnd) => {
    const who =
      e.units.length <= MAX_TIED
        ? e.units.map(name).join("、")
        : `${e.units.length}个${rollup.unitKind}`;
    return `${formatPercent(e.value / 100)}（${who}）`;
  };
  const summary: IndicatorSummary = {
    name: d.name,
    unit: d.unit,
    part: d.parentId !== undefined,
    value: { kind: "none" },
    reported: reportingCount(d),
    blank: blankUnits(d).map(name),
    units: rollup.units.length,
    behindWords: behindWordsOf(d, rollup.months, options.decimals),
    behind: d.behind.map(name),
    offPeriod: d.figures.filter((f) => f.offPeriod).map((f) => name(f.unit)),
    otherMeasure: (d.otherMeasure ?? []).map(
      (o) => `${name(o.unit)}（${o.unitOfMeasure || "无"}）`
    ),
  };
  if (d.isRate) {
    const value: SummaryValue = { kind: "rate" };
    if (d.range) value.range = `各${rollup.unitKind}${end(d.range.min)}—${end(d.range.max)}`;
    const base = d.rateBase;
    if (base && base.kind !== "none") {
      value.district = formatPercent(base.value / 100);
      value.how = RATE_BASE_WORDS.weightedBy(rollup.unitKind, base.base).replace(/^（|）$/g, "");
    } else {
      const blank = rateBlank(d);
      if (blank) value.blank = blank;
    }
    summary.value = value;
  } else if (d.apartFrom) {
    summary.value = { kind: "withheld", reason: apartWords(d.unit, d.apartFrom.unit) };
  } else if (d.actual.kind === "sum") {
    summary.value = { kind: "sum", text: amount(d.actual.value, d.unit, options) };
    const names = (units: number[]) => units.map(name).join("、");
    if (d.target.kind === "sum") summary.target = amount(d.target.value, d.unit, options);
    if (d.target.kind === "withheld") summary.targetHeld = d.target.message.replace(/。$/, "");
    else if (d.target.lacking)
      summary.targetHeld = (
        d.target.kind === "sum" ? MISSING_FIELD_WORDS.targetLeftOut : MISSING_FIELD_WORDS.target
      )(names(d.target.lacking));
    if (d.previous.kind === "withheld") summary.growthHeld = d.previous.message.replace(/。$/, "");
    else if (d.previous.lacking)
      summary.growthHeld = (
        d.previous.kind === "sum"
          ? MISSING_FIELD_WORDS.previousLeftOut
          : MISSING_FIELD_WORDS.previous
      )(names(d.previous.lacking));
    if (d.completionRate !== undefined)
      summary.completionRate = completionRateText(d.completionRate, options.decimals);
    const growth = growthText(row, options);
    if (growth) summary.growth = growth;
  } else if (d.actual.kind === "withheld") {
    summary.value = { kind: "withheld", reason: d.actual.message.replace(/。$/, "") };
    // Held for its completed value only: the target's total is no less sure.
    if (d.target.kind === "sum") summary.target = amount(d.target.value, d.unit, options);
  }
  // As the paragraphs name them: one unit, or two or three tied (并列).
  const top = firstUnits(d);
  if (top.length > 0) {
    summary.first = top.map(name).join("、");
    if (top.length > 1) summary.firstTied = true;
  }
  return summary;
}

/** One line per district indicator: its total, rate, growth, coverage, first and behind. */
export function indicatorLine(
  d: DistrictIndicator,
  row: Indicator,
  rollup: Rollup,
  options: ResolvedOptions
): string {
  const s = indicatorSummary(d, row, rollup, options);
  const parts: string[] = [];
  if (s.value.kind === "rate") {
    if (s.value.district) parts.push(`全区${s.value.district}（${s.value.how}）`);
    if (s.value.range) parts.push(`${s.value.range}，不加总`);
    if (s.value.blank) parts.push(s.value.blank);
  } else if (s.value.kind === "sum") {
    parts.push(`全区${s.value.text}`);
    if (s.target) parts.push(`目标${s.target}`);
    if (s.completionRate) parts.push(`完成率${s.completionRate}`);
    if (s.growth) parts.push(`同比${s.growth}`);
    if (s.targetHeld) parts.push(`目标：${s.targetHeld}`);
    if (s.growthHeld) parts.push(`同比：${s.growthHeld}`);
  } else if (s.value.kind === "withheld") {
    parts.push(`暂不引用：${s.value.reason}`);
    if (s.target) parts.push(`目标${s.target}`);
  } else parts.push("无人填报");
  parts.push(`${s.reported}/${s.units}填报`);
  if (s.blank.length > 0) parts.push(`未填数：${s.blank.join("、")}`);
  if (s.offPeriod.length > 0) parts.push(`${PERIOD_WORDS.notAdded}：${s.offPeriod.join("、")}`);
  if (s.otherMeasure.length > 0) parts.push(`计量单位不同，未计入：${s.otherMeasure.join("、")}`);
  if (s.first) parts.push(`${s.firstTied ? "并列第一" : "第一"}：${s.first}`);
  if (s.behind.length > 0) parts.push(`${s.behindWords}：${s.behind.join("、")}`);
  return `${s.part ? "    其中：" : "  "}${s.name}（${s.unit || "—"}）：${parts.join("；")}`;
}

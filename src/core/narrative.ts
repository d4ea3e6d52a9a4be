/**
 * The narrative: one paragraph per category in the official style of a work summary.
 * Every number is written through the builder with the cell it came from, so the text can be
 * traced back: the paragraph's `sources` give each number's offsets and cells.
 */
import { CATEGORY_TITLES } from "./categories";
import { normalizeForMatch } from "./text";
import { isDone } from "./evaluate";
import { partsByParent, sameIndicatorName } from "./indicators";
import {
  approximationWords,
  formatAmount,
  formatNumber,
  formatPercent,
  formatYear,
  periodPhrase,
  roundTo,
} from "./format";
import {
  CATEGORIES,
  Category,
  Indicator,
  Paragraph,
  ResolvedOptions,
  SourceSpan,
  SourcedNumber,
} from "./model";

/** Names that are measures ("参保人数", "销售额") take 达/为; others are things done ("完成新增就业"). */
const MEASURE_NAME =
  /(人数|户数|数|额|率|量|值|收入|面积|金额|产值|规模|比例|比重|总数|总额|余额|人次)$/;
/** Names that already say what was done ("发放低保金") or who is counted ("特困供养人员"): no 完成. */
const ACTION_NAME = /^(发放|开展|组织|举办|办理|走访|慰问|新建|建成|改造|完成|实现|帮助|推荐|引进)/;
const PEOPLE_NAME = /(人员|对象|家庭|群众|儿童|老人|学生|残疾人|困难户)$/;

/**
 * Collects text and, for every number written with `quote`, the cell(s) it came from.
 * Exported for the report module (templates, sections), which writes the same phrases.
 */
export class ParagraphBuilder {
  text = "";
  readonly sources: SourceSpan[] = [];

  plain(text: string): this {
    this.text += text;
    return this;
  }

  quote(
    text: string,
    kind: SourceSpan["kind"],
    main: SourcedNumber,
    others: SourcedNumber[] = []
  ): this {
    const start = this.text.length;
    this.text += text;
    this.sources.push({
      text,
      start,
      end: this.text.length,
      sheet: main.ref.sheet,
      cell: main.ref.cell,
      kind,
      cells: [main.ref.cell, ...others.map((o) => o.ref.cell)],
    });
    return this;
  }
}

export interface NarrativeContext {
  options: ResolvedOptions;
  /** Months covered (12 = full year). */
  months: number;
  year?: number;
  /** "sheet!A1" of cells with an error (or a 元/万元 slip): their numbers are not quoted. */
  flaggedCells: Set<string>;
}

/** A wrong number is worse than none: an indicator with a flagged value waits for a fix. */
export function isQuotable(indicator: Indicator, ctx: NarrativeContext): boolean {
  return (["target", "actual", "previous"] as const).every((field) => {
    const ref = indicator[field]?.ref;
    return !ref || !ctx.flaggedCells.has(`${ref.sheet}!${ref.cell}`);
  });
}

/** A value with its approximation words and unit: "约500人", "12.6亿元", "4541余人". */
export function writeValue(
  b: ParagraphBuilder,
  indicator: Indicator,
  value: SourcedNumber,
  ctx: NarrativeContext
): void {
  const amount = formatAmount(value.value, indicator.unit, {
    decimals: ctx.options.decimals,
    scale: ctx.options.scaleLargeAmounts,
  });
  const words = approximationWords(value.approx);
  b.plain(words.before).quote(amount.number, "value", value).plain(`${words.after}${amount.unit}`);
}

/** Whether the indicator has a growth to write (a completed value and last year's). */
export function hasGrowth(indicator: Indicator): boolean {
  return indicator.growth !== undefined && !!indicator.actual && !!indicator.previous;
}

/**
 * The change over last year without a leading comma: "同比增长7.24%", "同比下降2.31%",
 * "与上年持平", "同比增长1.5倍", "比上年提高1.2个百分点". Writes nothing when there is no growth.
 */
export function writeGrowthPhrase(
  b: ParagraphBuilder,
  indicator: Indicator,
  ctx: NarrativeContext
): void {
  const { growth, actual, previous } = indicator;
  if (growth === undefined || !actual || !previous) return;
  const decimals = ctx.options.decimals;
  if (indicator.growthKind === "points") {
    const points = roundTo(growth * 100, decimals);
    if (points === 0) b.plain("与上年持平");
    else
      b.plain(`比上年${points > 0 ? "提高" : "降低"}`)
        .quote(formatNumber(Math.abs(points), decimals), "growth", actual, [previous])
        .plain("个百分点");
    return;
  }
  const percent = roundTo(growth * 100, decimals);
  if (percent === 0) b.plain("与上年持平");
  else if (growth >= 1)
    b.plain("同比增长")
      .quote(formatNumber(growth, decimals), "growth", actual, [previous])
      .plain("倍");
  else
    b.plain(`同比${percent > 0 ? "增长" : "下降"}`).quote(
      formatPercent(Math.abs(growth), decimals),
      "growth",
      actual,
      [previous]
    );
}

function writeGrowth(b: ParagraphBuilder, indicator: Indicator, ctx: NarrativeContext): void {
  if (!hasGrowth(indicator)) return;
  b.plain("，");
  writeGrowthPhrase(b, indicator, ctx);
}

/** "，完成目标任务的112.6%" or, for a ceiling, "，控制在3.5%以内". */
export function writeTargetPhrase(
  b: ParagraphBuilder,
  indicator: Indicator,
  ctx: NarrativeContext
): void {
  const { target, actual } = indicator;
  if (!target || !actual) return;
  if (indicator.direction === "ceiling") {
    const limit = formatAmount(target.value, indicator.unit, {
      decimals: ctx.options.decimals,
      scale: ctx.options.scaleLargeAmounts,
    });
    if (isDone(indicator))
      b.plain("，控制在").quote(limit.number, "value", target).plain(`${limit.unit}以内`);
    else b.plain("，高于").quote(limit.number, "value", target).plain(`${limit.unit}的控制目标`);
    return;
  }
  const rate = indicator.completionRate;
  if (rate === undefined) return;
  if (indicator.unit === "%") {
    // A rate against a rate target reads as a comparison, not as "101.37% of the target".
    const verb =
      indicator.status === "exceeded" ? "高于" : indicator.status === "completed" ? "达到" : "低于";
    b.plain(`，${verb}`)
      .quote(formatNumber(target.value, ctx.options.decimals), "value", target)
      .plain("%的目标");
    return;
  }
  b.plain(ctx.months < 12 ? "，完成全年目标的" : "，完成目标任务的").quote(
    formatPercent(rate, ctx.options.decimals),
    "rate",
    actual,
    [target]
  );
}

/** "，超额完成目标任务" / "，提前完成全年目标任务" for an indicator done (with a rate). */
export function writeDonePhrase(
  b: ParagraphBuilder,
  indicator: Indicator,
  ctx: NarrativeContext
): void {
  if (!isDone(indicator) || indicator.completionRate === undefined || indicator.unit === "%")
    return;
  if (ctx.months < 12) b.plain("，提前完成全年目标任务");
  else if (indicator.status === "exceeded") b.plain("，超额完成目标任务");
}

export function writeParts(b: ParagraphBuilder, parts: Indicator[], ctx: NarrativeContext): void {
  const reported = parts.filter((p) => p.actual);
  reported.forEach((part, i) => {
    b.plain(i === 0 ? "，其中" : "、").plain(part.name);
    writeValue(b, part, part.actual as SourcedNumber, ctx);
  });
}

/** One indicator's clause: "完成城镇新增就业1126人，完成目标任务的112.6%，同比增长7.24%，其中…". */
export function writeClause(
  b: ParagraphBuilder,
  indicator: Indicator,
  parts: Indicator[],
  ctx: NarrativeContext,
  first: boolean,
  sayDone: boolean
): void {
  const actual = indicator.actual as SourcedNumber;
  const measure = MEASURE_NAME.test(indicator.name) || indicator.unit === "%";
  if (first) b.plain(leadOf(ctx));
  const space = /[A-Za-z]$/.test(indicator.name) ? " " : "";
  if (measure) b.plain(`${indicator.name}${indicator.direction === "ceiling" ? "为" : "达"}`);
  else if (ACTION_NAME.test(indicator.name) || PEOPLE_NAME.test(indicator.name))
    b.plain(`${indicator.name}${space}`);
  else b.plain(`完成${indicator.name}${space}`);
  writeValue(b, indicator, actual, ctx);
  writeTargetPhrase(b, indicator, ctx);
  writeGrowth(b, indicator, ctx);
  if (sayDone) writeDonePhrase(b, indicator, ctx);
  writeParts(b, parts, ctx);
}

/** "2023年，" / "2023年1—10月，" / "全年" / "1—10月，". */
export function leadOf(ctx: NarrativeContext): string {
  if (ctx.year !== undefined) {
    const year = formatYear(ctx.year, ctx.options.yearStyle);
    return ctx.months >= 12 ? `${year}，` : `${year}${periodPhrase(ctx.months)}，`;
  }
  if (ctx.months >= 12) return "全年";
  return `${periodPhrase(ctx.months)}，`;
}

/**
 * "各项指标均完成目标任务" speaks for every indicator of the section: it is written only when
 * each one quoted has a target (`measured` is all of `mains`) and none was left out.
 */
export function summarySentence(
  mains: Indicator[],
  measured: Indicator[],
  ctx: NarrativeContext,
  complete = true
): string {
  if (measured.length < 2 || measured.length !== mains.length || !complete) return "";
  const done = measured.filter(isDone);
  const notDone = measured.filter((i) => !isDone(i));
  if (notDone.length === 0) {
    if (ctx.months < 12) return "各项指标均已提前完成全年目标任务。";
    const allExceeded = measured.every((i) => i.status === "exceeded");
    return allExceeded ? "各项指标均超额完成目标任务。" : "各项指标均完成目标任务。";
  }
  if (ctx.months < 12) {
    const onPace = measured.every((i) =>
      i.direction === "ceiling" ? isDone(i) : (i.completionRate ?? 0) >= ctx.months / 12
    );
    return ctx.months === 6 && onPace ? "实现“时间过半、任务过半”。" : "";
  }
  if (done.length >= 2)
    return `除${notDone.map((i) => i.name).join("、")}外，其余指标均完成目标任务。`;
  return "";
}

/**
 * Indicators narrated in a category: main rows with a completed value, in workbook order.
 * A repeated name is quoted once when its numbers agree, and not at all when they disagree.
 */
export function mainIndicators(
  indicators: Indicator[],
  category: Category,
  ctx: NarrativeContext
): { quoted: Indicator[]; omitted: Indicator[] } {
  const mainRows = indicators.filter((i) => i.category === category && !i.parentId && !i.isTotal);
  const candidates = mainRows.filter((i) => i.actual);
  const byName = new Map<string, Indicator[]>();
  for (const i of candidates) {
    const key = normalizeForMatch(i.name);
    byName.set(key, [...(byName.get(key) ?? []), i]);
  }
  const quoted: Indicator[] = [];
  const omitted: Indicator[] = [];
  for (const i of candidates) {
    const namesakes = byName.get(normalizeForMatch(i.name)) ?? [i];
    const same = namesakes.filter((o) => o === i || sameIndicatorName(o, i));
    // A helper sheet's copy gives way to a visible row of the same name.
    const visible = same.filter((o) => !o.onHiddenSheet);
    const relevant = visible.length > 0 ? visible : same;
    if (!relevant.includes(i)) continue;
    const agree = relevant.every(
      (o) => o.actual?.value === i.actual?.value && o.target?.value === i.target?.value
    );
    if (!isQuotable(i, ctx) || !agree) omitted.push(i);
    else if (relevant[0] === i) quoted.push(i);
  }
  // Rows with no readable completed value (blank, #N/A, unreadable) are left out as well.
  for (const i of mainRows) if (!i.actual && !i.onHiddenSheet) omitted.push(i);
  return { quoted, omitted };
}

/** Text, sources and quoted indicator ids of clauses about `mains`, with their parts. */
export interface WrittenText {
  text: string;
  sources: SourceSpan[];
  indicatorIds: string[];
}

/**
 * Clauses for the given main indicators in order, each with its parts (其中 rows) from
 * `indicators`, and the summary sentence ("各项指标均完成目标任务。").
 */
export function writeIndicatorText(
  mains: Indicator[],
  indicators: Indicator[],
  ctx: NarrativeContext,
  complete = true
): WrittenText {
  const measured = mains.filter(
    (i) => i.status === "exceeded" || i.status === "completed" || i.status === "behind"
  );
  const b = new ParagraphBuilder();
  const partsOf = partsByParent(indicators);
  // Whether each clause says 超额完成/提前完成 itself: at year end only a lone indicator does (the
  // summary speaks for several); during the year each one done early does, unless all are.
  const allDoneEarly =
    ctx.months < 12 &&
    complete &&
    measured.length >= 2 &&
    measured.length === mains.length &&
    measured.every(isDone);
  const sayDone = ctx.months < 12 ? !allDoneEarly : measured.length === 1;
  mains.forEach((indicator, index) => {
    if (index > 0) b.plain("；");
    const parts = (partsOf.get(indicator.id) ?? []).filter((p) => isQuotable(p, ctx));
    writeClause(b, indicator, parts, ctx, index === 0, sayDone);
  });
  b.plain("。").plain(summarySentence(mains, measured, ctx, complete));
  const quoted = new Set<string>();
  for (const indicator of mains) {
    quoted.add(indicator.id);
    for (const p of partsOf.get(indicator.id) ?? [])
      if (p.actual && isQuotable(p, ctx)) quoted.add(p.id);
  }
  return { text: b.text, sources: b.sources, indicatorIds: [...quoted] };
}

export function writeParagraph(
  category: Category,
  indicators: Indicator[],
  ctx: NarrativeContext
): Paragraph | undefined {
  const { quoted: mains, omitted } = mainIndicators(indicators, category, ctx);
  if (mains.length === 0) return undefined;
  const written = writeIndicatorText(
    mains,
    indicators.filter((i) => i.category === category),
    ctx,
    omitted.length === 0
  );
  return {
    category,
    title: CATEGORY_TITLES[category].zh,
    text: written.text,
    sources: written.sources,
    indicatorIds: written.indicatorIds,
    omitted: omitted.map((i) => ({
      indicatorId: i.id,
      name: i.name,
      sheet: i.sheet,
      cell: i.nameRef.cell,
    })),
  };
}

export function writeParagraphs(indicators: Indicator[], ctx: NarrativeContext): Paragraph[] {
  return CATEGORIES.map((category) => writeParagraph(category, indicators, ctx)).filter(
    (p): p is Paragraph => !!p
  );
}

/**
 * The narrative: the paragraphs of a work summary in the official style, one or more per section
 * of the workbook (its heading rows, else its lines of work). Every number is written through
 * the builder with the cell it came from, so the text can be traced back: a paragraph's
 * `sources` give each number's offsets and cells. The words come from the phrasebook (lexicon/).
 */
import { CATEGORY_TITLES, lineOfWorkOfSheet, reportPartOf } from "./categories";
import { isDone, monthsCovered } from "./evaluate";
import { formatAmount, formatNumber, ownDecimals, roundTo } from "./format";
import { partsByParent, sameIndicatorName, sectionKey, totalMembers } from "./indicators";
import {
  SECTION_VERDICTS,
  approximationWords,
  completionRateText,
  growthFigure,
  changeWords,
  comparisonBase,
  eventName,
  formatYear,
  frameOf,
  isPartYear,
  nameInContext,
  pairLead,
  pairSubject,
  periodPhrase,
  SCHEDULE_WRITING,
  standingOf,
  targetWord,
} from "./lexicon";
import type { Frame } from "./lexicon";
import {
  CATEGORIES,
  Category,
  Doubt,
  Indicator,
  Paragraph,
  ResolvedOptions,
  SectionHeading,
  SourceSpan,
  SourcedNumber,
} from "./model";
import { doubtOn, isGrowthQuotable, isQuotable as quotable } from "./trust";
import { normalizeForMatch } from "./text";

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

  /** Text written elsewhere with its sources, shifted to where it lands here. */
  append(text: string, sources: SourceSpan[]): this {
    const offset = this.text.length;
    this.text += text;
    for (const s of sources)
      this.sources.push({ ...s, start: s.start + offset, end: s.end + offset });
    return this;
  }

  quote(
    text: string,
    kind: SourceSpan["kind"],
    main: SourcedNumber,
    others: SourcedNumber[] = [],
    doubt?: Doubt
  ): this {
    const start = this.text.length;
    this.text += text;
    const span: SourceSpan = {
      text,
      start,
      end: this.text.length,
      sheet: main.ref.sheet,
      cell: main.ref.cell,
      kind,
      cells: [main.ref.cell, ...others.map((o) => o.ref.cell)],
    };
    if (doubt)
      span.doubt = { code: doubt.code, message: doubt.message, messageEn: doubt.messageEn };
    this.sources.push(span);
    return this;
  }
}

export interface NarrativeContext {
  options: ResolvedOptions;
  /** Months covered (12 = full year). */
  months: number;
  year?: number;
  /** A statistician's own sentence for an indicator (报告配置's 模板), written instead of its clause. */
  clauseFor?: (indicator: Indicator) => WrittenText | undefined;
  /**
   * The words before a clause's number when the number is a total of several (a district's
   * 合计 of some units): where the total's word goes in the frame (lexicon/district.ts).
   */
  sumWords?: (frame: Frame, before: string) => string;
}

/** A wrong number is worse than none: the engine's trust decides (trust.ts). */
export function isQuotable(indicator: Indicator): boolean {
  return quotable(indicator);
}

/** A value with its approximation words and unit: "约500人", "12.6亿元", "4541余人", "20亿元以上". */
export function writeValue(
  b: ParagraphBuilder,
  indicator: Indicator,
  value: SourcedNumber,
  ctx: NarrativeContext,
  unitWord?: string
): void {
  const amount = formatAmount(value.value, indicator.unit, {
    decimals: ctx.options.decimals,
    scale: ctx.options.scaleLargeAmounts,
  });
  const words = approximationWords(value.approx);
  b.plain(words.before)
    .quote(amount.number, "value", value)
    .plain(`${words.afterNumber}${unitWord ?? amount.unit}${words.afterUnit}`);
}

/** Whether the indicator has a growth the report may write. */
export function hasGrowth(indicator: Indicator): boolean {
  return isGrowthQuotable(indicator);
}

/**
 * The change over last year without a leading comma: "同比增长7.24%", "同比下降2.31%",
 * "与上年持平", "同比增长1.5倍", "比上年提高1.2个百分点" (上年同期 during the year).
 * A change in points keeps the digits of its cells; a relative growth follows the decimals
 * setting but never rounds to 持平 when it is not. Writes nothing when there is no growth.
 */
export function writeGrowthPhrase(
  b: ParagraphBuilder,
  indicator: Indicator,
  ctx: NarrativeContext
): void {
  const { growth, actual, previous } = indicator;
  if (growth === undefined || !actual || !previous || !isGrowthQuotable(indicator)) return;
  const doubt = doubtOn(indicator, "growth");
  // The digits are the phrasebook's (growthFigure), so that every face prints the same figure.
  const figure = growthFigure(indicator, ctx.options.decimals);
  if (!figure) return;
  const words = changeWords(
    figure.kind === "points" ? "points" : "relative",
    figure.value,
    ctx.months,
    figure.kind === "times"
  );
  if (words.kind === "flat") {
    b.plain(words.text);
    return;
  }
  // The quoted span is the figure as the drafts read it: "7.24%", "1.5" (倍 and 个百分点 outside).
  if (figure.kind === "relative")
    b.plain(words.before).quote(`${figure.text}%`, "growth", actual, [previous], doubt);
  else
    b.plain(words.before).quote(figure.text, "growth", actual, [previous], doubt).plain(words.unit);
}

function writeGrowth(b: ParagraphBuilder, indicator: Indicator, ctx: NarrativeContext): void {
  if (!hasGrowth(indicator)) return;
  b.plain("，");
  writeGrowthPhrase(b, indicator, ctx);
}

/**
 * "，完成目标任务的112.6%" (全年目标 during the year); for a ceiling, "，控制在3.5%以内"; for a rate
 * against a rate target, "，高于95%的目标" (nothing more when a 100% target is met).
 */
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
    if (target.value === 100 && isDone(indicator)) return;
    const verb =
      indicator.status === "exceeded" ? "高于" : indicator.status === "completed" ? "达到" : "低于";
    b.plain(`，${verb}`)
      .quote(formatNumber(target.value, ownDecimals(target.value)), "value", target)
      .plain("%的目标");
    return;
  }
  b.plain(`，完成${targetWord(ctx.months)}的`).quote(
    completionRateText(rate, ctx.options.decimals),
    "rate",
    actual,
    [target],
    doubtOn(indicator, "rate")
  );
  // During the year, a task behind the share of the year elapsed says by how much.
  const gap = behindSchedule(indicator, ctx);
  if (gap !== undefined)
    b.plain(`，${SCHEDULE_WRITING.behind}`)
      .quote(gap, "rate", actual, [target], doubtOn(indicator, "rate"))
      .plain(SCHEDULE_WRITING.unit);
}

/** The points a task is behind 序时进度 ("7.78"), during the year only; undefined when not. */
function behindSchedule(indicator: Indicator, ctx: NarrativeContext): string | undefined {
  const rate = indicator.completionRate;
  const progress = indicator.expectedProgress;
  if (!isPartYear(ctx.months) || rate === undefined || progress === undefined) return undefined;
  if (indicator.direction !== "floor" || standingOf(indicator) !== "behind") return undefined;
  const points = roundTo((progress - rate) * 100, ctx.options.decimals);
  return points > 0 ? formatNumber(points, ownDecimals(points)) : undefined;
}

/** "，超额完成目标任务" for an indicator done at year end (with a rate, not a % indicator). */
export function writeDonePhrase(
  b: ParagraphBuilder,
  indicator: Indicator,
  ctx: NarrativeContext
): void {
  if (!isDone(indicator) || indicator.completionRate === undefined || indicator.unit === "%")
    return;
  if (isPartYear(ctx.months)) b.plain(`，提前完成${targetWord(ctx.months)}任务`);
  else if (indicator.status === "exceeded") b.plain("，超额完成目标任务");
}

/** "，其中高校毕业生320人、退役军人41人", right after the total it belongs to, before its verdict. */
export function writeParts(b: ParagraphBuilder, parts: Indicator[], ctx: NarrativeContext): void {
  parts
    .filter((p) => p.actual)
    .forEach((part, i) => {
      b.plain(i === 0 ? "，其中" : "、").plain(part.name);
      writeValue(b, part, part.actual as SourcedNumber, ctx);
    });
}

/** The clause's subject, told apart by its 类别 when another row of the paragraph has its name. */
function subjectName(indicator: Indicator, clash: boolean): string {
  return clash && indicator.context
    ? nameInContext(indicator.context, indicator.name)
    : indicator.name;
}

/**
 * One indicator's clause: "完成城镇新增就业1126人（其中高校毕业生320人），完成目标任务的112.6%，
 * 同比增长7.24%", in the frame its name and unit call for (lexicon/frames.ts).
 */
export function writeClause(
  b: ParagraphBuilder,
  indicator: Indicator,
  parts: Indicator[],
  ctx: NarrativeContext,
  first: boolean,
  sayDone: boolean,
  clash = false
): void {
  const actual = indicator.actual as SourcedNumber;
  if (first) b.plain(leadOf(ctx));
  const frame = frameOf(indicator);
  if (frame.kind === "event") {
    if (ctx.sumWords) b.plain(ctx.sumWords(frame, ""));
    writeEvents(b, indicator, ctx);
    return;
  }
  const name = subjectName(indicator, clash);
  const before =
    name === indicator.name ? frame.before : frame.before.replace(indicator.name, name);
  // A rate behind its target "is" a value rather than "reaches" it; 约/近 take no 达 at all.
  const approximate = actual.approx === "about" || actual.approx === "nearly";
  const verbFixed = approximate
    ? before.replace(/达$/, "")
    : frame.kind === "rate" && indicator.status === "behind"
      ? before.replace(/达$/, "为")
      : before;
  b.plain(ctx.sumWords ? ctx.sumWords(frame, verbFixed) : verbFixed);
  writeValue(b, indicator, actual, ctx, frame.unit);
  b.plain(frame.after);
  writeParts(b, parts, ctx);
  if (actual.approx) {
    if (sayDone) writeApproximateVerdict(b, indicator, ctx);
    return;
  }
  writeTargetPhrase(b, indicator, ctx);
  writeGrowth(b, indicator, ctx);
  if (sayDone) writeDonePhrase(b, indicator, ctx);
}

/**
 * An approximate value (300余, 约4100, 20以上) gives no exact rate or growth: only the verdict,
 * and only when the approximation cannot change it (at least the target).
 */
function writeApproximateVerdict(
  b: ParagraphBuilder,
  indicator: Indicator,
  ctx: NarrativeContext
): void {
  const actual = indicator.actual as SourcedNumber;
  const atLeast = actual.approx === "over" || actual.approx === "atLeast";
  if (!atLeast || !isDone(indicator) || indicator.direction === "ceiling") return;
  if (indicator.unit === "%") return;
  b.plain(isPartYear(ctx.months) ? `，提前完成${targetWord(ctx.months)}任务` : "，完成目标任务");
}

/**
 * Events to keep low, counted: "发生火灾事故3起，控制在5起以内，比上年减少2起"; none at all:
 * "未发生命案". A change of a count of events is its difference, not a percentage.
 */
function writeEvents(b: ParagraphBuilder, indicator: Indicator, ctx: NarrativeContext): void {
  const actual = indicator.actual as SourcedNumber;
  const { target, previous } = indicator;
  const name = eventName(indicator.name);
  const unit = indicator.unit;
  const digits = (...values: SourcedNumber[]) =>
    Math.max(...values.map((v) => ownDecimals(v.value)));
  if (actual.value === 0 && !actual.approx) {
    b.plain(`未发生${name}`);
    if (previous && previous.value > 0 && isGrowthQuotable(indicator))
      b.plain(`（${comparisonBase(ctx.months)}`)
        .quote(formatNumber(previous.value, digits(previous)), "value", previous)
        .plain(`${unit}）`);
    return;
  }
  b.plain(`发生${name}`);
  writeValue(b, indicator, actual, ctx);
  if (target && !actual.approx) {
    if (isDone(indicator))
      b.plain("，控制在")
        .quote(formatNumber(target.value, digits(target)), "value", target)
        .plain(`${unit}以内`);
    else
      b.plain("，超出控制目标")
        .quote(formatNumber(actual.value - target.value, digits(actual, target)), "rate", actual, [
          target,
        ])
        .plain(unit);
  }
  if (previous && !actual.approx && isGrowthQuotable(indicator)) {
    const change = roundTo(actual.value - previous.value, digits(actual, previous));
    const base = comparisonBase(ctx.months);
    if (change === 0) b.plain(`，与${base}持平`);
    else
      b.plain(`，比${base}${change > 0 ? "增加" : "减少"}`)
        .quote(formatNumber(Math.abs(change), digits(actual, previous)), "growth", actual, [
          previous,
        ])
        .plain(unit);
  }
}

/** "纳入低保226户410人": two measures of one subject in one clause. */
function writePair(
  b: ParagraphBuilder,
  households: Indicator,
  people: Indicator,
  subject: string,
  ctx: NarrativeContext,
  first: boolean
): void {
  if (first) b.plain(leadOf(ctx));
  b.plain(pairLead(subject));
  writeValue(b, households, households.actual as SourcedNumber, ctx);
  writeValue(b, people, people.actual as SourcedNumber, ctx);
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
 * The section's verdict, said once: "各项指标均完成目标任务" speaks for every indicator of the
 * section, so it is written only when each one quoted has a target (`measured` is all of
 * `mains`) and none was left out; "除A外，其余指标均…" when one or two are behind; during the
 * year "其中A、B已提前完成全年目标任务" when some (not all) are done early.
 */
export function summarySentence(
  mains: Indicator[],
  measured: Indicator[],
  ctx: NarrativeContext,
  complete = true,
  nameOf: (i: Indicator) => string = (i) => i.name
): string {
  const partYear = isPartYear(ctx.months);
  const doneEarly = measured.filter(
    (i) => isDone(i) && i.completionRate !== undefined && i.unit !== "%"
  );
  const all = measured.length >= 2 && measured.length === mains.length && complete;
  if (partYear) {
    if (all && measured.every(isDone)) return SECTION_VERDICTS.allDoneEarly;
    const early =
      doneEarly.length >= 2 || (doneEarly.length === 1 && mains.length > 1)
        ? SECTION_VERDICTS.someDoneEarly(doneEarly.map(nameOf))
        : "";
    const onPace =
      all &&
      ctx.months === 6 &&
      measured.every((i) =>
        i.direction === "ceiling" ? isDone(i) : (i.completionRate ?? 0) >= ctx.months / 12
      );
    if (onPace && early) return `${SECTION_VERDICTS.halfway.replace(/。$/, "，")}${early}`;
    return onPace ? SECTION_VERDICTS.halfway : early;
  }
  if (!all) return "";
  const notDone = measured.filter((i) => !isDone(i));
  if (notDone.length === 0)
    return measured.every((i) => i.status === "exceeded")
      ? SECTION_VERDICTS.allExceeded
      : SECTION_VERDICTS.allDone;
  if (measured.length - notDone.length >= 2 && notDone.length <= 2)
    return SECTION_VERDICTS.allBut(notDone.map(nameOf));
  return "";
}

/**
 * Indicators narrated among `rows`: main rows with a completed value, in workbook order.
 * A repeated name is quoted once when its numbers agree, and not at all when they disagree.
 */
export function mainIndicators(rows: Indicator[]): { quoted: Indicator[]; omitted: Indicator[] } {
  // A hidden sheet is a helper (lists, scratch figures, old copies): checked, never written.
  const mainRows = rows.filter((i) => !i.parentId && !i.isTotal && !i.onHiddenSheet);
  const candidates = mainRows.filter((i) => i.actual);
  const byName = new Map<string, Indicator[]>();
  for (const i of candidates) {
    const key = normalizeForMatch(i.name);
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  }
  const quoted: Indicator[] = [];
  const omitted: Indicator[] = [];
  for (const i of candidates) {
    const namesakes = byName.get(normalizeForMatch(i.name)) ?? [i];
    if (namesakes.length === 1) {
      // Alone with its name: quoted when it may be.
      if (!quotable(i)) omitted.push(i);
      else quoted.push(i);
      continue;
    }
    const same = namesakes.filter((o) => o === i || sameIndicatorName(o, i));
    // A helper sheet's copy gives way to a visible row of the same name.
    const relevant = same.filter((o) => !o.onHiddenSheet);
    if (!relevant.includes(i)) continue;
    const agree = relevant.every(
      (o) => o.actual?.value === i.actual?.value && o.target?.value === i.target?.value
    );
    if (!quotable(i) || !agree) omitted.push(i);
    else if (relevant[0] === i) quoted.push(i);
  }
  // Rows with no readable completed value (blank, #N/A, unreadable) are left out as well.
  for (const i of mainRows) if (!i.actual) omitted.push(i);
  return { quoted, omitted };
}

/** Text, sources and quoted indicator ids of clauses about `mains`, with their parts. */
export interface WrittenText {
  text: string;
  sources: SourceSpan[];
  indicatorIds: string[];
}

type Clause =
  | { kind: "one"; indicator: Indicator }
  | { kind: "pair"; households: Indicator; people: Indicator; subject: string };

/** Pairs of 户 and 人 of one subject, next to each other, without targets, become one clause. */
function clausesOf(mains: Indicator[]): Clause[] {
  const clauses: Clause[] = [];
  for (let i = 0; i < mains.length; i++) {
    const a = mains[i];
    const b = mains[i + 1];
    // The pair's verdict is the first measure's (households): the second has no target of its own.
    const subject =
      b && !b.target && !a.actual?.approx && !b.actual?.approx ? pairSubject(a, b) : undefined;
    if (subject) {
      clauses.push({ kind: "pair", households: a, people: b, subject });
      i++;
    } else clauses.push({ kind: "one", indicator: a });
  }
  return clauses;
}

/**
 * Clauses for the given main indicators in order, each with its parts (其中 rows) from
 * `indicators` and a correct 合计 after its last member, then the section's verdict.
 */
/** What writeIndicatorText looks up in `indicators`, worked out once for all its calls on them. */
export interface RowIndex {
  partsOf: Map<string, Indicator[]>;
  totals: Map<Indicator, Indicator[]>;
}

export function rowIndex(indicators: Indicator[]): RowIndex {
  return { partsOf: partsByParent(indicators), totals: totalMembers(indicators) };
}

/**
 * The context for writing some rows, in the period their figures cover: a table of 1—11月 among
 * full-year ones is written as 1—11月, the rest as the report's period. Rows that carry no
 * period of their own (made without an analysis) keep the caller's.
 */
function inPeriodOf(rows: Indicator[], ctx: NarrativeContext): NarrativeContext {
  if (!rows.some((i) => i.expectedProgress !== undefined)) return ctx;
  const counts = new Map<number, number>();
  let months = ctx.months;
  let most = 0;
  for (const row of rows) {
    const m = monthsCovered(row);
    const count = (counts.get(m) ?? 0) + 1;
    counts.set(m, count);
    if (count > most) {
      months = m;
      most = count;
    }
  }
  return months === ctx.months ? ctx : { ...ctx, months };
}

export function writeIndicatorText(
  mains: Indicator[],
  indicators: Indicator[],
  ctx: NarrativeContext,
  complete = true,
  lead = true,
  index: RowIndex = rowIndex(indicators)
): WrittenText {
  ctx = inPeriodOf(mains, ctx);
  // A value written 约/近 cannot carry a verdict: it is not counted among the measured.
  const measured = mains.filter(
    (i) =>
      (i.status === "exceeded" || i.status === "completed" || i.status === "behind") &&
      i.actual?.approx !== "about" &&
      i.actual?.approx !== "nearly"
  );
  const b = new ParagraphBuilder();
  const partsOf = index.partsOf;
  const totals = totalsClosing(mains, index.totals);
  // Only a lone indicator says its own verdict; a section of several says it once.
  const sayDone = measured.length === 1 && mains.length === 1;
  // A name its section says twice (检查场所 of 消防 and of 燃气, in two paragraphs) says its 类别
  // in each.
  const names = new Map<string, number>();
  const here = new Set(mains.map((i) => normalizeForMatch(i.name)));
  const sameSection = (i: Indicator) => sectionKey(i) === sectionKey(mains[0] ?? i);
  for (const i of indicators.length > 0 ? indicators : mains) {
    const name = normalizeForMatch(i.name);
    if (!here.has(name) || i.parentId || !sameSection(i)) continue;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  for (const i of mains)
    if (!names.has(normalizeForMatch(i.name))) names.set(normalizeForMatch(i.name), 1);
  const quoted = new Set<string>();
  clausesOf(mains).forEach((clause, index) => {
    if (index > 0) b.plain("；");
    const first = lead && index === 0;
    if (clause.kind === "pair") {
      // A growth would speak of one of the two measures only: left out.
      writePair(b, clause.households, clause.people, clause.subject, ctx, first);
      writeTargetPhrase(b, clause.households, ctx);
      quoted.add(clause.households.id).add(clause.people.id);
      return;
    }
    const indicator = clause.indicator;
    const own = ctx.clauseFor?.(indicator);
    if (own) {
      if (first) b.plain(leadOf(ctx));
      b.append(own.text.replace(/[。；，]+$/, ""), own.sources);
      own.indicatorIds.forEach((id) => quoted.add(id));
      quoted.add(indicator.id);
      return;
    }
    const ownParts = partsOf.get(indicator.id);
    const allParts = ownParts ? ownParts.filter(quotable) : [];
    // "低保户 226户, 其中：低保人数 410人": one subject in 户 and 人 is a pair, not a part.
    const partner = allParts.find((p) => pairSubject(indicator, p) !== undefined);
    const parts = allParts.filter((p) => p !== partner);
    const clash = (names.get(normalizeForMatch(indicator.name)) ?? 0) > 1;
    if (partner && !indicator.actual?.approx && !partner.actual?.approx) {
      writePair(b, indicator, partner, pairSubject(indicator, partner) as string, ctx, first);
      writeParts(b, parts, ctx);
      writeTargetPhrase(b, indicator, ctx);
      quoted.add(indicator.id).add(partner.id);
      parts.forEach((p) => quoted.add(p.id));
      return;
    }
    writeClause(b, indicator, parts, ctx, first, sayDone, clash);
    quoted.add(indicator.id);
    parts.forEach((p) => quoted.add(p.id));
    const total = totals.get(indicator.id);
    if (total) {
      b.plain("，合计");
      writeValue(b, total, total.actual as SourcedNumber, ctx);
      quoted.add(total.id);
    }
  });
  const nameOf = (i: Indicator) => subjectName(i, (names.get(normalizeForMatch(i.name)) ?? 0) > 1);
  b.plain("。").plain(summarySentence(mains, measured, ctx, complete, nameOf));
  return { text: b.text, sources: b.sources, indicatorIds: [...quoted] };
}

/** Correct 合计 rows whose members are all quoted here, by the id of their last member. */
function totalsClosing(
  mains: Indicator[],
  totals: Map<Indicator, Indicator[]>
): Map<string, Indicator> {
  const closing = new Map<string, Indicator>();
  if (totals.size === 0) return closing;
  const here = new Set(mains.map((i) => i.id));
  for (const [total, members] of totals) {
    if (!total.actual || !quotable(total) || members.length < 2) continue;
    if (!members.every((m) => here.has(m.id) && m.actual)) continue;
    closing.set(members[members.length - 1].id, total);
  }
  return closing;
}

// ---------------------------------------------------------------------------
// Sections

/** A section of the report as the workbook gives it: its headings and its rows. */
export interface WorkbookSection {
  /** Headings, outermost first: the workbook's own (一、…), or one line of work. */
  path: SectionHeading[];
  category?: Category;
  /** The line of work of a 类别 column the section is, when it is one (民政, 征兵…). */
  line?: string;
  rows: Indicator[];
}

/** The title of a section from a line of work: 就业工作. */
function categoryHeading(category: Category, ref: Indicator["nameRef"]): SectionHeading {
  return { title: CATEGORY_TITLES[category].zh, level: 1, ref };
}

/**
 * The workbook's own structure as the report's sections, in the workbook's order: heading rows
 * (一、… merged across or numbered) where it has them; for rows under no heading, their line of
 * work (就业, 社会保险…), in the order they first appear.
 */
export function workbookSections(
  indicators: Indicator[],
  tableTitles: Map<string, string> = new Map()
): WorkbookSection[] {
  const sections = new Map<string, WorkbookSection>();
  const byLines = tablesByLinesOfWork(indicators);
  for (const indicator of indicators) {
    const headed = indicator.section.length > 0;
    // Rows of a table of no known line of work take its own title (安全生产工作), when it has one.
    const tableTitle = headed ? undefined : tableTitles.get(indicator.tableId);
    // A 类别 column that names lines of work (民政, 征兵, 安全生产…) gives the sections.
    const line =
      headed || tableTitle || !byLines.has(indicator.tableId) ? undefined : indicator.context;
    const key = headed
      ? `s:${sectionKey(indicator)}`
      : tableTitle
        ? `t:${tableTitle}`
        : line
          ? `l:${line}`
          : `c:${indicator.category}`;
    let section = sections.get(key);
    if (!section) {
      section = headed
        ? { path: indicator.section, rows: [] }
        : tableTitle
          ? { path: [{ title: tableTitle, level: 1, ref: indicator.nameRef }], rows: [] }
          : line
            ? {
                path: [{ title: lineOfWorkTitle(line), level: 1, ref: indicator.nameRef }],
                line,
                rows: [],
              }
            : {
                path: [categoryHeading(indicator.category, indicator.nameRef)],
                category: indicator.category,
                rows: [],
              };
      sections.set(key, section);
    }
    section.rows.push(indicator);
  }
  const all = inParts([...sections.values()]).flatMap(byContext);
  // Without any structure of its own, the lines of work go in the order reports take them.
  if (all.every((s) => s.category !== undefined))
    return CATEGORIES.flatMap((c) => all.filter((s) => s.category === c));
  return all;
}

/** 安全生产 → 安全生产工作; 民政工作 stays. */
/** More lines of work than this, each its own 一、, are grouped under broad parts. */
const MOST_LINES_ALONE = 6;

/**
 * Many lines of work from a 类别 column (民政, 征兵, 信访, 城管…: thirteen 一、 of a sentence
 * each) go under the broad parts a summary has (民生保障, 平安建设和社会治理…) as its （一）s, each
 * part where its first line stands. A part of one line keeps that line as its own 一、.
 */
function inParts(sections: WorkbookSection[]): WorkbookSection[] {
  const lines = sections.filter((s) => s.line !== undefined);
  if (lines.length <= MOST_LINES_ALONE) return sections;
  const partOf = new Map<WorkbookSection, string>();
  for (const s of lines) {
    const part = reportPartOf(s.line as string);
    if (part) partOf.set(s, part);
  }
  const counts = new Map<string, number>();
  for (const part of partOf.values()) counts.set(part, (counts.get(part) ?? 0) + 1);
  const heading = new Map<string, SectionHeading>();
  const out: WorkbookSection[] = [];
  const placed = new Set<WorkbookSection>();
  for (const s of sections) {
    if (placed.has(s)) continue;
    const part = partOf.get(s);
    if (!part || (counts.get(part) ?? 0) < 2) {
      out.push(s);
      placed.add(s);
      continue;
    }
    for (const member of sections) {
      if (partOf.get(member) !== part) continue;
      const top = heading.get(part) ?? { title: part, level: 1, ref: member.path[0].ref };
      heading.set(part, top);
      out.push({ ...member, path: [top, ...member.path.map((h) => ({ ...h, level: 2 }))] });
      placed.add(member);
    }
  }
  return out;
}

function lineOfWorkTitle(line: string): string {
  return /工作$/.test(line) ? line : `${line}工作`;
}

/**
 * Tables whose 类别 column names lines of work: several values, each one run of rows, each a
 * short name of a line of work (lineOfWorkOfSheet), and few names repeated across them (a
 * column of 城镇/农村 repeats the same rows under each value: a qualifier, not a line of work).
 */
function tablesByLinesOfWork(indicators: Indicator[]): Set<string> {
  const rowsOf = new Map<string, Indicator[]>();
  for (const i of indicators) {
    if (i.section.length > 0) continue;
    const rows = rowsOf.get(i.tableId);
    if (rows) rows.push(i);
    else rowsOf.set(i.tableId, [i]);
  }
  const tables = new Set<string>();
  for (const [tableId, rows] of rowsOf) {
    if (rows.some((r) => r.context === undefined)) continue;
    const runs: string[] = [];
    for (const r of rows) if (runs[runs.length - 1] !== r.context) runs.push(r.context as string);
    const lines = new Set(runs);
    if (lines.size < 2 || lines.size !== runs.length) continue;
    if ([...lines].some((l) => lineOfWorkOfSheet(l) === undefined)) continue;
    const contextsOf = new Map<string, Set<string>>();
    for (const r of rows) {
      const name = normalizeForMatch(r.name);
      const seen = contextsOf.get(name) ?? new Set<string>();
      seen.add(r.context as string);
      contextsOf.set(name, seen);
    }
    const repeated = rows.filter((r) => (contextsOf.get(normalizeForMatch(r.name))?.size ?? 0) > 1);
    if (repeated.length * 3 > rows.length) continue;
    tables.add(tableId);
  }
  return tables;
}

/** A 类别 with this many rows or more, in a section of several, is a topic of its own. */
const ROWS_PER_TOPIC = 2;

/**
 * A section whose rows fall into several 类别 of some size each (城市建设 / 环境整治 / 征拆) has
 * them as its topics, one level down: （一）城市建设…, each with its rows in order.
 */
function byContext(section: WorkbookSection): WorkbookSection[] {
  const mains = section.rows.filter((r) => !r.parentId && !r.isTotal && !r.onHiddenSheet);
  const contexts = [...new Set(mains.map((r) => r.context))];
  if (contexts.length < 2 || contexts.some((c) => c === undefined)) return [section];
  const sizes = contexts.map((c) => mains.filter((r) => r.context === c).length);
  if (sizes.some((n) => n < ROWS_PER_TOPIC)) return [section];
  const level = (section.path[section.path.length - 1]?.level ?? 0) + 1;
  return contexts.map((context) => {
    const rows = section.rows.filter((r) => r.context === context);
    const topic: SectionHeading = { title: context as string, level, ref: rows[0].nameRef };
    const sub: WorkbookSection = { path: [...section.path, topic], rows };
    return sub;
  });
}

/** A long section is split where its 类别 changes; a single clause stays with the one before. */
const CLAUSES_PER_PARAGRAPH = 4;

function paragraphGroups(mains: Indicator[]): Indicator[][] {
  if (mains.length <= CLAUSES_PER_PARAGRAPH) return [mains];
  const groups: Indicator[][] = [];
  for (const indicator of mains) {
    const last = groups[groups.length - 1];
    // Rows of no 类别 split where their line of work changes (就业, 社保, 疫苗接种…).
    const topicOf = (i: Indicator) => i.context ?? i.category;
    if (last && topicOf(last[0]) === topicOf(indicator)) last.push(indicator);
    else groups.push([indicator]);
  }
  const merged: Indicator[][] = [];
  for (const group of groups) {
    const last = merged[merged.length - 1];
    // A loop, not push(...group): a group may hold a whole table's rows.
    if (last && (group.length === 1 || last.length === 1)) {
      for (const indicator of group) last.push(indicator);
    } else merged.push(group);
  }
  return merged;
}

function majorityCategory(rows: Indicator[]): Category {
  const counts = new Map<Category, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "other";
}

/** A section as written: its headings, its paragraphs, and what was left out and why. */
export interface WrittenSection {
  path: SectionHeading[];
  title: string;
  category: Category;
  paragraphs: Paragraph[];
  omitted: Paragraph["omitted"];
}

/** The paragraphs of one section, and the rows left out of them with the cell to fix. */
export function writeSection(section: WorkbookSection, ctx: NarrativeContext): WrittenSection {
  const { quoted: mains, omitted } = mainIndicators(section.rows);
  const groups = mains.length > 0 ? paragraphGroups(mains) : [];
  const title = section.path[section.path.length - 1]?.title ?? "";
  const category = section.category ?? majorityCategory(section.rows);
  const omittedList = omitted.map((i) => ({
    indicatorId: i.id,
    name: i.name,
    sheet: i.sheet,
    cell:
      i.trust.kind === "withheld"
        ? i.trust.because.ref.cell
        : (i.actual?.ref.cell ?? i.nameRef.cell),
    reason: i.trust.kind === "withheld" ? i.trust.because.message : "没有完成数",
  }));
  const index = groups.length > 0 ? rowIndex(section.rows) : undefined;
  const paragraphs = groups.map((group, at): Paragraph => {
    const written = writeIndicatorText(
      group,
      section.rows,
      ctx,
      omitted.length === 0 && groups.length === 1,
      at === 0,
      index
    );
    return {
      category,
      title,
      section: section.path,
      text: written.text,
      sources: written.sources,
      indicatorIds: written.indicatorIds,
      omitted: at === groups.length - 1 ? omittedList : [],
    };
  });
  return { path: section.path, title, category, paragraphs, omitted: omittedList };
}

/** Every section of the workbook, written; `tableTitles` name the sections of tables of no known line of work. */
export function writeSections(
  indicators: Indicator[],
  ctx: NarrativeContext,
  tableTitles?: Map<string, string>
): WrittenSection[] {
  return workbookSections(indicators, tableTitles).map((section) => writeSection(section, ctx));
}

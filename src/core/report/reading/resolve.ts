/**
 * What a number in report text stands for: which indicator, which of its values (完成数,
 * 目标, 上年同期, 完成率, 增长) and what that value is in the unit the sentence writes.
 * Shared by filling X drafts (fill.ts) and checking finished drafts (check.ts).
 *
 * The words right before the number name the indicator, within its clause (split on
 * ，；。): "全年完成城镇新增就业X人". Words at the end of those name the value: "完成率达",
 * "完成目标任务的", "同比增长", "上年同期", "目标任务". A clause that names no indicator
 * ("同比增速X%", "完成率X%") speaks of the last one named just before, in the same clause or
 * the clause before in the same sentence; a completion rate after a 其中 list of parts without
 * targets speaks of the sentence's subject. Two rows of the same name with different numbers,
 * or a rate or growth the table states otherwise (an error finding on that cell), leave the
 * number alone. Every doubt leaves the number alone, with a reason.
 */
import { Analysis, CellRef, SourceSpan } from "../../model";
import { roundTo } from "../../format";
import {
  Conflict,
  IndicatorCatalog,
  NameEntry,
  NumberField,
  canon,
  describeEntry,
  isMeasureWord,
  isPercentIndicator,
  matchEntry,
  meaningfulPart,
} from "../names";
import { Use, figureOf, inTextUnit, namedOf } from "../figure";
import { makeFinding } from "../../findings";
import { FIELD_ZH, Field, say } from "../messages";
import { CodedText } from "../../errors";
import {
  CHANGE_READING,
  FRAME_READING,
  HEADING_NUMBER,
  PERIOD_WORDS,
  levelOfNumber,
  periodPhrase,
  readPeriod,
  yearsIn,
} from "../../lexicon";
import { Skip, Slot, Span, clauseSpans, isQualifier, sentenceSpans } from "./scan";
import { clean, conversionFactor, isSameBase } from "../units";
import { isMoneyUnit } from "../../units";

export type { Field };
export { FIELD_ZH };

/** Why a number is left or not checked: a code of the message catalogue (messages.ts). */
export type Reason = CodedText;

/**
 * A number while it is being read: what the words named so far and what became of it, built
 * up piece by piece; `resolveSlots` hands each one out as a Resolution.
 */
interface Working {
  slot: Slot;
  entry?: NameEntry;
  /** The words that named the indicator ("纳入低保"), for the number right after it ("X人"). */
  phrase?: string;
  /** How sure the match of the words to the indicator is (see names.ts confidenceOf). */
  confidence?: number;
  /** The next best indicator the words could have meant. */
  runnerUp?: NameEntry;
  /** Indicators the words may mean, when it is unclear which. */
  candidates?: NameEntry[];
  /** Used, with a doubt the reader should see (a stale hidden copy disagrees). */
  warning?: Reason;
  field?: Field;
  /** For growth: the words say up (增长), down (下降) or neither (增速). */
  direction?: "up" | "down" | "neutral";
  /** The value in the unit the text writes (a rate or growth in percent or points). */
  value?: number;
  cells?: CellRef[];
  spanKind?: SourceSpan["kind"];
  reason?: Reason;
  /**
   * The value is computed, but the table's own stated rate or growth for it has an error
   * (it disagrees with the computation): a check may compare, a fill must not write it.
   */
  disputed?: Reason;
}

/** What the words around a number named: its indicator and which of its figures. */
interface Named {
  entry: NameEntry;
  field: Field;
  /** For growth: the words say up (增长), down (下降) or neither (增速). */
  direction?: "up" | "down" | "neutral";
  /** The words that named the indicator ("纳入低保"). */
  phrase?: string;
  /** How sure the match of the words to the indicator is (see names.ts confidenceOf). */
  confidence?: number;
  /** The next best indicator the words could have meant. */
  runnerUp?: NameEntry;
}

/** What became of a number or placeholder of a draft. */
export type Resolution =
  /** A date, an age, a name…: no figure to fill or check (the slot's skip says which). */
  | { kind: "notFigure"; slot: Slot; skip: Skip }
  /** No indicator, or not clearly one: why, and the candidates when several fit. */
  | {
      kind: "unmatched";
      slot: Slot;
      reason: Reason;
      candidates?: NameEntry[];
      field?: Field;
      direction?: "up" | "down" | "neutral";
    }
  /** The indicator is known, but not a value to use: why (no value, in doubt, a plan…). */
  | ({ kind: "unvalued"; slot: Slot; reason: Reason } & Named)
  /** The indicator's value in the text's unit, from its cells. */
  | ({
      kind: "valued";
      slot: Slot;
      /** The value in the unit the text writes (a rate or growth in percent or points). */
      value: number;
      cells: CellRef[];
      spanKind: SourceSpan["kind"];
      /** Used, with a doubt the reader should see (a stale hidden copy disagrees). */
      warning?: Reason;
      /** The table's own stated rate or growth disagrees: a check compares, a fill leaves it. */
      disputed?: Reason;
    } & Named);

const UNDECIDED: Reason = say("UNDECIDED", {});

/** A working resolution as what became of the number. */
function settled(w: Working): Resolution {
  const named = (entry: NameEntry, field: Field): Named => ({
    entry,
    field,
    ...(w.direction ? { direction: w.direction } : {}),
    ...(w.phrase !== undefined ? { phrase: w.phrase } : {}),
    ...(w.confidence !== undefined ? { confidence: w.confidence } : {}),
    ...(w.runnerUp ? { runnerUp: w.runnerUp } : {}),
  });
  if (w.slot.skip) return { kind: "notFigure", slot: w.slot, skip: w.slot.skip };
  if (w.entry && w.field && w.value !== undefined && w.cells && w.cells.length > 0)
    return {
      kind: "valued",
      slot: w.slot,
      value: w.value,
      cells: w.cells,
      spanKind: w.spanKind ?? "value",
      ...(w.warning ? { warning: w.warning } : {}),
      ...(w.disputed ? { disputed: w.disputed } : {}),
      ...named(w.entry, w.field),
    };
  if (w.entry && w.field)
    return {
      kind: "unvalued",
      slot: w.slot,
      reason: w.reason ?? UNDECIDED,
      ...named(w.entry, w.field),
    };
  return {
    kind: "unmatched",
    slot: w.slot,
    reason: w.reason ?? UNDECIDED,
    ...(w.candidates && w.candidates.length > 0 ? { candidates: w.candidates } : {}),
    ...(w.field ? { field: w.field } : {}),
    ...(w.direction ? { direction: w.direction } : {}),
  };
}

/** Everything resolution needs from an analysis, built once per text. */
export interface ResolveContext {
  catalog: IndicatorCatalog;
  decimals: number;
  /** The report's year, when the workbook says it: a sentence about a later year is no result. */
  year?: number;
  /** Filling quotes the numbers, checking compares with them (figure.ts). */
  use: Use;
}

/** The period a draft says it covers, in its title and opening lines: "1—11月", "全年", none. */
function periodOfDraft(text: string): number | undefined {
  const opening = text.slice(0, 300);
  return readPeriod(opening) ?? (PERIOD_WORDS.fullYear.test(opening) ? 12 : undefined);
}

/**
 * `text`: the draft, whose own period chooses among a workbook's periods (a sheet a month);
 * without one, the period the report was asked for (--period), else none is chosen.
 */
export function resolveContext(analysis: Analysis, use: Use, text = ""): ResolveContext {
  const months =
    periodOfDraft(text) ?? (analysis.options.period !== undefined ? analysis.months : undefined);
  return {
    use,
    catalog: new IndicatorCatalog(analysis.indicators, months),
    decimals: analysis.options.decimals,
    ...(analysis.year !== undefined ? { year: analysis.year } : {}),
  };
}

// ---------------------------------------------------------------------------
// Words around the number

const LEAD_NOISE =
  /^[\s、，,；;：:“”"'‘’（）()【】《》]*(?:和|及|以及|与|并且|并|还有|还|另有)?(?:(?:一|二|三|四|五|六|七|八|九|十)是|其一|其二|其三|首先|其次|再次|最后|另外|此外|同时|[（(]?[一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])?/;
/** 为 that ends a noun (违法违规行为, 作为) is not the verb before a number. */
const TRAILING_VERBS =
  /(?:(?<![行作])为|是|虽然|虽|达到|高达|已达|达|共计|共有|共|累计|计|有|了|完成了|完成|实现了|实现|合计|总计|仅仅|仅|只有|保持在|保持|稳定在|维持在|[\s:：，,、])+$/;
const RATE_WORDS =
  /(?:(?:总|目标|任务)?(?:完成率|完成进度|完成比例)|完成了?(?:全年|年度)?(?:目标任务|目标|任务|计划)数?的?|占(?:全年|年度)?(?:目标任务|目标|任务|计划)的?)$/;
/** "失业人员再就业完成X%", "目标任务已完成X%": X% after 完成 is the completion rate. */
const DONE_RATE_WORDS =
  /(?:(?:全年|年度)?(?:目标任务|目标|任务))?(?:已经|已|仅|均|共|累计)?完成了?(?:全年|年度)?的?$/;
const GROWTH_WORDS = new RegExp(
  `(?:${CHANGE_READING.yearOnYear.source})?(${CHANGE_READING.word.source})了?$|${CHANGE_READING.moreOrFewer.source}|同比$`
);
const PREVIOUS_WORDS = /(?:上年同期|去年同期|上一年度|上一年|上年|去年)$/;
const TARGET_WORDS =
  /(?:年度|全年)?(?:目标任务数|目标任务|目标值|目标数|目标|任务数|计划任务|下达任务|任务)$/;
/** "高于95%的目标", "低于3.5%的控制目标". */
const COMPARISON_WORDS = /(?:高于|低于|超过|达到|不高于|不低于|未达到)$/;
const TARGET_AFTER = /^的?(?:年度|全年)?(?:控制)?目标/;
/** "，低于X%的控制目标" after a number: the target said next to it. */
const TARGET_LATER =
  /^[^，,。；;]{0,3}[，,]\s*(?:低于|不高于|不超过|高于|优于|好于)[^，,。；;]{0,10}的(?:控制)?目标/;
/** "失业率控制在X%以内": the ceiling, i.e. the target. */
const CEILING_WORDS = /(?:控制在|不超过|不高于|低于)$/;

function cleanLead(text: string): string {
  return text
    .replace(PERIOD_WORDS.inText, "")
    .replace(LEAD_NOISE, "")
    .replace(FRAME_READING.timeSpan, "")
    .replace(FRAME_READING.effort, "")
    .replace(FRAME_READING.duration, "")
    .replace(LEAD_NOISE, "");
}

function cleanTail(text: string): string {
  return text.replace(TRAILING_VERBS, "");
}

/**
 * "开展“观影铸魂”等党史学习活动", "清理曹家汊、徐家水库等周边菜地": a list of examples before 等
 * names instances of what follows it; the verb before the examples stays ("开展党史学习活动").
 */
function withoutExampleList(words: string): string {
  const at = words.lastIndexOf("等");
  const rest = words.slice(at + 1);
  if (at < 0 || rest.replace(/[\s“”"「」]/g, "").length < 2) return words;
  const before = words.slice(0, at);
  const quoted = /[“"「][^”"」]*[”"」]/g;
  const examples = FRAME_READING.exampleList.exec(before.replace(quoted, "“”"));
  if (!examples) return words;
  // "工委领导班子成员领办“A”“B”等实事项目": quoted examples right after the words before them,
  // which list nothing themselves, leave those words whole (who did it and the verb).
  const plain = before.replace(quoted, "");
  if (/[”"」]\s*$/.test(before) && !/[、，,和及]/.test(plain)) return `${plain}${rest}`;
  let verb = "";
  const verbs = new RegExp(FRAME_READING.deedAfterNoun.source, "g");
  for (const m of plain.matchAll(verbs)) verb = m[0];
  return `${verb}${rest}`;
}

/**
 * "清理堆积杂物、陈旧垃圾等共X车": 等 right before the number closes the list, which is what
 * is counted (A, B and the like); 等 after no list (一等, 平等) stays.
 */
function closedList(words: string): string {
  if (!words.endsWith("等")) return words;
  const before = words.slice(0, -1);
  return FRAME_READING.exampleList.test(before) ? before : words;
}

interface Reading {
  field: Field;
  phrase: string;
  /** Found by words such as 完成率, 同比增长, 上年同期, 目标任务. */
  keyword?: boolean;
  direction?: "up" | "down" | "neutral";
  /** A rate read from a bare 完成 ("再就业完成X%"): for a % indicator that is its value. */
  bareDone?: boolean;
}

/** Which value the words before the number ask for, and the words left to name the indicator. */
function readWords(segment: string, slot: Slot, after: string): Reading[] {
  const lead = withoutExampleList(
    cleanLead(segment.normalize("NFKC")).replace(/[\s:：，,、]+$/, "")
  );
  const text = cleanTail(closedList(cleanTail(lead)));
  const readings: Reading[] = [];
  const unit = slot.textUnit.kind;
  // "续保率达96.3%，高于95%的目标": the words after the number name it the target.
  const comparison = COMPARISON_WORDS.exec(text);
  if (TARGET_AFTER.test(after) && comparison)
    return [{ field: "target", phrase: cleanTail(text.slice(0, comparison.index)), keyword: true }];
  // "完成全年目标的62.5%，低于序时进度X个百分点": the rate against the share of the year.
  const schedule = FRAME_READING.againstSchedule.exec(text);
  if (schedule && (unit === "points" || unit === "percent"))
    return [
      {
        field: "schedule",
        phrase: cleanTail(text.slice(0, schedule.index)),
        direction: FRAME_READING.behindWords.test(schedule[1]) ? "down" : "up",
        keyword: true,
      },
    ];
  // "完成率仅为95.1%，与目标相差X人": what is left of the target.
  const short = FRAME_READING.shortOfTarget.exec(text);
  if (short && unit !== "percent" && unit !== "points" && unit !== "times")
    return [{ field: "shortfall", phrase: cleanTail(text.slice(0, short.index)), keyword: true }];
  // "新增四上企业入库X家，超额完成X家的目标任务": the target the deed went beyond.
  const done = FRAME_READING.doneAtEnd.exec(lead);
  if (TARGET_AFTER.test(after) && done)
    return [{ field: "target", phrase: cleanTail(lead.slice(0, done.index)), keyword: true }];
  const growth = GROWTH_WORDS.exec(text);
  const growthReading = (): Reading | undefined => {
    if (!growth) return undefined;
    const word = growth[1] ?? "";
    const moreOrFewer = growth[2];
    const direction =
      CHANGE_READING.up.test(word) || (moreOrFewer && CHANGE_READING.more.test(moreOrFewer))
        ? "up"
        : CHANGE_READING.down.test(word) || moreOrFewer
          ? "down"
          : "neutral";
    return {
      field: "growth",
      phrase: cleanTail(text.slice(0, growth.index).replace(/(?:比|较|与)$/, "")),
      direction,
      keyword: true,
    };
  };
  if (unit === "percent") {
    // "完成征兵任务的X%": the task named between 完成 and 任务 is the indicator of the rate.
    const task = FRAME_READING.namedTask.exec(lead);
    if (task && !RATE_WORDS.test(text)) {
      const named = `${cleanTail(lead.slice(0, task.index))}完成${task[1]}任务`;
      // "完成全年巡河任务的X%": the task may be named by the deed's row alone (开展巡河).
      return [
        { field: "rate", phrase: named, keyword: true },
        { field: "rate", phrase: task[1], keyword: true },
      ];
    }
    // A rate indicator named in full ("续保率达X%") is its completed value.
    readings.push({ field: "actual", phrase: text });
    const rate = RATE_WORDS.exec(text);
    const done = rate ? null : DONE_RATE_WORDS.exec(lead);
    if (rate)
      readings.push({ field: "rate", phrase: cleanTail(text.slice(0, rate.index)), keyword: true });
    else if (done)
      readings.push({
        field: "rate",
        phrase: cleanTail(lead.slice(0, done.index)),
        keyword: true,
        bareDone: true,
      });
    const g = growthReading();
    if (g) readings.push(g);
  } else if (unit === "points" || unit === "times") {
    const g = growthReading();
    if (g) readings.push(g);
    return readings;
  } else if (growth && (growth[1] || growth[2])) {
    readings.push({ ...(growthReading() as Reading) });
    return readings;
  }
  const previous = PREVIOUS_WORDS.exec(text);
  if (previous)
    readings.push({
      field: "previous",
      phrase: cleanTail(text.slice(0, previous.index)),
      keyword: true,
    });
  // "较去年同期满意率X%": a rate compared with last year's, named after the comparison.
  const first = previous || growth ? null : FRAME_READING.previousFirst.exec(text);
  const previousFirst =
    first && first[0].length < text.length && (!first[1] || unit === "percent") ? first : null;
  if (previousFirst)
    readings.push({
      field: "previous",
      phrase: text.slice(previousFirst[0].length),
      keyword: true,
    });
  // "失业率控制在X%，低于X%的控制目标": the target is said after, so 控制在 says the value.
  const ceilingValue =
    !TARGET_WORDS.test(text) && CEILING_WORDS.test(text) && TARGET_LATER.test(after);
  if (ceilingValue) {
    const ceiling = CEILING_WORDS.exec(text) as RegExpExecArray;
    return [
      ...readings.filter((r) => r.field !== "actual"),
      {
        field: "actual",
        phrase: cleanTail(text.slice(0, ceiling.index)),
      },
    ];
  }
  const target = TARGET_WORDS.exec(text) ?? CEILING_WORDS.exec(text);
  if (target && !RATE_WORDS.test(text)) {
    const before = text.slice(0, target.index);
    // "完成征兵任务X人": the task, or what was done? Unclear, so no reading at all.
    if (/完成|实现/.test(before) && !CEILING_WORDS.test(text)) return readings;
    readings.push({ field: "target", phrase: cleanTail(before), keyword: true });
  }
  if (unit !== "percent" && !previous && !previousFirst && !(target && !RATE_WORDS.test(text)))
    readings.push({ field: "actual", phrase: text });
  return readings;
}

// ---------------------------------------------------------------------------
// Values

function refKey(ref: CellRef): string {
  return `${ref.sheet}!${ref.cell}`;
}

/** The value a slot stands for in the text's unit (figure.ts decides whether it may be used). */
function fieldValue(
  entry: NameEntry,
  field: Field,
  slot: Slot,
  direction: Reading["direction"],
  ctx: ResolveContext
): Omit<Working, "slot" | "entry" | "field"> {
  const indicator = entry.indicator;
  const named = namedOf(indicator);
  const written = `${slot.scaleWord}${slot.unit}`;
  if (field === "growth" && (slot.textUnit.kind === "measure" || slot.textUnit.kind === "bare"))
    return changeInUnits(entry, slot, direction, ctx);
  const figure = figureOf(indicator, field, ctx.use);
  if (figure.kind === "none") return { reason: figure.reason };
  const disputed = figure.disputed ? { disputed: figure.disputed } : {};
  if (field === "actual" || field === "target" || field === "previous" || field === "shortfall") {
    const converted = inTextUnit(indicator, figure.value, slot.textUnit, written);
    if (converted.kind === "none") return { reason: converted.reason };
    return { value: clean(converted.value), cells: figure.cells, spanKind: "value" };
  }
  if (field === "rate")
    return { value: clean(figure.value * 100), cells: figure.cells, spanKind: "rate", ...disputed };
  if (field === "schedule") {
    const gap = figure.value;
    if ((direction === "up" && gap < 0) || (direction === "down" && gap > 0))
      return {
        reason: say("GROWTH_DIRECTION", {
          indicator: named,
          words: "schedule",
          written: direction,
          actual: gap > 0 ? "up" : "down",
        }),
      };
    return { value: clean(Math.abs(gap) * 100), cells: figure.cells, spanKind: "rate" };
  }
  const unit = slot.textUnit.kind;
  const points = indicator.growthKind === "points";
  if (points && unit !== "points")
    return { reason: say("GROWTH_KIND", { indicator: named, kind: "points" }) };
  if (!points && unit === "points")
    return { reason: say("GROWTH_KIND", { indicator: named, kind: "percent" }) };
  const g = figure.value;
  if (unit === "times" && g < 1)
    return { reason: say("GROWTH_KIND", { indicator: named, kind: "lessThanDouble" }) };
  let value = unit === "times" ? g : g * 100;
  const shown = roundTo(value, ctx.decimals);
  if (direction !== "neutral" && shown === 0)
    return { reason: say("GROWTH_FLAT", { indicator: named }) };
  if ((direction === "up" && g < 0) || (direction === "down" && g > 0))
    return {
      reason: say("GROWTH_DIRECTION", {
        indicator: named,
        words: "growth",
        written: direction,
        actual: g > 0 ? "up" : "down",
      }),
    };
  if (direction !== "neutral") value = Math.abs(value);
  return { value: clean(value), cells: figure.cells, spanKind: "growth", ...disputed };
}

/** "比上年增加X人": completed minus last year's, in the text's unit. */
function changeInUnits(
  entry: NameEntry,
  slot: Slot,
  direction: Reading["direction"],
  ctx: ResolveContext
): Omit<Working, "slot" | "entry" | "field"> {
  const { indicator } = entry;
  const named = namedOf(indicator);
  const actual = figureOf(indicator, "actual", ctx.use);
  const previous = figureOf(indicator, "previous", ctx.use);
  if (actual.kind === "none" && actual.reason.code !== "NO_VALUE") return { reason: actual.reason };
  if (previous.kind === "none" && previous.reason.code !== "NO_VALUE")
    return { reason: previous.reason };
  if (actual.kind === "none" || previous.kind === "none")
    return { reason: say("NO_CHANGE", { indicator: named }) };
  const written = `${slot.scaleWord}${slot.unit}`;
  const converted = inTextUnit(indicator, actual.value - previous.value, slot.textUnit, written);
  if (converted.kind === "none") return { reason: converted.reason };
  const change = clean(converted.value);
  if ((direction === "up" && change < 0) || (direction === "down" && change > 0))
    return {
      reason: say("GROWTH_DIRECTION", {
        indicator: named,
        words: "change",
        written: direction,
        actual: change > 0 ? "up" : "down",
      }),
    };
  const growth = figureOf(indicator, "growth", ctx.use);
  return {
    value: direction === "neutral" ? change : Math.abs(change),
    cells: [...actual.cells, ...previous.cells],
    spanKind: "growth",
    ...(growth.kind === "figure" && growth.disputed ? { disputed: growth.disputed } : {}),
  };
}

// ---------------------------------------------------------------------------
// Resolving every slot of a text

/** Words that follow a count and name what was counted: "新增X家四上企业". */
const CLASSIFIER_UNITS =
  /^(家|个|名|位|户|人|所|项|件|座|处|台|辆|条|套|支|批|类|起|次|场|场次|轮)$/;

/** The units counted right after a count, then the deed they did: "村" in "X个村实现…". */
const COUNTED_DOERS =
  /^((?:行政)?村|社区|小区|企业|单位|合作社|家庭|农户)(?=(?:共|累计|全年)?(?:实现|完成|达到|获得|创造|取得))/;

/**
 * What the slots resolved so far leave for the next ones, kept as they are resolved so that
 * each slot looks back in constant time: a draft is resolved in time linear in its length.
 */
interface Progress {
  clauses: Span[];
  sentences: Span[];
  headings: DraftHeading[];
  /** The draft's lines, with the heading each opens with (commas and all). */
  lines: Line[];
  /** The first clause of the sentence each clause is in. */
  sentenceStart: number[];
  /** The nearest clause at or before each one that starts with 其中, or -1. */
  qizhongAtOrBefore: number[];
  /** Per clause: the results of its slots that were not skipped, in order. */
  resolved: Map<number, Working[]>;
  /** Per clause: its last slot not in brackets, and whether one of them limits the number. */
  lastOutsideBracket: Map<number, Slot>;
  qualified: Set<number>;
  /** Per clause: the age written in it ("60岁以上"), which may be part of a name. */
  ages: Map<number, string>;
  /** Per sentence: the last age written in it, which later clauses still speak of. */
  sentenceAges: Map<number, string>;
  /** The last clause before the current one without a resolved slot, found as clauses pass. */
  lastEmptyClause: number;
  scannedUpTo: number;
}

/** A 其中 list longer than this many clauses is not one: the rate after it is not looked up. */
const MAX_PARTS_CLAUSES = 50;

/** A heading of the draft: where it stands, its words (canon) and its level (一、 is 1). */
interface DraftHeading {
  start: number;
  title: string;
  /** As written, for messages: "四、2024年工作打算". */
  text: string;
  level: number;
}

/** The draft's own headings ("一、民生保障", "（二）安全生产"), with where they stand. */
function draftHeadings(text: string): DraftHeading[] {
  const headings: DraftHeading[] = [];
  const line = /^[ \t\u3000]*(.*)$/gm;
  let m: RegExpExecArray | null;
  while ((m = line.exec(text))) {
    const number = HEADING_NUMBER.beforeTitle.exec(m[1]);
    // A line of its own ("（二）安全生产"), or a title run into its paragraph, up to its 。
    // ("（一）安全生产。全年检查企业X家，…").
    // A line of its own may have a comma ("三、坚持守牢安全底线，社会治理更加有效") when it
    // neither ends as a sentence nor holds a number.
    const alone = !/[，,；;]/.test(m[1]) || !/[。；;！？!?]\s*$|[0-9０-９Xx]/.test(m[1]);
    const own = m[1].length <= 40 && alone ? m[1] : undefined;
    const runIn = number ? RUN_IN_TITLE.exec(m[1].slice(number[0].length))?.[1] : undefined;
    const title = own ?? (runIn !== undefined ? `${number?.[0] ?? ""}${runIn}` : undefined);
    if (number && title !== undefined)
      headings.push({
        start: m.index,
        title: canon(title),
        text: title.trim(),
        level: levelOfNumber(number[1]) ?? 3,
      });
    if (line.lastIndex === m.index) line.lastIndex++;
  }
  return headings;
}

/** A title run into its paragraph: a few words with no comma, ended by 。 ("安全生产。"). */
const RUN_IN_TITLE = /^([^。！？!?，,；;\n]{2,30})[。！？!?]/;

function progressFor(text: string): Progress {
  const clauses = clauseSpans(text);
  const sentenceStart: number[] = [];
  const qizhongAtOrBefore: number[] = [];
  clauses.forEach((clause, i) => {
    const ended = i > 0 && /[。！？!?\n；;]/.test(text.slice(clauses[i - 1].start, clause.start));
    sentenceStart.push(i === 0 || ended ? i : sentenceStart[i - 1]);
    const qizhong = /^\s*其中/.test(text.slice(clause.start, clause.end));
    qizhongAtOrBefore.push(qizhong ? i : i > 0 ? qizhongAtOrBefore[i - 1] : -1);
  });
  return {
    clauses,
    sentences: sentenceSpans(text),
    headings: draftHeadings(text),
    lines: linesOf(text),
    sentenceStart,
    qizhongAtOrBefore,
    resolved: new Map(),
    lastOutsideBracket: new Map(),
    qualified: new Set(),
    ages: new Map(),
    sentenceAges: new Map(),
    lastEmptyClause: -1,
    scannedUpTo: -1,
  };
}

/** Records a slot once resolved (or skipped). */
function record(progress: Progress, slot: Slot, result: Working, text: string): void {
  if (!isQualifier(slot)) {
    const before = progress.lastOutsideBracket.get(slot.clause);
    progress.lastOutsideBracket.set(slot.clause, slot);
    // "为X名80周岁以上老人发放高龄津贴X万元": an age right after a count is of the people
    // counted, who are the clause's subject: it narrows nothing else the clause says of them.
    const ofCount =
      slot.skip?.kind === "age" &&
      !!before &&
      !before.skip &&
      slot.leadStart - before.unitEnd <= 1 &&
      !!progress.resolved.get(slot.clause)?.some((r) => r.slot === before && r.value !== undefined);
    if ((slot.skip?.kind === "age" && !ofCount) || slot.skip?.subArea)
      progress.qualified.add(slot.clause);
    // A blanked age ("X岁以上") is kept as "x岁以上": a pattern of the ages rows carry.
    if (slot.skip?.kind === "age") {
      const bound = /^(?:及)?(?:以上|以下)/.exec(text.slice(slot.unitEnd, slot.unitEnd + 3));
      const age = canon(text.slice(slot.start, slot.unitEnd) + (bound?.[0] ?? ""));
      progress.ages.set(slot.clause, age);
      progress.sentenceAges.set(slot.sentence, age);
    }
  }
  if (slot.skip) return;
  const list = progress.resolved.get(slot.clause);
  if (list) list.push(result);
  else progress.resolved.set(slot.clause, [result]);
}

export function resolveSlots(text: string, slots: Slot[], ctx: ResolveContext): Resolution[] {
  const progress = progressFor(text);
  const { clauses } = progress;
  const results: Working[] = [];
  const lastInClause = new Map<number, Working>();
  const lists = countLists(text, slots, clauses);
  let lastCount: Working | undefined;
  slots.forEach((slot, index) => {
    const item = lists.get(index);
    if (item && !slot.skip) {
      const res = resolveListItem(text, slot, item, aroundOf(text, slot, progress), ctx);
      results.push(res);
      lastInClause.set(slot.clause, res);
      record(progress, slot, res, text);
      return;
    }
    if (slot.skip) {
      results.push({ slot });
      record(progress, slot, results[results.length - 1], text);
      // "完成全年目标的X%，序时进度为X%，同比增长X%": a remark on the schedule keeps the subject.
      const carried = lastInClause.get(slot.clause - 1);
      if (slot.skip.kind === "schedule" && carried && !lastInClause.has(slot.clause))
        lastInClause.set(slot.clause, carried);
      return;
    }
    const clause = clauses[slot.clause] ?? { start: 0, end: text.length };
    // Numbers in brackets belong to a name ("接种（18岁以上）"): no boundary, no qualifier.
    const previousSlot = progress.lastOutsideBracket.get(slot.clause);
    const afterCount = Math.max(clause.start, previousSlot ? previousSlot.unitEnd : 0);
    // "全镇X个村实现农村集体经济收入X万元": the noun a count counts, right after it, is the doer
    // of the deed that follows, not part of the amount's name.
    const doers =
      previousSlot && !previousSlot.skip && CLASSIFIER_UNITS.test(previousSlot.unit)
        ? COUNTED_DOERS.exec(text.slice(afterCount, slot.leadStart))
        : null;
    const segmentStart = afterCount + (doers ? doers[1].length : 0);
    const segment = text.slice(segmentStart, Math.max(segmentStart, slot.leadStart));
    const topic = topicFor(slot, lastInClause, clauses);
    const subject = rateSubject(text, slot, progress);
    const around = aroundOf(text, slot, progress);
    // "其中：伤残军人X人、X岁以上退役军人X人、“两参”军人X人": the parts of a 其中 list are
    // each their own; an age in one part does not qualify the parts after it.
    const ownPart =
      progress.qizhongAtOrBefore[slot.clause] === slot.clause &&
      !!previousSlot &&
      !previousSlot.skip &&
      /^[、，,]/.test(segment);
    // "为X名0—6岁儿童…": the count's own age right after it, not an age said before.
    const ownAge = ageRightAfter(slot, slots);
    const age =
      ownPart || ownAge
        ? undefined
        : (progress.ages.get(slot.clause) ?? progress.sentenceAges.get(slot.sentence));
    // "60岁以上老人接种新冠疫苗X剂次": the age may be part of a row's name ("接种（60岁以上）").
    const aged = age
      ? resolveAged(text, slot, segment, segmentStart, age, progress, slots, around, ctx)
      : undefined;
    // "“X”人员社保补贴X人": a number blanked inside a quoted part of the name (“4050”人员).
    const quoted =
      aged ??
      (previousSlot && /^[”"’'」]/.test(segment)
        ? resolveBlankedName(text, slot, previousSlot, around, ctx)
        : undefined);
    const res =
      quoted ??
      resolveOne(
        text,
        slot,
        segment,
        segmentStart,
        clause,
        clauses,
        slots,
        {
          topic,
          subject,
          around,
          far: farContextOf(text, slot, progress),
          clauseStart: clause.start,
          previousSentence: previousSentenceOf(text, slot, progress),
          lastCount,
          headings: progress.headings,
          respective: respectiveSubject(text, slot, slots, clause, progress, ctx),
          namedBefore: () => nameOfClauseBefore(text, slot, progress, ctx),
        },
        ctx
      );
    const otherAge = !aged && age && res.entry ? ageOfRow(res.entry, age) : undefined;
    if (otherAge && age && res.entry)
      results.push({
        slot,
        reason: say("AGE_DIFFERS", { indicator: namedOf(res.entry.indicator), age, otherAge }),
      });
    else if (!aged && !ownPart && progress.qualified.has(slot.clause) && res.value !== undefined)
      results.push({
        slot,
        reason: say("QUALIFIED", {}),
      });
    else
      results.push(
        partNotItsTotal(
          text,
          slot,
          sharedFlowWord(text, slot, res, lastInClause, ctx),
          progress,
          ctx
        )
      );
    const last = results[results.length - 1];
    if (!slot.aside || !lastInClause.has(slot.clause)) lastInClause.set(slot.clause, last);
    record(progress, slot, last, text);
    if (last.entry && last.value !== undefined && !slot.aside) lastCount = last;
  });
  return results.map(settled);
}

/** One count of a list "督促X家加油站、X家燃气站、X家重点企业做好应急预案". */
interface ListItem {
  /** The words before the list's first number ("督促"). */
  lead: string;
  /** The noun the number counts ("燃气站"). */
  noun: string;
}

const LIST_SEPARATOR = /^([^\s，,；;。！？!?、（）()]{1,16}?)(?:、|及|和|与|以及)$/;

/**
 * Counts written each before its noun and joined by 、/及/和: each number counts the noun after
 * it, never the one before. Keyed by the slot's index.
 */
function countLists(text: string, slots: Slot[], clauses: Span[]): Map<number, ListItem> {
  const items = new Map<number, ListItem>();
  const isCount = (s: Slot) =>
    !s.skip && s.textUnit.kind === "measure" && CLASSIFIER_UNITS.test(s.unit);
  let i = 0;
  while (i < slots.length) {
    const chain = [i];
    while (chain.length > 0) {
      const k = chain[chain.length - 1];
      const next = slots[k + 1];
      if (!next || next.clause !== slots[k].clause || !isCount(slots[k]) || !isCount(next)) break;
      if (!LIST_SEPARATOR.test(text.slice(slots[k].unitEnd, next.leadStart))) break;
      chain.push(k + 1);
    }
    if (chain.length > 1) {
      const first = slots[chain[0]];
      const clause = clauses[first.clause];
      const before = slots[chain[0] - 1];
      const previous = before && before.clause === first.clause ? before : undefined;
      const leadStart = Math.max(clause?.start ?? 0, previous ? previous.unitEnd : 0);
      const lead = cleanTail(cleanLead(text.slice(leadStart, first.leadStart)));
      chain.forEach((k, n) => {
        const slot = slots[k];
        const next = slots[chain[n + 1]];
        const noun = next
          ? (LIST_SEPARATOR.exec(text.slice(slot.unitEnd, next.leadStart)) as RegExpExecArray)[1]
          : lastNoun(text, slot);
        items.set(k, { lead, noun });
      });
    }
    i = chain[chain.length - 1] + 1;
  }
  return items;
}

/** The last count's noun: up to the clause's end or what was done ("重点企业|做好应急预案"). */
function lastNoun(text: string, slot: Slot): string {
  const rest = /^[^，,；;。！？!?\n]*/.exec(text.slice(slot.unitEnd, slot.unitEnd + 40))?.[0] ?? "";
  const deed = FRAME_READING.deedAfterNoun.exec(rest.slice(2));
  return deed ? rest.slice(0, deed.index + 2) : rest;
}

function resolveListItem(
  text: string,
  slot: Slot,
  item: ListItem,
  around: string[],
  ctx: ResolveContext
): Working {
  const base: Working = { slot, field: "actual" };
  const accept = (entry: NameEntry) =>
    conversionFactor(entry.indicator.unit, slot.textUnit) !== undefined;
  const phrase = `${item.lead}${item.noun}`;
  const found = ctx.catalog.matchPhrase(phrase, { accept, context: around.slice(0, 1), around });
  if (found.kind === "found")
    return withValue(
      { ...base, phrase, confidence: found.confidence, runnerUp: found.runnerUp },
      found.entry,
      slot,
      "actual",
      undefined,
      ctx
    );
  if (found.kind === "ambiguous") return unclearBetween(base, found.entries);
  return {
    ...base,
    reason: say("NO_INDICATOR", { words: item.noun, where: "list" }),
  };
}

/** The age a row's name is for ("18岁以上"), when it is not the one the sentence speaks of. */
function ageOfRow(entry: NameEntry, age: string): string | undefined {
  const own = /\d+(?:[-~至]\d+)?岁(?:以上|以下)?/.exec(entry.full)?.[0];
  if (blankedAge(age)?.test(entry.full)) return undefined;
  return own && own !== age && !entry.full.includes(age) ? own : undefined;
}

/** An age whose number is blanked ("x岁以上", canon), as a pattern of the ages it may be. */
function blankedAge(age: string): RegExp | undefined {
  if (!/x/.test(age)) return undefined;
  return new RegExp(age.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/x+/g, "\\d+"));
}

/**
 * "X周岁以上常住人口数为X人", "X岁以上退役军人X人": the age is blanked, so the row is the
 * one whose name, without its age, the words name ("3周岁以上常住人口" → 常住人口), or, when
 * the words after the age say nothing more ("X周岁及以下年龄X人"), the one whose name without
 * its age the sentence has named before. One such row only.
 */
function resolveBlankedAge(
  text: string,
  slot: Slot,
  rest: string,
  pattern: RegExp,
  progress: Progress,
  around: string[],
  ctx: ResolveContext
): Working | undefined {
  const rows = ctx.catalog.entries.filter(
    (e) => pattern.test(e.full) && conversionFactor(e.indicator.unit, slot.textUnit) !== undefined
  );
  if (rows.length === 0) return undefined;
  const words = cleanTail(canon(rest));
  const unaged = rows.map((e) => ({
    ...e,
    full: e.full.replace(pattern, ""),
    core: e.core.replace(pattern, ""),
  }));
  let chosen: NameEntry[];
  if (meaningfulPart(words) === "") {
    const sentence = progress.sentences[slot.sentence];
    const said = canon(text.slice(sentence?.start ?? 0, slot.leadStart));
    chosen = rows.filter((_, k) => unaged[k].core.length >= 2 && said.includes(unaged[k].core));
  } else chosen = rows.filter((_, k) => matchEntry(words, unaged[k], around.slice(0, 1)));
  return theOneRow(chosen, slot, 0.8, ctx);
}

/**
 * "“X”人员社保补贴X人": the words before the number hold a quoted placeholder, a number of
 * the name (“4050”人员); the row is the one whose name, with its numbers as that
 * placeholder, the words name. One such row only.
 */
function resolveBlankedName(
  text: string,
  slot: Slot,
  blank: Slot,
  around: string[],
  ctx: ResolveContext
): Working | undefined {
  if (blank.kind !== "placeholder" || blank.skip?.kind !== "name" || blank.start < 1)
    return undefined;
  const words = cleanTail(canon(text.slice(blank.start - 1, slot.leadStart)));
  if (!/x/.test(words)) return undefined;
  const rows = ctx.catalog.entries.filter(
    (e) =>
      /\d/.test(e.full) &&
      conversionFactor(e.indicator.unit, slot.textUnit) !== undefined &&
      matchEntry(
        words,
        { ...e, full: e.full.replace(/\d+/g, "x"), core: e.core.replace(/\d+/g, "x") },
        around.slice(0, 1)
      )
  );
  return theOneRow(rows, slot, 0.8, ctx);
}

/** A number about an age group, resolved among the rows whose names carry that age. */
function resolveAged(
  text: string,
  slot: Slot,
  segment: string,
  segmentStart: number,
  age: string,
  progress: Progress,
  slots: Slot[],
  around: string[],
  ctx: ResolveContext
): Working | undefined {
  const clause = progress.clauses[slot.clause];
  const rest = segment.replace(FRAME_READING.ageGroup, "");
  const pattern = blankedAge(age);
  if (pattern) return resolveBlankedAge(text, slot, rest, pattern, progress, around, ctx);
  if (!ctx.catalog.entries.some((e) => e.full.includes(age))) return undefined;
  // "65岁以上老年人健康管理": the group after the age may be part of the row's name too.
  const withGroup = segment.replace(FRAME_READING.ageBound, "");
  for (const words of [...new Set([`${age}${withGroup}`, withGroup, rest])]) {
    const res = resolveOne(
      text,
      slot,
      words,
      segmentStart + segment.length - Math.min(words.length, segment.length),
      clause,
      progress.clauses,
      slots,
      { topic: undefined, only: (e) => e.full.includes(age), around },
      ctx
    );
    if (res.entry && res.value !== undefined) return res;
  }
  // "接种新冠疫苗" says nothing but what every 接种 row says: the age is what tells them apart.
  const words = canon(rest);
  const rows = ctx.catalog.entries.filter(
    (e) =>
      e.full.includes(age) &&
      conversionFactor(e.indicator.unit, slot.textUnit) !== undefined &&
      [...e.core].every((ch) => words.includes(ch))
  );
  return theOneRow(rows, slot, 0.9, ctx);
}

/**
 * "其中新增企业X户、个体工商户X户": a 新增 that opens the first of a list of counts is also the
 * next one's (新增个体工商户), when the next one's words alone name no row.
 */
function sharedFlowWord(
  text: string,
  slot: Slot,
  res: Working,
  lastInClause: Map<number, Working>,
  ctx: ResolveContext
): Working {
  const before = lastInClause.get(slot.clause);
  if (res.entry || !before?.entry || !before.phrase) return res;
  const flow = FRAME_READING.flowAtStart.exec(canon(before.phrase).replace(/^其中/, ""))?.[0];
  const between = /^、([\u4e00-\u9fff]{2,12})$/.exec(
    text.slice(before.slot.unitEnd, slot.leadStart)
  );
  const words = between?.[1] ?? "";
  if (!flow || !words || words.startsWith(flow)) return res;
  const found = ctx.catalog.matchPhrase(`${flow}${words}`, {
    accept: (e) => conversionFactor(e.indicator.unit, slot.textUnit) !== undefined,
  });
  if (found.kind !== "found") return res;
  return countOf(slot, found.entry, 0.9, ctx, `${flow}${words}`);
}

/**
 * "资助资金X万元，其中大学新生X人、资助资金X万元": a part listed after 其中 is no total named
 * before 其中 in its sentence. Its words with the part's subject before them (大学新生资助资金)
 * may name the part's own row; else the number is left, never the total's.
 */
function partNotItsTotal(
  text: string,
  slot: Slot,
  res: Working,
  progress: Progress,
  ctx: ResolveContext
): Working {
  const q = progress.qizhongAtOrBefore[slot.clause];
  const first = progress.sentenceStart[slot.clause];
  // A rate or growth after the parts is the total's ("…，其中大学生X人，完成征兵任务的X%").
  if (!res.entry || res.field !== "actual" || q < 0 || first === undefined || q < first) return res;
  const totals: Working[] = [];
  for (let c = first; c < q; c++) totals.push(...(progress.resolved.get(c) ?? []));
  if (!totals.some((t) => t.entry?.indicator.id === res.entry?.indicator.id)) return res;
  const parts = progress.resolved.get(q) ?? [];
  const subject = [...parts].reverse().find((p) => p.entry && p.phrase)?.phrase;
  const words = subject && res.phrase ? `${subject.replace(/^其中/, "")}${res.phrase}` : "";
  const own = words ? ctx.catalog.matchPhrase(words, {}) : undefined;
  if (own?.kind === "found" && own.entry.indicator.id !== res.entry.indicator.id)
    return withValue(
      { slot, field: res.field ?? "actual", phrase: words, confidence: 0.9 },
      own.entry,
      slot,
      res.field ?? "actual",
      res.direction,
      ctx
    );
  return {
    slot,
    ...(res.field ? { field: res.field } : {}),
    reason: say("PART_IS_TOTAL", { indicator: namedOf(res.entry.indicator) }),
  };
}

/** The last number before, in the same clause or the clause before in the same sentence. */
function topicFor(
  slot: Slot,
  lastInClause: Map<number, Working>,
  clauses: Span[]
): Working | undefined {
  const sameClause = lastInClause.get(slot.clause);
  if (sameClause) return sameClause;
  const previousClause = slot.clause - 1;
  if (previousClause < 0 || !clauses[previousClause]) return undefined;
  const prev = lastInClause.get(previousClause);
  if (!prev || prev.slot.sentence !== slot.sentence) return undefined;
  return prev;
}

/** What the clauses before offer a number that names no indicator itself. */
interface Before {
  /** The last number before (topicFor). */
  topic: Working | undefined;
  /** For a completion rate after a 其中 list: the sentence's subject, or why it is unclear. */
  subject?: { entry?: NameEntry; reason?: Reason; candidates?: NameEntry[] };
  /** Only these indicators may be meant (an age written in the clause). */
  only?: (entry: NameEntry) => boolean;
  /** The clause, the sentence and the draft's headings above (canon): they may say a 类别. */
  around: string[];
  /** Words of the subject further back: the sentence before the clause, the paragraph's heading. */
  far?: string[];
  /** Where the slot's clause starts in the text. */
  clauseStart?: number;
  /** The sentence before, in the same paragraph (canon, its last characters). */
  previousSentence?: string;
  /** The last number before that found its indicator and value, in any sentence. */
  lastCount?: Working;
  /** The draft's headings (a part on the time ahead holds no results). */
  headings?: DraftHeading[];
  /** A clause of 分别: the subject before that this number is of, in order, and the first number's words. */
  respective?: { entry: NameEntry; words: string; ownWords: string };
  /** The one indicator the clause before names without a number ("A未完成目标任务，完成率为X%"). */
  namedBefore?: () => NameEntry | undefined;
}

/**
 * "我街办…成立退役军人服务站，…办公设备基本备齐，人员X人": the sentence's first clauses (back to
 * its start or a ；), and the
 * heading that opens the slot's paragraph ("（三）…稳步推进退役军人工作发展。…就业安置X人"),
 * which may hold commas: where the subject of a bare or shortened name is said.
 */
function farContextOf(text: string, slot: Slot, progress: Progress): string[] {
  const clause = progress.clauses[slot.clause];
  const sentence = progress.sentences[slot.sentence];
  // The sentence back to its start or its last ； (what follows a ； is a subject of its own).
  const first = progress.clauses[progress.sentenceStart[slot.clause] ?? slot.clause];
  const far: string[] = [];
  // At most FAR_CHARS back: a sentence of a thousand clauses is read in linear time.
  if (clause && first && first.start < clause.start)
    far.push(canon(text.slice(Math.max(first.start, clause.start - FAR_CHARS), clause.start)));
  const line = lineAt(progress.lines, slot.start);
  if (line?.title && line.titleEnd <= (sentence?.start ?? 0)) far.push(line.title);
  return far;
}

/** The sentence before the slot's, in the same paragraph, at most FAR_CHARS of it. */
function previousSentenceOf(text: string, slot: Slot, progress: Progress): string | undefined {
  const previous = progress.sentences[slot.sentence - 1];
  if (!previous || /\n/.test(text[previous.end - 1] ?? "")) return undefined;
  return canon(text.slice(Math.max(previous.start, previous.end - FAR_CHARS), previous.end));
}

/** How far back, in characters, the sentence's first clauses are read for a subject. */
const FAR_CHARS = 200;

interface Line {
  start: number;
  /** The heading that opens the line, up to its first 。, canon ("（三）…退役军人工作发展。"). */
  title?: string;
  titleEnd: number;
}

/** The draft's lines, each with the heading sentence it opens with, if any. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const head = text.slice(start, Math.min(end, start + 80));
    const number = HEADING_NUMBER.beforeTitle.exec(head);
    const title = number
      ? /^[^。！？!?\n]{2,60}[。！？!?]/.exec(head.slice(number[0].length))
      : null;
    lines.push({
      start,
      title: title ? canon(title[0]) : undefined,
      titleEnd: title ? start + (number as RegExpExecArray)[0].length + title[0].length : 0,
    });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/** The line an offset is in: a binary search. */
function lineAt(lines: Line[], offset: number): Line | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo];
}

/** How many clauses back a 类别 named before the number is looked for, before the sentence. */
const NEAR_CLAUSES = 3;

/** The clause, the clauses before, the sentence and the last headings before the slot, canon. */
function aroundOf(text: string, slot: Slot, progress: Progress): string[] {
  const clause = progress.clauses[slot.clause];
  const sentence = progress.sentences[slot.sentence];
  const around = [clause ? canon(text.slice(clause.start, clause.end)) : ""];
  // "投入雨露计划XX元，资助困难学生X人": the clauses before in the sentence, nearest first, say
  // the 类别 before the whole sentence does (which may name another one earlier).
  for (let c = slot.clause - 1; c >= Math.max(0, slot.clause - NEAR_CLAUSES); c--) {
    const before = progress.clauses[c];
    if (!before || !sentence || before.start < sentence.start) break;
    around.push(canon(text.slice(before.start, before.end)));
  }
  // The sentence up to the slot's clause: a 类别 or place named later ("…；其中东湖社区新增就业
  // X人") is of the numbers after it, not of the sentence's whole.
  const sentenceEnd = clause ? Math.min(sentence?.end ?? clause.end, clause.end) : sentence?.end;
  around.push(sentence ? canon(text.slice(sentence.start, sentenceEnd)) : "");
  for (const h of governingHeadings(progress.headings, slot.start).slice(0, 3))
    around.push(h.title);
  return around;
}

/**
 * The headings a place in the draft stands under, nearest first: the last one before it, then
 * each outer one (一、 over （一） over 1.). A "1." under （三） does not govern （四）'s text.
 */
function governingHeadings(headings: DraftHeading[], at: number): DraftHeading[] {
  const chain: DraftHeading[] = [];
  let level = Infinity;
  for (let i = headings.length - 1; i >= 0 && level > 1; i--) {
    const h = headings[i];
    if (h.start > at || h.level >= level) continue;
    chain.push(h);
    level = h.level;
  }
  return chain;
}

/**
 * "全年完成城镇新增就业X人，其中高校毕业生X人、就业困难人员X人，完成目标任务的X%": the
 * clauses right before name parts (其中…), and a part without a target has no completion
 * rate, so the rate is the sentence's main indicator's, named in the clause before 其中.
 * Undefined when the clause before is not such a list; a reason when it is unclear whose.
 */
function rateSubject(text: string, slot: Slot, progress: Progress): Before["subject"] {
  const { resolved, sentenceStart } = progress;
  if (resolved.has(slot.clause)) return undefined;
  const first = sentenceStart[slot.clause] ?? slot.clause;
  // The clauses back to the nearest 其中 must each hold a number, all in this sentence.
  const q = slot.clause > 0 ? progress.qizhongAtOrBefore[slot.clause - 1] : -1;
  if (q < 0 || q - 1 < first || slot.clause - q > MAX_PARTS_CLAUSES) return undefined;
  for (let c = progress.scannedUpTo + 1; c < slot.clause; c++)
    if (!resolved.has(c)) progress.lastEmptyClause = c;
  progress.scannedUpTo = Math.max(progress.scannedUpTo, slot.clause - 1);
  if (progress.lastEmptyClause >= q) return undefined;
  const parts: Working[] = [];
  for (let c = q; c < slot.clause; c++) for (const r of resolved.get(c) ?? []) parts.push(r);
  const mainClause = (resolved.get(q - 1) ?? []).filter((r) => r.entry);
  const main = mainClause[mainClause.length - 1]?.entry;
  if (!main) return undefined;
  const named = parts.flatMap((p) => (p.entry ? [p.entry] : []));
  if (named.length < parts.length) return { reason: say("UNCLEAR_SUBJECT", {}) };
  const hasTarget = (e: NameEntry) => !!e.indicator.target;
  const partEntries = [...new Set(named)].filter((e) => e.indicator.id !== main.indicator.id);
  const withTarget = partEntries.filter(hasTarget);
  if (withTarget.length === 0) return { entry: main };
  const last = named[named.length - 1];
  if (!hasTarget(main) && withTarget.length === 1 && withTarget[0] === last) return { entry: last };
  return {
    reason: say("UNCLEAR_SUBJECT", {
      main: namedOf(main.indicator),
      parts: uniqueNames(withTarget),
    }),
    candidates: [main, ...withTarget],
  };
}

/**
 * "四、2024年工作打算" over the numbers under it: a heading that governs the slot (no heading of
 * its level or above comes between) speaks of the time ahead or of a year after the report's.
 */
function headingAhead(
  slot: Slot,
  year: number | undefined,
  headings: DraftHeading[]
): string | undefined {
  let governing = Infinity;
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i];
    if (h.start > slot.start || h.level >= governing) continue;
    governing = h.level;
    if (FRAME_READING.aheadHeading.test(h.title)) return h.text;
    const named = yearsIn(h.title).pop();
    if (named && year !== undefined && named.year > year) return h.text;
  }
  return undefined;
}

/**
 * "2025年，街道计划完成城镇新增就业X人", "明年力争完成…X人": the sentence before the number
 * speaks of a year after the report's, or of an aim for the time ahead (明年, 今后), so the
 * number is no result of this year. The last time named before the number counts: "2023年完成…，
 * 2024年计划…" looks ahead from its second half only. An aim alone ("计划完成固定资产投资X万元")
 * is often the result, in the words of the plan: the phrase rule (FRAME_READING.planned) reads it.
 */
function aimedAhead(
  text: string,
  slot: Slot,
  year: number | undefined,
  headings: DraftHeading[]
): string | undefined {
  const heading = headingAhead(slot, year, headings);
  if (heading) return heading;
  const from =
    Math.max(
      ...["。", "！", "？", "!", "?", "\n"].map((c) => text.lastIndexOf(c, slot.leadStart - 1))
    ) + 1;
  const before = text.slice(from, slot.leadStart);
  const lastYear = yearsIn(before).pop();
  const ahead = [...before.matchAll(FRAME_READING.ahead)].pop();
  if (ahead && (!lastYear || ahead.index > lastYear.index)) {
    const aim = [...before.slice(ahead.index).matchAll(FRAME_READING.aimed)].pop();
    return aim ? `${ahead[0]}…${aim[0]}` : undefined;
  }
  if (lastYear && year !== undefined && lastYear.year > year) return `${lastYear.year}年`;
  return undefined;
}

function resolveOne(
  text: string,
  slot: Slot,
  segment: string,
  segmentStart: number,
  clause: Span,
  clauses: Span[],
  slots: Slot[],
  before: Before,
  ctx: ResolveContext
): Working {
  // "X盒药品": a word after the placeholder that is no unit we know may count anything.
  if (
    slot.kind === "placeholder" &&
    slot.textUnit.kind === "bare" &&
    /[\u4e00-\u9fff]/.test(text[slot.unitEnd] ?? "")
  )
    return {
      slot,
      reason: say("NO_UNIT", {}),
    };
  // "隐患整改仍有X处未完成闭环": what is left undone is no count of what was done.
  const undone = FRAME_READING.undoneAfter.exec(text.slice(slot.unitEnd, slot.unitEnd + 4));
  if (undone) return { slot, reason: say("UNDONE", { words: undone[0] }) };
  const aim = aimedAhead(text, slot, ctx.year, before.headings ?? []);
  if (aim)
    return {
      slot,
      reason: say("AIMED_AHEAD", { words: aim }),
    };
  if (before.respective) return respectively(text, slot, before.respective, ctx);
  const each = eachOf(segment, slot, before.around, ctx);
  if (each) return each;
  const readings = readWords(segment, slot, text.slice(slot.unitEnd, slot.unitEnd + 20));
  if (readings.length === 0)
    return {
      slot,
      reason: say("NO_FIELD", {
        change: slot.textUnit.kind === "points" || slot.textUnit.kind === "times",
      }),
    };
  const context = contextOf(text, segmentStart, clause, clauses, slot);
  // "整改完成X处，整改率X%": a rate right after a count may leave out the count's subject.
  const topicEntry = before.topic?.entry;
  if (
    slot.textUnit.kind === "percent" &&
    topicEntry &&
    before.topic?.slot.sentence === slot.sentence &&
    !isPercentIndicator(topicEntry.indicator)
  )
    context.push(topicEntry.full);
  let last: Working = { slot, reason: say("UNDECIDED", {}) };
  let lastRank = -1;
  for (const reading of readings) {
    const res = resolveReading(text, slot, reading, before, context, slots, ctx);
    if (res.entry && res.value !== undefined) return res;
    // The reason to give: from a reading that found its indicator, else from the words
    // that named the value (完成率, 同比增长), else from the plain reading.
    const rank = res.entry ? 2 : reading.keyword ? 1 : 0;
    if (rank > lastRank) {
      last = res;
      lastRank = rank;
    }
  }
  return last;
}

/**
 * "组织知识竞赛和诵读比赛各X次": one number for each of the things listed before 各, the verb
 * of the first going with the others. Filled only when every one is a row and all have that
 * value; undefined when the words are no such list.
 */
function eachOf(
  segment: string,
  slot: Slot,
  around: string[],
  ctx: ResolveContext
): Working | undefined {
  if (slot.textUnit.kind !== "measure") return undefined;
  const words = cleanLead(segment.normalize("NFKC")).replace(/[\s:：，,、]+$/, "");
  const list = FRAME_READING.each.exec(words);
  if (!list) return undefined;
  const parts = list[1].split(FRAME_READING.eachSeparator).filter((p) => p !== "");
  if (parts.length < 2) return undefined;
  const verb = FRAME_READING.verbAtStart.exec(parts[0])?.[0] ?? "";
  const accept = (entry: NameEntry) =>
    conversionFactor(entry.indicator.unit, slot.textUnit) !== undefined;
  const found: Working[] = [];
  for (const part of parts) {
    let lookup = ctx.catalog.matchPhrase(part, { accept, around });
    if (lookup.kind === "none" && verb && !part.startsWith(verb))
      lookup = ctx.catalog.matchPhrase(`${verb}${part}`, { accept, around });
    if (lookup.kind !== "found") return undefined;
    found.push(countOf(slot, lookup.entry, 0.9, ctx));
  }
  const valued = found.flatMap((r) =>
    r.entry && r.value !== undefined ? [{ entry: r.entry, value: r.value }] : []
  );
  if (valued.length < found.length) return undefined;
  const values = new Set(valued.map((r) => r.value));
  if (values.size === 1) return { ...found[0], phrase: list[1] };
  return {
    slot,
    field: "actual",
    candidates: valued.map((r) => r.entry),
    reason: say("EACH_DIFFERS", {
      values: valued.map((r) => `${describeEntry(r.entry)} ${r.value}`),
    }),
  };
}

/** Text before the segment in its clause, and the clause before when in the same sentence. */
function contextOf(
  text: string,
  segmentStart: number,
  clause: Span,
  clauses: Span[],
  slot: Slot
): string[] {
  const context = [canon(text.slice(clause.start, segmentStart))];
  const previous = slot.clause > 0 ? clauses[slot.clause - 1] : undefined;
  if (previous) {
    const clauseText = text.slice(previous.start, previous.end);
    if (!/[。！？!?\n]$/.test(clauseText)) context.push(canon(clauseText));
  }
  return context;
}

function resolveReading(
  text: string,
  slot: Slot,
  reading: Reading,
  before: Before,
  context: string[],
  slots: Slot[],
  ctx: ResolveContext
): Working {
  const { field, direction } = reading;
  const { topic, subject } = before;
  const base: Working = { slot, field };
  if (field === "growth") base.direction = direction;
  // "续保率完成X%" is the rate indicator's value, never its completion rate.
  const fits = (entry: NameEntry) =>
    field === "actual" || field === "target" || field === "previous"
      ? conversionFactor(entry.indicator.unit, slot.textUnit) !== undefined
      : !(reading.bareDone && isPercentIndicator(entry.indicator));
  const only = before.only;
  const accept = only ? (entry: NameEntry) => only(entry) && fits(entry) : fits;

  const phrase = meaningfulPart(canon(reading.phrase));
  if (phrase === "" && field === "rate" && subject) {
    if (subject.entry && accept(subject.entry))
      return withValue(base, subject.entry, slot, field, direction, ctx);
    return {
      ...base,
      reason: subject.reason ?? say("NO_RATE", { indicator: { zh: "", en: "" }, why: "percent" }),
      ...(subject.candidates ? { candidates: subject.candidates } : {}),
    };
  }
  // "全年新增X家四上企业": the counted thing after the unit, tried when the words before fail.
  const countedAfter = (): Working | undefined => {
    const res = matchWithNoun(
      text,
      slot,
      reading.phrase,
      slots,
      context,
      accept,
      before.around,
      ctx,
      before.far
    );
    return res && { ...res, field, slot };
  };
  const pair =
    phrase === "" ? pairedMeasure(text, slot, topic, accept, context, before, ctx) : undefined;
  if (pair) return withValue({ ...base, ...pair }, pair.entry, slot, field, direction, ctx);
  const total =
    phrase === "" && field === "actual"
      ? totalOfParts(
          text.slice(Math.max(0, slot.leadStart - 4), slot.leadStart),
          topic,
          accept,
          ctx
        )
      : undefined;
  if (total) return withValue({ ...base, confidence: 1 }, total, slot, field, direction, ctx);
  const plainName = phrase === "" ? namedInPlainWords(reading.phrase, accept, ctx) : undefined;
  if (plainName)
    return withValue({ ...base, confidence: 0.9 }, plainName, slot, field, direction, ctx);
  if (phrase === "") {
    const chainable =
      field !== "actual" ||
      (topic?.field !== undefined && (topic.field === "target" || topic.field === "previous"));
    if (topic?.entry && chainable && (!reading.bareDone || accept(topic.entry)))
      return withValue(base, topic.entry, slot, field, direction, ctx);
    const named = !topic && field !== "actual" ? before.namedBefore?.() : undefined;
    if (named && accept(named))
      return withValue({ ...base, confidence: 0.9 }, named, slot, field, direction, ctx);
    if (field === "actual") {
      const viaNoun = countedAfter();
      if (viaNoun) return viaNoun;
      const share = shareOfTopic(phrase, topic, slot, accept, ctx);
      if (share) return withValue({ ...base, confidence: 0.9 }, share, slot, field, direction, ctx);
    }
    return {
      ...base,
      reason:
        topic && !topic.entry && field !== "actual"
          ? say("NO_INDICATOR", { words: "", where: "afterUnclear" })
          : say("NO_INDICATOR", { words: "", where: "unnamed" }),
    };
  }
  const plan = field === "actual" ? FRAME_READING.planned.exec(reading.phrase) : null;
  // "计划拆除类暂缓拆除拟备案X处": a row whose own name begins with the word is named by it.
  const planned =
    plan && !namedByPlanWord(reading.phrase, plan[0], accept, context, before.around, ctx)
      ? plan
      : null;
  const phraseText = planned ? reading.phrase.slice(planned[0].length) : reading.phrase;
  const own = ownSubject(phrase, phraseText, topic, slot, accept, context, before.around, ctx);
  if (own && own.kind !== "found" && topic?.entry)
    return {
      ...base,
      reason: say("OWN_SUBJECT", {
        words: phraseText.trim(),
        topic: namedOf(topic.entry.indicator),
        what: phrase,
      }),
      candidates: own.kind === "ambiguous" ? own.entries : undefined,
    };
  const found =
    own ??
    ctx.catalog.matchPhrase(phraseText, {
      accept,
      context,
      around: before.around,
      // "…开通支付宝认证。已认证X人，": a verb alone (no measure word, no noun after the
      // number) takes its object from the sentence before.
      farContext:
        phrase.length <= 2 &&
        !isMeasureWord(phrase) &&
        before.previousSentence &&
        !/[\u4e00-\u9fff]/.test(text[slot.unitEnd] ?? "")
          ? [...(before.far ?? []), before.previousSentence]
          : before.far,
    });
  if (found.kind === "none" && !planned) {
    const paid =
      paidRow(phraseText, accept, context, before.around, ctx) ??
      reachedBy(phrase, topic, slot, accept, ctx) ??
      partNamedIn(phraseText, accept, ctx);
    if (paid)
      return withValue(
        { ...base, phrase: phraseText, confidence: 0.9 },
        paid,
        slot,
        field,
        direction,
        ctx
      );
  }
  if (found.kind === "found" && planned)
    return {
      ...base,
      entry: found.entry,
      reason: say("PLANNED", { words: planned[0] }),
    };
  const clash = found.kind === "found" ? countedClash(text, slot, found.entry) : undefined;
  if (clash)
    return {
      ...base,
      reason: say("COUNTED_NOUN", {
        indicator: namedOf(clash.entry.indicator),
        written: clash.written,
        counted: clash.counted,
      }),
    };
  if (found.kind === "found")
    return withValue(
      {
        ...base,
        phrase: phraseText,
        confidence: found.confidence,
        runnerUp: found.runnerUp,
      },
      found.entry,
      slot,
      field,
      direction,
      ctx
    );
  if (found.kind === "ambiguous") return unclearBetween(base, found.entries);
  if (found.rejectedByUnit && found.rejectedByUnit.length > 0) {
    const entry = found.rejectedByUnit[0];
    return {
      ...base,
      entry,
      reason: say("UNIT_MISMATCH", {
        indicator: namedOf(entry.indicator),
        written: `${slot.scaleWord}${slot.unit}`,
        unit: entry.indicator.unit,
      }),
    };
  }
  if (field === "actual") {
    const viaNoun = countedAfter();
    if (viaNoun) return viaNoun;
    const share =
      found.kind === "none"
        ? (shareOfTopic(phrase, topic, slot, accept, ctx) ??
          shareOfSentenceBefore(canon(phraseText), before.lastCount, slot, accept, ctx))
        : undefined;
    if (share) return withValue({ ...base, confidence: 0.9 }, share, slot, field, direction, ctx);
  }
  // Left, with the rows nearest the words to choose from (one click each in the pane).
  const near = ctx.catalog.nearest(phraseText, accept);
  return {
    ...base,
    reason: say("NO_INDICATOR", { words: reading.phrase.trim(), where: "phrase" }),
    ...(near.length > 0 ? { candidates: near } : {}),
  };
}

/**
 * "帮助失业人员再就业X人、就业困难人员再就业X人，分别完成目标任务的X%和X%", "一般公共预算收入
 * 和失业人员再就业未完成目标任务，分别完成X%和X%": the numbers of a clause of 分别 are, in order,
 * of the subjects before it in the sentence: the indicators of the numbers of the clause before,
 * or the names it lists. Only when they are as many as the numbers and all of them known.
 */
function respectiveSubject(
  text: string,
  slot: Slot,
  slots: Slot[],
  clause: Span,
  progress: Progress,
  ctx: ResolveContext
): Before["respective"] {
  const own = slots.filter((s) => s.clause === slot.clause && !s.skip && !isQualifier(s));
  const at = own.indexOf(slot);
  if (at < 0 || own.length < 2) return undefined;
  const words = text.slice(clause.start, own[0].leadStart);
  if (!FRAME_READING.respectively.test(words)) return undefined;
  const subjects = subjectsBefore(text, slot, progress, ctx, own.length);
  if (!subjects || subjects.length !== own.length) return undefined;
  const first = words.replace(FRAME_READING.respectively, "");
  const before = at > 0 ? text.slice(own[at - 1].unitEnd, slot.leadStart) : first;
  // 比上年/同比 said before 分别 belongs to the words of every number.
  const said =
    FRAME_READING.respectively.exec(words)?.[0].replace(/[\s，,]|并|且|均|都|分别/g, "") ?? "";
  return {
    entry: subjects[at],
    words: `${said}${first}`,
    ownWords: `${said}${before.replace(/^[\s、，,]*(?:和|与|及)?/, "")}`,
  };
}

/** The subjects of the clause before, in order: its numbers' indicators, or the names it lists. */
function subjectsBefore(
  text: string,
  slot: Slot,
  progress: Progress,
  ctx: ResolveContext,
  wanted: number
): NameEntry[] | undefined {
  const c = slot.clause - 1;
  const first = progress.sentenceStart[slot.clause] ?? slot.clause;
  if (c < 0 || first > c) return undefined;
  const countsOf = (k: number) =>
    (progress.resolved.get(k) ?? []).filter((r) => !r.slot.skip && !r.slot.aside);
  if (countsOf(c).length > 0) {
    // "A X人，B X人，分别…": the counts of the nearest clauses, back to exactly as many.
    const counted: Working[] = [];
    for (let k = c; k >= first && counted.length < wanted; k--) {
      const here = countsOf(k);
      if (here.length === 0) break;
      counted.unshift(...here);
    }
    return counted.length === wanted && counted.every((r) => r.entry && r.field === "actual")
      ? counted.map((r) => r.entry as NameEntry)
      : undefined;
  }
  const span = progress.clauses[c];
  const listed = cleanLead(text.slice(span.start, span.end).normalize("NFKC"))
    .replace(/[\s，,；;。]+$/, "")
    .replace(FRAME_READING.respectiveVerdict, "");
  const names = listed.split(FRAME_READING.respectiveList).filter((n) => n.trim() !== "");
  if (names.length !== wanted) return undefined;
  const found: NameEntry[] = [];
  for (const name of names) {
    const match = ctx.catalog.matchPhrase(name, { accept: () => true, context: [] });
    if (match.kind !== "found") return undefined;
    found.push(match.entry);
  }
  return found;
}

/** "城乡居民医保参保人数未完成目标任务，完成率为X%": the clause before names the subject alone. */
function nameOfClauseBefore(
  text: string,
  slot: Slot,
  progress: Progress,
  ctx: ResolveContext
): NameEntry | undefined {
  if ((progress.resolved.get(slot.clause - 1) ?? []).length > 0) return undefined;
  const named = subjectsBefore(text, slot, progress, ctx, 1);
  return named?.length === 1 ? named[0] : undefined;
}

/** A number of a clause of 分别, of its subject, read with the words before the first number. */
function respectively(
  text: string,
  slot: Slot,
  respective: NonNullable<Before["respective"]>,
  ctx: ResolveContext
): Working {
  const { entry, words, ownWords } = respective;
  const after = text.slice(slot.unitEnd, slot.unitEnd + 8);
  // "同比分别增长X%和下降X%": a later number's own words of change say its direction.
  const own = readWords(ownWords, slot, after).filter((r) => r.keyword);
  const readings = own.length > 0 ? own : readWords(words, slot, after);
  // "分别完成X%": of a count, the completion rate; of a % indicator, its value.
  const reading = readings.find((r) =>
    r.field === "actual"
      ? isPercentIndicator(entry.indicator) || slot.textUnit.kind !== "percent"
      : !(r.bareDone && isPercentIndicator(entry.indicator))
  );
  if (!reading) return { slot, reason: say("NO_FIELD", { change: false }) };
  const base: Working = { slot, field: reading.field, confidence: 0.9 };
  if (reading.field === "growth") base.direction = reading.direction;
  return withValue(base, entry, slot, reading.field, reading.direction, ctx);
}

/**
 * "完成疫苗接种X剂次" for the row 疫苗接种（剂次）: words a draft puts around many names (疫苗,
 * 接种, 城乡, 居民…) that are, all of them, one row's whole name name that row, when no other
 * row of another identity is named so.
 */
function namedInPlainWords(
  words: string,
  accept: (entry: NameEntry) => boolean,
  ctx: ResolveContext
): NameEntry | undefined {
  const said = canon(words);
  if (said === "") return undefined;
  const named = ctx.catalog.entries.filter(
    (e) => e.core.length >= 2 && meaningfulPart(e.core) === "" && said.includes(e.core) && accept(e)
  );
  if (new Set(named.map((e) => e.key)).size !== 1) return undefined;
  return named.find((e) => !e.indicator.onHiddenSheet) ?? named[0];
}

/**
 * "计划拆除类暂缓拆除拟备案X处": the words of a plan (计划, 拟) that begin the row's own name
 * (a category 计划拆除类) name the row; the phrase as written must find that row alone.
 */
function namedByPlanWord(
  phrase: string,
  word: string,
  accept: (entry: NameEntry) => boolean,
  context: string[],
  around: string[],
  ctx: ResolveContext
): boolean {
  const found = ctx.catalog.matchPhrase(phrase, { accept, context, around });
  return found.kind === "found" && found.entry.core.startsWith(canon(word));
}

/**
 * "大专及以上学历X人，达X%": a percentage right after a count in the same sentence, naming
 * nothing or only what it is a share of ("占党组织总数", "达街道常住人口的"), is the count's
 * own share row: the count's name followed by 占比 / 比例 / 占…, and only one such row.
 */
function shareOfTopic(
  meaningful: string,
  topic: Working | undefined,
  slot: Slot,
  accept: (entry: NameEntry) => boolean,
  ctx: ResolveContext
): NameEntry | undefined {
  const count = topic?.entry;
  if (slot.textUnit.kind !== "percent" || !count || topic.slot.sentence !== slot.sentence)
    return undefined;
  if (isPercentIndicator(count.indicator) || topic.value === undefined) return undefined;
  const of = meaningful.replace(/^占/, "");
  const rows = ctx.catalog.entries.filter((e) => {
    if (!e.core.startsWith(count.core) || e.core === count.core || !accept(e)) return false;
    if (!isPercentIndicator(e.indicator)) return false;
    const rest = e.core.slice(count.core.length);
    const what = rest.replace(FRAME_READING.shareWord, "");
    return what !== rest && what === of;
  });
  return rows.length > 0 && new Set(rows.map((e) => e.key)).size === 1 ? rows[0] : undefined;
}

/**
 * "X个社区党组织已完成了“三化”建设。占党组织总数X%。": a sentence that opens with 占 and
 * names only what the share is of speaks of the count that ended the sentence before; the
 * row is the one named as that count's subject (a part of its name) + 占 + what it is of.
 */
function shareOfSentenceBefore(
  words: string,
  count: Working | undefined,
  slot: Slot,
  accept: (entry: NameEntry) => boolean,
  ctx: ResolveContext
): NameEntry | undefined {
  const entry = count?.entry;
  if (slot.textUnit.kind !== "percent" || !entry || count.value === undefined) return undefined;
  if (count.slot.sentence !== slot.sentence - 1 || !words.startsWith("占")) return undefined;
  if (isPercentIndicator(entry.indicator)) return undefined;
  const rows = ctx.catalog.entries.filter((e) => {
    if (!accept(e) || !isPercentIndicator(e.indicator)) return false;
    const at = e.core.indexOf(words);
    if (at < 4 || at + words.length !== e.core.length) return false;
    return entry.core.includes(e.core.slice(0, at));
  });
  return rows.length > 0 && new Set(rows.map((e) => e.key)).size === 1 ? rows[0] : undefined;
}

/** "全年新增X家四上企业": the counted thing comes after the unit. */
function matchWithNoun(
  text: string,
  slot: Slot,
  phrase: string,
  slots: Slot[],
  context: string[],
  accept: (entry: NameEntry) => boolean,
  around: string[],
  ctx: ResolveContext,
  far: string[] = []
): Working | undefined {
  if (slot.textUnit.kind !== "measure") return undefined;
  // "为X名65岁以上老年人提供…": an age right after the count is part of the counted noun.
  const age = ageRightAfter(slot, slots);
  const next = firstSlotFrom(slots, age ? age.unitEnd : slot.unitEnd);
  // "为X人次发放特困金": people counted in 人次 before what they were paid, too.
  if (!CLASSIFIER_UNITS.test(slot.unit))
    return (
      paidNoun(text, slot, phrase, context, accept, around, ctx) ??
      (slot.unit === "人次" ? paidTo(text, slot, next, accept, around, ctx) : undefined)
    );
  // Searched from the unit on, not on a copy of the rest of the text: linear in the draft.
  const stopAt = /[，,；;。！？!?\n、（(]/g;
  stopAt.lastIndex = slot.unitEnd;
  const stop = stopAt.exec(text) ? stopAt.lastIndex - 1 - slot.unitEnd : -1;
  const end = stop < 0 ? text.length : slot.unitEnd + stop;
  // The counted thing and what was done with it, up to the clause's end or the next number
  // ("对X名老党员进行了走访慰问", "拦截上访人员X起X人次"); a 、 after it starts a list of
  // things the number may not all count.
  let until = next && next.leadStart < end ? next.leadStart : end;
  // "X个社区实现书记、主任“一肩挑”": a 、 inside a row's own name does not start a list.
  let inName = "";
  if (until === end && stop >= 0 && text[end] === "、") {
    const clauseEnd = /[，,；;。！？!?\n（(]/g;
    clauseEnd.lastIndex = end;
    const last = clauseEnd.exec(text) ? clauseEnd.lastIndex - 1 : text.length;
    until = next && next.leadStart < last ? next.leadStart : last;
    inName = text.slice(Math.max(slot.unitEnd, end - 2), end + 3);
  } else if (until === end && stop >= 0 && /[、（(]/.test(text[end])) return undefined;
  const noun = withoutExamples(text.slice(slot.unitEnd, until)).replace(/[中的等]$/, "");
  if (noun === "") return paidTo(text, slot, next, accept, around, ctx);
  // "为X名计划生育特扶人员发放…": the people counted, without what was done for them.
  const deed = FRAME_READING.deedAfterNoun.exec(noun.slice(2));
  // "为X名特困供养人员按时足额发放…": how it was done, before the deed, is no part of the noun.
  const nouns = deed
    ? [noun, noun.slice(0, deed.index + 2).replace(FRAME_READING.mannerBefore, "")]
    : [noun];
  // "为X名65岁以上老年人提供健康管理服务": the people and what they were given, without the
  // verb between, may be the row's name (65岁以上老年人健康管理).
  if (deed) {
    const given = noun
      .slice(deed.index + 2 + deed[0].length)
      .replace(FRAME_READING.serviceWord, "");
    if (given.length >= 2) nouns.push(`${nouns[1]}${given}`);
    // "为X人次困难群众落实医疗救助": people named only as a group get what was given's row.
    if (given.length >= 2 && FRAME_READING.personWords.test(nouns[1])) nouns.push(given);
  }
  // "X个社区被评为星级平安社区": what they were rated as is what is counted, when it is a
  // title of the counted noun.
  const rated = FRAME_READING.ratedAs.exec(noun);
  if (rated && rated[1].length >= 2 && rated[2].endsWith(rated[1].slice(-2)))
    nouns.unshift(rated[2]);
  // "X个不稳定对象按照诉求情况…": how the deed is done (按照, 通过…) ends the noun too.
  const how = FRAME_READING.howAfterNoun.exec(noun.slice(2));
  if (how && !nouns.some((n) => n.length <= how.index + 2))
    nouns.push(noun.slice(0, how.index + 2));
  // "为X户独居老人安装烟感报警器" for the row 为独居老人安装烟感报警器: 为 is the row's own.
  const toWhom = FRAME_READING.toWhomBefore.exec(
    text.slice(Math.max(0, slot.leadStart - 1), slot.leadStart)
  );
  if (toWhom) nouns.push(`${toWhom[0]}${noun}`);
  let words = "";
  let found: ReturnType<IndicatorCatalog["matchPhrase"]> = { kind: "none" };
  for (const n of nouns) {
    words = `${withoutExamples(phrase)}${n}`;
    found = ctx.catalog.matchPhrase(words, { accept, context, around, farContext: far });
    if (found.kind !== "none") break;
  }
  if (found.kind === "none") {
    // "为X名计生特殊家庭成员发放特别扶助金": the people of the payment's programme.
    const paid = paidRow(noun, accept, context, around, ctx, true);
    if (paid) return countOf(slot, paid, 0.9, ctx, noun);
  }
  if (found.kind !== "found" || countedClash(text, slot, found.entry)) return undefined;
  if (inName && !found.entry.indicator.name.includes(inName)) return undefined;
  return completedOf(found, words, slot, ctx);
}

/**
 * "为X户X人发放低保资金": households and people counted before what they were paid are the
 * payment's subject's (低保户数, 低保人数); the second count of the pair reads past the first.
 */
function paidTo(
  text: string,
  slot: Slot,
  next: Slot | undefined,
  accept: (entry: NameEntry) => boolean,
  around: string[],
  ctx: ResolveContext
): Working | undefined {
  const pair =
    next && next.leadStart === slot.unitEnd && next.textUnit.kind === "measure" ? next : undefined;
  const from = pair ? pair.unitEnd : slot.unitEnd;
  const paid = FRAME_READING.paidTo.exec(text.slice(from, from + 16));
  if (!paid) return undefined;
  const found = ctx.catalog.matchPhrase(paid[1], { accept, around });
  if (found.kind !== "found") return undefined;
  return completedOf(found, paid[1], slot, ctx);
}

/**
 * The rows a payment's words may name, most specific first: "计生特殊家庭成员发放特别扶助金" is
 * 计生特殊家庭特别扶助金 (the people's group and what they were paid), then 特别扶助金; for the
 * people counted (`program`), the payment without its word for money: 计生特殊家庭特别扶助.
 * A group described with 的 ("生活困难的群众") says who, not which row.
 */
function paidNames(words: string, program: boolean): string[] {
  const paid = FRAME_READING.paidWhom.exec(words);
  if (!paid) return [];
  const people = paid[1].replace(/^为/, "");
  const group = people.includes("的") ? "" : people.replace(FRAME_READING.personWords, "");
  // "80岁以上高龄老人发放高龄津贴": the age names the row (80岁以上高龄津贴).
  const age = FRAME_READING.ageAtStart.exec(people)?.[0] ?? "";
  const payment = program ? paid[3].replace(FRAME_READING.moneyWord, "") : paid[3];
  if (payment.length < 2) return [];
  // …and the payment with its verb after it, as a ledger names it (高龄津贴发放人数/金额).
  const names = [
    group && `${group}${payment}`,
    group && `${group}${payment}${paid[2]}`,
    age && `${age}${payment}`,
    payment,
    `${payment}${paid[2]}`,
  ];
  return [...new Set(names.filter((w) => w.length >= 2))];
}

/**
 * "发放计划生育奖励扶助金X万元，惠及X人": the people a payment reached, in the sentence right
 * after it, are its programme's row (计划生育奖励扶助): the payment without its word for money.
 */
function reachedBy(
  phrase: string,
  topic: Working | undefined,
  slot: Slot,
  accept: (entry: NameEntry) => boolean,
  ctx: ResolveContext
): NameEntry | undefined {
  if (!FRAME_READING.beneficiaries.test(phrase) || !topic?.entry) return undefined;
  if (topic.slot.sentence !== slot.sentence || !isMoneyUnit(topic.entry.indicator.unit))
    return undefined;
  const programme = topic.entry.indicator.name.replace(FRAME_READING.moneyWord, "");
  if (programme === topic.entry.indicator.name || programme.length < 2) return undefined;
  const found = ctx.catalog.matchPhrase(programme, { accept });
  return found.kind === "found" ? found.entry : undefined;
}

/**
 * "固定资产投资中房地产开发投资同比下降X%": B of A (A中B), both rows of the workbook, is B.
 */
function partNamedIn(
  words: string,
  accept: (entry: NameEntry) => boolean,
  ctx: ResolveContext
): NameEntry | undefined {
  const of = FRAME_READING.partOf.exec(words);
  if (!of) return undefined;
  const whole = ctx.catalog.matchPhrase(of[1], {});
  if (whole.kind !== "found") return undefined;
  const part = ctx.catalog.matchPhrase(of[2], { accept });
  return part.kind === "found" && part.entry.key !== whole.entry.key ? part.entry : undefined;
}

/** The one row a payment's words name (paidNames), if any. */
function paidRow(
  words: string,
  accept: (entry: NameEntry) => boolean,
  context: string[],
  around: string[],
  ctx: ResolveContext,
  program = false
): NameEntry | undefined {
  for (const name of paidNames(words, program)) {
    const found = ctx.catalog.matchPhrase(name, { accept, context, around });
    if (found.kind === "found") return found.entry;
    if (found.kind === "ambiguous") return undefined;
  }
  return undefined;
}

/**
 * "今年为X名特扶人员发放X元特扶资金": a sum written before what it is, after the verb that
 * paid it: the verb and the sum's name (发放特扶资金), never the people before the verb.
 */
function paidNoun(
  text: string,
  slot: Slot,
  phrase: string,
  context: string[],
  accept: (entry: NameEntry) => boolean,
  around: string[],
  ctx: ResolveContext
): Working | undefined {
  const noun = FRAME_READING.sumAfter.exec(text.slice(slot.unitEnd, slot.unitEnd + 12));
  const verb = FRAME_READING.verbAtEnd.exec(cleanTail(phrase));
  if (!noun || !verb) return purposeAfter(text, slot, phrase, context, accept, around, ctx);
  const words = `${verb[1]}${noun[0]}`;
  const found = ctx.catalog.matchPhrase(words, { accept, context, around });
  if (found.kind !== "found") return undefined;
  return completedOf(found, words, slot, ctx);
}

/**
 * "投入资金X余万元改造部分小区的消防设施": a sum spent, then what it was spent on (a verb and its
 * object, to the clause's end): the row named by the purpose and the spending
 * (改造小区消防设施投入资金), or by the purpose alone (购买消防救援车及设备).
 */
function purposeAfter(
  text: string,
  slot: Slot,
  phrase: string,
  context: string[],
  accept: (entry: NameEntry) => boolean,
  around: string[],
  ctx: ResolveContext
): Working | undefined {
  const spent = FRAME_READING.spent.exec(cleanTail(phrase));
  if (!spent || slot.textUnit.kind !== "measure") return undefined;
  const rest = /^[^，,；;。！？!?\n]{2,30}/.exec(text.slice(slot.unitEnd, slot.unitEnd + 30));
  if (!rest || !FRAME_READING.verbAtStart.test(rest[0])) return undefined;
  for (const words of [`${rest[0]}${spent[0]}`, rest[0]]) {
    const found = ctx.catalog.matchPhrase(words, { accept, context, around });
    if (found.kind === "ambiguous") return undefined;
    if (found.kind !== "found") continue;
    return completedOf(found, words, slot, ctx);
  }
  return undefined;
}

/**
 * Quoted examples before 等 ("“新春第一课”、“履新赋能”等培训") name instances, not the measure;
 * a quoted word without 等 may be part of the name (“两委”换届选举).
 */
const QUOTED_EXAMPLES = /[“"「][^”"」]{1,20}[”"」](?:[、，,和及与][“"「][^”"」]{1,20}[”"」])*等/g;

function withoutExamples(words: string): string {
  return words.replace(QUOTED_EXAMPLES, "");
}

/**
 * "纳入低保X户X人": a number right after another, in another unit, with no words between, is
 * the same subject's other measure: the words that named the first, read in this unit.
 */
function pairedMeasure(
  text: string,
  slot: Slot,
  topic: Working | undefined,
  accept: (entry: NameEntry) => boolean,
  context: string[],
  before: Before,
  ctx: ResolveContext
): { entry: NameEntry; phrase: string; confidence: number } | undefined {
  if (!topic?.entry || !topic.phrase) return undefined;
  // "共救助X人次，共计X万元": a clause of only a quantifier and the number goes on the count's.
  const clause = before.clauseStart ?? slot.leadStart;
  const goesOn =
    topic.slot.clause === slot.clause - 1 &&
    FRAME_READING.quantifierOnly.test(text.slice(clause, slot.leadStart));
  if (topic.slot.clause !== slot.clause && !goesOn) return undefined;
  if (topic.slot.textUnit.kind !== "measure" || slot.textUnit.kind !== "measure") return undefined;
  if (isSameBase(topic.slot.unit, slot.unit)) return undefined;
  const around = before.around;
  const found = ctx.catalog.matchPhrase(topic.phrase, {
    accept,
    context,
    around,
    farContext: before.far,
  });
  if (found.kind === "none") {
    const sibling = sectionMeasure(topic.entry, topic.phrase, accept, ctx);
    return sibling && { entry: sibling, phrase: topic.phrase, confidence: 0.8 };
  }
  if (found.kind !== "found" || found.entry.key === topic.entry.key) return undefined;
  return { entry: found.entry, phrase: topic.phrase, confidence: found.confidence };
}

/**
 * "发放残疾人生活补贴X人X元/月" with rows 发放人数 and 月发放金额 under the heading （四）残疾人
 * 生活补贴: the words named the section, whose rows are the subject's measures; the second
 * number is the section's only row in its unit.
 */
function sectionMeasure(
  first: NameEntry,
  phrase: string,
  accept: (entry: NameEntry) => boolean,
  ctx: ResolveContext
): NameEntry | undefined {
  const heading = first.indicator.section[first.indicator.section.length - 1];
  const said = meaningfulPart(canon(phrase));
  const title = heading ? canon(heading.title) : "";
  if (said.length < 2 || title.length < 2 || !(title.includes(said) || said.includes(title)))
    return undefined;
  const rows = ctx.catalog.sectionRows(first).filter((e) => e.key !== first.key && accept(e));
  return rows.length > 0 && new Set(rows.map((e) => e.key)).size === 1 ? rows[0] : undefined;
}

/**
 * "完成道路整修投资860万元；完成公厕建设投资140万元，合计1000万元": 合计 after parts is
 * the 合计 row that follows them in their table, under the same 类别.
 */
function totalOfParts(
  words: string,
  topic: Working | undefined,
  accept: (entry: NameEntry) => boolean,
  ctx: ResolveContext
): NameEntry | undefined {
  if (!/[，,；;](?:合计|总计|共计)[：:]?$/.test(words)) return undefined;
  const part = topic?.entry?.indicator;
  if (!part) return undefined;
  let best: NameEntry | undefined;
  const partCore = topic?.entry?.core ?? "";
  // "为民办实事合计" after 党员个人为民办实事: a total named by what its parts share.
  const namedTotal = (e: NameEntry) => {
    const of = FRAME_READING.totalOf.exec(e.core);
    return !!of && of[1].length >= 2 && partCore.endsWith(of[1]);
  };
  for (const e of ctx.catalog.entries) {
    const row = e.indicator;
    if (!(row.isTotal || namedTotal(e)) || row.tableId !== part.tableId || row.row <= part.row)
      continue;
    if ((row.context ?? "") !== (part.context ?? "") || !accept(e)) continue;
    if (!best || row.row < best.indicator.row) best = e;
  }
  return best;
}

/**
 * "整修道路X条，总投资X万元": a bare measure after a clause that named another indicator is
 * that subject's own (道路整修投资), never the workbook's general one (完成投资). Undefined
 * when the rule does not apply; a lookup of the subject's measure otherwise.
 */
function ownSubject(
  meaningful: string,
  phraseText: string,
  topic: Working | undefined,
  slot: Slot,
  accept: (entry: NameEntry) => boolean,
  context: string[],
  around: string[],
  ctx: ResolveContext
): ReturnType<IndicatorCatalog["matchPhrase"]> | undefined {
  if (!topic?.entry || !topic.phrase || topic.slot.sentence !== slot.sentence) return undefined;
  if (!FRAME_READING.bareMeasure.test(meaningful)) return undefined;
  if (topic.entry.core.includes(meaningful)) return undefined;
  const lookup = (subject: string) =>
    ctx.catalog.matchPhrase(`${subject}${phraseText}`, { accept, context, around });
  let found = lookup(topic.phrase);
  // "规模工业企业X家，完成产值X亿元": the measure of what the counted units do (规上工业总产值).
  const units = new RegExp(`${FRAME_READING.counted.source}$`).exec(topic.phrase);
  if (found.kind === "none" && units && units.index >= 2)
    found = lookup(topic.phrase.slice(0, units.index));
  if (found.kind === "found" && found.entry.key === topic.entry.key) return { kind: "none" };
  return found;
}

/**
 * "区X个单位结对共建": the noun right after a count says what it counts; a row whose name
 * counts another noun ("…结对共建社区") is not it.
 */
function countedClash(
  text: string,
  slot: Slot,
  entry: NameEntry
): { written: string; counted: string; entry: NameEntry } | undefined {
  if (slot.textUnit.kind !== "measure" || !CLASSIFIER_UNITS.test(slot.unit)) return undefined;
  const after = /^[^，,；;。！？!?\n、（(]{0,8}/.exec(text.slice(slot.unitEnd))?.[0] ?? "";
  const written = new RegExp(`^${FRAME_READING.counted.source}`).exec(after)?.[1];
  if (!written) return undefined;
  const counted = new RegExp(`${FRAME_READING.counted.source}$`).exec(entry.core)?.[1];
  // "X名党员干部" counts 干部 too: the row's noun may come later in the same noun.
  if (!counted || after.includes(counted)) return undefined;
  return { written, counted, entry };
}

/** The first slot starting at or after `offset` (slots are in text order): a binary search. */
/** The age right after a count and its unit ("X名[65]岁以上老年人"), which is its noun's. */
function ageRightAfter(slot: Slot, slots: Slot[]): Slot | undefined {
  const next = firstSlotFrom(slots, slot.unitEnd);
  return next?.skip?.kind === "age" && next.leadStart - slot.unitEnd <= 1 ? next : undefined;
}

function firstSlotFrom(slots: Slot[], offset: number): Slot | undefined {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid].start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return slots[lo];
}

/** Left: the words fit several indicators, each offered with its cell. */
function unclearBetween(base: Working, entries: NameEntry[]): Working {
  return {
    ...base,
    candidates: entries,
    reason: say("AMBIGUOUS", { candidates: candidateNames(entries), names: uniqueNames(entries) }),
  };
}

/** "城镇新增就业（就业!D5）": a candidate with the cell of its completed value. */
export function candidateCell(entry: NameEntry): CellRef {
  return entry.indicator.actual?.ref ?? entry.indicator.nameRef;
}

function candidateNames(entries: NameEntry[]): string[] {
  return [...new Set(entries.map((e) => `${e.indicator.name}（${refKey(candidateCell(e))}）`))];
}

function uniqueNames(entries: NameEntry[]): string[] {
  return [...new Set(entries.map(describeEntry))];
}

/** The completed value of the row `found` for `phrase`: what most readings of a count give. */
function completedOf(
  found: Extract<ReturnType<IndicatorCatalog["matchPhrase"]>, { kind: "found" }>,
  phrase: string,
  slot: Slot,
  ctx: ResolveContext
): Working {
  const base: Working = {
    slot,
    field: "actual",
    phrase,
    confidence: found.confidence,
    runnerUp: found.runnerUp,
  };
  return withValue(base, found.entry, slot, "actual", undefined, ctx);
}

/** The count a slot stands for, of a row found by one reading or another. */
function countOf(
  slot: Slot,
  entry: NameEntry,
  confidence: number,
  ctx: ResolveContext,
  phrase?: string
): Working {
  const base: Working = { slot, field: "actual", confidence };
  if (phrase !== undefined) base.phrase = phrase;
  return withValue(base, entry, slot, "actual", undefined, ctx);
}

/** The one row (one indicator) among `rows`, with its value; undefined when none or several. */
function theOneRow(
  rows: NameEntry[],
  slot: Slot,
  confidence: number,
  ctx: ResolveContext
): Working | undefined {
  if (rows.length === 0 || new Set(rows.map((e) => e.key)).size > 1) return undefined;
  const found = countOf(slot, rows[0], confidence, ctx);
  return found.value !== undefined ? found : undefined;
}

function withValue(
  base: Working,
  entry: NameEntry,
  slot: Slot,
  field: Field,
  direction: Reading["direction"],
  ctx: ResolveContext
): Working {
  const conflict = sameNameConflict(entry, field, ctx);
  const [a, b] = conflict?.cells.map(refKey) ?? [];
  if (conflict && !conflict.staleCopy) {
    // A sheet a month: the two rows are two periods, and the draft did not say which.
    const other = ctx.catalog
      .sameName(entry)
      .find((e) => FIELD_NUMBERS[field].some((f) => e.indicator[f]?.ref === conflict.cells[1]));
    const periods = [entry.indicator.statedMonths, other?.indicator.statedMonths];
    if (periods[0] !== undefined && periods[1] !== undefined && periods[0] !== periods[1])
      return {
        ...base,
        entry,
        reason: say("PERIODS_DIFFER", {
          periods: periods.map((m) => periodPhrase(m)),
        }),
      };
    return {
      ...base,
      entry,
      reason: say("DUPLICATE_DIFFERS", { indicator: namedOf(entry.indicator), a, b }),
    };
  }
  const res: Working = { ...base, entry, ...fieldValue(entry, field, slot, direction, ctx) };
  if (conflict) {
    // The engine's own finding on the hidden copy says it: the visible row stands.
    const [visible, hidden] = conflict.cells;
    const stale = makeFinding("STALE_HIDDEN_COPY", { ...hidden, a: refKey(visible) });
    res.warning = {
      code: stale.code,
      zh: `${refKey(hidden)}${stale.message}`,
      en: `${refKey(hidden)} ${stale.messageEn}`,
    };
  }
  return res;
}

/** The numbers a value is made of: a rate of 完成数 and 目标, a growth of 完成数 and 上年同期. */
const FIELD_NUMBERS: Record<Field, NumberField[]> = {
  actual: ["actual"],
  target: ["target"],
  previous: ["previous"],
  rate: ["actual", "target"],
  growth: ["actual", "previous"],
  schedule: ["actual", "target"],
  shortfall: ["actual", "target"],
};

function sameNameConflict(
  entry: NameEntry,
  field: Field,
  ctx: ResolveContext
): Conflict | undefined {
  return ctx.catalog.conflict(entry, FIELD_NUMBERS[field]);
}

/**
 * The reader chose one of the candidates of a placeholder left as unclear: the same value,
 * unit and trust rules as any match, for that indicator. Undefined when it was not offered.
 */
export function chooseCandidate(
  res: Resolution,
  indicatorId: string,
  ctx: ResolveContext
): Resolution | undefined {
  if (res.kind !== "unmatched") return undefined;
  const entry = res.candidates?.find((e) => e.indicator.id === indicatorId);
  if (!entry || !res.field) return undefined;
  const base: Working = { slot: res.slot, field: res.field, confidence: 1 };
  if (res.direction) base.direction = res.direction;
  return settled(withValue(base, entry, res.slot, res.field, res.direction, ctx));
}

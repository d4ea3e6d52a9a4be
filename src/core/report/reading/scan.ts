/**
 * Reading report text: sentences, clauses, and the places where a number stands or should
 * stand ("slots"): a placeholder (X, XX, X.X) or an Arabic number, with what follows it
 * (余/多, 万/亿, the unit, "X月X日", "X街道") and what comes before (约, 近, 第).
 */
import { APPROXIMATION_READING, FRAME_READING } from "../../lexicon";
import { CodedText } from "../../errors";
import { NotANumber, say } from "../messages";
import { PER_UNIT, TEXT_UNITS, TextUnit, describeTextUnit } from "../units";

export type SkipKind = "name" | "date" | "age" | "ordinal" | "range" | "heading" | "schedule";

export interface Skip {
  kind: SkipKind;
  /** What the words around it say it is (the message catalogue's NOT_A_NUMBER). */
  words: NotANumber;
  /** A part of the area (X社区, X小区): numbers right after it are about that part only. */
  subArea?: boolean;
}

/** Why a number is not one to fill or check, in the user's words. */
export function skipReason(skip: Skip): CodedText {
  return say("NOT_A_NUMBER", { kind: skip.words });
}

/** What every slot has: where it stands, what follows it and how it is read. */
interface SlotParts {
  /** Offsets of the X run or the digits, end exclusive. */
  start: number;
  end: number;
  raw: string;
  /** 约/近/超过 before the number, 余/多 after it. */
  approx?: "about" | "nearly" | "over";
  /** Start of 约/近 before the number (= start when none). */
  leadStart: number;
  /** 万 or 亿 written after the number, or "". */
  scaleWord: string;
  /** Unit as written after the number and its scale ("元", "人", "%", "个百分点"), or "". */
  unit: string;
  textUnit: TextUnit;
  /** End of number + 余/多 + 万/亿 + unit. */
  unitEnd: number;
  /** Not a number to fill or check: a name, a date, an age… */
  skip?: Skip;
  /**
   * In a bracketed aside of figures ("（其中高校毕业生X人、退役军人X人）"): the clause's subject
   * stays the number before the brackets, for a rate or growth after them.
   */
  aside?: boolean;
  sentence: number;
  clause: number;
}

/** An X run to fill: X, XX, X.X. */
export interface PlaceholderSlot extends SlotParts {
  kind: "placeholder";
}

/** An Arabic number to check: its value as written (without 万/亿) and its decimals. */
export interface NumberSlot extends SlotParts {
  kind: "number";
  value: number;
  decimals: number;
}

export type Slot = PlaceholderSlot | NumberSlot;

type Unplaced<T> = T extends Slot ? Omit<T, "sentence" | "clause"> : never;

/** Inside brackets, part of a name's qualifier ("第一剂次接种（18岁以上）"). */
export function isQualifier(slot: Slot): boolean {
  const words = slot.skip?.words;
  return words === "qualifier" || words === "hotline" || words === "code";
}

export interface Span {
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?\n]/;
const CLAUSE_END = /[，,；;。！？!?\n]/;

/** The sentence around an offset, as written; the spans are read once per text. */
export function sentenceFinder(text: string): (start: number) => string {
  const spans = sentenceSpans(text);
  return (start) => {
    const span = spans.find((s) => start >= s.start && start < s.end);
    return span ? text.slice(span.start, span.end).trim() : "";
  };
}

/** Sentences (split on 。！？ and line breaks), as offsets. */
export function sentenceSpans(text: string): Span[] {
  return spans(text, SENTENCE_END);
}

/** Clauses (split on ，；。！？ and line breaks), as offsets. */
export function clauseSpans(text: string): Span[] {
  return spans(text, CLAUSE_END);
}

function spans(text: string, end: RegExp): Span[] {
  const result: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (end.test(text[i])) {
      result.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) result.push({ start, end: text.length });
  return result;
}

function indexAt(list: Span[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < list[mid].start) hi = mid - 1;
    else if (offset >= list[mid].end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(list.length - 1, lo));
}

const PLACEHOLDER = /[XＸ]+(?:[.．][XＸ]+)?/g;
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const LATIN_OR_DIGIT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
const LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;

const DATE_AFTER = /^(年|月|日|号(?!线)|时|点钟|周年|季度|个季度|旬)/;
const AGE_AFTER = /^(周岁|岁)/;
const SUB_AREA = /^(社区|小区|花园|新村|新城|村)/;
const NAME_AFTER =
  /^(街道|街办|社区|小区|花园|新村|新城|村|镇|乡|市|区|县|省|路|街|大道|巷|公园|广场|中心|公司|集团|学校|小学|中学|幼儿园|医院|机场|江|河|湖|山|杯|届|号线|模式|经验|品牌|工程|行动|活动|工作法|大队|中队|支部|党委|局|委|天著|里|健康通|市民云)/;
const RANGE_AFTER = /^\s*[-—–~～至到]\s*([XＸ]+|\d+(?:\.\d+)?)/;

function unitAt(text: string, at: number): string {
  const rest = text.slice(at, at + 8);
  for (const special of ["个百分点", "百分点", "%", "％", "倍"])
    if (rest.startsWith(special)) return special;
  for (const unit of TEXT_UNITS)
    if (rest.startsWith(unit)) {
      // "X元/月", "X元/人": a unit per month or per person is a unit of its own.
      const per = PER_UNIT.exec(text.slice(at + unit.length, at + unit.length + 6));
      return per ? `${unit}${per[0]}` : unit;
    }
  return "";
}

/** Reads what follows a number or placeholder and classifies the slot. */
function readSlot(
  text: string,
  kind: Slot["kind"],
  start: number,
  end: number,
  raw: string
): Unplaced<Slot> {
  const slot: Omit<SlotParts, "sentence" | "clause"> = {
    start,
    end,
    raw,
    leadStart: start,
    scaleWord: "",
    unit: "",
    textUnit: { kind: "bare", scale: 1 },
    unitEnd: end,
  };
  let value = 0;
  const decimals = raw.includes(".") ? raw.split(".")[1].length : 0;
  if (kind === "number") {
    value = Number(raw.replace(/,/g, ""));
    // "同比增速-3.76%": a minus sign, not a range dash (there is no number before it).
    if (/[-−－]/.test(text[start - 1] ?? "") && !/[\dXＸ%％]/.test(text[start - 2] ?? "")) {
      value = -value;
      slot.leadStart = start - 1;
    }
  }
  const done = (): Unplaced<Slot> =>
    kind === "number" ? { ...slot, kind, value, decimals } : { ...slot, kind };
  const before = text.slice(Math.max(0, slot.leadStart - 3), slot.leadStart);
  const lead = /(约|大约|近|将近|接近|超过|逾|超)$/.exec(before);
  const word = text.slice(Math.max(0, slot.leadStart - 4), slot.leadStart);
  if (lead && !APPROXIMATION_READING.notBefore.test(word)) {
    slot.approx = /近/.test(lead[1]) ? "nearly" : /约/.test(lead[1]) ? "about" : "over";
    slot.leadStart -= lead[1].length;
  }
  const prev = text[start - 1] ?? "";
  if (prev === "第") {
    slot.skip = { kind: "ordinal", words: "ordinal" };
    return done();
  }
  let at = end;
  const after = () => text.slice(at);
  const range = RANGE_AFTER.exec(after());
  if (range) {
    const rangeEnd = at + range[0].length;
    const tail = text.slice(rangeEnd);
    const word = AGE_AFTER.exec(tail) ?? DATE_AFTER.exec(tail);
    slot.unitEnd = rangeEnd + (word ? word[0].length : unitAt(text, rangeEnd).length);
    if (AGE_AFTER.test(tail)) slot.skip = { kind: "age", words: "ageRange" };
    else if (DATE_AFTER.test(tail)) slot.skip = { kind: "date", words: "period" };
    else slot.skip = { kind: "range", words: "range" };
    return done();
  }
  if (/^[余多]/.test(after()) && /^[余多][万亿]/.test(after())) {
    slot.approx = slot.approx ?? "over";
    at += 1;
  }
  if (/^[万亿]/.test(after())) {
    // "X万元", "X亿", "X万余人", "X万多人"; not a name that starts with 万 ("X万达广场").
    const rest = text.slice(at + 1);
    if (unitAt(text, at + 1) || /^[余多]/.test(rest) || !/^[\u4e00-\u9fff]/.test(rest)) {
      slot.scaleWord = after()[0];
      at += 1;
    }
  }
  if (/^[余多]/.test(after())) {
    slot.approx = slot.approx ?? "over";
    at += 1;
  }
  const tail = after();
  const age = AGE_AFTER.exec(tail);
  if (age) {
    slot.skip = { kind: "age", words: "age" };
    slot.unitEnd = at + age[0].length;
    return done();
  }
  const date = DATE_AFTER.exec(tail);
  if (slot.scaleWord === "" && date) {
    slot.skip = { kind: "date", words: "date" };
    slot.unitEnd = at + date[0].length;
    return done();
  }
  // "受理12345热线工单X件": a service number is part of the name of what is counted.
  if (slot.scaleWord === "" && /^(?:热线|服务热线|平台)/.test(tail)) {
    slot.skip = { kind: "name", words: "hotline" };
    slot.unitEnd = at;
    return done();
  }
  const name = NAME_AFTER.exec(tail);
  if (slot.scaleWord === "" && name) {
    slot.skip = { kind: "name", words: "name" };
    if (SUB_AREA.test(tail)) slot.skip.subArea = true;
    slot.unitEnd = at + name[0].length;
    return done();
  }
  const unit = unitAt(text, at);
  slot.unit = unit;
  at += unit.length;
  slot.unitEnd = at;
  slot.textUnit = describeTextUnit(slot.scaleWord, unit);
  if (kind === "placeholder" && /[“"‘'「]$/.test(before) && /^[”"’'」]/.test(tail))
    slot.skip = { kind: "name", words: "quoted" };
  return done();
}

/** Placeholders and numbers in text order. */
export function findSlots(text: string): Slot[] {
  return [...findPlaceholders(text), ...findNumbers(text)].sort((a, b) => a.start - b.start);
}

/** Every placeholder (X, XX, X.X) in the text. */
export function findPlaceholders(text: string): Slot[] {
  return findSlotsOf(text, "placeholder");
}

/** Every Arabic number in the text. */
export function findNumbers(text: string): Slot[] {
  return findSlotsOf(text, "number");
}

function findSlotsOf(text: string, kind: Slot["kind"]): Slot[] {
  const sentences = sentenceSpans(text);
  const clauses = clauseSpans(text);
  const re = new RegExp(kind === "placeholder" ? PLACEHOLDER : NUMBER);
  const slots: Slot[] = [];
  let m: RegExpExecArray | null;
  let skipUntil = -1;
  while ((m = re.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < skipUntil) continue;
    const prev = text[start - 1] ?? "";
    const next = text[end] ?? "";
    if (LATIN_OR_DIGIT.test(prev) || LATIN_OR_DIGIT.test(next) || prev === ".") {
      // "PM2.5", "5G": a number in a code of letters is part of a name, listed as such.
      if (kind === "number" && LATIN.test(`${prev}${next}`)) {
        const code = { ...readSlot(text, kind, start, end, m[0]), unitEnd: end };
        code.skip = { kind: "name", words: "code" };
        slots.push({
          ...code,
          sentence: indexAt(sentences, start),
          clause: indexAt(clauses, start),
        });
      }
      continue;
    }
    const slot = readSlot(text, kind, start, end, m[0]);
    if (kind === "number" && isHeadingNumber(text, start, end)) {
      slot.skip = { kind: "heading", words: "heading" };
    }
    // "序时进度为91.67%": the share of the year elapsed, from the report's period, no row's.
    if (
      slot.textUnit.kind === "percent" &&
      FRAME_READING.scheduleBefore.test(text.slice(Math.max(0, start - 10), start))
    )
      slot.skip = { kind: "schedule", words: "schedule" };
    const bracket = bracketOf(text, start, slot.unitEnd);
    if (bracket === "aside") slot.aside = true;
    if (bracket === "qualifier") slot.skip = { kind: "name", words: "qualifier" };
    slots.push({ ...slot, sentence: indexAt(sentences, start), clause: indexAt(clauses, start) });
    if (RANGE_AFTER.test(text.slice(end))) skipUntil = slot.unitEnd; // "X-X岁": one slot
  }
  return slots;
}

/** Between "（" and "）" of the same clause: "接种（18岁以上）". */
/**
 * A number inside brackets: part of a name's qualifier ("接种（18岁以上）"), or an aside of
 * figures ("（其中高校毕业生X人、退役军人X人）", "（同比增长X%）").
 */
function bracketOf(text: string, start: number, end: number): "qualifier" | "aside" | undefined {
  const before = text.slice(Math.max(0, start - 20), start);
  const open = Math.max(before.lastIndexOf("（"), before.lastIndexOf("("));
  if (open < 0) return undefined;
  const between = before.slice(open + 1);
  if (/[)），,；;。！？!?\n]/.test(between)) return undefined;
  const after = text.slice(end, end + 30);
  const close = after.search(/[)）]/);
  if (close < 0 || /[（(，,；;。！？!?\n]/.test(after.slice(0, close))) return undefined;
  return FRAME_READING.figuresInBrackets.test(between) ? "aside" : "qualifier";
}

/** "1." or "2、" at the start of a line or clause: a heading's number, not a value. */
function isHeadingNumber(text: string, start: number, end: number): boolean {
  const next = text[end] ?? "";
  if (!/[.．、]/.test(next) || /\d/.test(text[end + 1] ?? "")) return false;
  const before = text.slice(Math.max(0, start - 2), start);
  return start === 0 || /[\n\r（(\s]$/.test(before) || /[。；;]$/.test(before);
}

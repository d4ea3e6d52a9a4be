/**
 * The corpus's data types and the two readings every module of it shares: where a report's
 * sentences are (split at 。；and line ends) and where its X placeholders are (a run of X with
 * no separator, "XX针次", is one placeholder).
 */

/** The fields of an indicator row a placeholder can mean. */
export type AnswerField = "actual" | "target" | "previous" | "rate" | "growth";

/** A number the workbook holds (or computes from two cells): what a correct fill writes. */
export interface ValueAnswer {
  /** The number as the sentence writes it, in the sentence's own unit and scale ("863" for X万元). */
  value: string;
  /** The indicator's name as it stands in the workbook. */
  indicator: string;
  /** Which value of the row; default "actual" (完成数). rate = 完成/目标, growth = 完成/上年−1. */
  field: AnswerField;
  /** The workbook's sheet key (CorpusSheet.key), where the name alone is not unique. */
  sheet?: string;
  /** The 类别 / section of the row, where the name alone is not unique. */
  kind?: string;
  /** A note on why this is the reading (a statistician's). */
  note?: string;
  /**
   * Other fills that are as right: with 余/多 after it, any figure the ledger's number does not
   * fall below ("325万余元" for 3256480 元: 325, 325.6 or 325.64, never 325.65).
   */
  alt?: string[];
}

/** Not a figure the workbook holds: a correct fill leaves the X. */
export interface NullAnswer {
  value: null;
  why: string;
}

export type Answer = ValueAnswer | NullAnswer;

export interface CorpusSentence {
  /** The sentence exactly as in the report (without its 。/；). */
  text: string;
  /** One per X placeholder of the sentence, in text order. */
  answers: Answer[];
}

export interface CorpusReport {
  /** "000" … */
  id: string;
  /** The seed file the text comes from (shared/seeds/…). */
  source: string;
  /** The year the report sums up. */
  year: number;
  /** The full report text (for 003: with its numbers blanked to X). */
  text: string;
  sentences: CorpusSentence[];
}

type More = { sheet?: string; kind?: string; note?: string; alt?: string[] };

export function v(
  indicator: string,
  value: string,
  field: AnswerField = "actual",
  more: More = {}
): ValueAnswer {
  return { value, indicator, field, ...more };
}

/** A rate of completion (完成/目标) written as X%. */
export function rate(indicator: string, value: string, more: More = {}): ValueAnswer {
  return v(indicator, value, "rate", more);
}

/** Growth over last year (完成/上年−1) written as X%. */
export function growth(indicator: string, value: string, more: More = {}): ValueAnswer {
  return v(indicator, value, "growth", more);
}

export function target(indicator: string, value: string, more: More = {}): ValueAnswer {
  return v(indicator, value, "target", more);
}

export function previous(indicator: string, value: string, more: More = {}): ValueAnswer {
  return v(indicator, value, "previous", more);
}

export function no(why: string): NullAnswer {
  return { value: null, why };
}

// Reasons for the X that must stay, spelled once so the report groups them.
export const PLACE = no("place or organisation name (X街道/X社区/X花园)");
export const DATE = no("date or month (X月X日, X年)");
export const YEAR_COUNT = no("a span of years or an anniversary (光荣在党X年, 建党X周年)");
export const AGE = no("age bound (X岁以上, X-X岁)");
export const NAME = no("part of a name, title or slogan (X级预案, “X”人员, 第X届)");
export const DURATION = no("a duration or time limit (X小时, 每X天)");
export const NOT_KEPT = no("a figure a ledger would not hold");
export const GARBLED = no("not a number: a garbled word of the seed (管X作)");

export interface Span {
  start: number;
  end: number;
}

const SENTENCE_END = /[。；\n]/;

/** The sentences of a text, split after 。；and line ends; offsets of the trimmed text. */
export function sentences(text: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    if (SENTENCE_END.test(text[i])) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** The X placeholders of a text: each maximal run of X. */
export function placeholders(text: string): Span[] {
  const out: Span[] = [];
  const re = /X+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** What the sentence writes right after a placeholder, up to the next separator: "万元", "%以上". */
export function unitAfter(text: string, end: number): string {
  const m = /^[^，,。；;、：:（）()\s“”X0-9—\-~～]*/.exec(text.slice(end));
  return m ? m[0].slice(0, 4) : "";
}

/**
 * Filling an X draft: a report whose numbers are written as X, XX, X%, X万元… gets the
 * workbook's numbers where, and only where, it is clear which indicator and which value each
 * placeholder means (see resolve.ts). Names and dates (X街道, X社区, X月X日, X年) are not
 * numbers and stay. Every placeholder is listed with what was filled or why it was left.
 */
import { formatNumber } from "../../format";
import { figureWithApproximation } from "../../lexicon";
import { Analysis, SourceSpan } from "../../model";
import { NameEntry } from "../names";
import {
  FIELD_ZH,
  Field,
  Resolution,
  candidateCell,
  chooseCandidate,
  resolveContext,
  resolveSlots,
} from "./resolve";
import { findSlots, sentenceFinder, skipReason } from "./scan";
import { CodedText } from "../../errors";
import { say } from "../messages";

export type FillStatus = "filled" | "left" | "skipped";

export interface FillItem {
  /** 1-based, in text order. */
  index: number;
  /** The placeholder with what follows it, as written: "X%", "X万元", "X月". */
  placeholder: string;
  /** Offsets of the X run in the original text. */
  start: number;
  end: number;
  /** The sentence the placeholder stands in (original text). */
  sentence: string;
  /** filled; left: a number, but not clear which; skipped: not a number (a name, a date). */
  status: FillStatus;
  indicator?: string;
  indicatorId?: string;
  field?: Field;
  /** 完成数 / 目标 / 上年同期 / 完成率 / 增长. */
  fieldZh?: string;
  /** The number written in place of the X. */
  value?: string;
  /** The unit the sentence writes after it. */
  unit?: string;
  /** Main cell, "sheet!A1". */
  cell?: string;
  /** All cells the number comes from ("sheet!A1"); two for a rate or a growth. */
  cells?: string[];
  /** How sure the match of the words to the indicator is, 0–1 (1: the name as written). */
  confidence?: number;
  /** The next best indicator the words could mean, with its cell. */
  runnerUp?: Candidate;
  /** Left because the words fit several indicators: each with its cell, one click each. */
  candidates?: Candidate[];
  reason?: string;
  reasonEn?: string;
  reasonCode?: string;
  /** Filled, with something to verify: a hidden sheet's copy of the row disagrees. */
  warning?: string;
  warningEn?: string;
  warningCode?: string;
}

/** An indicator a placeholder may mean. */
export interface Candidate {
  indicator: string;
  indicatorId: string;
  /** The cell of its completed value (else its name), "sheet!A1". */
  cell: string;
}

function candidateOf(entry: NameEntry): Candidate {
  const ref = candidateCell(entry);
  return {
    indicator: entry.indicator.name,
    indicatorId: entry.indicator.id,
    cell: `${ref.sheet}!${ref.cell}`,
  };
}

export interface FillResult {
  /** The draft with the filled numbers. */
  text: string;
  items: FillItem[];
  /** Where each filled number stands in `text`, and its cells (as paragraphs' sources). */
  sources: SourceSpan[];
  summary: {
    placeholders: number;
    /** Placeholders that are numbers (all but names and dates). */
    numbers: number;
    filled: number;
    left: number;
    skipped: number;
  };
}

function itemOf(
  res: Resolution,
  index: number,
  text: string,
  decimals: number,
  sentenceOf: (start: number) => string
): FillItem {
  const { slot } = res;
  const item: FillItem = {
    index,
    placeholder: text.slice(slot.start, slot.unitEnd),
    start: slot.start,
    end: slot.end,
    sentence: sentenceOf(slot.start),
    status: "left",
  };
  if (res.kind === "notFigure") {
    item.status = "skipped";
    return leftFor(item, skipReason(res.skip));
  }
  if (res.kind === "unmatched") {
    if (res.field) {
      item.field = res.field;
      item.fieldZh = FIELD_ZH[res.field];
    }
    if (res.candidates) {
      const seen = new Set<string>();
      item.candidates = res.candidates
        .filter((e) => !seen.has(e.indicator.id) && !!seen.add(e.indicator.id))
        .map(candidateOf);
    }
    return leftFor(item, res.reason);
  }
  item.indicator = res.entry.indicator.name;
  item.indicatorId = res.entry.indicator.id;
  item.field = res.field;
  item.fieldZh = FIELD_ZH[res.field];
  if (res.confidence !== undefined) item.confidence = res.confidence;
  if (res.runnerUp) item.runnerUp = candidateOf(res.runnerUp);
  if (res.kind === "unvalued") return leftFor(item, res.reason);
  // The table's own rate or growth for the row disagrees with the computed one.
  if (res.disputed) return leftFor(item, res.disputed);
  const figure = figureWithApproximation(res.value, slot.approx, decimals);
  const written = formatNumber(figure, decimals);
  if (Math.abs(Number(written) - figure) > Math.abs(figure) * 0.005) {
    // 763.15万元 asked for in 亿元 would print as 0.08: too coarse to be the number.
    return leftFor(item, say("TOO_COARSE", { written: `${written}${slot.scaleWord}${slot.unit}` }));
  }
  item.status = "filled";
  if (res.warning) {
    item.warning = res.warning.zh;
    item.warningEn = res.warning.en;
    item.warningCode = res.warning.code;
  }
  item.value = written;
  item.unit = `${slot.scaleWord}${slot.unit}`;
  item.cell = `${res.cells[0].sheet}!${res.cells[0].cell}`;
  item.cells = res.cells.map((c) => `${c.sheet}!${c.cell}`);
  return item;
}

function leftFor(item: FillItem, why: CodedText): FillItem {
  item.reason = why.zh;
  item.reasonEn = why.en;
  item.reasonCode = why.code;
  return item;
}

/** What the reader decided where the engine could not: placeholder start → indicator id. */
export type FillChoices = ReadonlyMap<number, string>;

/**
 * Fills the placeholders of `text` with numbers of the analysed workbook. `choices` are the
 * candidates the reader picked for placeholders left as unclear (see FillItem.candidates).
 */
export function fillDraft(
  text: string,
  analysis: Analysis,
  choices: FillChoices = new Map()
): FillResult {
  const ctx = resolveContext(analysis, "quote", text);
  const slots = findSlots(text);
  const resolutions = resolveSlots(text, slots, ctx)
    .filter((r) => r.slot.kind === "placeholder")
    .map((r) => {
      const chosen = choices.get(r.slot.start);
      return (chosen !== undefined && chooseCandidate(r, chosen, ctx)) || r;
    });
  const sentenceOf = sentenceFinder(text);
  const items = resolutions.map((r, i) => itemOf(r, i + 1, text, ctx.decimals, sentenceOf));
  let out = "";
  let last = 0;
  const sources: SourceSpan[] = [];
  items.forEach((item, i) => {
    out += text.slice(last, item.start);
    const res = resolutions[i];
    if (item.status === "filled" && item.value !== undefined && res.kind === "valued") {
      const cells = res.cells;
      sources.push({
        text: item.value,
        start: out.length,
        end: out.length + item.value.length,
        sheet: cells[0].sheet,
        cell: cells[0].cell,
        kind: res.spanKind,
        cells: cells.map((c) => c.cell),
      });
      out += item.value;
    } else {
      out += text.slice(item.start, item.end);
    }
    last = item.end;
  });
  out += text.slice(last);
  const count = (status: FillStatus) => items.filter((i) => i.status === status).length;
  return {
    text: out,
    items,
    sources,
    summary: {
      placeholders: items.length,
      numbers: items.length - count("skipped"),
      filled: count("filled"),
      left: count("left"),
      skipped: count("skipped"),
    },
  };
}

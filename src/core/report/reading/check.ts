/**
 * Checking a finished draft: every number the text gives for an indicator of the workbook
 * (found as when filling X drafts, see resolve.ts) is compared with the workbook. A number
 * agrees when the workbook's value, rounded to the decimals the text writes, is that number
 * (109.2% agrees with 109.18%; 5600万元 agrees with 0.56亿元); 约/近/余 allow a margin.
 * Disagreements say what kind they are: a different value (10× or 100× off: a hint to check
 * the decimal point), a 万/亿 or 元/万元 slip (10 000× off: 12.6万元 for 12.6亿元), a
 * different rate or growth, growth in the wrong direction.
 */
import { CodedText } from "../../errors";
import { formatAmount, formatNumber, roundTo } from "../../format";
import { Analysis } from "../../model";
import { namedOf } from "../figure";
import { FIELD_ZH, Field, say } from "../messages";
import { Resolution, resolveContext, resolveSlots } from "./resolve";
import { NumberSlot, Slot, findSlots, sentenceFinder, skipReason } from "./scan";
import { clean, conversionFactor } from "../units";
import { CHANGE_WORD_BEFORE, OPPOSITE_CHANGE } from "../../lexicon";
import { baseUnit } from "../../units";

export type CheckKind = "value" | "scale" | "rate" | "growth" | "direction";

export interface CheckItem {
  status: "confirmed" | "mismatch";
  kind: CheckKind;
  /** The number as written, with 约/余 and its unit: "12.6万元". */
  text: string;
  start: number;
  end: number;
  sentence: string;
  indicator: string;
  indicatorId: string;
  field: Field;
  fieldZh: string;
  /** The workbook's value written as the text would: "12.6亿元", "109.18%". */
  expected?: string;
  /** Main cell, "sheet!A1", and all cells used. */
  cell?: string;
  cells: string[];
  /** What the check says, and its code in the message catalogue (messages.ts). */
  code: string;
  message: string;
  messageEn: string;
  /** Checked, with a doubt to see: the table states another rate, a hidden copy disagrees. */
  warning?: string;
  warningEn?: string;
  warningCode?: string;
  /** A value 10×, 100× or 10 000×… off: the written number ÷ the workbook's (10, 0.01, 1e4). */
  ratio?: number;
}

export interface UncheckedNumber {
  text: string;
  start: number;
  sentence: string;
  /** Why it is not checked, and its code in the message catalogue (messages.ts). */
  code: string;
  reason: string;
  reasonEn: string;
}

export interface DraftCheck {
  items: CheckItem[];
  confirmed: CheckItem[];
  mismatches: CheckItem[];
  /** Numbers that name no indicator of the workbook, or not clearly. */
  unchecked: UncheckedNumber[];
  /** Numbers that are no indicator's figure (dates, ages, ordinals, names), each with why. */
  notFigures: UncheckedNumber[];
  /** Placeholders (X) still in the text. */
  placeholders: number;
  summary: {
    numbers: number;
    confirmed: number;
    mismatches: number;
    unchecked: number;
    notFigures: number;
  };
}

function unitText(slot: Slot): string {
  if (slot.textUnit.kind === "percent") return "%";
  return `${slot.scaleWord}${slot.unit}`;
}

/** Whether the written number agrees with `expected` (in the same unit). */
function agrees(slot: NumberSlot, expected: number): boolean {
  const written = slot.value;
  const decimals = slot.decimals;
  const rounded = roundTo(expected, decimals);
  if (slot.approx === undefined) return rounded === written;
  const tolerance = Math.max(Math.abs(written) * 0.05, 10 ** -decimals);
  if (slot.approx === "about") return Math.abs(expected - written) <= tolerance;
  if (slot.approx === "nearly")
    return expected <= written + 10 ** -decimals / 2 && expected >= written * 0.9;
  // 余/多/超过: at least the number written, and not far above it
  return expected >= written - 10 ** -decimals / 2 && expected < written * 1.2 + 10 ** -decimals;
}

/** The power of ten among `powers` that turns the expected number into the written one. */
function powerOff(slot: NumberSlot, expected: number, powers: number[]): number | undefined {
  const written = slot.value;
  const decimals = slot.decimals;
  if (written === 0) return undefined;
  for (const power of powers) {
    const shifted = clean(expected * 10 ** power);
    if (roundTo(shifted, decimals) === written) return power;
  }
  return undefined;
}

/** A 万/亿 (or 元/万元) slip: the written number is the expected one times 10^±4 or 10^±8. */
function scaleSlip(slot: NumberSlot, expected: number): number | undefined {
  return powerOff(slot, expected, [4, -4, 8, -8]);
}

/** A slip of the decimal point or a digit: the written number is 10× or 100× off. */
function tenfold(slot: NumberSlot, expected: number): number | undefined {
  return powerOff(slot, expected, [1, -1, 2, -2]);
}

/** A number whose indicator the words named: with its value, or why there is none. */
type Valued = Extract<Resolution, { kind: "valued" }>;
type Matched = Valued | Extract<Resolution, { kind: "unvalued" }>;

/** Which scale words were confused: 万/亿 when both sides are scaled, else 元/万元… */
function slipWords(res: Valued, power: number): string {
  const unit = res.entry.indicator.unit;
  const base = baseUnit(unit) || res.slot.unit;
  const textScale = res.slot.textUnit.kind === "measure" ? res.slot.textUnit.scale : 1;
  // The scale written and the one that would make the number right (12.6万元 for 12.6亿元).
  const scales = [textScale, textScale * 10 ** -power].sort((a, b) => a - b);
  const word = (scale: number) => (scale >= 1e8 ? "亿" : scale >= 1e4 ? "万" : "");
  if (base === "") return "万/亿";
  if (scales[0] < 1) return `${base}/万${base}`;
  if (scales[0] >= 1e4) return `${word(scales[0])}/${word(scales[1])}`;
  return `${base}/${word(scales[1])}${base}`;
}

function expectedText(res: Valued, slot: NumberSlot, decimals: number): string {
  const value = res.value;
  const places = Math.max(decimals, slot.decimals);
  if (res.field === "rate" || slot.textUnit.kind === "percent")
    return `${formatNumber(value, places)}%`;
  if (slot.textUnit.kind === "points") return `${formatNumber(value, places)}个百分点`;
  if (slot.textUnit.kind === "times") return `${formatNumber(value, places)}倍`;
  return `${formatNumber(value, places)}${unitText(slot)}`;
}

/** The indicator's own value as the workbook has it, for messages: "12.6亿元". */
/** The written digits with the scale word that makes them the workbook's value. */
function rightScaleText(res: Valued, slot: NumberSlot, power: number): string | undefined {
  const textScale = slot.textUnit.kind === "measure" ? slot.textUnit.scale : 1;
  const right = textScale * 10 ** -power;
  const word = right === 1e8 ? "亿" : right === 1e4 ? "万" : right === 1 ? "" : undefined;
  const base = baseUnit(res.entry.indicator.unit) || baseUnit(slot.unit);
  if (word === undefined || base === "") return undefined;
  return `${slot.value}${word}${base}`;
}

function workbookText(res: Valued, slot: NumberSlot, decimals: number): string {
  const indicator = res.entry.indicator;
  const field = res.field;
  if (field === "actual" || field === "target" || field === "previous") {
    const number = indicator[field];
    if (!number) return "";
    const amount = formatAmount(number.value, indicator.unit, { decimals, scale: false });
    return `${amount.number}${amount.unit}`;
  }
  return expectedText(res, slot, decimals);
}

function statedMatches(res: Matched, slot: NumberSlot): boolean {
  const indicator = res.entry.indicator;
  const stated = res.field === "rate" ? indicator.statedRate : indicator.statedGrowth;
  if (!stated) return false;
  const decimals = slot.decimals;
  const values = [stated.value * 100];
  if (stated.scaleUncertain) values.push(stated.value);
  if (res.field !== "growth" || res.direction === "neutral" || res.direction === undefined)
    return values.some((v) => roundTo(Math.abs(v), decimals) === Math.abs(slot.value));
  // "增长12.68%" is +12.68: a table that typed −12.68 does not say the same.
  const written = res.direction === "down" ? -Math.abs(slot.value) : Math.abs(slot.value);
  return values.some((v) => roundTo(v, decimals) === written);
}

/** The words right before a number that say it is a completion rate: "完成目标任务的". */
const RATE_WORDS_BEFORE =
  /(?:完成率(?:达到|达|为)?|完成了?(?:全年|年度)?(?:目标任务|目标|任务)数?的?|占(?:全年|年度)?(?:目标任务|目标|任务)的?)$/;

/** The number as written with the words that say what it is: "同比增长3.76%". */
function directionSpan(res: Resolution, text: string): string {
  const { slot } = res;
  const word = CHANGE_WORD_BEFORE.exec(text.slice(Math.max(0, slot.leadStart - 4), slot.leadStart));
  return `${word?.[0] ?? ""}${text.slice(slot.leadStart, slot.unitEnd)}`;
}

/** A rate or growth rewritten with the workbook's figure: "完成目标任务的97.84%". */
function correctedPhrase(res: Valued, text: string, expected: string): string | undefined {
  const before = text.slice(Math.max(0, res.slot.leadStart - 12), res.slot.leadStart);
  const words =
    res.field === "rate" ? RATE_WORDS_BEFORE.exec(before) : CHANGE_WORD_BEFORE.exec(before);
  return words ? `${words[0]}${expected}` : undefined;
}

/**
 * The phrase a growth in the wrong direction should read, in the draft's own words and unit:
 * "同比增长3.76%" → "同比下降3.76%" (the direction word turned, the workbook's figure).
 */
function correctedDirection(
  res: Matched,
  slot: NumberSlot,
  text: string,
  decimals: number
): string | undefined {
  const indicator = res.entry.indicator;
  const word = CHANGE_WORD_BEFORE.exec(text.slice(Math.max(0, slot.leadStart - 4), slot.leadStart));
  const opposite = word ? OPPOSITE_CHANGE[word[1]] : undefined;
  if (!word || !opposite) return undefined;
  const places = Math.max(decimals, slot.decimals);
  const kind = slot.textUnit.kind;
  let figure: string | undefined;
  if (kind === "measure" || kind === "bare") {
    const factor = conversionFactor(indicator.unit, slot.textUnit);
    if (factor !== undefined && indicator.actual && indicator.previous)
      figure = `${formatNumber(clean(Math.abs(indicator.actual.value - indicator.previous.value) * factor), places)}${unitText(slot)}`;
  } else if ((kind === "percent" || kind === "points") && indicator.growth !== undefined)
    figure = `${formatNumber(Math.abs(indicator.growth * 100), places)}${kind === "percent" ? "%" : "个百分点"}`;
  return figure && `${opposite}${word[2] ?? ""}${figure}`;
}

/** A value of the workbook in the draft's unit, with the digits it needs: 0.168亿元, not 0.17亿元. */
function exactText(res: Valued, slot: NumberSlot, decimals: number): string {
  const value = res.value;
  if (res.field === "rate" || res.field === "growth" || slot.textUnit.kind !== "measure")
    return expectedText(res, slot, decimals);
  let places = Math.max(decimals, slot.decimals ?? 0);
  while (places < 6 && Math.abs(roundTo(value, places) - value) > Math.abs(value) * 1e-9) places++;
  return `${formatNumber(value, places)}${unitText(slot)}`;
}

/** Which scale words were confused, in English: "a factor of 10 000". */
function slipWordsEn(power: number): string {
  return `a factor of ${formatNumber(10 ** Math.abs(power), 0)}`;
}

function checkItem(
  res: Matched,
  slot: NumberSlot,
  text: string,
  decimals: number,
  sentenceOf: (start: number) => string
): CheckItem | undefined {
  const { entry, field } = res;
  const cells = res.kind === "valued" ? res.cells.map((c) => `${c.sheet}!${c.cell}`) : [];
  const written = text.slice(slot.leadStart, slot.unitEnd);
  const indicator = namedOf(entry.indicator);
  const doubt = res.kind === "valued" ? (res.disputed ?? res.warning) : undefined;
  const base = {
    text: written,
    start: slot.leadStart,
    end: slot.unitEnd,
    sentence: sentenceOf(slot.start),
    indicator: entry.indicator.name,
    indicatorId: entry.indicator.id,
    field,
    fieldZh: FIELD_ZH[field],
    cells,
    ...(cells[0] ? { cell: cells[0] } : {}),
    ...(doubt ? { warning: doubt.zh, warningEn: doubt.en, warningCode: doubt.code } : {}),
  };
  const item = (
    status: CheckItem["status"],
    kind: CheckKind,
    message: CodedText,
    more: { expected?: string; ratio?: number } = {}
  ): CheckItem => ({
    ...base,
    status,
    kind,
    ...more,
    code: message.code,
    message: message.zh,
    messageEn: message.en,
  });
  if (res.kind === "unvalued") {
    const why = res.reason;
    const code = why.code;
    // A unit that does not convert says more often that the words meant another row than that
    // the draft is wrong (比上年减少14户 read against 低保人数): listed unchecked, with why.
    if (code !== "GROWTH_DIRECTION" && code !== "GROWTH_FLAT") return undefined;
    const corrected =
      code === "GROWTH_DIRECTION" ? correctedDirection(res, slot, text, decimals) : undefined;
    const message = say("CHECK_WORDING", {
      why,
      written: directionSpan(res, text),
      ...(corrected ? { corrected } : {}),
      statedAgrees: code === "GROWTH_DIRECTION" && statedMatches(res, slot),
    });
    return item("mismatch", "direction", message, corrected ? { expected: corrected } : {});
  }
  if (agrees(slot, res.value))
    return item(
      "confirmed",
      field === "rate" ? "rate" : field === "growth" ? "growth" : "value",
      say("CHECK_AGREES", { indicator, field, cells }),
      { expected: expectedText(res, slot, decimals) }
    );
  const expected = exactText(res, slot, decimals);
  if (field === "rate" || field === "growth") {
    const corrected = correctedPhrase(res, text, expected);
    return item(
      "mismatch",
      field,
      say("CHECK_RATE_DIFFERS", {
        indicator,
        field,
        written,
        expected,
        cells,
        ...(corrected ? { corrected } : {}),
        statedAgrees: statedMatches(res, slot),
      }),
      { expected }
    );
  }
  const slip = scaleSlip(slot, res.value);
  if (slip !== undefined) {
    // The digits are right and the scale word is not: the correction is the draft's digits with
    // the right word ("12.6亿元", "284.63万元"), not the same figure rewritten as "126000万元"
    // or in the workbook's 元.
    const book = rightScaleText(res, slot, slip) ?? workbookText(res, slot, decimals);
    return item(
      "mismatch",
      "scale",
      say("CHECK_SCALE_SLIP", {
        indicator,
        field,
        slip: { zh: slipWords(res, slip), en: slipWordsEn(slip) },
        written,
        book,
        cells,
      }),
      { expected: book, ratio: Number(`1e${slip}`) }
    );
  }
  const book = workbookText(res, slot, decimals);
  const off = tenfold(slot, res.value);
  return item(
    "mismatch",
    "value",
    say("CHECK_VALUE_DIFFERS", {
      indicator,
      field,
      written,
      book,
      inTextUnit: expected,
      cells,
      ...(off !== undefined ? { times: off } : {}),
    }),
    off !== undefined ? { expected, ratio: Number(`1e${off}`) } : { expected }
  );
}

/** Compares the numbers of a finished draft with the analysed workbook. */
export function checkDraft(text: string, analysis: Analysis): DraftCheck {
  const ctx = resolveContext(analysis, "compare", text);
  const slots = findSlots(text);
  const resolutions = resolveSlots(text, slots, ctx);
  const items: CheckItem[] = [];
  const unchecked: UncheckedNumber[] = [];
  const notFigures: UncheckedNumber[] = [];
  const sentenceOf = sentenceFinder(text);
  let placeholders = 0;
  const listed = (res: Resolution, why: CodedText): UncheckedNumber => ({
    text: text.slice(res.slot.leadStart, res.slot.unitEnd),
    start: res.slot.leadStart,
    sentence: sentenceOf(res.slot.start),
    code: why.code,
    reason: why.zh,
    reasonEn: why.en,
  });
  for (const res of resolutions) {
    const slot = res.slot;
    if (slot.kind === "placeholder") {
      if (!slot.skip) placeholders++;
      continue;
    }
    if (slot.skip) {
      notFigures.push(listed(res, skipReason(slot.skip)));
      continue;
    }
    const item =
      res.kind === "notFigure" || res.kind === "unmatched"
        ? undefined
        : checkItem(res, slot, text, ctx.decimals, sentenceOf);
    if (item) items.push(item);
    else unchecked.push(listed(res, "reason" in res ? res.reason : say("CHECK_NO_INDICATOR", {})));
  }
  const confirmed = items.filter((i) => i.status === "confirmed");
  const mismatches = items.filter((i) => i.status === "mismatch");
  return {
    items,
    confirmed,
    mismatches,
    unchecked,
    notFigures,
    placeholders,
    summary: {
      numbers: items.length + unchecked.length,
      confirmed: confirmed.length,
      mismatches: mismatches.length,
      unchecked: unchecked.length,
      notFigures: notFigures.length,
    },
  };
}

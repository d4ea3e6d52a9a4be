/**
 * Checking a finished draft: every number the text gives for an indicator of the workbook
 * (found as when filling X drafts, see resolve.ts) is compared with the workbook. A number
 * agrees when the workbook's value, rounded to the decimals the text writes, is that number
 * (109.2% agrees with 109.18%; 5600万元 agrees with 0.56亿元); 约/近/余 allow a margin.
 * Disagreements say what kind they are: a different value (10× or 100× off: a hint to check
 * the decimal point), a 万/亿 or 元/万元 slip (10 000× off: 12.6万元 for 12.6亿元), a
 * different rate or growth, growth in the wrong direction.
 */
import { formatAmount, formatNumber, roundTo } from "../../format";
import { Analysis } from "../../model";
import { describeEntry } from "../names";
import { FIELD_ZH, Field, Resolution, resolveContext, resolveSlots } from "./resolve";
import { Slot, findSlots, sentenceSpans } from "./scan";
import { clean, conversionFactor } from "../units";
import { CHANGE_WORD_BEFORE, OPPOSITE_CHANGE } from "../../lexicon";
import { baseUnit } from "../../units";

export type CheckKind = "value" | "scale" | "rate" | "growth" | "direction" | "unit";

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
  message: string;
  messageEn: string;
  /** A value 10×, 100× or 10 000×… off: the written number ÷ the workbook's (10, 0.01, 1e4). */
  ratio?: number;
}

export interface UncheckedNumber {
  text: string;
  start: number;
  sentence: string;
  reason: string;
  reasonEn: string;
}

export interface DraftCheck {
  items: CheckItem[];
  confirmed: CheckItem[];
  mismatches: CheckItem[];
  /** Numbers that name no indicator of the workbook, or not clearly. */
  unchecked: UncheckedNumber[];
  /** Placeholders (X) still in the text. */
  placeholders: number;
  summary: { numbers: number; confirmed: number; mismatches: number; unchecked: number };
}

/** The sentence around an offset; spans computed once per text. */
function sentenceFinder(text: string): (start: number) => string {
  const spans = sentenceSpans(text);
  return (start) => {
    const span = spans.find((s) => start >= s.start && start < s.end);
    return span ? text.slice(span.start, span.end).trim() : "";
  };
}

function unitText(slot: Slot): string {
  if (slot.textUnit.kind === "percent") return "%";
  return `${slot.scaleWord}${slot.unit}`;
}

/** Whether the written number agrees with `expected` (in the same unit). */
function agrees(slot: Slot, expected: number): boolean {
  const written = slot.value as number;
  const decimals = slot.decimals ?? 0;
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
function powerOff(slot: Slot, expected: number, powers: number[]): number | undefined {
  const written = slot.value as number;
  const decimals = slot.decimals ?? 0;
  if (written === 0) return undefined;
  for (const power of powers) {
    const shifted = clean(expected * 10 ** power);
    if (roundTo(shifted, decimals) === written) return power;
  }
  return undefined;
}

/** A 万/亿 (or 元/万元) slip: the written number is the expected one times 10^±4 or 10^±8. */
function scaleSlip(slot: Slot, expected: number): number | undefined {
  return powerOff(slot, expected, [4, -4, 8, -8]);
}

/** A slip of the decimal point or a digit: the written number is 10× or 100× off. */
function tenfold(slot: Slot, expected: number): number | undefined {
  return powerOff(slot, expected, [1, -1, 2, -2]);
}

/** Which scale words were confused: 万/亿 when both sides are scaled, else 元/万元… */
function slipWords(res: Resolution, power: number): string {
  const unit = res.entry?.indicator.unit ?? "";
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

function expectedText(res: Resolution, decimals: number): string {
  const { slot } = res;
  const value = res.value as number;
  const places = Math.max(decimals, slot.decimals ?? 0);
  if (res.field === "rate" || slot.textUnit.kind === "percent")
    return `${formatNumber(value, places)}%`;
  if (slot.textUnit.kind === "points") return `${formatNumber(value, places)}个百分点`;
  if (slot.textUnit.kind === "times") return `${formatNumber(value, places)}倍`;
  return `${formatNumber(value, places)}${unitText(slot)}`;
}

/** The indicator's own value as the workbook has it, for messages: "12.6亿元". */
function workbookText(res: Resolution, decimals: number): string {
  const indicator = res.entry?.indicator;
  const field = res.field;
  if (!indicator || !field) return "";
  if (field === "actual" || field === "target" || field === "previous") {
    const number = indicator[field];
    if (!number) return "";
    const amount = formatAmount(number.value, indicator.unit, { decimals, scale: false });
    return `${amount.number}${amount.unit}`;
  }
  return expectedText(res, decimals);
}

function statedMatches(res: Resolution): boolean {
  const indicator = res.entry?.indicator;
  const slot = res.slot;
  if (!indicator || slot.value === undefined) return false;
  const stated = res.field === "rate" ? indicator.statedRate : indicator.statedGrowth;
  if (!stated) return false;
  const decimals = slot.decimals ?? 0;
  const values = [stated.value * 100];
  if (stated.scaleUncertain) values.push(stated.value);
  if (res.field !== "growth" || res.direction === "neutral" || res.direction === undefined)
    return values.some((v) => roundTo(Math.abs(v), decimals) === Math.abs(slot.value as number));
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
function correctedPhrase(res: Resolution, text: string, expected: string): string | undefined {
  const before = text.slice(Math.max(0, res.slot.leadStart - 12), res.slot.leadStart);
  const words =
    res.field === "rate" ? RATE_WORDS_BEFORE.exec(before) : CHANGE_WORD_BEFORE.exec(before);
  return words ? `${words[0]}${expected}` : undefined;
}

/**
 * The phrase a growth in the wrong direction should read, in the draft's own words and unit:
 * "同比增长3.76%" → "同比下降3.76%" (the direction word turned, the workbook's figure).
 */
function correctedDirection(res: Resolution, text: string, decimals: number): string | undefined {
  const { slot, entry } = res;
  const indicator = entry?.indicator;
  if (!indicator) return undefined;
  const word = CHANGE_WORD_BEFORE.exec(text.slice(Math.max(0, slot.leadStart - 4), slot.leadStart));
  const opposite = word ? OPPOSITE_CHANGE[word[1]] : undefined;
  if (!word || !opposite) return undefined;
  const places = Math.max(decimals, slot.decimals ?? 0);
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

function checkItem(
  res: Resolution,
  text: string,
  decimals: number,
  sentenceOf: (start: number) => string
): CheckItem | undefined {
  const { slot, entry, field } = res;
  if (!entry || !field) return undefined;
  const cells = (res.cells ?? []).map((c) => `${c.sheet}!${c.cell}`);
  const written = text.slice(slot.leadStart, slot.unitEnd);
  const name = describeEntry(entry);
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
  };
  if (res.value === undefined) {
    const code = res.reason?.code;
    if (code === "GROWTH_DIRECTION" || code === "UNIT_MISMATCH" || code === "GROWTH_FLAT") {
      const corrected =
        code === "GROWTH_DIRECTION" ? correctedDirection(res, text, decimals) : undefined;
      const stated =
        code === "GROWTH_DIRECTION" && statedMatches(res)
          ? "；与表中填写的增长率一致，但与按完成数计算的结果不符"
          : "";
      return {
        ...base,
        status: "mismatch",
        kind: code === "UNIT_MISMATCH" ? "unit" : "direction",
        ...(corrected ? { expected: corrected } : {}),
        message: `${res.reason?.zh}（文中“${directionSpan(res, text)}”）${corrected ? `，应为“${corrected}”` : ""}${stated}`,
        messageEn: res.reason?.en ?? "",
      };
    }
    return undefined;
  }
  const where = cells.length > 0 ? `（${cells.join("、")}）` : "";
  if (agrees(slot, res.value)) {
    return {
      ...base,
      status: "confirmed",
      kind: field === "rate" ? "rate" : field === "growth" ? "growth" : "value",
      expected: expectedText(res, decimals),
      message: `与工作簿一致：${name}${FIELD_ZH[field]}${where}`,
      messageEn: `agrees with the workbook: ${entry.indicator.name} ${field}`,
    };
  }
  const expected = expectedText(res, decimals);
  const mismatch = { ...base, status: "mismatch" as const, expected };
  if (field === "rate" || field === "growth") {
    const what = field === "rate" ? "完成率" : "增长";
    const stated = statedMatches(res)
      ? `；与表中填写的${field === "rate" ? "完成率" : "增长率"}一致，但与按完成数计算的结果不符`
      : "";
    const phrase = correctedPhrase(res, text, expected);
    return {
      ...mismatch,
      kind: field,
      message: `${what}不符：文中“${written}”，按工作簿计算${name}为${expected}${where}${phrase ? `，应为“${phrase}”` : ""}${stated}`,
      messageEn: `${field} differs: the text says ${written}, the workbook gives ${expected} for ${entry.indicator.name}`,
    };
  }
  const slip = scaleSlip(slot, res.value);
  if (slip !== undefined) {
    const words = slipWords(res, slip);
    // The digits are right and the scale word is not: the correction is the workbook's own
    // "12.6亿元", not the same figure rewritten as "126000万元".
    const book = workbookText(res, decimals);
    return {
      ...mismatch,
      expected: book,
      kind: "scale",
      ratio: Number(`1e${slip}`),
      message: `数量级不符（${words}）：文中“${written}”，工作簿中${name}${FIELD_ZH[field]}为${book}${where}，应为${book}`,
      messageEn: `scale slip (${words}): the text says ${written}, the workbook gives ${book} for ${entry.indicator.name}`,
    };
  }
  const book = workbookText(res, decimals);
  // The cell's number in the text's unit, when the two are written differently.
  const inTextUnit = book === expected ? "" : `，即${expected}`;
  const off = tenfold(slot, res.value);
  if (off !== undefined) {
    const times = 10 ** Math.abs(off);
    const side = off > 0 ? `是工作簿的${times}倍` : `是工作簿的1/${times}`;
    return {
      ...mismatch,
      kind: "value",
      ratio: Number(`1e${off}`),
      message: `数值不符：文中“${written}”，工作簿中${name}${FIELD_ZH[field]}为${book}${where}${inTextUnit}；文中数${side}，请核对小数点和单位`,
      messageEn: `value differs: the text says ${written}, ${times}× ${off > 0 ? "above" : "below"} the workbook's ${expected} for ${entry.indicator.name}: check the decimal point and the unit`,
    };
  }
  return {
    ...mismatch,
    kind: "value",
    message: `数值不符：文中“${written}”，工作簿中${name}${FIELD_ZH[field]}为${book}${where}${inTextUnit}`,
    messageEn: `value differs: the text says ${written}, the workbook gives ${expected} for ${entry.indicator.name}`,
  };
}

/** Compares the numbers of a finished draft with the analysed workbook. */
export function checkDraft(text: string, analysis: Analysis): DraftCheck {
  const ctx = resolveContext(analysis);
  const slots = findSlots(text);
  const resolutions = resolveSlots(text, slots, ctx);
  const items: CheckItem[] = [];
  const unchecked: UncheckedNumber[] = [];
  const sentenceOf = sentenceFinder(text);
  let placeholders = 0;
  for (const res of resolutions) {
    if (res.slot.kind === "placeholder") {
      if (!res.slot.skip) placeholders++;
      continue;
    }
    if (res.slot.skip) continue;
    const item = checkItem(res, text, ctx.decimals, sentenceOf);
    if (item) items.push(item);
    else
      unchecked.push({
        text: text.slice(res.slot.leadStart, res.slot.unitEnd),
        start: res.slot.leadStart,
        sentence: sentenceOf(res.slot.start),
        reason: res.reason?.zh ?? "未找到对应指标",
        reasonEn: res.reason?.en ?? "no indicator",
      });
  }
  const confirmed = items.filter((i) => i.status === "confirmed");
  const mismatches = items.filter((i) => i.status === "mismatch");
  return {
    items,
    confirmed,
    mismatches,
    unchecked,
    placeholders,
    summary: {
      numbers: items.length + unchecked.length,
      confirmed: confirmed.length,
      mismatches: mismatches.length,
      unchecked: unchecked.length,
    },
  };
}

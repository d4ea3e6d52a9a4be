/**
 * Checking a finished draft: every number the text gives for an indicator of the workbook
 * (found as when filling X drafts, see resolve.ts) is compared with the workbook. A number
 * agrees when the workbook's value, rounded to the decimals the text writes, is that number
 * (109.2% agrees with 109.18%); 约/近/余 allow a margin. Disagreements say what kind they
 * are: a different value, a 万/亿 slip (12.6万元 for 12.6亿元), a different rate or growth,
 * growth in the wrong direction.
 */
import { formatAmount, formatNumber, roundTo } from "../format";
import { Analysis } from "../model";
import { describeEntry } from "./names";
import { FIELD_ZH, Field, Resolution, resolveContext, resolveSlots } from "./resolve";
import { Slot, findSlots, sentenceSpans } from "./scan";

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

/** A 万/亿 slip: the written number is the expected one times 10^±4 or 10^±8. */
function scaleSlip(slot: Slot, expected: number): number | undefined {
  const written = slot.value as number;
  const decimals = slot.decimals ?? 0;
  for (const power of [4, -4, 8, -8]) {
    const shifted = expected * 10 ** power;
    if (roundTo(shifted, decimals) === written && written !== 0) return power;
  }
  return undefined;
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
  return values.some((v) => roundTo(Math.abs(v), decimals) === slot.value);
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
    if (code === "GROWTH_DIRECTION" || code === "UNIT_MISMATCH" || code === "GROWTH_FLAT")
      return {
        ...base,
        status: "mismatch",
        kind: code === "UNIT_MISMATCH" ? "unit" : "direction",
        message: `${res.reason?.zh}（文中“${written}”）`,
        messageEn: res.reason?.en ?? "",
      };
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
    return {
      ...mismatch,
      kind: field,
      message: `${what}不符：文中“${written}”，按工作簿计算${name}为${expected}${where}${stated}`,
      messageEn: `${field} differs: the text says ${written}, the workbook gives ${expected} for ${entry.indicator.name}`,
    };
  }
  const slip = scaleSlip(slot, res.value);
  if (slip !== undefined)
    return {
      ...mismatch,
      kind: "scale",
      message: `数量级不符（万/亿）：文中“${written}”，工作簿中${name}${FIELD_ZH[field]}为${workbookText(res, decimals)}${where}，应为${expected}`,
      messageEn: `scale slip (万/亿): the text says ${written}, the workbook gives ${expected} for ${entry.indicator.name}`,
    };
  return {
    ...mismatch,
    kind: "value",
    message: `数值不符：文中“${written}”，工作簿中${name}${FIELD_ZH[field]}为${workbookText(res, decimals)}${where}`,
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

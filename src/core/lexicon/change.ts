/**
 * Change over last year: 增长/下降/持平, 倍, 个百分点, and (for a growth rate's own change)
 * 回落/收窄/由负转正. Writing and reading side by side.
 */
import { comparisonBase } from "./period";

export type ChangeKind = "relative" | "points";

/** The words of one change, around its number: "同比增长" 7.24 "%", "比上年提高" 1.2 "个百分点". */
export type ChangeWords =
  | { kind: "flat"; text: string }
  | { kind: "number"; before: string; unit: "%" | "倍" | "个百分点" };

/**
 * Words for a change of `rounded` (the number as it will be printed): a relative growth as a
 * percentage (or 倍 from 100% up, given `times`), or a change of a rate in points.
 * During the year the base is 上年同期.
 */
export function changeWords(
  kind: ChangeKind,
  rounded: number,
  months: number,
  times = false
): ChangeWords {
  const base = comparisonBase(months);
  if (rounded === 0) return { kind: "flat", text: `与${base}持平` };
  if (kind === "points")
    return {
      kind: "number",
      before: `比${base}${rounded > 0 ? "提高" : "降低"}`,
      unit: "个百分点",
    };
  // 同比 already means "against the same period last year".
  if (times) return { kind: "number", before: "同比增长", unit: "倍" };
  return { kind: "number", before: `同比${rounded > 0 ? "增长" : "下降"}`, unit: "%" };
}

/** A growth rate's change from last year's growth rate, in points: 回落, 收窄, 由负转正. */
export function growthRateChangeWords(previous: number, current: number): string {
  if (previous < 0 && current >= 0) return "由负转正";
  if (previous < 0 && current < 0) return current > previous ? "降幅收窄" : "降幅扩大";
  return current < previous ? "增速回落" : "增速提高";
}

const UP_WORDS = "增长|增幅|上升|提高|增加";
const DOWN_WORDS = "下降|减少|降低|回落|下滑|降幅|减幅";
/** 增速 says a rate of change, not its direction: a fall is written 增速-3.76%. */
const NEUTRAL_WORDS = "增速";

/** The words drafts use for a change, for reading. */
export const CHANGE_READING = {
  up: new RegExp(UP_WORDS),
  down: new RegExp(DOWN_WORDS),
  neutral: new RegExp(NEUTRAL_WORDS),
  /** Any word of a change, up, down or neither (no capture group: wrap it to capture). */
  word: new RegExp(`${UP_WORDS}|${NEUTRAL_WORDS}|${DOWN_WORDS}`),
  flat: /持平/,
  /** What a change is against, before its word: "同比", "比上年同期", "与去年相比". */
  yearOnYear:
    /同比|比上年同期|比上年|比去年同期|比去年|较上年同期|较上年|较去年同期|较去年|与上年同期相比|与去年同期相比|与上年相比|与去年相比/,
  times: /倍/,
  points: /个?百分点/,
  /** More or fewer than last year, of a count: "比上年多X家", "较去年少X人". */
  moreOrFewer: /(?:比|较)(?:上年|去年)(?:同期)?(多|少)了?$/,
  more: /^多/,
};

/** Words of a change in a count that say it only after what it is against: "比上年多3家". */
export const COUNT_CHANGE_WORDS = ["多", "少"];

/** A direction word as drafts write it and the word for the other direction: 增长 ↔ 下降. */
export const OPPOSITE_CHANGE: Record<string, string> = {
  增长: "下降",
  下降: "增长",
  增加: "减少",
  减少: "增加",
  提高: "降低",
  降低: "提高",
  上升: "下降",
  增幅: "降幅",
  降幅: "增幅",
  回落: "提高",
  下滑: "增长",
  减幅: "增幅",
  多: "少",
  少: "多",
};

/** The direction word right before a number ("同比增长了"), for rewriting it. */
export const CHANGE_WORD_BEFORE =
  /(增长|下降|增加|减少|提高|降低|上升|增幅|降幅|回落|下滑|减幅|(?<=上年|去年|同期)多|(?<=上年|去年|同期)少)(了)?$/;

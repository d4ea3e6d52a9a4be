/**
 * Approximation: 约/近 before the number, 余/多 between the number and its unit, 以上/左右
 * after the unit (约500人, 近20亿元, 4541余人, 20亿元以上). One word at most ("约1000多人" is
 * wrong). Writing and reading side by side.
 */
import { Approximation } from "../model";

/** Where each approximation's word stands when written. */
export const APPROXIMATION_WORDS: Record<
  Approximation,
  { before: string; afterNumber: string; afterUnit: string }
> = {
  about: { before: "约", afterNumber: "", afterUnit: "" },
  nearly: { before: "近", afterNumber: "", afterUnit: "" },
  over: { before: "", afterNumber: "余", afterUnit: "" },
  atLeast: { before: "", afterNumber: "", afterUnit: "以上" },
};

const NONE = { before: "", afterNumber: "", afterUnit: "" };

/** The words around a number for its approximation (none when exact). */
export function approximationWords(approx: Approximation | undefined): {
  before: string;
  afterNumber: string;
  afterUnit: string;
} {
  return approx ? APPROXIMATION_WORDS[approx] : NONE;
}

/** The words as cells and drafts write them, for reading. */
export const APPROXIMATION_READING = {
  before: [
    [/^(约|大约|大概)/, "about"],
    [/^(将近|接近|近)/, "nearly"],
    [/^(逾|超)/, "over"],
  ] as [RegExp, Approximation][],
  /** Words that end in 约/近 and are no approximation: "已签约X户", "附近X个小区". */
  notBefore:
    /(签约|预约|节约|合约|公约|制约|履约|违约|特约|邀约|相约|集约|简约|续约|解约|附近|最近|就近|临近|邻近|靠近)$/,
  afterNumber: /^(余|多)/,
  atEnd: [
    [/(左右)$/, "about"],
    [/(余|多)$/, "over"],
  ] as [RegExp, Approximation][],
  /** "500以上" on a completed value: at least 500 (on a target it is a floor, see bounds). */
  atLeast: /(以上)$/,
};

/**
 * The figure to write before 余/多 or after 超过 ("325万余元" for 3256480元): one the true value
 * does not fall below, so it is cut, never rounded up; whole when it is 10 or more, as report
 * writers do. Other figures are written as they are.
 */
export function figureWithApproximation(
  value: number,
  approx: Approximation | undefined,
  decimals: number
): number {
  if (approx !== "over" && approx !== "atLeast") return value;
  if (Math.abs(value) >= 10) return Math.trunc(value);
  const factor = 10 ** decimals;
  return Math.trunc(value * factor + 1e-9) / factor;
}

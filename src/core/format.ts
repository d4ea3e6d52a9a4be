/**
 * How numbers are written in a report (see the domain notes): Arabic numerals without
 * thousands separators, at most two decimals, 万/亿 for large amounts, 2023年 or 二〇二三年.
 */
import { Approximation } from "./model";
import { isMoneyUnit, normalizeUnit, unitScale, baseUnit } from "./units";

/** Half-up rounding on the decimal digits, not on the binary value (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  // Shift by editing the decimal exponent; String() may already be exponential (1e-7, 1e+21).
  const shifted = shiftDecimal(Math.abs(value), decimals);
  const rounded = Math.round(Number(shifted.toPrecision(15)));
  const result = sign * shiftDecimal(rounded, -decimals);
  return result === 0 ? 0 : result; // no -0
}

/** value × 10^places, computed on the decimal text so that 1.005 stays 1.005 and not 1.00499…. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** 1126 → "1126", 12.6 → "12.6", 109.1812 → "109.18"; trailing zeros dropped. */
export function formatNumber(value: number, decimals = 2): string {
  const rounded = roundTo(value, decimals);
  const text = Math.abs(rounded) >= 1e21 ? rounded.toString() : rounded.toFixed(decimals);
  const trimmed = text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  return trimmed === "-0" ? "0" : trimmed;
}

/** A fraction as a percentage: 1.0918 → "109.18%". */
export function formatPercent(fraction: number, decimals = 2): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}

export interface Amount {
  number: string;
  unit: string;
}

/**
 * A value in its unit, scaled to 万/亿 for large sums of money when asked:
 * 2935120 元 → 293.51万元, 12000 万元 → 1.2亿元, 0.42 亿元 → 4200万元. Never "3亿4500万".
 */
export function formatAmount(
  value: number,
  unit: string,
  options: { decimals: number; scale: boolean }
): Amount {
  const normalized = normalizeUnit(unit);
  if (!options.scale || !isMoneyUnit(normalized))
    return { number: formatNumber(value, options.decimals), unit: normalized };
  const sourceScale = unitScale(normalized);
  const base = value * sourceScale;
  // Decide on the number as it will be printed: 9999.999万元 is 1亿元, not "10000万元".
  const shownMagnitude = (scale: number) =>
    Math.abs(roundTo(base / scale, options.decimals)) * scale;
  let targetScale = sourceScale;
  if (shownMagnitude(1e4) >= 1e8) targetScale = 1e8;
  else if (shownMagnitude(1) >= 1e6 || sourceScale >= 1e3) targetScale = 1e4;
  const prefix =
    targetScale === 1e8 ? "亿" : targetScale === 1e4 ? "万" : targetScale === 1e3 ? "千" : "";
  return {
    number: formatNumber(base / targetScale, options.decimals),
    unit: `${prefix}${baseUnit(normalized)}`,
  };
}

/** Writes 约/近 before and 余 after a number: 约500人, 近20亿元, 4541余人. */
export function approximationWords(approx: Approximation | undefined): {
  before: string;
  after: string;
} {
  if (approx === "about") return { before: "约", after: "" };
  if (approx === "nearly") return { before: "近", after: "" };
  if (approx === "over") return { before: "", after: "余" };
  return { before: "", after: "" };
}

const CHINESE_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 2023 → "2023年" or "二〇二三年" (older drafts). */
export function formatYear(year: number, style: "arabic" | "chinese"): string {
  if (style === "arabic") return `${year}年`;
  return `${[...String(year)].map((d) => CHINESE_DIGITS[Number(d)]).join("")}年`;
}

/** The part of the year a report covers: 12 → "全年", 6 → "上半年", 10 → "1—10月". */
export function periodPhrase(months: number | undefined): string {
  if (months === undefined || months >= 12) return "全年";
  if (months === 6) return "上半年";
  if (months === 3) return "一季度";
  if (months === 9) return "前三季度";
  if (months === 1) return "1月";
  return `1—${months}月`;
}

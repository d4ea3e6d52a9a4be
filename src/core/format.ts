/**
 * How numbers are written in a report (see the domain notes): Arabic numerals without
 * thousands separators, at most two decimals, 万/亿 for large amounts, 2023年 or 二〇二三年.
 */
import { scaleFor, scalePrefix } from "./lexicon/scale";
import { isMoneyUnit, normalizeUnit, unitScale, baseUnit } from "./units";

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/** Half-up rounding on the decimal digits, not on the binary value (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const scale = POWERS_OF_TEN[decimals];
  if (scale !== undefined) {
    // On integers: the shifted value is exact to well within 0.01, so unless it lies near a
    // half the decimal text would round it the same way (a half, 1.005, takes the text).
    // rounded / scale is the double nearest to the decimal rounded×10^-decimals, as the text's.
    const shifted = Math.abs(value) * scale;
    if (shifted < 1e12) {
      const whole = Math.floor(shifted);
      const fraction = shifted - whole;
      if (Math.abs(fraction - 0.5) > 0.01) {
        const result = (sign * (fraction > 0.5 ? whole + 1 : whole)) / scale;
        return result === 0 ? 0 : result;
      }
    }
  }
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

/** Decimals of an amount written in another scale than its cell's (元 → 万元): one or two. */
const SCALED_DECIMALS = 2;

/**
 * A value in its unit, scaled to 万/亿 for large sums of money when asked:
 * 2935120 元 → 293.51万元, 12000 万元 → 1.2亿元, 0.42 亿元 → 4200万元. Never "3亿4500万".
 * A value kept in its cell's unit keeps the cell's own digits (12.6亿元 stays 12.6, whatever
 * `decimals`); a rescaled one gets at most two decimals, or `decimals` when more are asked.
 */
export function formatAmount(
  value: number,
  unit: string,
  options: { decimals: number; scale: boolean }
): Amount {
  const normalized = normalizeUnit(unit);
  const own = ownDecimals(value);
  if (!options.scale || !isMoneyUnit(normalized))
    return { number: formatNumber(value, own), unit: normalized };
  const sourceScale = unitScale(normalized);
  const base = value * sourceScale;
  const scaledDecimals = Math.max(SCALED_DECIMALS, options.decimals);
  // Decide on the number as it will be printed: 9999.999万元 is 1亿元, not "10000万元".
  const shownMagnitude = (scale: number) => Math.abs(roundTo(base / scale, scaledDecimals)) * scale;
  const targetScale = scaleFor(shownMagnitude, sourceScale);
  if (targetScale === sourceScale) return { number: formatNumber(value, own), unit: normalized };
  const scaled = base / targetScale;
  return {
    number: formatNumber(scaled, Math.min(scaledDecimals, ownDecimals(scaled))),
    unit: `${scalePrefix(targetScale)}${baseUnit(normalized)}`,
  };
}

// The words live in the phrasebook; these names stay for the faces that import them from here.
export { formatYear } from "./lexicon/numbering";
export { periodPhrase } from "./lexicon/period";

/** Decimals a number is written with: 12.6 → 1, 2.75 → 2, 1126 → 0 (at most 6). */
export function ownDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = Number(value.toPrecision(12)).toString();
  if (text.includes("e")) return 6;
  return Math.min((text.split(".")[1] ?? "").length, 6);
}

/**
 * A computed fraction rounded to `decimals` but never across `pivot` (the status it stands
 * for): 0.99996 behind target is 99.996%, not 100%; a growth of 0.3% at 0 decimals is 0.3%,
 * not 持平. Returns the decimals to print with.
 */
export function decimalsKeepingSide(value: number, decimals: number, pivot: number): number {
  if (value === pivot) return decimals;
  for (let d = decimals; d <= 6; d++) {
    const rounded = roundTo(value, d);
    if (value > pivot ? rounded > pivot : rounded < pivot) return d;
  }
  return 6;
}

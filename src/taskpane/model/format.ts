/** Small display helpers shared by the view models. */
import { formatNumber, formatPercent } from "../../core/format";
import { CellRef, SourcedNumber } from "../../core/model";

export function refText(ref: CellRef | { sheet: string; cell?: string }): string {
  return ref.cell ? `${ref.sheet}!${ref.cell}` : ref.sheet;
}

/** 约500 / 500余 / 1126: a cell value in its indicator's unit, as the overview shows it. */
export function valueText(value: SourcedNumber, decimals: number): string {
  const number = formatNumber(value.value, decimals);
  if (value.approx === "about") return `约${number}`;
  if (value.approx === "nearly") return `近${number}`;
  if (value.approx === "over") return `${number}余`;
  return number;
}

/** "+7.2%", "-2.3%", "0%": a signed percentage. */
export function signedPercent(fraction: number, decimals: number): string {
  const text = formatPercent(Math.abs(fraction), decimals);
  const rounded = Number(formatNumber(fraction * 100, decimals));
  if (rounded === 0) return text;
  return `${rounded > 0 ? "+" : "-"}${text}`;
}

/** "+1.2", "-0.3": signed points. */
export function signedNumber(value: number, decimals: number): string {
  const text = formatNumber(Math.abs(value), decimals);
  const rounded = Number(formatNumber(value, decimals));
  if (rounded === 0) return text;
  return `${rounded > 0 ? "+" : "-"}${text}`;
}

/** 12 → "全年", 10 → "1—10月". */
export function periodText(
  months: number,
  strings: { periodFull: string; periodMonths: (m: number) => string }
): string {
  return months >= 12 ? strings.periodFull : strings.periodMonths(months);
}

/**
 * Numbering: heading numbers (一、 （一） 1. （1）), Chinese numerals and years (二〇二三年).
 * Writing and reading side by side.
 */

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const YEAR_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] || "〇";
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

/** The heading number of the n-th section (1-based) at a level: 一、 （一） 1. （1）. */
export function headingNumber(level: HeadingLevel, n: number): string {
  if (level === 1) return `${chineseNumber(n)}、`;
  if (level === 2) return `（${chineseNumber(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** 2023 → "2023年" or "二〇二三年" (older drafts). */
export function formatYear(year: number, style: "arabic" | "chinese"): string {
  if (style === "arabic") return `${year}年`;
  return `${[...String(year)].map((d) => YEAR_DIGITS[Number(d)]).join("")}年`;
}

/** "2023年" or "二〇二三年" → 2023: the years a text names, in order (formatYear read back). */
export function yearsIn(text: string): { year: number; index: number }[] {
  const years: { year: number; index: number }[] = [];
  for (const m of text.matchAll(/((?:19|20)\d{2})年|([〇零一二三四五六七八九]{4})年/g)) {
    const digits = m[1] ?? [...m[2]].map((d) => (d === "零" ? 0 : YEAR_DIGITS.indexOf(d))).join("");
    years.push({ year: Number(digits), index: m.index ?? 0 });
  }
  return years;
}

/** The heading numbers as written, for reading: a whole number cell, or one before a title. */
export const HEADING_NUMBER = {
  alone: [
    [/^[一二三四五六七八九十百]+[、.．]?$/, 1],
    [/^[（(][一二三四五六七八九十百]+[)）]$/, 2],
    [/^\d+[.．、]$/, 3],
    [/^[（(]\d+[)）]$/, 4],
  ] as [RegExp, HeadingLevel][],
  beforeTitle:
    /^\s*([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[)）]|\d+[.．、](?!\d)|[（(]\d+[)）])\s*/,
};

/** Level written by a heading number alone: "一、" → 1, "（一）" → 2, "1." → 3, "（1）" → 4. */
export function levelOfNumber(text: string): HeadingLevel | undefined {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  for (const [re, level] of HEADING_NUMBER.alone) if (re.test(t)) return level;
  return undefined;
}

/**
 * Outline level of a row's numbering, in a 序号 cell or before a name (full-width brackets):
 * 一、 → 1, （一） → 2, 1 or 1. → 3, （1） → 4, ① → 5.
 */
export function numberingLevel(compact: string): number | undefined {
  if (/^[一二三四五六七八九十]+([、.．]|$)/.test(compact)) return 1;
  if (/^（[一二三四五六七八九十]+）/.test(compact)) return 2;
  if (/^\d+([.、．](?!\d)|$)/.test(compact)) return 3;
  if (/^（\d+）/.test(compact)) return 4;
  if (/^[①-⑳]/.test(compact)) return 5;
  return undefined;
}

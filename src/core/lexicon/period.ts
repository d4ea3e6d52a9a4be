/**
 * Periods: how a report names the part of the year it covers, and what it compares with.
 * Writing and reading side by side: `periodPhrase` writes "1—10月"; `PERIOD_WORDS` reads the
 * ways tables and drafts write it.
 */

/** 12 → "全年", 6 → "上半年", 3 → "一季度", 9 → "前三季度", 10 → "1—10月". */
export function periodPhrase(months: number | undefined): string {
  if (months === undefined || months >= 12) return "全年";
  if (months === 6) return "上半年";
  if (months === 3) return "一季度";
  if (months === 9) return "前三季度";
  if (months === 1) return "1月";
  return `1—${months}月`;
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A month's English name: 10 → "October". */
export function monthNameEn(month: number): string {
  return MONTHS_EN[month - 1] ?? String(month);
}

/** The same in English, for messages: 12 → "the full year", 10 → "January to October". */
export function periodPhraseEn(months: number | undefined): string {
  if (months === undefined || months >= 12) return "the full year";
  if (months === 1) return "January";
  return `January to ${monthNameEn(months)}`;
}

/** What a change is measured against: 上年 at year end, 上年同期 during the year. */
export function comparisonBase(months: number): string {
  return months < 12 ? "上年同期" : "上年";
}

/** The target a completion rate is a share of: 目标任务 at year end, 全年目标 during the year. */
export function targetWord(months: number): string {
  return months < 12 ? "全年目标" : "目标任务";
}

/** Whether a report covers only part of the year. */
export function isPartYear(months: number): boolean {
  return months < 12;
}

/** A rate behind the share of the year elapsed, as reports write it: "，低于序时进度7.78个百分点". */
export const SCHEDULE_WRITING = { behind: "低于序时进度", unit: "个百分点" } as const;

/** Share of the year elapsed: 序时进度 (10/12 for 1—10月). */
export function expectedProgress(months: number): number {
  return Math.min(months, 12) / 12;
}

/** Words that name a period in headers and drafts: 1—10月, 1-10月, 截至10月底, 上半年, 前三季度. */
export const PERIOD_WORDS = {
  range: /(?:^|[^\d])1\s*[—\-–~～至到]\s*(1[0-2]|[1-9])\s*月/,
  until: /截[至止](?:\d{4}年)?(1[0-2]|[1-9])月(?:底|末)?/,
  halfYear: /上半年/,
  threeQuarters: /前三季度/,
  firstQuarter: /一季度|第一季度/,
  fullYear: /全年|年度/,
  /** Any time a draft names before its words, to read past: 2023年, 1—10月, 上半年, 汛前, 年底. */
  inText:
    /汛前|汛期|汛后|节前|节后|年初|年中|年内|(?:19|20)\d{2}年度?|[〇零一二三四五六七八九]{4}年度?|\d{1,2}\s*[—\-–~至到]\s*\d{1,2}月份?|上半年|下半年|前三季度|[一二三四]季度|\d{1,2}月(?:底|末|份)?|年底|年末/g,
} as const;

/** The months a text names, by the words above; undefined when it names none. */
export function readPeriod(text: string): number | undefined {
  const range = PERIOD_WORDS.range.exec(text) ?? PERIOD_WORDS.until.exec(text);
  if (range) return Number(range[1]);
  if (PERIOD_WORDS.halfYear.test(text)) return 6;
  if (PERIOD_WORDS.threeQuarters.test(text)) return 9;
  if (PERIOD_WORDS.firstQuarter.test(text)) return 3;
  return undefined;
}

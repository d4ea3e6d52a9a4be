/**
 * Which texts a spreadsheet would not keep as text when written into a cell the way typing is
 * (Office.js Range.values, WPS Range.Value2): formulas and anything it reads as a number, date,
 * time or truth value. Every writer (Excel, WPS, the file copy) sets the text format "@" first
 * for such texts, and only for them, so ordinary sentences leave the cell's format alone.
 *
 * Excel looks at the text after its leading spaces, and Chinese and Japanese input gives the
 * full-width forms, which Excel takes as their ASCII twins; so the checks run on the text after
 * NFKC and with leading white space (spaces, tabs, line breaks, U+3000) removed:
 * - a formula: "=", "+", "-" or "@" first (also "＝＋－＠"), or "'" (Excel's text prefix, which
 *   it would swallow);
 * - a number: 1126, 1,126, -3.5, .5, 1e5, 95%, (1126) (negative), $1126, ¥1126, €12, £3,
 *   1 1/2 and 3/4 (fractions);
 * - a date or time: 2023-10, 10/1, 1.5.2023, 2023年10月, 10月1日, 2023年10月1日, 9:30, 9:30:15,
 *   9:30 AM;
 * - TRUE / FALSE.
 */
const CURRENCY = "[$¥€£]";
const NUMBER = "(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)(e[-+]?\\d+)?";

const NUMBER_LIKE = [
  new RegExp(`^[-+]?${CURRENCY}?\\s*[-+]?${NUMBER}\\s*%?$`, "i"),
  new RegExp(`^\\(\\s*${CURRENCY}?\\s*${NUMBER}\\s*%?\\s*\\)$`, "i"),
  new RegExp(`^${CURRENCY}?\\s*\\(\\s*${NUMBER}\\s*\\)$`, "i"),
  /^\d+\s+\d+\/\d+$/, // 1 1/2
  /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/, // 2023-10, 10/1, 3/4, 1.5.2023
  /^(\d{1,4}年)?\d{1,2}月(\d{1,2}日)?$/, // 2023年10月, 10月1日
  /^\d{1,4}年\d{1,2}月\d{1,2}日$/,
  /^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[ap]m?)?$/i, // 9:30, 9:30 AM
  /^\d{1,2}\s*[ap]m$/i, // 9 AM
  /^(true|false)$/i,
];

/** The text as the spreadsheet reads it: NFKC, leading white space removed. */
export function spreadsheetReading(text: string): string {
  return text.normalize("NFKC").replace(/^[\s\u3000]+/, "");
}

/** True when the text must be written with the text format to stay the text it is. */
export function needsTextFormat(text: string): boolean {
  const read = spreadsheetReading(text);
  if (/^[=+\-@]./s.test(read) || read.startsWith("'")) return true;
  const t = read.trim();
  return NUMBER_LIKE.some((pattern) => pattern.test(t));
}

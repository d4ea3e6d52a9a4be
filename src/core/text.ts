/**
 * Text normalisation shared by every matcher: header words, indicator names, cell text.
 * Statisticians type with Chinese input methods, so full-width digits, letters and
 * punctuation, ideographic spaces and line breaks inside cells are everyday input.
 */

/** Full-width → half-width (NFKC), trimmed; keeps inner spaces. */
export function toHalfWidth(text: string): string {
  return text.normalize("NFKC").trim();
}

/** For matching: half-width, lower case, no white space or line breaks at all. */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** The cell's text as the user sees it, for messages and names. */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "error" in (value as object))
    return String((value as { error: unknown }).error);
  return String(value);
}

/** Count of leading spaces (half- or full-width): people indent parts with the space bar. */
export function leadingSpaces(text: string): number {
  const match = /^[ \u3000\u00a0]+/.exec(text);
  if (!match) return 0;
  let width = 0;
  for (const ch of match[0]) width += ch === "\u3000" ? 2 : 1;
  return width;
}

const LATIN = /[A-Za-z0-9]/;
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const TO_FULL_WIDTH_PUNCTUATION: Record<string, string> = {
  "(": "（",
  ")": "）",
  ":": "：",
  ";": "；",
  ",": "，",
};

/**
 * A name as a report should print it: no white space ("城镇 新增\n就业" → "城镇新增就业"),
 * half-width digits and letters, and Chinese (full-width) brackets and colons.
 */
export function compactName(text: string): string {
  return (
    text
      .trim()
      // Spaces separate Latin words ("Fixed asset investment"); between Chinese characters they are noise.
      .replace(/\s+/g, (space: string, at: number, whole: string) =>
        LATIN.test(whole[at - 1] ?? "") && LATIN.test(whole[at + space.length] ?? "") ? " " : ""
      )
      .replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/[():;,]/g, (ch) => TO_FULL_WIDTH_PUNCTUATION[ch])
  );
}

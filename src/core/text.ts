/**
 * Text normalisation shared by every matcher: header words, indicator names, cell text.
 * Statisticians type with Chinese input methods, so full-width digits, letters and
 * punctuation, ideographic spaces and line breaks inside cells are everyday input.
 *
 * An analysis normalises the same few hundred names thousands of times (every row of a
 * ledger repeats its units, its 其中 names, its headers): inside `withTextMemo` each result is
 * kept for the duration of that one call, then dropped, so nothing outlives the workbook.
 */

/**
 * Characters NFKC leaves as they are, that are not white space, and that no normaliser here
 * changes except for ASCII letters' case: printable ASCII but for the space, the CJK unified
 * ideographs, 、。—“”. A text made only of them needs no Unicode normalisation.
 */
function isPlainChar(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x7e) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    code === 0x3001 ||
    code === 0x3002 ||
    code === 0x2014 ||
    code === 0x201c ||
    code === 0x201d
  );
}

/** 0: not plain; 1: plain without A–Z; 2: plain with an A–Z. */
function plainKind(text: string): 0 | 1 | 2 {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isPlainChar(code)) return 0;
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  return upper ? 2 : 1;
}

interface TextMemo {
  halfWidth: Map<string, string>;
  match: Map<string, string>;
  compact: Map<string, string>;
  /** Other pure functions of a text (units.ts, indicators.ts), by function. */
  other: Map<(text: string) => unknown, Map<string, unknown>>;
}

let memo: TextMemo | undefined;

/**
 * Runs `work` with the normalisers below remembering their results; the memory is dropped when
 * `work` returns (or throws). Nested calls share the outer one's.
 */
export function withTextMemo<T>(work: () => T): T {
  if (memo) return work();
  memo = { halfWidth: new Map(), match: new Map(), compact: new Map(), other: new Map() };
  try {
    return work();
  } finally {
    memo = undefined;
  }
}

function remembered(
  cache: Map<string, string> | undefined,
  text: string,
  compute: (text: string) => string
): string {
  if (!cache) return compute(text);
  let result = cache.get(text);
  if (result === undefined) {
    result = compute(text);
    cache.set(text, result);
  }
  return result;
}

/**
 * `compute(text)`, remembered inside withTextMemo. `compute` must be a pure function of the
 * text, declared once (its identity is the key).
 */
export function rememberedOf<T>(compute: (text: string) => T, text: string): T {
  if (!memo) return compute(text);
  let cache = memo.other.get(compute) as Map<string, T> | undefined;
  if (!cache) {
    cache = new Map();
    memo.other.set(compute, cache);
  }
  let result = cache.get(text);
  if (result === undefined && !cache.has(text)) {
    result = compute(text);
    cache.set(text, result);
  }
  return result as T;
}

/** Full-width → half-width (NFKC), trimmed; keeps inner spaces. */
export function toHalfWidth(text: string): string {
  if (plainKind(text) !== 0) return text;
  return remembered(memo?.halfWidth, text, halfWidthOf);
}

function halfWidthOf(text: string): string {
  return text.normalize("NFKC").trim();
}

/** For matching: half-width, lower case, no white space or line breaks at all. */
export function normalizeForMatch(text: string): string {
  const kind = plainKind(text);
  if (kind === 1) return text;
  return remembered(memo?.match, text, kind === 2 ? lowerCase : matchFormOf);
}

function lowerCase(text: string): string {
  return text.toLowerCase();
}

function matchFormOf(text: string): string {
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
  if (isCompact(text)) return text;
  return remembered(memo?.compact, text, compactNameOf);
}

/** Plain text without the half-width punctuation compactName turns into full width. */
function isCompact(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ( ) , : ;
    if (
      !isPlainChar(code) ||
      code === 0x28 ||
      code === 0x29 ||
      code === 0x2c ||
      code === 0x3a ||
      code === 0x3b
    )
      return false;
  }
  return true;
}

function compactNameOf(text: string): string {
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

/**
 * Picks the task pane's language: Chinese unless Office or the browser asks for English. Apart
 * from the strings themselves, so that the page loads only the language it shows (./load.ts).
 */
export type Language = "zh" | "en";

export interface LanguageHints {
  /** Office.context.displayLanguage ("zh-CN", "en-US"), inside Office. */
  officeLanguage?: string;
  /** navigator.language, in standalone mode. */
  browserLanguage?: string;
  /** The page's query string ("?lang=en"); overrides the rest. */
  search?: string;
}

function fromTag(tag: string | undefined | null): Language | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase();
  if (t.startsWith("en")) return "en";
  if (t.startsWith("zh")) return "zh";
  return undefined;
}

/** Chinese by default; English only when asked for (an English Office, browser or ?lang=en). */
export function pickLanguage(hints: LanguageHints): Language {
  const query = hints.search ? new URLSearchParams(hints.search).get("lang") : null;
  const forced = fromTag(query);
  if (forced) return forced;
  if (hints.officeLanguage !== undefined) return fromTag(hints.officeLanguage) ?? "zh";
  return fromTag(hints.browserLanguage) === "en" ? "en" : "zh";
}

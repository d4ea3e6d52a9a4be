/** The task pane's strings in both languages, and how the language is picked. */
import { en } from "./en";
import { Language } from "./language";
import { Strings, zh } from "./zh";

export type { Strings } from "./zh";
export type { Language, LanguageHints } from "./language";
export { pickLanguage } from "./language";

export const STRINGS: Record<Language, Strings> = { zh, en };

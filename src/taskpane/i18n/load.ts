/**
 * The strings of one language for the page: Chinese comes with the first render's JavaScript,
 * English is a chunk of its own, loaded only when the pane is in English.
 */
import { Language } from "./language";
import { Strings, zh } from "./zh";

let english: Strings | undefined;
let loadingEnglish: Promise<Strings> | undefined;

/** The strings when they are at hand, else undefined (loadStrings brings them). */
export function stringsNow(language: Language): Strings | undefined {
  return language === "zh" ? zh : english;
}

export function loadStrings(language: Language): Promise<Strings> {
  if (language === "zh") return Promise.resolve(zh);
  loadingEnglish ??= import(/* webpackChunkName: "strings-en" */ "./en").then(
    (m) => (english = m.en),
    (error: unknown) => {
      loadingEnglish = undefined;
      throw error;
    }
  );
  return loadingEnglish;
}

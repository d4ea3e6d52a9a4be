/** React context for the strings of the chosen language, and small shared hooks. */
import * as React from "react";
import type { Language, Strings } from "../i18n";
import { zh } from "../i18n/zh";

export interface LocaleValue {
  language: Language;
  strings: Strings;
}

export const LocaleContext = React.createContext<LocaleValue>({
  language: "zh",
  strings: zh,
});

export function useLocale(): LocaleValue {
  return React.useContext(LocaleContext);
}

/** True once `active` has stayed true for `delayMs` (no spinner flash for quick work). */
export function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = React.useState(false);
  React.useEffect(() => {
    if (!active) {
      setShown(false);
      return undefined;
    }
    const timer = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [active, delayMs]);
  return active && shown;
}

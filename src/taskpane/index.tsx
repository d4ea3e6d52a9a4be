/**
 * Task pane entry: decides where it runs (inside Excel, or standalone in a browser when the
 * page has no Office host information), picks language and theme, and renders. Until then the
 * loading state of taskpane.html shows; a message there when office.js failed inside Office
 * (boot.js holds the page's first messages, in ES5, for engines too old for this bundle).
 *
 * Nothing is awaited between Office's answer and the first render: the engine, the Excel host
 * and (in English) the strings are chunks of their own that load while the pane renders.
 */
import { createRoot } from "react-dom/client";
import App, { AppMode } from "./components/App";
import { loadEngine } from "./engine";
import { createExcelWorkbookHost } from "./host/excel";
import { loadStrings } from "./i18n/load";
import { pickLanguage } from "./i18n/language";
import { pickTheme } from "./model/theme";
import {
  officeBodyBackground,
  officeDisplayLanguage,
  quietOfficeOutsideOffice,
  startOffice,
} from "./office";

/* global document, navigator, window */

/** What boot.js (the page's first script) leaves on window. */
interface Boot {
  oldEngine?: boolean;
  show?: (kind: "office-failed" | "old-engine") => void;
  done?: () => void;
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  const boot = (window as unknown as { IndicatorReportBoot?: Boot }).IndicatorReportBoot;
  if (!container || boot?.oldEngine) return;
  // Every workbook needs the engine: it loads while Office starts and the workbook is read.
  loadEngine().catch(() => undefined); // a failure shows where the analysis needs it
  const start = await startOffice();
  if (start.kind === "office-failed") {
    console.warn("指标报告助手: office.js did not load inside Office");
    boot?.show?.("office-failed");
    boot?.done?.();
    return;
  }
  boot?.done?.();
  const inExcel = start.kind === "excel";
  const search = window.location.search;
  if (!inExcel) quietOfficeOutsideOffice();
  const language = pickLanguage(
    inExcel
      ? { officeLanguage: officeDisplayLanguage(), search }
      : { browserLanguage: navigator.language, search }
  );
  const theme = pickTheme(
    inExcel
      ? { officeBodyBackground: officeBodyBackground(), search }
      : { search, prefersDark: window.matchMedia?.("(prefers-color-scheme: dark)").matches }
  );
  const host = inExcel
    ? createExcelWorkbookHost(loadStrings(language).then((s) => s.workbookLabel))
    : undefined;
  // App reports a failure once it renders (after a dark theme's chunk, say): not unhandled.
  host?.catch(() => undefined);
  const mode: AppMode = host ? { kind: "excel", host } : { kind: "standalone" };
  document.documentElement.lang = language === "en" ? "en" : "zh-CN";
  createRoot(container).render(<App mode={mode} language={language} theme={theme} />);
}

void main();

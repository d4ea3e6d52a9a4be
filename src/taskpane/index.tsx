/**
 * Task pane entry: decides where it runs (inside Excel, or standalone in a browser when
 * office.js reports no host or did not load), picks language and theme, and renders.
 */
import { createRoot } from "react-dom/client";
import App, { AppMode } from "./components/App";
import { createExcelWorkbookHost } from "./host/excel";
import { STRINGS, pickLanguage } from "./i18n";
import { pickTheme } from "./model/theme";
import {
  officeBodyBackground,
  officeDisplayLanguage,
  quietOfficeOutsideOffice,
  waitForOffice,
} from "./office";

/* global document, navigator, window */

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const officeHost = await waitForOffice();
  const inExcel = officeHost === "Excel";
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
  let mode: AppMode = { kind: "standalone" };
  if (inExcel) {
    try {
      mode = {
        kind: "excel",
        host: await createExcelWorkbookHost(STRINGS[language].workbookLabel),
      };
    } catch (error) {
      console.error("指标报告助手: the Excel host could not be created", error);
      mode = { kind: "excel-unavailable" };
    }
  }
  document.documentElement.lang = STRINGS[language].lang;
  createRoot(container).render(<App mode={mode} language={language} theme={theme} />);
}

void main();

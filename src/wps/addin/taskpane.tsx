/**
 * Task pane entry for WPS 表格. It finds the ET application (window.Application, or
 * wps.EtApplication() on older clients) first, synchronously: the WPS page loads no office.js
 * and nothing here waits for Office. Inside WPS the pane works on the open workbook through
 * src/wps; opened in a plain browser it is the standalone pane.
 */
import "./polyfills";
import { createRoot } from "react-dom/client";
import App, { AppMode } from "../../taskpane/components/App";
import { STRINGS, pickLanguage } from "../../taskpane/i18n";
import { pickTheme } from "../../taskpane/model/theme";
import { findEtApplication } from "../et";
import { createWpsHost } from "../wps-host";

/* global document, navigator, window, console */

function main(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const app = findEtApplication(window);
  const search = window.location.search;
  const language = pickLanguage({ browserLanguage: navigator.language, search });
  const theme = pickTheme({
    search,
    prefersDark: window.matchMedia?.("(prefers-color-scheme: dark)").matches,
  });
  let mode: AppMode = { kind: "standalone" };
  if (app) {
    try {
      mode = {
        kind: "excel",
        host: createWpsHost(app, { label: STRINGS[language].workbookLabel }),
      };
    } catch (error) {
      console.error("指标报告助手: the WPS host could not be created", error);
      mode = { kind: "excel-unavailable" };
    }
  }
  document.documentElement.lang = STRINGS[language].lang;
  container.setAttribute("data-host", app ? "wps" : "browser");
  createRoot(container).render(<App mode={mode} language={language} theme={theme} />);
}

main();

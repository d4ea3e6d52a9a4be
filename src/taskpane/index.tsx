import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";

/* global document, Office, window */

const TITLE = "指标报告助手";

/** How long to wait for Office.onReady before rendering anyway (e.g. in a plain browser). */
const OFFICE_READY_TIMEOUT_MS = 1500;

/**
 * Resolves with the Office host name ("Excel") once Office.js is ready, or with null when
 * office.js did not load, reports no host, fails, or does not answer within the timeout.
 */
function waitForOffice(timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
      resolve(null);
      return;
    }
    const timer = window.setTimeout(() => resolve(null), timeoutMs);
    const finish = (host: string | null) => {
      window.clearTimeout(timer);
      resolve(host);
    };
    Office.onReady().then(
      (info) => finish(info.host ? String(info.host) : null),
      () => finish(null)
    );
  });
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) {
    return;
  }
  const host = await waitForOffice(OFFICE_READY_TIMEOUT_MS);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App title={TITLE} host={host} />
    </FluentProvider>
  );
}

void main();

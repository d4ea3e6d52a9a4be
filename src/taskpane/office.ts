/**
 * What the task pane needs to know about Office before it renders: whether it runs inside Excel,
 * its display language and theme. Everything here tolerates office.js being absent (no network)
 * or loaded outside Office (a plain browser: standalone mode).
 */

/* global Office, window */

/** How long to wait for Office.onReady before deciding there is no Office. */
export const OFFICE_READY_TIMEOUT_MS = 1500;

/**
 * Resolves with the Office host name ("Excel") once Office.js is ready, or with null when
 * office.js did not load, reports no host, fails, or does not answer within the timeout.
 */
export function waitForOffice(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<string | null> {
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

export function officeDisplayLanguage(): string | undefined {
  try {
    return Office.context.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}

export function officeBodyBackground(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Outside Office, office.js has nothing to report to, yet its logger would still load a hidden
 * telemetry frame from Microsoft a few seconds after it starts. In standalone mode (often on an
 * intranet, where data must not leave the machine) that request is pointless, so stop it.
 */
export function quietOfficeOutsideOffice(): void {
  const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: unknown } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint as
    { loadProxyFrame?: () => void; writeLog?: (log: string) => void } | null | undefined;
  if (endpoint && typeof endpoint.loadProxyFrame === "function") {
    endpoint.loadProxyFrame = () => undefined;
    endpoint.writeLog = () => undefined;
  }
}

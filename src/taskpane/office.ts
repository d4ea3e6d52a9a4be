/**
 * What the task pane needs to know about Office before it renders: whether it runs inside Excel,
 * its display language and theme. Everything here tolerates office.js being absent (no network)
 * or loaded outside Office (a plain browser: standalone mode).
 */

/* global Office, window */

/** Where the pane runs, as far as the page can tell before office.js answers. */
export interface OfficeHostHint {
  /** "excel", "word", ... as the host passes it. */
  host: string;
  /** "win32", "web", "mac", ... */
  platform: string;
}

/**
 * The host information Office gives an add-in page, read the way office.js reads it (its
 * `_retrieveHostInfo`): `window.external.GetHostInfo()` (Office on Windows), the `_host_Info`
 * query parameter (Office on the web, Mac, WebView2), the `hostInfo` of a JSON `window.name`,
 * or what office.js kept in sessionStorage after an earlier load of the page. Undefined: the
 * page is not in an Office host (a plain browser). Nothing here waits.
 */
export function officeHostHint(
  win: {
    location: { search: string };
    name?: string;
    external?: unknown;
    sessionStorage?: { getItem(key: string): string | null };
  } = window
): OfficeHostHint | undefined {
  const fromValue = (value: string | null | undefined): OfficeHostHint | undefined => {
    if (!value) return undefined;
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // Keep it as it is.
    }
    let items = decoded.split("$");
    if (items[2] === undefined) items = decoded.split("|");
    const host = (items[0] ?? "").toLowerCase();
    return host ? { host, platform: (items[1] ?? "").toLowerCase() } : undefined;
  };
  const queryValue = (search: string, name: string): string | undefined => {
    const parts = search.split(`${name}=`);
    return parts.length > 1 ? parts[1].split(/[&#]/)[0] : undefined;
  };

  try {
    const external = win.external as { GetHostInfo?: () => string } | undefined;
    if (external && typeof external.GetHostInfo === "function") {
      const info = String(external.GetHostInfo());
      const parts = info.split("_host_Info=");
      const hint = fromValue(parts.length > 1 ? parts[1] : info);
      if (hint) return hint;
    }
  } catch {
    // Not Office on Windows.
  }
  const fromQuery = fromValue(queryValue(win.location.search, "_host_Info"));
  if (fromQuery) return fromQuery;
  try {
    const named = JSON.parse(win.name ?? "") as { hostInfo?: string } | null;
    const fromName = fromValue(named?.hostInfo);
    if (fromName) return fromName;
  } catch {
    // window.name is not office.js's JSON.
  }
  try {
    return fromValue(win.sessionStorage?.getItem("hostInfoValue"));
  } catch {
    return undefined;
  }
}

export type OfficeStart =
  | { kind: "excel" }
  /** Not in Office (or asked for with ?mode=standalone): the pane on a workbook file. */
  | { kind: "standalone" }
  /** In Office, but office.js did not load (no internet and the CDN build). */
  | { kind: "office-failed" }
  /** In an Office application other than Excel. */
  | { kind: "other-host"; host: string };

/**
 * Decides where the pane runs without a timeout: outside Office at once (the host information
 * is absent), inside Office once office.js is ready, however long a slow Excel takes. Runs
 * after office.js (the bundles come after its plain script), so `Office` is defined unless
 * office.js failed to load.
 */
export async function startOffice(
  win: Parameters<typeof officeHostHint>[0] & { Office?: unknown } = window
): Promise<OfficeStart> {
  if (/(^|[?&])mode=standalone(&|$)/.test(win.location.search.replace(/^\?/, "?"))) {
    return { kind: "standalone" };
  }
  const hint = officeHostHint(win);
  if (!hint) return { kind: "standalone" };
  const office = win.Office as typeof Office | undefined;
  if (!office || typeof office.onReady !== "function") return { kind: "office-failed" };
  let info: { host?: unknown };
  try {
    info = await office.onReady();
  } catch {
    return { kind: "office-failed" };
  }
  const host = info.host ? String(info.host) : hint.host;
  if (host.toLowerCase() === "excel") return { kind: "excel" };
  return { kind: "other-host", host };
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
  const quiet = () => {
    const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: unknown } } }).OSF;
    const endpoint = osf?.Logger?.ulsEndpoint as
      { loadProxyFrame?: () => void; writeLog?: (log: string) => void } | null | undefined;
    if (endpoint && typeof endpoint.loadProxyFrame === "function") {
      endpoint.loadProxyFrame = () => undefined;
      endpoint.writeLog = () => undefined;
    }
  };
  quiet();
  // The pane decides on standalone mode without waiting for office.js, whose logger may only
  // be set up once it has initialised: quiet it again then (Office.onReady outside Office
  // answers soon, with no host).
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    Office.onReady().then(quiet, () => undefined);
  }
}

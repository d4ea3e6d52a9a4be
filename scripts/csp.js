/**
 * The Content-Security-Policy of the add-in's pages: one policy, used by the meta tag of the
 * built pages (webpack.config.js), the header of scripts/static-server.js and the dev server.
 *
 * - default-src 'self': everything from the add-in's own origin unless named below;
 * - scripts from 'self' and Office's CDN only (office.js and the files it loads), no inline
 *   script, no eval ('unsafe-eval' absent: webpack's devtool is "source-map", never eval);
 * - connect-src 'self': no fetch or XHR to another machine (no telemetry);
 * - style-src also 'unsafe-inline': Fluent UI (Griffel) inserts its style rules at run time and
 *   the page sets a few style attributes; styles cannot run code;
 * - images and fonts from 'self', data: and blob: (icons, the chart); no plugins, no frames from
 *   elsewhere, forms and <base> to 'self' only.
 * (frame-ancestors cannot be set by a meta tag; Office frames the pane itself.)
 */
"use strict";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

const DIRECTIVES = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_CDN}`,
  "connect-src 'self'",
  // The analysis worker is the pane's own chunk; without this, workers would fall back to
  // script-src and could also be loaded from Office's CDN.
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy as one header or meta value. */
function contentSecurityPolicy() {
  return DIRECTIVES.join("; ");
}

module.exports = { contentSecurityPolicy, OFFICE_CDN };

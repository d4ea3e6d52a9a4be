/**
 * Escaping per output. Sheet names, titles, indicator names and cell texts come from the
 * workbook, which anyone may have written:
 * - text (the terminal): C0 and C1 control characters and bidi overrides are removed, also when
 *   Excel wrote them as `_x001B_`, so a cell cannot clear the screen, set the title or reverse
 *   the line;
 * - Markdown: every text taken from the workbook is escaped (table pipes, emphasis, links, HTML)
 *   and kept on one line, so a name cannot add a column, a heading or a script;
 * - JSON: unchanged (JSON.stringify escapes what JSON needs; consumers decide the rest).
 * The renderers (render.ts, render-draft.ts) stay as they are; these wrappers take the same
 * arguments, escape the values going in (Markdown) or the text coming out (text).
 */
import * as plain from "./render";
import * as draft from "./render-draft";

/** Excel's escape for characters XML cannot hold: _x001B_ is ESC. */
export function decodeExcelEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

// C0 except tab and line feed, DEL, C1, the bidi marks, embeddings, overrides and isolates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text that is inert on a terminal: line feeds and tabs kept, every other control removed. */
export function inertText(text: string): string {
  return decodeExcelEscapes(text).replace(UNSAFE, "");
}

/** One line for stderr: inert, and line breaks as spaces. */
export function inertLine(text: string): string {
  return inertText(text).replace(/[\n\u2028\u2029]+/g, " ");
}

/** A text from the workbook as inline Markdown: one line, no markup, no HTML. */
export function markdownInline(text: string): string {
  return inertText(text)
    .replace(/[\t\n\u2028\u2029]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/^(\s*)([#+=-])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * A copy of a value with every string in it escaped for Markdown. Plain objects and arrays are
 * copied; Maps and Sets too; anything else (numbers, dates) is kept. Shared and circular
 * references stay shared.
 */
export function markdownSafe<T>(value: T, seen = new Map<unknown, unknown>()): T {
  // Identifiers (codes, kinds, categories) carry no markup and may be looked up by the renderer.
  if (typeof value === "string")
    return (/^[A-Za-z][A-Za-z0-9_-]*$/.test(value) ? value : markdownInline(value)) as T;
  if (typeof value !== "object" || value === null || value instanceof Date) return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(markdownSafe(item, seen));
    return copy as T;
  }
  if (value instanceof Map) {
    const copy = new Map();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(k, markdownSafe(v, seen));
    return copy as T;
  }
  if (value instanceof Set) {
    const copy = new Set();
    seen.set(value, copy);
    for (const v of value) copy.add(markdownSafe(v, seen));
    return copy as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[k] = markdownSafe(v, seen);
  return copy as T;
}

export function renderMarkdown(...args: Parameters<typeof plain.renderMarkdown>): string {
  const safe = args.map((arg) => markdownSafe(arg)) as Parameters<typeof plain.renderMarkdown>;
  return inertText(plain.renderMarkdown(...safe));
}

export function renderText(...args: Parameters<typeof plain.renderText>): string {
  return inertText(plain.renderText(...args));
}

export function renderFillText(...args: Parameters<typeof draft.renderFillText>): string {
  return inertText(draft.renderFillText(...args));
}

export function renderCheckText(...args: Parameters<typeof draft.renderCheckText>): string {
  return inertText(draft.renderCheckText(...args));
}

export { checkJson, fillJson } from "./render-draft";

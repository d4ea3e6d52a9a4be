/**
 * Where the focus goes when the control that had it goes away (a notice or the sheet preview
 * closed, the open error dismissed): back to where the user was, never to <body>, where a
 * keyboard or screen-reader user would have to start again from the top of the pane.
 */
import * as React from "react";

/* global document, HTMLElement, Node */

/** The element that has the focus, unless that is nothing (<body>). */
export function focusedElement(): HTMLElement | undefined {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** Focuses `el` when it is still on the page and takes the focus; whether it did. */
export function focusIfPresent(el: HTMLElement | null | undefined): boolean {
  if (!el || !el.isConnected) return false;
  el.focus();
  return document.activeElement === el;
}

/**
 * Remembers what had the focus when the component appeared (or when `key` changes, unless the
 * focus is then inside `inside`), and gives a function that puts the focus back there, or on
 * `fallback` when that is gone.
 */
export function useFocusOrigin(
  key?: unknown,
  inside?: React.RefObject<HTMLElement | null>
): (fallback?: () => HTMLElement | null | undefined) => void {
  const origin = React.useRef<HTMLElement>();
  React.useLayoutEffect(() => {
    const now = focusedElement();
    if (now && !inside?.current?.contains(now)) origin.current = now;
  }, [key, inside]);
  return React.useCallback((fallback) => {
    if (!focusIfPresent(origin.current)) focusIfPresent(fallback?.());
  }, []);
}

const FOCUSABLE =
  "button:not([disabled]), a[href], input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]";

/** The last control before `el` in the page that Tab would reach (not Fluent's focus-trap dummies). */
export function focusableBefore(el: HTMLElement | null | undefined): HTMLElement | undefined {
  if (!el) return undefined;
  let found: HTMLElement | undefined;
  for (const candidate of document.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (el.contains(candidate)) break;
    if (!(el.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_PRECEDING)) break;
    if (candidate.tabIndex < 0 || candidate.hasAttribute("data-tabster-dummy")) continue;
    if (candidate.getClientRects().length === 0) continue;
    found = candidate;
  }
  return found;
}

/**
 * A roving tab index: a group of controls (a paragraph's numbers, the chart's bars) is one tab
 * stop; the arrow keys, Home and End move between its controls.
 */
import * as React from "react";

const KEYS: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => Math.min(count - 1, at + 1),
  ArrowDown: (at, count) => Math.min(count - 1, at + 1),
  ArrowLeft: (at) => Math.max(0, at - 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_, count) => count - 1,
};

export interface Roving {
  /** On the group's element. */
  onKeyDown: (event: React.KeyboardEvent) => void;
  /** Props of the control at `index`. */
  item: (index: number) => {
    tabIndex: number;
    ref: (el: HTMLElement | null) => void;
    onFocus: () => void;
  };
}

export function useRoving(count: number): Roving {
  const [active, setActive] = React.useState(0);
  const items = React.useRef<(HTMLElement | null)[]>([]);
  const current = Math.min(active, Math.max(0, count - 1));
  return {
    onKeyDown: (event) => {
      const move = KEYS[event.key];
      if (!move || count === 0) return;
      event.preventDefault();
      const next = move(current, count);
      setActive(next);
      items.current[next]?.focus();
    },
    item: (index) => ({
      tabIndex: index === current ? 0 : -1,
      ref: (el) => {
        items.current[index] = el;
      },
      onFocus: () => setActive(index),
    }),
  };
}

/**
 * Writing text so that Excel keeps it as text. Setting Range.values works like typing: "=..."
 * (also " =…", "＝…") would become a formula, "1126", "(1126)", "$1126" or "1 1/2" a number,
 * "10-1" a date. Such texts get the text format "@" first (needsTextFormat, in src/core);
 * ordinary sentences are written as they are, leaving the cell's format alone.
 */

/* global Excel */

import { needsTextFormat } from "../core/cell-input";

// One predicate for every writer (Excel, WPS, the file copy): src/core/cell-input.ts.
export { needsTextFormat };

/** Queues writing `text` into a one-cell range. */
export function writeText(cell: Excel.Range, text: string): void {
  if (needsTextFormat(text)) cell.numberFormat = [["@"]];
  cell.values = [[text]];
}

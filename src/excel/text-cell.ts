/**
 * Writing text so that Excel keeps it as text. Setting Range.values works like typing: "=..."
 * would become a formula, "1126" a number, "10-1" a date. Such texts get the text format "@"
 * first; ordinary sentences are written as they are, leaving the cell's format alone.
 */

/* global Excel */

export function needsTextFormat(text: string): boolean {
  const t = text.trim();
  return (
    /^[=+\-@]/.test(text) ||
    /^[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?%?$/i.test(t) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t) ||
    /^\d{1,2}:\d{2}(:\d{2})?$/.test(t) ||
    /^(true|false)$/i.test(t)
  );
}

/** Queues writing `text` into a one-cell range. */
export function writeText(cell: Excel.Range, text: string): void {
  if (needsTextFormat(text)) cell.numberFormat = [["@"]];
  cell.values = [[text]];
}

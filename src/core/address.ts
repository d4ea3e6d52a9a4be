import { CellRef } from "./model";
import { CellRange } from "./workbook";

/** The one key of a cell across the workbook: "就业!E4". */
export function cellKey(ref: CellRef): string {
  return `${ref.sheet}!${ref.cell}`;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row and column → "B7". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeToA1(range: CellRange): string {
  const start = toA1(range.top, range.left);
  const end = toA1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** "B7" (also "$B$7") → 0-based { row, col }; undefined when it is not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/**
 * "A1:F10", "Sheet1!A1:F10", "'my sheet'!A1" or a single cell → range; undefined when unreadable.
 * The sheet part, when present, is ignored.
 */
export function parseRange(address: string): CellRange | undefined {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const parts = local.split(":");
  if (parts.length > 2) return undefined;
  const [first, second] = parts;
  const start = parseA1(first);
  const end = second === undefined ? start : parseA1(second);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Standalone sheet preview: which column names the row of a cell (kept in view). */
import { parseA1, parseRange } from "../../core/address";
import { Analysis } from "../../core/model";

/** The name column of the indicator table holding the cell, else column A (0). */
export function nameColumnFor(analysis: Analysis | undefined, sheet: string, cell: string): number {
  const at = parseA1(cell);
  if (!analysis || !at) return 0;
  for (const table of analysis.tables) {
    if (table.sheet !== sheet) continue;
    const range = parseRange(table.range);
    if (!range || at.row < range.top || at.row > range.bottom) continue;
    const name = table.columns.find((c) => c.role === "name");
    if (name) return name.col;
  }
  return 0;
}

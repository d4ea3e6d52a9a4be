/** Standalone sheet preview: which column names the row of a cell (kept in view). */
import { columnLetters, parseA1, parseRange } from "../../core/address";
import { Analysis } from "../../core/model";

/** The name column of the indicator table holding the cell, else column A (0). */
export function nameColumnFor(analysis: Analysis | undefined, sheet: string, cell: string): number {
  const at = parseA1(cell);
  if (!analysis || !at) return 0;
  for (const table of analysis.tables) {
    // A table that runs across has its names in a row: column A keeps the row labels in view.
    if (table.sheet !== sheet || table.transposed) continue;
    const range = parseRange(table.range);
    if (!range || at.row < range.top || at.row > range.bottom) continue;
    const name = table.columns.find((c) => c.role === "name");
    if (name) return name.col;
  }
  return 0;
}

/** The header row of the indicator table holding a cell: its row and each column's header. */
export interface PreviewHeaders {
  /** 1-based row of the table's header. */
  row: number;
  /** Header text by column letter ("A" → "指标名称"), for the columns the table names. */
  names: Map<string, string>;
}

/**
 * The names of the preview's columns, from the table that holds the cell (the engine read its
 * header row), so that a preview showing rows far below the header still says what each
 * column is; undefined when the cell is in no table.
 */
export function previewHeaders(
  analysis: Analysis | undefined,
  sheet: string,
  cell: string
): PreviewHeaders | undefined {
  const at = parseA1(cell);
  if (!analysis || !at) return undefined;
  for (const table of analysis.tables) {
    if (table.sheet !== sheet) continue;
    const range = parseRange(table.range);
    if (!range || at.row < range.top || at.row > range.bottom) continue;
    // Its headers are row labels (目标任务, 累计完成): the preview shows them as they are.
    if (table.transposed) return undefined;
    const names = new Map<string, string>();
    for (const column of table.columns)
      if (column.header.trim()) names.set(columnLetters(column.col), column.header.trim());
    return names.size > 0 ? { row: range.top + 1, names } : undefined;
  }
  return undefined;
}

/**
 * Indicator tables that run across: the names in one row ("项目 | 城镇新增就业（人） | 失业人员
 * 再就业（人） | …") and 目标任务 / 累计完成 / 去年同期 in the rows below, as many offices keep
 * a one-page summary. The engine reads such a sheet through a view with rows and columns
 * swapped below its title lines (which stay on top, so the title still gives the period, the
 * year and a 单位 line), and every rule for tables that run down applies unchanged. Addresses
 * made on the view are given back in the sheet's own (`cellAddress`), so every finding and
 * number points at the real cell.
 */
import { toA1 } from "./address";
import { CellModel, CellRange, SheetModel, Transposition } from "./workbook";

/** Title lines read above a table that runs across, at most. */
const TITLE_ROWS = 4;

/** The leading rows that hold one text each at most (a title, a 单位 line) or nothing. */
function titleRowCount(sheet: SheetModel): number {
  let k = 0;
  for (; k < Math.min(TITLE_ROWS, sheet.rows.length); k++) {
    const texts = new Set<string>();
    for (const cell of sheet.rows[k] ?? []) {
      const value = cell?.value;
      if (value === null || value === undefined || value === "") continue;
      if (typeof value !== "string") return k;
      texts.add(value.trim());
    }
    if (texts.size > 1) return k;
  }
  return k;
}

/** The view of a sheet whose indicators run across: its title lines, then rows and columns swapped. */
export function transposedSheet(sheet: SheetModel): SheetModel {
  const titleRows = titleRowCount(sheet);
  const rows: (CellModel | undefined)[][] = sheet.rows.slice(0, titleRows).map((r) => r ?? []);
  for (let r = titleRows; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    row.forEach((cell, c) => {
      if (cell !== undefined) (rows[titleRows + c] ??= [])[r - titleRows] = cell;
    });
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const transposed: Transposition = { titleRows };
  const view: SheetModel = {
    name: sheet.name,
    rows,
    merges: sheet.merges.map((m) =>
      m.bottom < titleRows
        ? m
        : {
            top: titleRows + m.left,
            bottom: titleRows + m.right,
            left: m.top - titleRows,
            right: m.bottom - titleRows,
          }
    ),
    // An Excel table (ListObject) runs down by definition: it was read as it is.
    tables: [],
    transposed,
  };
  if (sheet.hidden) view.hidden = true;
  return view;
}

type MaybeTransposed = { transposed?: Transposition };

/** "B7" of the cell at (row, col) of a sheet or of its view: always the sheet's own address. */
export function cellAddress(sheet: MaybeTransposed, row: number, col: number): string {
  const t = sheet.transposed;
  if (!t || row < t.titleRows) return toA1(row, col);
  return toA1(col + t.titleRows, row - t.titleRows);
}

/** A range of a sheet or of its view (below the title lines), as the sheet's own. */
export function sheetRange(sheet: MaybeTransposed, range: CellRange): CellRange {
  const t = sheet.transposed;
  if (!t || range.top < t.titleRows) return range;
  return {
    top: range.left + t.titleRows,
    bottom: range.right + t.titleRows,
    left: range.top - t.titleRows,
    right: range.bottom - t.titleRows,
  };
}

/**
 * Office.js range data (values, valueTypes, numberFormat, cell properties) → the engine's cells.
 * Pure: no Office.js calls here, so it is tested with plain arrays.
 */
import { CellModel, CellRange } from "../core/workbook";

/** What one loaded block of a sheet holds; arrays are row-major and match `range`. */
export interface RangeData {
  /** Where the block sits in the sheet (0-based); the used range need not start at A1. */
  range: CellRange;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  /** Indent levels from getCellProperties, when the host supports it (ExcelApi 1.9). */
  indents?: (number | undefined)[][];
}

/** A sheet's cells while blocks are being placed: row → column → cell. */
export type SparseGrid = Map<number, Map<number, CellModel>>;

/**
 * One cell. Office.js gives errors as their text ("#DIV/0!") with valueType "Error", empty
 * cells as "" with "Empty", and dates as serial numbers: those become Dates when the number
 * format is a date format, as the .xlsx reader does.
 */
export function toCellModel(
  value: unknown,
  valueType: string | undefined,
  numFmt: unknown,
  indent: number | undefined
): CellModel | undefined {
  const plain = plainValue(value, valueType, numFmt);
  if (plain === undefined) return undefined;
  const cell: CellModel = { value: plain };
  if (typeof numFmt === "string" && numFmt !== "" && numFmt !== "General") cell.numFmt = numFmt;
  if (typeof indent === "number" && indent > 0) cell.indent = indent;
  return cell;
}

function plainValue(value: unknown, valueType: string | undefined, numFmt: unknown) {
  if (valueType === "Empty") return undefined;
  if (valueType === "Error") return { error: String(value) };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    return typeof numFmt === "string" && isDateFormat(numFmt) ? serialToDate(value) : value;
  }
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "boolean") return value;
  return undefined;
}

/** True for formats that show a number as a date or time ("yyyy-mm-dd", "m月d日", "h:mm"). */
export function isDateFormat(numFmt: string): boolean {
  const code = numFmt
    .replace(/"[^"]*"/g, "") // literal text
    .replace(/\\./g, "") // escaped characters
    .replace(/\[(?!h\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "") // colours, locales, conditions
    .replace(/General/gi, "");
  return /[dmyhs]/i.test(code) || /\[(h|m|mm|s|ss)\]/i.test(numFmt);
}

/** Excel serial day number (1900 date system) → Date at UTC, as ExcelJS reads it. */
export function serialToDate(serial: number): Date {
  const MS_PER_DAY = 86400000;
  const EPOCH_OFFSET = 25569; // days from 1899-12-30 to 1970-01-01
  return new Date(Math.round((serial - EPOCH_OFFSET) * MS_PER_DAY));
}

/** Puts a loaded block into the grid at its real position. */
export function placeRange(grid: SparseGrid, data: RangeData): void {
  const { range, values, valueTypes, numberFormat, indents } = data;
  for (let i = 0; i < values.length; i++) {
    const row = values[i] ?? [];
    for (let j = 0; j < row.length; j++) {
      const cell = toCellModel(row[j], valueTypes[i]?.[j], numberFormat[i]?.[j], indents?.[i]?.[j]);
      if (!cell) continue;
      const r = range.top + i;
      let cells = grid.get(r);
      if (!cells) {
        cells = new Map();
        grid.set(r, cells);
      }
      cells.set(range.left + j, cell);
    }
  }
}

/**
 * The grid as the model wants it: dense arrays from A1, no trailing empty cells or rows, and
 * nothing but the top-left cell of a merged area (Excel gives "" there anyway).
 */
export function toRows(grid: SparseGrid, merges: CellRange[]): (CellModel | undefined)[][] {
  for (const merge of merges) {
    for (let r = merge.top; r <= merge.bottom; r++) {
      const cells = grid.get(r);
      if (!cells) continue;
      for (const c of [...cells.keys()]) {
        if (c >= merge.left && c <= merge.right && (r !== merge.top || c !== merge.left)) {
          cells.delete(c);
        }
      }
    }
  }
  let height = 0;
  for (const [r, cells] of grid) if (cells.size > 0 && r + 1 > height) height = r + 1;
  const rows: (CellModel | undefined)[][] = [];
  for (let r = 0; r < height; r++) {
    const cells = grid.get(r);
    const row: (CellModel | undefined)[] = [];
    if (cells && cells.size > 0) {
      const width = Math.max(...cells.keys()) + 1;
      for (let c = 0; c < width; c++) row.push(cells.get(c));
    }
    rows.push(row);
  }
  return rows;
}

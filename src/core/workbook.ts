/**
 * The workbook as the engine sees it: what both adapters (Office.js and .xlsx files) produce.
 * Plain data only, so it can cross a worker boundary or be written to JSON for a test.
 */

/** An Excel error value such as #DIV/0! or #N/A. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | Date | CellError | null;

export interface CellModel {
  /** The cell's value; for a formula, its cached result. */
  value: CellValue;
  /** Number format code, e.g. "0.00%" or "#,##0". Absent means General. */
  numFmt?: string;
  /** Indent level of the cell's alignment (rows of parts are often indented). */
  indent?: number;
  /** A formula saved without its result (some programs write files without calculating). */
  uncalculated?: boolean;
}

/** A rectangle of cells, 0-based and inclusive on both ends. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table (ListObject). Its first row is the header row when `hasHeaderRow`. */
export interface TableDefinition {
  name: string;
  range: CellRange;
  hasHeaderRow: boolean;
}

export interface SheetModel {
  name: string;
  /**
   * Row-major grid starting at A1 (rows[0][0] is A1). Rows may have different lengths and
   * holes; a missing cell is an empty one.
   */
  rows: (CellModel | undefined)[][];
  merges: CellRange[];
  tables: TableDefinition[];
  /** Hidden sheets are still read: statisticians hide working sheets, not indicators. */
  hidden?: boolean;
  /**
   * Set only on the engine's own view of a sheet whose indicators run across (transpose.ts):
   * rows and columns swapped, addresses given back in the sheet's own.
   */
  transposed?: Transposition;
}

/** How the engine's view of a sheet that runs across maps to it (transpose.ts). */
export interface Transposition {
  /** The sheet's title lines, kept on top as they are; below them rows and columns are swapped. */
  titleRows: number;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /**
   * What the host could not read (a sheet Excel refused, its merged areas…), in the user's
   * words: the engine reports each as a finding, so every face shows it.
   */
  unread?: { sheet?: string; message: string; messageEn: string }[];
}

export function cellAt(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  const r = sheet.rows[row];
  return r ? r[col] : undefined;
}

export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value
  );
}

/** Number of columns in the widest row. */
export function sheetWidth(sheet: SheetModel): number {
  let width = 0;
  for (const row of sheet.rows) if (row && row.length > width) width = row.length;
  return width;
}

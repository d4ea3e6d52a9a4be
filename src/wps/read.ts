/**
 * Reads the active ET workbook into the engine's WorkbookModel, the same model the Excel adapter
 * gives for the same workbook (the cell conversion is src/excel/cells.ts, shared).
 *
 * Per sheet (the add-in's own sheets left out, see store.ts):
 * - the used range's Value2 in one call (a 2-D array; a scalar when the range is one cell);
 * - NumberFormat and IndentLevel per column of the used range; a column whose cells differ reads
 *   as null, and only such a column is cut in halves, down to single cells where needed;
 * - merged areas: MergeCells of the used range (false: none), else of its halves, down to the
 *   parts that are merged, whose MergeArea gives the area (readMerges);
 * - formulas without a cached result: HasFormula, drilled the same way, on cells whose Value2
 *   is empty;
 * - error values: Value2 gives them as the COM error codes (CVErr) or as their text; a code is
 *   confirmed by the cell's Text ("#DIV/0!");
 * - ListObjects (name, range, ShowHeaders) and Visible (hidden and very hidden are both read,
 *   marked hidden, as the Excel adapter does).
 */
import { rangeToA1 } from "../core/address";
import { CellRange, SheetModel, TableDefinition, WorkbookModel } from "../core/workbook";
import { addressToRange } from "../excel/addresses";
import { placeRange, SparseGrid, toRows } from "../excel/cells";
import { EtRange, EtWorkbook, EtWorksheet, isVisible, prop } from "./et";

/** COM error codes (CVErr) → the error's text. */
const CV_ERRORS: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/;

/** The sheets of a workbook, in order (Item is 1-based). */
export function sheetsOf(workbook: EtWorkbook): EtWorksheet[] {
  const worksheets = workbook.Worksheets;
  const sheets: EtWorksheet[] = [];
  for (let i = 1; i <= worksheets.Count; i++) sheets.push(worksheets.Item(i));
  return sheets;
}

/** Reads every sheet of `workbook` for which `skip` is false. */
export function readWorkbook(
  workbook: EtWorkbook,
  skip: (sheet: EtWorksheet) => boolean = () => false
): WorkbookModel {
  return {
    sheets: sheetsOf(workbook)
      .filter((ws) => !skip(ws))
      .map(readSheet),
  };
}

/** A range's place in the sheet (0-based), from Row/Column and the counts. */
export function rangeOf(range: EtRange): CellRange {
  const top = range.Row - 1;
  const left = range.Column - 1;
  return {
    top,
    left,
    bottom: top + range.Rows.Count - 1,
    right: left + range.Columns.Count - 1,
  };
}

/** Value2/Formula of a range as rows of columns, whatever shape the host returned. */
export function toGrid(value: unknown, height: number, width: number): unknown[][] {
  if (height === 1 && width === 1 && !Array.isArray(value)) return [[value]];
  if (!Array.isArray(value)) {
    // One value for all the cells.
    return Array.from({ length: height }, () => Array.from({ length: width }, () => value));
  }
  return Array.from({ length: height }, (_, i) => {
    const row = value[i];
    return Array.from({ length: width }, (_, j) => (Array.isArray(row) ? row[j] : row));
  });
}

export function readSheet(ws: EtWorksheet): SheetModel {
  const used = prop<EtRange>(ws, "UsedRange");
  const where = rangeOf(used);
  const height = where.bottom - where.top + 1;
  const width = where.right - where.left + 1;
  const raw = toGrid(used.Value2, height, width);

  const numberFormat = perCell(ws, where, "NumberFormat", (v) => typeof v !== "string");
  const indents = perCell(ws, where, "IndentLevel", (v) => typeof v !== "number");
  const hasFormula =
    used.HasFormula === false
      ? undefined
      : perCell(ws, where, "HasFormula", (v) => typeof v !== "boolean");

  const values: unknown[][] = [];
  const valueTypes: string[][] = [];
  const uncalculated: { row: number; col: number }[] = [];
  for (let i = 0; i < height; i++) {
    values.push([]);
    valueTypes.push([]);
    for (let j = 0; j < width; j++) {
      const { value, type } = classify(ws, raw[i][j], where.top + i, where.left + j);
      values[i].push(value);
      valueTypes[i].push(type);
      if (type === "Empty" && hasFormula?.[i][j] === true) {
        uncalculated.push({ row: where.top + i, col: where.left + j });
      }
    }
  }

  const grid: SparseGrid = new Map();
  placeRange(grid, {
    range: where,
    values,
    valueTypes,
    numberFormat,
    indents: indents.map((row) => row.map((v) => (typeof v === "number" ? v : undefined))),
  });
  for (const { row, col } of uncalculated) {
    let cells = grid.get(row);
    if (!cells) {
      cells = new Map();
      grid.set(row, cells);
    }
    cells.set(col, { value: null, uncalculated: true });
  }

  const merges = readMerges(ws, used, where);
  const sheet: SheetModel = {
    name: ws.Name,
    rows: toRows(grid, merges),
    merges,
    tables: readTables(ws),
  };
  if (!isVisible(ws.Visible)) sheet.hidden = true;
  return sheet;
}

/** One Value2 → the value and an Office.js-like value type for src/excel/cells.ts. */
function classify(
  ws: EtWorksheet,
  value: unknown,
  row: number,
  col: number
): { value: unknown; type: string } {
  if (value === undefined || value === null || value === "") return { value: "", type: "Empty" };
  if (typeof value === "number") {
    const name = CV_ERRORS[value];
    if (name !== undefined) {
      const text = ws.Range(rangeToA1({ top: row, left: col, bottom: row, right: col })).Text;
      if (typeof text === "string" && ERROR_TEXT.test(text)) return { value: text, type: "Error" };
    }
    return { value, type: "Double" };
  }
  if (typeof value === "string") {
    return ERROR_TEXT.test(value) ? { value, type: "Error" } : { value, type: "String" };
  }
  if (typeof value === "boolean") return { value, type: "Boolean" };
  // A date object (some versions give Value2 of a date cell as a Date): leave it to the format.
  if (value instanceof Date) return { value: value.getTime() / 86400000 + 25569, type: "Double" };
  return { value: "", type: "Empty" };
}

/**
 * A range property per cell of `where`: asked per column, and where a column's cells differ
 * (`mixed`), per half of it, down to single cells.
 */
export function perCell(
  ws: EtWorksheet,
  where: CellRange,
  name: "NumberFormat" | "IndentLevel" | "HasFormula",
  mixed: (value: unknown) => boolean
): unknown[][] {
  const height = where.bottom - where.top + 1;
  const width = where.right - where.left + 1;
  const out: unknown[][] = Array.from({ length: height }, () => new Array(width).fill(undefined));
  const fill = (top: number, bottom: number, col: number) => {
    const value = (
      ws.Range(rangeToA1({ top, left: col, bottom, right: col })) as unknown as Record<
        string,
        unknown
      >
    )[name];
    if (!mixed(value) || top === bottom) {
      for (let r = top; r <= bottom; r++) out[r - where.top][col - where.left] = value;
      return;
    }
    const middle = Math.floor((top + bottom) / 2);
    fill(top, middle, col);
    fill(middle + 1, bottom, col);
  };
  for (let c = where.left; c <= where.right; c++) fill(where.top, where.bottom, c);
  return out;
}

/**
 * The merged areas within the used range, sorted by top then left. MergeCells of a rectangle
 * is false when none of its cells is merged: such parts are skipped whole. Otherwise it is cut
 * in halves across its longer side; a part whose cells are all merged asks the MergeArea of its
 * first cell not yet covered, and is done when that area covers it (a title merged across a
 * table costs a few calls, not one per column).
 */
function readMerges(ws: EtWorksheet, used: EtRange, where: CellRange): CellRange[] {
  if (used.MergeCells === false) return [];
  const found: CellRange[] = [];
  const covering = (row: number, col: number) =>
    found.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  const coveredWhole = (part: CellRange) => {
    for (let r = part.top; r <= part.bottom; r++)
      for (let c = part.left; c <= part.right; c++) if (!covering(r, c)) return false;
    return true;
  };
  const areaAt = (row: number, col: number) => {
    const cell = ws.Range(rangeToA1({ top: row, left: col, bottom: row, right: col }));
    const area = addressToRange(cell.MergeArea.Address(false, false));
    if (area && (area.top !== area.bottom || area.left !== area.right)) found.push(area);
    return area;
  };
  const visit = (part: CellRange): void => {
    if (coveredWhole(part)) return;
    const merged = ws.Range(rangeToA1(part)).MergeCells;
    if (merged === false) return;
    const single = part.top === part.bottom && part.left === part.right;
    if (single) {
      if (merged === true && !covering(part.top, part.left)) areaAt(part.top, part.left);
      return;
    }
    if (merged === true && !covering(part.top, part.left)) {
      const area = areaAt(part.top, part.left);
      if (
        area &&
        area.top <= part.top &&
        area.left <= part.left &&
        area.bottom >= part.bottom &&
        area.right >= part.right
      ) {
        return;
      }
    }
    const height = part.bottom - part.top + 1;
    const width = part.right - part.left + 1;
    if (height >= width) {
      const middle = Math.floor((part.top + part.bottom) / 2);
      visit({ ...part, bottom: middle });
      visit({ ...part, top: middle + 1 });
    } else {
      const middle = Math.floor((part.left + part.right) / 2);
      visit({ ...part, right: middle });
      visit({ ...part, left: middle + 1 });
    }
  };
  visit(where);
  const unique = new Map(found.map((area) => [rangeToA1(area), area]));
  return [...unique.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

function readTables(ws: EtWorksheet): TableDefinition[] {
  const lists = ws.ListObjects;
  const tables: TableDefinition[] = [];
  for (let i = 1; i <= lists.Count; i++) {
    const list = lists.Item(i);
    const range = addressToRange(list.Range.Address(false, false));
    if (range) tables.push({ name: list.Name, range, hasHeaderRow: list.ShowHeaders !== false });
  }
  return tables;
}

/**
 * Reads the open workbook into the engine's WorkbookModel.
 *
 * Sync budget: two context.sync() calls for a whole read, however many sheets and tables:
 *   1. the worksheets (name, visibility, id), the workbook's tables (name, showHeaders) and the
 *      add-in's memory of the 报告 sheet (to leave that sheet out);
 *   2. for every sheet its used range (values only: address, values, valueTypes, numberFormat),
 *      the indent of its cells (getCellProperties, ExcelApi 1.9) and its merged areas
 *      (getMergedAreasOrNullObject on the whole sheet, ExcelApi 1.13); for every table its
 *      range address and its worksheet's name.
 * A sheet's used range cannot be asked for before the sheets are known, hence two syncs.
 *
 * Large workbooks: Excel on the web refuses a response over 5 MB. Sizes are unknown before
 * sync 2, so sync 2 is optimistic (indicator workbooks are a few thousand cells). When it fails
 * with the payload-size error, the read goes on in chunks: one sync for the used-range
 * addresses, merges and tables, then the used ranges cut into row bands of at most
 * `cellsPerSync` cells, packed several bands (of several sheets) per sync; a chunk that is
 * still too large (long texts) is cut in half and retried. The caller can remember that a
 * workbook needed chunks (`chunked`) and skip the optimistic attempt next time.
 */
import { CellRange, SheetModel, TableDefinition, WorkbookModel } from "../core/workbook";
import { rangeToA1 } from "../core/address";
import { addressToRange, cellCount, splitAreas } from "./addresses";
import { placeRange, RangeData, SparseGrid, toRows } from "./cells";
import { memoryFrom, queueMemoryLoad } from "./report-memory";

/* global Excel */

export interface ReadFeatures {
  /** Range.getCellProperties (ExcelApi 1.9): indent levels. */
  indent: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): merged cells. */
  merges: boolean;
}

export interface ReadOptions {
  features: ReadFeatures;
  /** Most cells loaded in one sync by the chunked read. */
  cellsPerSync: number;
  /** Go straight to the chunked read (the previous read of this workbook needed it). */
  chunked?: boolean;
}

export interface ReadOutcome {
  model: WorkbookModel;
  /** True when the workbook was read in chunks. */
  chunked: boolean;
  /** Id of the add-in's 报告 sheet (left out of the model), when there is one. */
  reportSheetId?: string;
}

/** About 60–100 bytes of JSON per cell (value, type, format, indent): 40 000 cells ≈ 3–4 MB. */
export const DEFAULT_CELLS_PER_SYNC = 40000;

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = { format: { indentLevel: true } };

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<ReadOutcome> {
  // Sync 1: what sheets and tables there are.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  const tables = context.workbook.tables;
  tables.load("items/name,items/showHeaders");
  const memoryItem = queueMemoryLoad(context);
  await context.sync();

  // The add-in's own 报告 sheet holds prose, not indicators: leave it out.
  const memory = memoryFrom(memoryItem);
  const report = worksheets.items.find((ws) => memory !== undefined && ws.id === memory.sheetId);
  const sheets = worksheets.items.filter((ws) => ws !== report);
  const base = { reportSheetId: report ? report.id : undefined };

  if (!options.chunked) {
    try {
      const model = await readInOneBatch(context, sheets, tables.items, options.features);
      return { model, chunked: false, ...base };
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
    }
  }
  const { model, syncs } = await readInChunks(context, sheets, tables.items, options);
  // A workbook that fitted in one chunk after all (it shrank) gets the two-sync read next time.
  return { model, chunked: syncs > 1, ...base };
}

/** The error Excel on the web gives for a request or response over its 5 MB limit. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

// ---------------------------------------------------------------------------
// Shared: merges and tables

interface QueuedStructure {
  merges: (Excel.RangeAreas | undefined)[];
  tables: { table: Excel.Table; range: Excel.Range; worksheet: Excel.Worksheet }[];
}

function queueStructure(
  sheets: Excel.Worksheet[],
  tables: Excel.Table[],
  features: ReadFeatures
): QueuedStructure {
  const merges = sheets.map((ws) => {
    if (!features.merges) return undefined;
    const areas = ws.getRange().getMergedAreasOrNullObject();
    areas.load("address");
    return areas;
  });
  const queuedTables = tables.map((table) => {
    const range = table.getRange();
    range.load("address");
    const worksheet = table.worksheet;
    worksheet.load("name");
    return { table, range, worksheet };
  });
  return { merges, tables: queuedTables };
}

function mergesFrom(areas: Excel.RangeAreas | undefined): CellRange[] {
  if (!areas || areas.isNullObject) return [];
  return splitAreas(areas.address)
    .map(addressToRange)
    .filter((range): range is CellRange => range !== undefined)
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

function tablesBySheet(structure: QueuedStructure): Map<string, TableDefinition[]> {
  const bySheet = new Map<string, TableDefinition[]>();
  for (const { table, range, worksheet } of structure.tables) {
    const cells = addressToRange(range.address);
    if (!cells) continue;
    const sheetName = worksheet.name;
    const list = bySheet.get(sheetName) ?? [];
    list.push({ name: table.name, range: cells, hasHeaderRow: table.showHeaders });
    bySheet.set(sheetName, list);
  }
  return bySheet;
}

function buildModel(
  sheets: Excel.Worksheet[],
  blocks: RangeData[][],
  structure: QueuedStructure
): WorkbookModel {
  const tables = tablesBySheet(structure);
  return {
    sheets: sheets.map((ws, i) => {
      const grid: SparseGrid = new Map();
      for (const block of blocks[i]) placeRange(grid, block);
      const merges = mergesFrom(structure.merges[i]);
      const sheet: SheetModel = {
        name: ws.name,
        rows: toRows(grid, merges),
        merges,
        tables: tables.get(ws.name) ?? [],
      };
      if (ws.visibility !== "Visible") sheet.hidden = true;
      return sheet;
    }),
  };
}

interface QueuedBlock {
  range: Excel.Range;
  indents?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

function queueBlock(range: Excel.Range, features: ReadFeatures, withAddress: boolean): QueuedBlock {
  range.load(
    withAddress ? "address,values,valueTypes,numberFormat" : "values,valueTypes,numberFormat"
  );
  const indents = features.indent ? range.getCellProperties(CELL_PROPERTIES) : undefined;
  return { range, indents };
}

function blockData(block: QueuedBlock, where: CellRange): RangeData {
  const { range, indents } = block;
  return {
    range: where,
    values: range.values,
    valueTypes: range.valueTypes,
    numberFormat: range.numberFormat,
    indents: indents?.value.map((row) => row.map((cell) => cell.format?.indentLevel)),
  };
}

// ---------------------------------------------------------------------------
// The usual case: everything in sync 2

async function readInOneBatch(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  tables: Excel.Table[],
  features: ReadFeatures
): Promise<WorkbookModel> {
  // getUsedRange (not ...OrNullObject): a blank sheet gives A1, so nothing is chained on a null object.
  const used = sheets.map((ws) => queueBlock(ws.getUsedRange(true), features, true));
  const structure = queueStructure(sheets, tables, features);
  await context.sync();

  const blocks = used.map((block) => {
    const where = addressToRange(block.range.address);
    return where ? [blockData(block, where)] : [];
  });
  return buildModel(sheets, blocks, structure);
}

// ---------------------------------------------------------------------------
// Large workbooks: addresses first, then bands of rows

/** A piece of one sheet's used range. */
export interface Band {
  sheet: number;
  range: CellRange;
}

/** Cuts each used range into bands of at most `budget` cells (whole rows where possible). */
export function cutBands(used: Band[], budget: number): Band[] {
  const bands: Band[] = [];
  for (const { sheet, range } of used) {
    const width = range.right - range.left + 1;
    const colsPerBand = Math.max(1, Math.min(width, budget));
    const rowsPerBand = Math.max(1, Math.floor(budget / colsPerBand));
    for (let top = range.top; top <= range.bottom; top += rowsPerBand) {
      const bottom = Math.min(range.bottom, top + rowsPerBand - 1);
      for (let left = range.left; left <= range.right; left += colsPerBand) {
        const right = Math.min(range.right, left + colsPerBand - 1);
        bands.push({ sheet, range: { top, left, bottom, right } });
      }
    }
  }
  return bands;
}

/** Packs bands, in order, into groups of at most `budget` cells: one group per sync. */
export function packBands(bands: Band[], budget: number): Band[][] {
  const groups: Band[][] = [];
  let current: Band[] = [];
  let cells = 0;
  for (const band of bands) {
    const size = cellCount(band.range);
    if (current.length > 0 && cells + size > budget) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(band);
    cells += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

async function readInChunks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  tables: Excel.Table[],
  options: ReadOptions
): Promise<{ model: WorkbookModel; syncs: number }> {
  const usedRanges = sheets.map((ws) => {
    const range = ws.getUsedRange(true);
    range.load("address");
    return range;
  });
  const structure = queueStructure(sheets, tables, options.features);
  await context.sync();

  const used: Band[] = [];
  usedRanges.forEach((range, sheet) => {
    const where = addressToRange(range.address);
    if (where) used.push({ sheet, range: where });
  });

  const blocks: RangeData[][] = sheets.map(() => []);
  let budget = Math.max(1, options.cellsPerSync);
  let pending = packBands(cutBands(used, budget), budget);
  let syncs = 0;
  // One sync per group of bands: the point is to keep each response under the size limit.
  while (pending.length > 0) {
    const group = pending[0];
    const queued = group.map((band) =>
      queueBlock(sheets[band.sheet].getRange(rangeToA1(band.range)), options.features, false)
    );
    try {
      syncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const size = group.reduce((sum, band) => sum + cellCount(band.range), 0);
      if (!isPayloadTooLarge(error) || size <= 1) throw error;
      // Still too large (long texts): halve the budget and cut this group again.
      budget = Math.max(1, Math.floor(Math.min(budget, size) / 2));
      pending = [...packBands(cutBands(group, budget), budget), ...pending.slice(1)];
      continue;
    }
    group.forEach((band, i) => blocks[band.sheet].push(blockData(queued[i], band.range)));
    pending = pending.slice(1);
  }
  return { model: buildModel(sheets, blocks, structure), syncs };
}

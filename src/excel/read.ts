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
 * When sync 2 fails, the read goes on step by step (`readStepByStep`), still with a number of
 * syncs that does not grow with the number of tables:
 *   A. the used-range addresses and the tables (and the whole-sheet merged areas, unless they
 *      may be what failed);
 *   B. the merged areas in bands: Excel refuses getMergedAreasOrNullObject over more than 512
 *      areas, and returns the areas whose top-left cell is in the range asked. So each used
 *      range is cut into bands of at most MERGE_BAND_CELLS cells (no band can hold more than
 *      512 areas of two cells or more), and each area is found in exactly one band, the one
 *      holding its top-left cell;
 *   C. the cells, in one sync or in row bands (below).
 * A step that still fails is retried for each sheet on its own, so one sheet that Excel
 * refuses (protected, a chart sheet, ...) leaves the others read; what was left out is listed
 * in `problems`, each with a named message (read-errors.ts). Only a failure of sync 1, or of
 * every sheet, stops the read, with an ExcelReadError.
 *
 * Large workbooks: Excel on the web refuses a response over 5 MB. Sizes are unknown before
 * sync 2, so sync 2 is optimistic (indicator workbooks are a few thousand cells). When it fails
 * with the payload-size error, step C reads the used ranges cut into row bands of at most
 * `cellsPerSync` cells, packed several bands (of several sheets) per sync; a chunk that is
 * still too large (long texts) is cut in half and retried. The caller can remember that a
 * workbook needed chunks (`chunked`) and skip the optimistic attempt next time.
 */
import { CellRange, SheetModel, TableDefinition, WorkbookModel } from "../core/workbook";
import { rangeToA1 } from "../core/address";
import { addressToRange, cellCount, splitAreas } from "./addresses";
import { placeRange, RangeData, SparseGrid, toRows } from "./cells";
import { describeReadError, ExcelReadError, ExcelReadProblem } from "./read-errors";
import { memoryFrom, queueMemoryLoad } from "./report-memory";

/* global Excel */

export interface ReadFeatures {
  /** Range.getCellProperties (ExcelApi 1.9): indent levels. */
  indent: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): merged cells. */
  merges: boolean;
  /** Workbook.name (ExcelApi 1.7): the name the pane shows. */
  workbookName?: boolean;
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
  /** Parts left out (a sheet Excel refused, its merges or indents), each with its message. */
  problems: ExcelReadProblem[];
  /** The workbook's name ("街道指标台账.xlsx"), when Excel gives it. */
  workbookName?: string;
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
  if (options.features.workbookName) context.workbook.load("name");
  try {
    await context.sync();
  } catch (error) {
    throw new ExcelReadError(describeReadError("workbook", error));
  }
  const workbookName = options.features.workbookName ? context.workbook.name : undefined;

  // The add-in's own 报告 sheet holds prose, not indicators: leave it out.
  const memory = memoryFrom(memoryItem);
  const report = worksheets.items.find((ws) => memory !== undefined && ws.id === memory.sheetId);
  const sheets = worksheets.items.filter((ws) => ws !== report);
  const base = { reportSheetId: report ? report.id : undefined, workbookName };

  let chunked = Boolean(options.chunked);
  let wholeMerges = true;
  if (!chunked) {
    try {
      const model = await readInOneBatch(context, sheets, tables.items, options.features);
      return { model, chunked: false, problems: [], ...base };
    } catch (error) {
      if (isPayloadTooLarge(error)) chunked = true;
      // Anything else: maybe more than 512 merged areas on a sheet, maybe one sheet refused.
      else wholeMerges = false;
    }
  }
  const outcome = await readStepByStep(context, sheets, tables.items, options, {
    chunked,
    wholeMerges,
  });
  // A workbook that fitted in one chunk after all (it shrank) gets the two-sync read next time.
  return { ...outcome, chunked: chunked && outcome.cellSyncs > 1, ...base };
}

/** The error Excel on the web gives for a request or response over its 5 MB limit. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

// ---------------------------------------------------------------------------
// Shared: merges and tables

interface QueuedTable {
  table: Excel.Table;
  range: Excel.Range;
  worksheet: Excel.Worksheet;
}

function queueTables(tables: Excel.Table[]): QueuedTable[] {
  return tables.map((table) => {
    const range = table.getRange();
    range.load("address");
    const worksheet = table.worksheet;
    worksheet.load("name");
    return { table, range, worksheet };
  });
}

function tablesBySheet(queued: QueuedTable[]): Map<string, TableDefinition[]> {
  const bySheet = new Map<string, TableDefinition[]>();
  for (const { table, range, worksheet } of queued) {
    const cells = addressToRange(range.address);
    if (!cells) continue;
    const sheetName = worksheet.name;
    const list = bySheet.get(sheetName) ?? [];
    list.push({ name: table.name, range: cells, hasHeaderRow: table.showHeaders });
    bySheet.set(sheetName, list);
  }
  return bySheet;
}

function queueMerges(range: Excel.Range): Excel.RangeAreas {
  const areas = range.getMergedAreasOrNullObject();
  areas.load("address");
  return areas;
}

/** The merged areas of each sheet, whole-sheet calls (ExcelApi 1.13; fails over 512 areas). */
function queueWholeMerges(sheets: Excel.Worksheet[], features: ReadFeatures): Excel.RangeAreas[][] {
  return sheets.map((ws) => (features.merges ? [queueMerges(ws.getRange())] : []));
}

function mergesFrom(found: Excel.RangeAreas[]): CellRange[] {
  const merges: CellRange[] = [];
  for (const areas of found) {
    if (areas.isNullObject) continue;
    for (const area of splitAreas(areas.address)) {
      const range = addressToRange(area);
      if (range) merges.push(range);
    }
  }
  return merges.sort((a, b) => a.top - b.top || a.left - b.left);
}

function buildModel(
  sheets: Excel.Worksheet[],
  blocks: RangeData[][],
  merges: CellRange[][],
  tables: Map<string, TableDefinition[]>,
  skipped: Set<number> = new Set()
): WorkbookModel {
  const model: WorkbookModel = { sheets: [] };
  sheets.forEach((ws, i) => {
    if (skipped.has(i)) return;
    const grid: SparseGrid = new Map();
    for (const block of blocks[i]) placeRange(grid, block);
    const sheet: SheetModel = {
      name: ws.name,
      rows: toRows(grid, merges[i]),
      merges: merges[i],
      tables: tables.get(ws.name) ?? [],
    };
    if (ws.visibility !== "Visible") sheet.hidden = true;
    model.sheets.push(sheet);
  });
  return model;
}

interface QueuedBlock {
  range: Excel.Range;
  indents?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

function queueBlock(range: Excel.Range, indent: boolean, withAddress: boolean): QueuedBlock {
  range.load(
    withAddress ? "address,values,valueTypes,numberFormat" : "values,valueTypes,numberFormat"
  );
  const indents = indent ? range.getCellProperties(CELL_PROPERTIES) : undefined;
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
  const used = sheets.map((ws) => queueBlock(ws.getUsedRange(true), features.indent, true));
  const merges = queueWholeMerges(sheets, features);
  const queuedTables = queueTables(tables);
  await context.sync();

  const blocks = used.map((block) => {
    const where = addressToRange(block.range.address);
    return where ? [blockData(block, where)] : [];
  });
  return buildModel(sheets, blocks, merges.map(mergesFrom), tablesBySheet(queuedTables));
}

// ---------------------------------------------------------------------------
// Bands of rows

/** Excel's limit on the merged areas one getMergedAreasOrNullObject call returns. */
export const MERGED_AREAS_LIMIT = 512;
/** A band of this many cells holds at most 512 merged areas (each covers two cells or more). */
export const MERGE_BAND_CELLS = 2 * MERGED_AREAS_LIMIT;

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

// ---------------------------------------------------------------------------
// Step by step: after a failed sync 2, or for large workbooks

interface StepOutcome {
  model: WorkbookModel;
  problems: ExcelReadProblem[];
  /** Syncs that loaded cells (more than one: the workbook needed chunks). */
  cellSyncs: number;
}

interface CellGroup {
  bands: Band[];
  indents: boolean;
}

async function readStepByStep(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  tables: Excel.Table[],
  options: ReadOptions,
  how: { chunked: boolean; wholeMerges: boolean }
): Promise<StepOutcome> {
  const { features } = options;
  const problems: ExcelReadProblem[] = [];
  const skipped = new Set<number>();
  let lastError: unknown;
  const skip = (sheet: number, error: unknown) => {
    lastError = error;
    if (skipped.has(sheet)) return;
    skipped.add(sheet);
    problems.push(describeReadError("sheet", error, sheets[sheet].name));
  };

  // Step A: used-range addresses and tables (and whole-sheet merges when they did not fail).
  const used: (CellRange | undefined)[] = sheets.map(() => undefined);
  let merges: CellRange[][] | undefined;
  let tableDefs = new Map<string, TableDefinition[]>();
  const attempts = [
    { tables: true, merges: how.wholeMerges && features.merges },
    { tables: true, merges: false },
    { tables: false, merges: false },
  ].filter(
    (a, i, all) => i === 0 || a.tables !== all[i - 1].tables || a.merges !== all[i - 1].merges
  );
  let structureRead = false;
  let tablesError: unknown;
  for (const attempt of attempts) {
    const usedRanges = sheets.map((ws) => ws.getUsedRange(true).load("address"));
    const queuedTables = attempt.tables ? queueTables(tables) : [];
    const queuedMerges = attempt.merges ? queueWholeMerges(sheets, features) : undefined;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (attempt.tables && !attempt.merges) tablesError = error;
      lastError = error;
      continue;
    }
    usedRanges.forEach((range, i) => (used[i] = addressToRange(range.address)));
    tableDefs = tablesBySheet(queuedTables);
    merges = queuedMerges?.map(mergesFrom);
    if (!attempt.tables && tables.length > 0) {
      problems.push(describeReadError("tables", tablesError));
    }
    structureRead = true;
    break;
  }
  if (!structureRead) {
    // Even the addresses failed: find the sheets that do answer, one sync each.
    for (let i = 0; i < sheets.length; i++) {
      const range = sheets[i].getUsedRange(true).load("address");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        used[i] = addressToRange(range.address);
      } catch (error) {
        skip(i, error);
      }
    }
    if (tables.length > 0) problems.push(describeReadError("tables", lastError));
  }
  const readable = sheets.map((_, i) => i).filter((i) => !skipped.has(i));
  const usedBands: Band[] = [];
  for (const sheet of readable) {
    const range = used[sheet];
    if (range) usedBands.push({ sheet, range });
  }

  // Step B: merged areas in bands, each area found in the band of its top-left cell.
  if (!merges) {
    merges = sheets.map(() => []);
    if (features.merges) await readMergesInBands(context, sheets, usedBands, merges, problems);
  }

  // Step C: the cells, in one sync or in bands of at most `cellsPerSync` cells.
  const blocks: RangeData[][] = sheets.map(() => []);
  let budget = how.chunked ? Math.max(1, options.cellsPerSync) : Number.POSITIVE_INFINITY;
  const group = (bands: Band[]): CellGroup => ({ bands, indents: features.indent });
  let pending: CellGroup[] = how.chunked
    ? packBands(cutBands(usedBands, budget), budget).map(group)
    : [group(usedBands)];
  let cellSyncs = 0;
  while (pending.length > 0) {
    const current = pending[0];
    const rest = pending.slice(1);
    const queued = current.bands.map((band) =>
      queueBlock(sheets[band.sheet].getRange(rangeToA1(band.range)), current.indents, false)
    );
    try {
      cellSyncs++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const size = current.bands.reduce((sum, band) => sum + cellCount(band.range), 0);
      if (isPayloadTooLarge(error) && size > 1) {
        // Still too large (long texts): halve the budget and cut this group again.
        budget = Math.max(1, Math.floor(Math.min(budget, size) / 2));
        const again = packBands(cutBands(current.bands, budget), budget);
        pending = [...again.map((bands) => ({ bands, indents: current.indents })), ...rest];
        continue;
      }
      const inGroup = [...new Set(current.bands.map((band) => band.sheet))];
      if (inGroup.length > 1) {
        // Find the sheet that fails: one group per sheet.
        const split = inGroup.map((sheet) => ({
          bands: current.bands.filter((band) => band.sheet === sheet),
          indents: current.indents,
        }));
        pending = [...split, ...rest];
      } else if (current.indents) {
        pending = [{ bands: current.bands, indents: false }, ...rest];
      } else {
        skip(inGroup[0], error);
        pending = rest
          .map((g) => ({ ...g, bands: g.bands.filter((band) => band.sheet !== inGroup[0]) }))
          .filter((g) => g.bands.length > 0);
      }
      continue;
    }
    current.bands.forEach((band, i) => blocks[band.sheet].push(blockData(queued[i], band.range)));
    if (features.indent && !current.indents) {
      for (const sheet of new Set(current.bands.map((band) => band.sheet))) {
        const name = sheets[sheet].name;
        if (!problems.some((p) => p.part === "indents" && p.sheet === name)) {
          problems.push(describeReadError("indents", lastError, name));
        }
      }
    }
    pending = rest;
  }

  if (sheets.length > 0 && skipped.size === sheets.length) {
    throw new ExcelReadError(describeReadError("workbook", lastError));
  }
  const skippedNames = new Set([...skipped].map((i) => sheets[i].name));
  return {
    model: buildModel(sheets, blocks, merges, tableDefs, skipped),
    // A sheet left out needs no word about its merges or indents.
    problems: problems.filter((p) => p.part === "sheet" || !skippedNames.has(p.sheet ?? "")),
    cellSyncs,
  };
}

/**
 * Step B: the merged areas of every used range, in bands of MERGE_BAND_CELLS cells, all in one
 * sync; should that fail, one sync per sheet, and a sheet that still fails counts as unmerged.
 */
async function readMergesInBands(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  used: Band[],
  merges: CellRange[][],
  problems: ExcelReadProblem[]
): Promise<void> {
  const queue = (bands: Band[]) =>
    bands.map((band) => ({
      sheet: band.sheet,
      areas: queueMerges(sheets[band.sheet].getRange(rangeToA1(band.range))),
    }));
  const collect = (queued: { sheet: number; areas: Excel.RangeAreas }[]) => {
    const found = new Map<number, Excel.RangeAreas[]>();
    for (const { sheet, areas } of queued) found.set(sheet, [...(found.get(sheet) ?? []), areas]);
    for (const [sheet, areas] of found) merges[sheet] = mergesFrom(areas);
  };
  const all = cutBands(used, MERGE_BAND_CELLS);
  if (all.length === 0) return;
  const queued = queue(all);
  try {
    await context.sync();
    collect(queued);
    return;
  } catch {
    // One sheet at a time, below.
  }
  for (const sheet of new Set(all.map((band) => band.sheet))) {
    const own = queue(all.filter((band) => band.sheet === sheet));
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      collect(own);
    } catch (error) {
      problems.push(describeReadError("merges", error, sheets[sheet].name));
    }
  }
}

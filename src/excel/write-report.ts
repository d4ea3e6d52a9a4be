/**
 * Writes the report to the 报告 sheet: column A, one block = heading row, paragraph row, blank row.
 *
 * The add-in remembers what it wrote (report-memory.ts). Before writing again it compares the
 * sheet with that memory; a cell it would change that holds something it did not write (the
 * user edited it, or typed there) is a conflict: nothing at all is written and the conflicts
 * are returned, unless `overwrite`. Cells of a longer previous report are cleared only when they
 * still hold what the add-in wrote. No cell outside the 报告 sheet is touched.
 *
 * Syncs: 1. does the sheet exist + the memory; 2. its used range (or: create it and learn its
 * id); 3. the writes together with the new memory.
 */
import { toA1 } from "../core/address";
import { ReportBlock, ReportSheetResult, REPORT_SHEET_NAME } from "../host/workbook-host";
import { addressToRange } from "./addresses";
import { memoryFrom, queueMemoryLoad, queueMemorySave, ReportMemory } from "./report-memory";
import { writeText } from "./text-cell";

/* global Excel */

/** Width of column A on a new 报告 sheet, in points (about 45 Chinese characters). */
export const REPORT_COLUMN_WIDTH = 520;

export interface PlannedCell {
  /** A1 address on the 报告 sheet. */
  address: string;
  text: string;
  heading: boolean;
}

/** Blocks → cells: block i takes rows 3i+1 (heading), 3i+2 (paragraph) and 3i+3 (blank). */
export function planReport(blocks: ReportBlock[]): PlannedCell[] {
  const cells: PlannedCell[] = [];
  blocks.forEach((block, i) => {
    const heading = block.heading.trim();
    const text = block.text.trim();
    if (heading) cells.push({ address: toA1(3 * i, 0), text: heading, heading: true });
    if (text) cells.push({ address: toA1(3 * i + 1, 0), text, heading: false });
  });
  return cells;
}

export interface ReportDiff {
  /** Cells to write (their content differs from the plan). */
  writes: PlannedCell[];
  /** Addresses the add-in wrote last time, still unchanged, not in the new plan. */
  clears: string[];
  /** Planned cells holding something the add-in did not write. */
  conflicts: { address: string; current: string; planned: string }[];
}

/**
 * Compares the plan with the sheet (`current`: address → non-empty content) and with what the
 * add-in wrote last time (`last`, undefined when it never wrote to this sheet).
 */
export function diffReport(
  planned: PlannedCell[],
  current: Map<string, string>,
  last: Record<string, string> | undefined
): ReportDiff {
  const diff: ReportDiff = { writes: [], clears: [], conflicts: [] };
  const plannedAddresses = new Set<string>();
  for (const cell of planned) {
    plannedAddresses.add(cell.address);
    const now = current.get(cell.address) ?? "";
    if (now === cell.text) continue;
    const ours = last !== undefined && last[cell.address] === now;
    if (now !== "" && !ours) {
      diff.conflicts.push({ address: cell.address, current: now, planned: cell.text });
    }
    diff.writes.push(cell);
  }
  for (const [address, text] of Object.entries(last ?? {})) {
    if (plannedAddresses.has(address)) continue;
    // Left alone when the user changed or cleared it since.
    if ((current.get(address) ?? "") === text && text !== "") diff.clears.push(address);
  }
  return diff;
}

/** The used range's formulas → address → content, for non-empty cells only. */
function contentByAddress(range: Excel.Range): Map<string, string> {
  const content = new Map<string, string>();
  const where = addressToRange(range.address);
  if (!where) return content;
  range.formulas.forEach((row, i) =>
    row.forEach((value, j) => {
      const text = value === null || value === undefined ? "" : String(value);
      if (text !== "") content.set(toA1(where.top + i, where.left + j), text);
    })
  );
  return content;
}

export interface WriteReportOutcome {
  result: ReportSheetResult;
  /** Id of the 报告 sheet, when it exists after the call. */
  sheetId?: string;
}

export async function writeReport(
  context: Excel.RequestContext,
  blocks: ReportBlock[],
  overwrite: boolean
): Promise<WriteReportOutcome> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(REPORT_SHEET_NAME);
  existing.load("id");
  const memoryItem = queueMemoryLoad(context);
  await context.sync();

  const memory = memoryFrom(memoryItem);
  const planned = planReport(blocks);
  const created = existing.isNullObject;
  let sheet: Excel.Worksheet;
  let current = new Map<string, string>();
  let last: Record<string, string> | undefined;

  if (created) {
    sheet = worksheets.add(REPORT_SHEET_NAME);
    sheet.load("id");
    sheet.getRange("A:A").format.columnWidth = REPORT_COLUMN_WIDTH;
    await context.sync();
  } else {
    sheet = existing;
    const used = sheet.getUsedRange(true);
    used.load("address,formulas");
    await context.sync();
    current = contentByAddress(used);
    last = memory && memory.sheetId === sheet.id ? memory.cells : undefined;
  }

  const diff = diffReport(planned, current, last);
  if (diff.conflicts.length > 0 && !overwrite) {
    return {
      result: { kind: "conflict", sheet: REPORT_SHEET_NAME, edited: diff.conflicts },
      sheetId: sheet.id,
    };
  }

  for (const cell of diff.writes) {
    const range = sheet.getRange(cell.address);
    writeText(range, cell.text);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
    range.format.font.bold = cell.heading;
  }
  for (const address of diff.clears) sheet.getRange(address).values = [[""]];
  const next: ReportMemory = { sheetId: sheet.id, cells: {} };
  for (const cell of planned) next.cells[cell.address] = cell.text;
  queueMemorySave(context, next);
  await context.sync();

  return {
    result: { kind: "written", sheet: REPORT_SHEET_NAME, cells: planned.length, created },
    sheetId: sheet.id,
  };
}

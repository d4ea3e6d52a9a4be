/**
 * What the add-in last wrote to the 报告 sheet: the sheet's id and, for each cell, the text.
 * Kept in the workbook settings (REPORT_CELLS_KEY, a JSON string) so that the next write can
 * tell the cells the user edited from the ones the add-in still owns, even after the file was
 * saved, closed and opened again.
 */

export const REPORT_CELLS_KEY = "indicatorReport.reportCells";

export interface ReportMemory {
  /** Worksheet.id of the 报告 sheet the cells were written to. */
  sheetId: string;
  /** A1 address (no sheet) → text written there. */
  cells: Record<string, string>;
}

/** Any stored value → the memory, or undefined when there is none or it is unreadable. */
export function parseReportMemory(raw: unknown): ReportMemory | undefined {
  let source: unknown = raw;
  if (typeof source === "string") {
    try {
      source = JSON.parse(source);
    } catch {
      return undefined;
    }
  }
  if (typeof source !== "object" || source === null) return undefined;
  const { sheetId, cells } = source as { sheetId?: unknown; cells?: unknown };
  if (typeof sheetId !== "string" || typeof cells !== "object" || cells === null) return undefined;
  const clean: Record<string, string> = {};
  for (const [address, text] of Object.entries(cells as Record<string, unknown>)) {
    if (/^[A-Z]{1,3}[1-9]\d*$/.test(address) && typeof text === "string") clean[address] = text;
  }
  return { sheetId, cells: clean };
}

/** Queues the read; call `memoryFrom` on the result after the next sync. */
export function queueMemoryLoad(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(REPORT_CELLS_KEY);
  item.load("value");
  return item;
}

export function memoryFrom(item: Excel.Setting): ReportMemory | undefined {
  return item.isNullObject ? undefined : parseReportMemory(item.value);
}

export function queueMemorySave(context: Excel.RequestContext, memory: ReportMemory): void {
  context.workbook.settings.add(REPORT_CELLS_KEY, JSON.stringify(memory));
}

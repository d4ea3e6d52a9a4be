/**
 * Inserts the example indicator table on a new sheet of its own (指标示例, 指标示例2, …), so
 * no cell of the user's sheets is touched, as an Excel table of a free name (指标示例表,
 * 指标示例表2, …), and selects it. Two syncs: the sheet and table names, then the whole write
 * in one batch. Should that batch fail, the new sheet is deleted again (a third sync), so no
 * half-written sheet is left behind.
 */
import { rangeToA1 } from "../core/address";
import { needsTextFormat } from "./text-cell";

/* global Excel */

export const EXAMPLE_SHEET_NAME = "指标示例";
export const EXAMPLE_TABLE_NAME = "指标示例表";

export function freeSheetName(taken: string[], base = EXAMPLE_SHEET_NAME): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

export async function insertExampleTable(
  context: Excel.RequestContext,
  rows: (string | number)[][],
  withTable: boolean,
  autofit = true
): Promise<{ sheet: string; address: string }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  if (withTable) tables.load("items/name");
  await context.sync();

  const name = freeSheetName(worksheets.items.map((ws) => ws.name));
  const tableName = withTable
    ? freeSheetName(
        tables.items.map((t) => t.name),
        EXAMPLE_TABLE_NAME
      )
    : "";
  const sheet = worksheets.add(name);
  const width = Math.max(...rows.map((row) => row.length));
  const address = rangeToA1({ top: 0, left: 0, bottom: rows.length - 1, right: width - 1 });
  const range = sheet.getRange(address);
  // Text such as "≤3.5" is kept as text, as typed; numbers stay numbers.
  range.numberFormat = rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const value = row[c];
      return typeof value === "string" && needsTextFormat(value) ? "@" : "General";
    })
  );
  range.values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  if (withTable) {
    const table = tables.add(`'${name}'!${address}`, true);
    table.name = tableName;
  }
  if (autofit) range.format.autofitColumns();
  sheet.activate();
  range.select();
  try {
    await context.sync();
  } catch (error) {
    // Roll back: the sheet was added before the step that failed.
    const added = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!added.isNullObject) {
      added.delete();
      await context.sync();
    }
    throw error;
  }
  return { sheet: name, address };
}

/**
 * Inserts the example indicator table on a new sheet of its own (指标示例, 指标示例2, …), so
 * no cell of the user's sheets is touched, and selects it. Two syncs: the sheet names, then
 * the whole write.
 */
import { rangeToA1 } from "../core/address";
import { needsTextFormat } from "./text-cell";

/* global Excel */

export const EXAMPLE_SHEET_NAME = "指标示例";

export function freeSheetName(taken: string[], base = EXAMPLE_SHEET_NAME): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

export async function insertExampleTable(
  context: Excel.RequestContext,
  rows: (string | number)[][],
  withTable: boolean
): Promise<{ sheet: string; address: string }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const name = freeSheetName(worksheets.items.map((ws) => ws.name));
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
    const table = context.workbook.tables.add(`'${name}'!${address}`, true);
    table.name = "指标示例表";
  }
  range.format.autofitColumns();
  sheet.activate();
  range.select();
  await context.sync();
  return { sheet: name, address };
}

/**
 * Writing under WPS: the 报告 sheet, the selected cell, and jumping to a cell.
 *
 * Every text is written with NumberFormat "@" set first, so that no generated text becomes a
 * formula, a number or a date. The plan and the conflict rule are the Excel adapter's
 * (src/excel/write-report.ts): a cell the user edited since the add-in wrote it is never
 * replaced without asking. No cell outside the 报告 sheet (and the add-in's very hidden store
 * sheet) is touched by the report; insert touches the active cell only.
 */
import { ReportError } from "../core/errors";
import { columnLetters, parseA1, rangeToA1, toA1 } from "../core/address";
import {
  InsertResult,
  REPORT_SHEET_NAME,
  ReportBlock,
  ReportSheetResult,
} from "../host/workbook-host";
import { ReportMemory } from "../excel/report-memory";
import { freeSheetName } from "../excel/example-table";
import { needsTextFormat } from "../excel/text-cell";
import { diffReport, planReport } from "../excel/write-report";
import { EtApplication, EtRange, EtWorksheet, prop, XL_TOP } from "./et";
import { rangeOf, sheetsOf, toGrid } from "./read";
import { activeWorkbook, addSheet, findSheet, readStore, saveMemory, writeTextCell } from "./store";

/** Width of column A on a new 报告 sheet, in characters (about 45 Chinese characters). */
export const REPORT_COLUMN_CHARS = 90;

/** A sheet name as it is written before "!" in an address: quoted unless plain. */
export function qualify(sheet: string, address: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** The content of the sheet's non-empty cells (formulas as written), by A1 address. */
function contentByAddress(sheet: EtWorksheet): Map<string, string> {
  const used = prop<EtRange>(sheet, "UsedRange");
  const where = rangeOf(used);
  const height = where.bottom - where.top + 1;
  const width = where.right - where.left + 1;
  const content = new Map<string, string>();
  toGrid(used.Formula, height, width).forEach((row, i) =>
    row.forEach((value, j) => {
      const text = value === null || value === undefined ? "" : String(value);
      if (text !== "") {
        const address = `${columnLetters(where.left + j)}${where.top + i + 1}`;
        content.set(address, text);
      }
    })
  );
  return content;
}

export function writeReportSheet(
  app: EtApplication,
  blocks: ReportBlock[],
  overwrite: boolean
): ReportSheetResult {
  const workbook = activeWorkbook(app);
  const { memory } = readStore(workbook);
  const planned = planReport(blocks);
  const existing = findSheet(workbook, REPORT_SHEET_NAME);
  const current = existing ? contentByAddress(existing) : new Map<string, string>();
  const last =
    existing && memory && memory.sheetId.toLowerCase() === existing.Name.toLowerCase()
      ? memory.cells
      : undefined;

  const diff = diffReport(planned, current, last);
  if (diff.conflicts.length > 0 && !overwrite) {
    return { kind: "conflict", sheet: REPORT_SHEET_NAME, edited: diff.conflicts };
  }

  const sheet = existing ?? addSheet(workbook, REPORT_SHEET_NAME);
  if (!existing) sheet.Range("A:A").ColumnWidth = REPORT_COLUMN_CHARS;
  for (const cell of diff.writes) {
    writeTextCell(sheet, cell.address, cell.text);
    const range = sheet.Range(cell.address);
    range.WrapText = true;
    range.VerticalAlignment = XL_TOP;
    range.Font.Bold = cell.heading;
  }
  for (const address of diff.clears) sheet.Range(address).ClearContents();

  const next: ReportMemory = { sheetId: sheet.Name, cells: {} };
  for (const cell of planned) next.cells[cell.address] = cell.text;
  saveMemory(workbook, next);
  return { kind: "written", sheet: sheet.Name, cells: planned.length, created: !existing };
}

/** Writes into the active cell (where typing would go), only when it is empty unless `overwrite`. */
export function insertIntoActiveCell(
  app: EtApplication,
  text: string,
  overwrite: boolean
): InsertResult {
  const cell = prop<EtRange | null | undefined>(app, "ActiveCell");
  if (!cell) return { kind: "unsupported" };
  const local = cell.Address(false, false);
  const address = qualify(cell.Worksheet.Name, local);
  const formula = cell.Formula;
  const content = formula === null || formula === undefined ? "" : String(formula);
  if (content !== "" && !overwrite) {
    const shown = typeof cell.Text === "string" ? cell.Text : "";
    return { kind: "occupied", address, current: shown !== "" ? shown : content };
  }
  cell.NumberFormat = "@";
  cell.Value2 = text;
  return { kind: "inserted", address };
}

/** Activates the sheet and selects the cell (an A1 address on it). */
export function selectCell(app: EtApplication, sheetName: string, address: string): void {
  const sheet = findSheet(activeWorkbook(app), sheetName);
  if (!sheet)
    throw new ReportError("NO_SUCH_SHEET", {
      zh: `找不到工作表“${sheetName}”`,
      en: `no sheet named ${sheetName}`,
    });
  if (!parseA1(address.split(":")[0]))
    throw new ReportError("BAD_ADDRESS", {
      zh: `无效的单元格地址 ${address}`,
      en: `not a cell address: ${address}`,
    });
  sheet.Activate();
  sheet.Range(address).Select();
}

/**
 * Writes the example indicator table (`rows`, header row first) on a new sheet of its own
 * (指标示例, 指标示例2, …), so no cell of the user's sheets is touched, and selects it. Texts
 * that would be read as numbers or formulas (e.g. "≤3.5" stays, "10-1" would not) get the
 * text format first; numbers stay numbers.
 */
export function insertExampleTable(
  app: EtApplication,
  rows: (string | number)[][]
): { sheet: string; address: string } {
  const workbook = activeWorkbook(app);
  const sheets = sheetsOf(workbook);
  const name = freeSheetName(sheets.map((ws) => ws.Name));
  // Add makes the new sheet the active one: that is where the user should look.
  const sheet = workbook.Worksheets.Add(undefined, sheets[sheets.length - 1]);
  sheet.Name = name;
  const width = Math.max(...rows.map((row) => row.length));
  const address = rangeToA1({ top: 0, left: 0, bottom: rows.length - 1, right: width - 1 });
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === "string" && needsTextFormat(value)) {
        sheet.Range(toA1(r, c)).NumberFormat = "@";
      }
    })
  );
  sheet.Range(address).Value2 = rows.map((row) =>
    Array.from({ length: width }, (_, c) => row[c] ?? "")
  );
  sheet.Activate();
  sheet.Range(address).Select();
  return { sheet: name, address };
}

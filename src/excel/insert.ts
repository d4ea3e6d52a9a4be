/**
 * Inserting a paragraph into the workbook where the user is, and jumping to a cell.
 *
 * With several cells selected the text goes into the active cell (the white one in the
 * selection, where typing would go), never into the whole selection. An occupied cell is left
 * alone unless `overwrite`: the task pane asks the user first.
 */
import { InsertResult } from "../host/workbook-host";
import { writeText } from "./text-cell";

/* global Excel */

export interface InsertFeatures {
  /** Workbook.getActiveCell (ExcelApi 1.7); else the top-left cell of the selection. */
  activeCell: boolean;
}

/** Errors that mean "there is no cell to write into" rather than a failure. */
const NO_CELL_ERRORS = new Set(["InvalidSelection", "InvalidOperationInCellEditMode"]);

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

export async function insertIntoActiveCell(
  context: Excel.RequestContext,
  text: string,
  overwrite: boolean,
  features: InsertFeatures
): Promise<InsertResult> {
  const cell = features.activeCell
    ? context.workbook.getActiveCell()
    : context.workbook.getSelectedRange().getCell(0, 0);
  cell.load("address,formulas,text");
  try {
    await context.sync();
  } catch (error) {
    if (NO_CELL_ERRORS.has(String(errorCode(error)))) return { kind: "unsupported" };
    throw error;
  }

  const formula = cell.formulas[0]?.[0];
  const content = formula === null || formula === undefined ? "" : String(formula);
  if (content !== "" && !overwrite) {
    const shown = cell.text[0]?.[0] ?? "";
    return { kind: "occupied", address: cell.address, current: shown !== "" ? shown : content };
  }
  writeText(cell, text);
  await context.sync();
  return { kind: "inserted", address: cell.address };
}

export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  address: string
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}

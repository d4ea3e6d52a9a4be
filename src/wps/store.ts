/**
 * What the add-in keeps in the workbook under WPS: the report settings and the memory of what it
 * wrote to the 报告 sheet (src/excel/report-memory.ts), so both travel with the file.
 *
 * Office.js has workbook settings; ET has none that persist (PluginStorage is lost when WPS
 * closes). They go into a very hidden sheet of the add-in's own (Visible = xlSheetVeryHidden: not
 * listed under 取消隐藏), left out of the analysis: A1 the settings as JSON, A2 the report memory
 * as JSON, both written as text. The memory's `sheetId` is the report sheet's name (ET sheets
 * have no stable id).
 */
import { ReportError } from "../core/errors";
import { ReportSettings } from "../host/workbook-host";
import { parseReportMemory, ReportMemory } from "../excel/report-memory";
import { normalizeSettings } from "../excel/settings";
import { EtApplication, EtWorkbook, EtWorksheet, prop, XL_SHEET_VERY_HIDDEN } from "./et";
import { sheetsOf, toGrid } from "./read";

export const STORE_SHEET_NAME = "指标报告助手_设置";
const SETTINGS_CELL = "A1";
const MEMORY_CELL = "A2";

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const workbook = prop<EtWorkbook | null | undefined>(app, "ActiveWorkbook");
  if (!workbook)
    throw new ReportError("NO_WORKBOOK", { zh: "没有打开的工作簿", en: "no workbook is open" });
  return workbook;
}

/** The sheet of that name (case-insensitive, as sheet names are), if any. */
export function findSheet(workbook: EtWorkbook, name: string): EtWorksheet | undefined {
  const lower = name.toLowerCase();
  return sheetsOf(workbook).find((ws) => ws.Name.toLowerCase() === lower);
}

export interface Store {
  settings?: unknown;
  memory?: ReportMemory;
}

export function readStore(workbook: EtWorkbook): Store {
  const sheet = findSheet(workbook, STORE_SHEET_NAME);
  if (!sheet) return {};
  const [[settings], [memory]] = toGrid(
    sheet.Range(`${SETTINGS_CELL}:${MEMORY_CELL}`).Value2,
    2,
    1
  );
  return {
    settings: typeof settings === "string" && settings !== "" ? settings : undefined,
    memory: parseReportMemory(memory),
  };
}

export function loadSettings(workbook: EtWorkbook): ReportSettings {
  return normalizeSettings(readStore(workbook).settings);
}

/** Writes text into one cell so that it stays text: the format "@" first, then the value. */
export function writeTextCell(sheet: EtWorksheet, address: string, text: string): void {
  const cell = sheet.Range(address);
  cell.NumberFormat = "@";
  cell.Value2 = text;
}

/**
 * Adds a sheet at the end named `name`. ET makes a new sheet the active one: the sheet that was
 * active is activated again, so the user stays where they were.
 */
export function addSheet(workbook: EtWorkbook, name: string, veryHidden = false): EtWorksheet {
  const before = prop<EtWorksheet | null | undefined>(workbook, "ActiveSheet");
  const sheets = sheetsOf(workbook);
  const sheet = workbook.Worksheets.Add(undefined, sheets[sheets.length - 1]);
  sheet.Name = name;
  if (veryHidden) sheet.Visible = XL_SHEET_VERY_HIDDEN;
  if (before && before.Name !== name) before.Activate();
  return sheet;
}

function storeSheet(workbook: EtWorkbook): EtWorksheet {
  return findSheet(workbook, STORE_SHEET_NAME) ?? addSheet(workbook, STORE_SHEET_NAME, true);
}

export function saveSettings(workbook: EtWorkbook, settings: ReportSettings): void {
  writeTextCell(storeSheet(workbook), SETTINGS_CELL, JSON.stringify(normalizeSettings(settings)));
}

export function saveMemory(workbook: EtWorkbook, memory: ReportMemory): void {
  writeTextCell(storeSheet(workbook), MEMORY_CELL, JSON.stringify(memory));
}

/**
 * The add-in's own sheets, left out of the analysis and of change events: the store sheet, and
 * the 报告 sheet the memory says the add-in wrote.
 */
export function isOwnSheet(name: string, store: Store): boolean {
  const lower = name.toLowerCase();
  return (
    lower === STORE_SHEET_NAME.toLowerCase() ||
    (store.memory !== undefined && store.memory.sheetId.toLowerCase() === lower)
  );
}

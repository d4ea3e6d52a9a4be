/**
 * WorkbookHost for a workbook opened from disk in a browser (standalone mode: no Excel, e.g.
 * WPS users or a machine without Office). The file is read in the browser and never uploaded.
 *
 * - read(): the bytes → WorkbookModel with ExcelJS, imported on first use so that it stays out
 *   of the task pane's initial JavaScript.
 * - selectCell(): there is no sheet to select in, so listeners (the task pane's read-only sheet
 *   preview) are told which cell to show; previewAround() gives the grid around it.
 * - insertIntoSelection(): unsupported (no selection).
 * - writeReportSheet(): builds a copy of the workbook with a 报告 sheet and hands it to
 *   `download`; the original file is never touched, and a file over the reader's limits is
 *   refused with the reader's message. Unsupported without `download`.
 * - settings: kept in localStorage (or the storage given); onChange never fires.
 */
import { columnLetters, parseA1, toA1 } from "../core/address";
import { formatNumber } from "../core/format";
import { CellModel, WorkbookModel, isCellError } from "../core/workbook";
import {
  DEFAULT_SETTINGS,
  InsertResult,
  REPORT_SHEET_NAME,
  ReportBlock,
  ReportSettings,
  ReportSheetResult,
  WorkbookHost,
} from "./workbook-host";

/** The part of Web Storage the host uses (localStorage in a browser). */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const SETTINGS_STORAGE_KEY = "indicator-report.settings";

export interface FileHostOptions {
  fileName: string;
  bytes: Uint8Array;
  storage?: SettingsStorage;
  /** Saves a file for the user (a browser download); enables writeReportSheet. */
  download?: (bytes: Uint8Array, fileName: string) => void | Promise<void>;
  /** Reads the bytes; defaults to src/xlsx (ExcelJS), loaded on first use. */
  readWorkbook?: (bytes: Uint8Array, fileName: string) => Promise<WorkbookModel>;
}

export type CellSelectListener = (sheet: string, cell: string) => void;

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  readonly label: string;
  private readonly bytes: Uint8Array;
  private readonly storage?: SettingsStorage;
  private readonly download?: FileHostOptions["download"];
  private readonly readWorkbook: NonNullable<FileHostOptions["readWorkbook"]>;
  private model?: Promise<WorkbookModel>;
  private readonly selectListeners = new Set<CellSelectListener>();
  /** The name of the last copy handed to `download`. */
  lastCopyName?: string;

  constructor(options: FileHostOptions) {
    this.label = options.fileName;
    this.bytes = options.bytes;
    this.storage = options.storage;
    this.download = options.download;
    this.readWorkbook = options.readWorkbook ?? readWithExcelJS;
  }

  /** Reads once; later calls give the same model (a file on disk does not change under us). */
  read(): Promise<WorkbookModel> {
    if (!this.model) {
      this.model = this.readWorkbook(this.bytes, this.label);
      // A failed read may be retried.
      this.model.catch(() => (this.model = undefined));
    }
    return this.model;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    for (const listener of [...this.selectListeners]) listener(sheet, cell);
  }

  /** Listens for selectCell calls; returns an unsubscribe function. */
  onSelect(listener: CellSelectListener): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  async insertIntoSelection(_text: string, _overwrite?: boolean): Promise<InsertResult> {
    return { kind: "unsupported" };
  }

  get canWriteCopy(): boolean {
    return this.download !== undefined;
  }

  async writeReportSheet(blocks: ReportBlock[], _overwrite?: boolean): Promise<ReportSheetResult> {
    if (!this.download) return { kind: "unsupported" };
    // A file the reader refuses is refused here with its message (the model is read once).
    await this.read();
    const copy = await workbookWithReport(this.bytes, blocks, this.label);
    const name = copyFileName(this.label);
    await this.download(copy.bytes, name);
    this.lastCopyName = name;
    return { kind: "written", sheet: copy.sheet, cells: copy.cells, created: copy.created };
  }

  async loadSettings(): Promise<ReportSettings> {
    try {
      const text = this.storage?.getItem(SETTINGS_STORAGE_KEY);
      return text ? sanitizeSettings(JSON.parse(text)) : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  async saveSettings(settings: ReportSettings): Promise<void> {
    this.storage?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(sanitizeSettings(settings)));
  }

  onChange(_callback: () => void): () => void {
    return () => undefined;
  }

  /** The grid around a cell of the workbook read, for the sheet preview (see previewAround). */
  async preview(
    sheet: string,
    cell: string,
    size?: PreviewSize,
    keepCol?: number
  ): Promise<SheetPreview> {
    return previewAround(await this.read(), sheet, cell, size, keepCol);
  }
}

async function readWithExcelJS(bytes: Uint8Array, fileName: string): Promise<WorkbookModel> {
  const { readWorkbookBuffer } = await import(
    /* webpackChunkName: "xlsx-reader" */ "../xlsx/read-workbook"
  );
  return readWorkbookBuffer(bytes, fileName);
}

/**
 * Settings as stored somewhere the user (or another version) may have changed: anything
 * missing or out of range falls back to the default.
 */
export function sanitizeSettings(value: unknown): ReportSettings {
  const input = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const settings: ReportSettings = { ...DEFAULT_SETTINGS };
  const { period, decimals, scaleLargeAmounts, yearStyle } = input;
  if (typeof period === "number" && Number.isInteger(period) && period >= 1 && period <= 12)
    settings.period = period;
  if (typeof decimals === "number" && Number.isInteger(decimals) && decimals >= 0 && decimals <= 4)
    settings.decimals = decimals;
  if (typeof scaleLargeAmounts === "boolean") settings.scaleLargeAmounts = scaleLargeAmounts;
  if (yearStyle === "arabic" || yearStyle === "chinese") settings.yearStyle = yearStyle;
  return settings;
}

// ---------------------------------------------------------------------------
// Sheet preview

export interface PreviewSize {
  rows: number;
  cols: number;
}

export interface PreviewCell {
  address: string;
  text: string;
  /** Numbers are right-aligned, as Excel shows them. */
  numeric: boolean;
  selected: boolean;
}

export interface SheetPreview {
  sheet: string;
  cell: string;
  /** False when the sheet or the address does not exist: rows are then empty. */
  found: boolean;
  /** Column letters shown, left to right. */
  columns: string[];
  /** Column A is kept in view (it usually names the row) and the columns after it skip some. */
  pinnedFirst: boolean;
  rows: { number: number; cells: PreviewCell[] }[];
}

export const DEFAULT_PREVIEW_SIZE: PreviewSize = { rows: 7, cols: 5 };

/**
 * A window of the sheet around `cell`, starting at column `keepCol` (default A; the task pane
 * passes the table's name column) when the cell is near enough. Further right, `keepCol` is still
 * shown first, then the columns around the cell: the row stays recognisable by its name.
 */
export function previewAround(
  workbook: WorkbookModel,
  sheetName: string,
  cell: string,
  size: PreviewSize = DEFAULT_PREVIEW_SIZE,
  keepCol = 0
): SheetPreview {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  const at = parseA1(cell);
  if (!sheet || !at)
    return { sheet: sheetName, cell, found: false, columns: [], pinnedFirst: false, rows: [] };
  const start = Math.max(0, Math.min(keepCol, at.col));
  const pinnedFirst = at.col - start >= size.cols;
  const cols = pinnedFirst
    ? [
        keepCol,
        ...Array.from(
          { length: size.cols - 1 },
          (_, i) => at.col - Math.floor((size.cols - 2) / 2) + i
        ),
      ]
    : Array.from({ length: size.cols }, (_, i) => start + i);
  const top = Math.max(0, at.row - Math.floor(size.rows / 2));
  const rows = Array.from({ length: size.rows }, (_, r) => {
    const row = top + r;
    return {
      number: row + 1,
      cells: cols.map((col) => {
        const model = sheet.rows[row]?.[col];
        return {
          address: toA1(row, col),
          text: cellText(model),
          numeric: typeof model?.value === "number",
          selected: row === at.row && col === at.col,
        };
      }),
    };
  });
  return {
    sheet: sheetName,
    cell: toA1(at.row, at.col),
    found: true,
    columns: cols.map(columnLetters),
    pinnedFirst,
    rows,
  };
}

/** A cell's value roughly as Excel shows it: percentages, thousands separators, dates. */
export function cellText(cell: CellModel | undefined): string {
  const value = cell?.value;
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  const format = cell?.numFmt ?? "";
  if (format.includes("%")) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${formatNumber(value * 100, decimals)}%`;
  }
  const text = formatNumber(value, 4);
  if (!format.includes("#,##")) return text;
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

// ---------------------------------------------------------------------------
// The copy with a 报告 sheet

/** "街道指标台账.xlsx" → "街道指标台账-报告.xlsx". */
export function copyFileName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "") || "workbook";
  return `${base}-${REPORT_SHEET_NAME}.xlsx`;
}

/**
 * The workbook's bytes with a 报告 sheet (replacing one of that name in the copy): one heading
 * row and one wrapped paragraph row per block, a blank row between blocks. The file goes through
 * the reader's limits first (a file the pane would refuse to read is refused with the same
 * message); then only the zip's structure parts are edited and every other part is copied as
 * it is, never inflated (src/xlsx/report-copy.ts). `bytes` are never changed.
 */
export async function workbookWithReport(
  bytes: Uint8Array,
  blocks: ReportBlock[],
  fileName?: string
): Promise<{ bytes: Uint8Array; sheet: string; cells: number; created: boolean }> {
  const { workbookCopyWithSheet } = await import(
    /* webpackChunkName: "xlsx-reader" */ "../xlsx/report-copy"
  );
  return workbookCopyWithSheet(bytes, REPORT_SHEET_NAME, blocks, fileName);
}

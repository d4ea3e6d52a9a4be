/**
 * What the task pane needs from wherever the workbook lives: Excel through Office.js
 * (src/excel) or a file opened in the browser (standalone mode). The task pane talks only to
 * this interface, so the same UI runs inside Excel and outside it.
 */
import { WorkbookModel } from "../core/workbook";

/** User settings kept in the workbook, so they travel with the file. */
export interface ReportSettings {
  /** Months the report covers (1—12); undefined = take it from the table headers. */
  period?: number;
  decimals: number;
  scaleLargeAmounts: boolean;
  yearStyle: "arabic" | "chinese";
}

export const DEFAULT_SETTINGS: ReportSettings = {
  decimals: 2,
  scaleLargeAmounts: true,
  yearStyle: "arabic",
};

/** One block of the report sheet: a heading line and its paragraph. */
export type { ReportBlock } from "../core/report/writing/lines";
import type { ReportBlock } from "../core/report/writing/lines";

export type InsertResult =
  | { kind: "inserted"; address: string }
  /** The selected cell is not empty: nothing was written; ask the user first. */
  | { kind: "occupied"; address: string; current: string }
  | { kind: "unsupported" };

export type ReportSheetResult =
  | { kind: "written"; sheet: string; cells: number; created: boolean }
  /** Cells the user edited since the last write: nothing was written; ask first. */
  | {
      kind: "conflict";
      sheet: string;
      edited: { address: string; current: string; planned: string }[];
    }
  | { kind: "unsupported" };

export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** A name to show: the file name, or "当前工作簿". */
  readonly label: string;
  read(): Promise<WorkbookModel>;
  /** Selects (and scrolls to) a cell; `cell` is an A1 address on `sheet`. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes text into the selected cell only when it is empty, unless `overwrite` is given. */
  insertIntoSelection(text: string, overwrite?: boolean): Promise<InsertResult>;
  /**
   * Writes the report to the 报告 sheet, creating it if needed. Cells the user changed since
   * the add-in last wrote them are reported as a conflict and left alone, unless `overwrite`.
   */
  writeReportSheet(blocks: ReportBlock[], overwrite?: boolean): Promise<ReportSheetResult>;
  loadSettings(): Promise<ReportSettings>;
  saveSettings(settings: ReportSettings): Promise<void>;
  /** Calls back (debounced) when tables or worksheets change; returns an unsubscribe function. */
  onChange(callback: () => void): () => void;
  /**
   * Optional: writes an example indicator table (`rows`, header row first) where the user can
   * see it, e.g. on a new sheet, and selects it. The task pane offers it when no table is found.
   */
  insertExampleTable?(rows: (string | number)[][]): Promise<{ sheet: string; address: string }>;
}

export const REPORT_SHEET_NAME = "报告";

/**
 * WorkbookHost for WPS 表格 (ET) through its JS API (window.Application), the counterpart of
 * src/excel for Office.js. The ET API is synchronous; the methods still return promises, as the
 * port wants. The application object is injected, so tests pass the strict fake of
 * test/wps/fake-et.ts.
 *
 * `kind` is "excel": to the task pane this is the same situation as Excel, a workbook open in
 * a spreadsheet program, written in place and with settings kept in the file.
 */
import {
  DEFAULT_SETTINGS,
  InsertResult,
  ReportBlock,
  ReportSettings,
  ReportSheetResult,
  WorkbookHost,
} from "../host/workbook-host";
import { WorkbookModel } from "../core/workbook";
import { DEFAULT_DEBOUNCE_MS, watchChanges } from "./events";
import { readWorkbook } from "./read";
import { activeWorkbook, isOwnSheet, loadSettings, readStore, saveSettings } from "./store";
import { EtApplication, EtWorkbook, prop } from "./et";
import { insertExampleTable, insertIntoActiveCell, selectCell, writeReportSheet } from "./write";

/* global console */

export interface WpsHostOptions {
  /** Quiet time before onChange calls back (default 800 ms). */
  debounceMs?: number;
  label?: string;
}

export function createWpsHost(app: EtApplication, options: WpsHostOptions = {}): WorkbookHost {
  let writing = 0;
  const whileWriting = <T>(work: () => T): Promise<T> => {
    writing++;
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    } finally {
      writing--;
    }
  };
  const attempt = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    kind: "excel",
    /** The active workbook's name ("街道指标台账.xlsx"): the pane follows workbook switches. */
    get label(): string {
      try {
        const name = prop<EtWorkbook | null | undefined>(app, "ActiveWorkbook")?.Name;
        if (name) return name;
      } catch {
        // no workbook
      }
      return options.label ?? "当前工作簿";
    },

    read(): Promise<WorkbookModel> {
      return attempt(() => {
        const workbook = activeWorkbook(app);
        const store = readStore(workbook);
        return readWorkbook(workbook, (ws) => isOwnSheet(ws.Name, store));
      });
    },

    selectCell(sheet: string, cell: string): Promise<void> {
      return attempt(() => selectCell(app, sheet, cell));
    },

    insertIntoSelection(text: string, overwrite = false): Promise<InsertResult> {
      return whileWriting(() => insertIntoActiveCell(app, text, overwrite));
    },

    writeReportSheet(blocks: ReportBlock[], overwrite = false): Promise<ReportSheetResult> {
      return whileWriting(() => writeReportSheet(app, blocks, overwrite));
    },

    async loadSettings(): Promise<ReportSettings> {
      try {
        return loadSettings(activeWorkbook(app));
      } catch (error) {
        console.warn("指标报告助手: settings could not be read; using the defaults", error);
        return { ...DEFAULT_SETTINGS };
      }
    },

    saveSettings(settings: ReportSettings): Promise<void> {
      return whileWriting(() => saveSettings(activeWorkbook(app), settings));
    },

    insertExampleTable(rows: (string | number)[][]): Promise<{ sheet: string; address: string }> {
      return whileWriting(() => insertExampleTable(app, rows));
    },

    onChange(callback: () => void): () => void {
      return watchChanges(app, callback, {
        debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
        isOwnSheet: (name) => {
          try {
            return isOwnSheet(name, readStore(activeWorkbook(app)));
          } catch {
            return false;
          }
        },
        isWriting: () => writing > 0,
      });
    },
  };
}

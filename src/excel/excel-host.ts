/**
 * WorkbookHost for Excel through Office.js. Excel is reached only through the injected `run`
 * (Excel.run) and `requirements` (Office.context.requirements), so tests pass a fake.
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
import { insertExampleTable } from "./example-table";
import { insertIntoActiveCell, selectCell } from "./insert";
import { DEFAULT_CELLS_PER_SYNC, readWorkbook } from "./read";
import type { ExcelReadProblem } from "./read-errors";
import { memoryFrom, queueMemoryLoad } from "./report-memory";
import { queueSettingsLoad, queueSettingsSave, settingsFrom } from "./settings";
import { writeReport } from "./write-report";

/* global Excel, Office, console */

/** The part of Office.context.requirements the adapter asks. */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface ExcelHostOptions {
  /** Quiet time before onChange calls back (default 800 ms). */
  debounceMs?: number;
  /** Most cells per sync when a large workbook is read in chunks. */
  cellsPerSync?: number;
  label?: string;
}

const defaultRun = ((...args: unknown[]) =>
  (Excel.run as (...a: unknown[]) => unknown)(...args)) as typeof Excel.run;

const officeRequirements: Requirements = {
  isSetSupported: (name, minVersion) =>
    Office.context.requirements.isSetSupported(name, minVersion),
};

/** The Excel host: a WorkbookHost that also tells what its last read left out. */
export interface ExcelWorkbookHost extends WorkbookHost {
  /** Parts of the workbook the last read left out, each with its message (empty: all read). */
  readonly readProblems: readonly ExcelReadProblem[];
}

export function createExcelHost(
  run: typeof Excel.run = defaultRun,
  requirements: Requirements = officeRequirements,
  options: ExcelHostOptions = {}
): ExcelWorkbookHost {
  const supports = (version: string) => requirements.isSetSupported("ExcelApi", version);
  /** Id of the add-in's 报告 sheet, once known (from a read, a write or the memory). */
  let reportSheetId: string | undefined;
  /** The last read needed chunks: skip the one-batch attempt next time. */
  let chunked = false;
  let writing = 0;
  /** The workbook's own name, once a read has given it. */
  let workbookName: string | undefined;
  let readProblems: readonly ExcelReadProblem[] = [];

  async function whileWriting<T>(work: () => Promise<T>): Promise<T> {
    writing++;
    try {
      return await work();
    } finally {
      writing--;
    }
  }

  return {
    kind: "excel",
    /** The workbook's name once read ("街道指标台账.xlsx"); until then "当前工作簿". */
    get label(): string {
      return workbookName ?? options.label ?? "当前工作簿";
    },

    get readProblems(): readonly ExcelReadProblem[] {
      return readProblems;
    },

    async read(): Promise<WorkbookModel> {
      const outcome = await run((context) =>
        readWorkbook(context, {
          features: {
            indent: supports("1.9"),
            merges: supports("1.13"),
            workbookName: supports("1.7"),
          },
          cellsPerSync: options.cellsPerSync ?? DEFAULT_CELLS_PER_SYNC,
          chunked,
        })
      );
      chunked = outcome.chunked;
      if (outcome.reportSheetId) reportSheetId = outcome.reportSheetId;
      if (outcome.workbookName) workbookName = outcome.workbookName;
      readProblems = outcome.problems;
      for (const problem of outcome.problems) console.warn(`指标报告助手: ${problem.messageZh}`);
      if (outcome.problems.length === 0) return outcome.model;
      // The engine turns each into a finding: the 校验 tab shows what was not read.
      return {
        ...outcome.model,
        unread: outcome.problems.map((p) => ({
          ...(p.sheet ? { sheet: p.sheet } : {}),
          message: p.messageZh,
          messageEn: p.messageEn,
        })),
      };
    },

    selectCell(sheet: string, cell: string): Promise<void> {
      return run((context) => selectCell(context, sheet, cell));
    },

    insertIntoSelection(text: string, overwrite = false): Promise<InsertResult> {
      return whileWriting(() =>
        run((context) =>
          insertIntoActiveCell(context, text, overwrite, { activeCell: supports("1.7") })
        )
      );
    },

    async writeReportSheet(blocks: ReportBlock[], overwrite = false): Promise<ReportSheetResult> {
      if (!supports("1.4")) return { kind: "unsupported" };
      return whileWriting(async () => {
        const outcome = await run((context) => writeReport(context, blocks, overwrite));
        if (outcome.sheetId) reportSheetId = outcome.sheetId;
        return outcome.result;
      });
    },

    async loadSettings(): Promise<ReportSettings> {
      try {
        return await run(async (context) => {
          const item = queueSettingsLoad(context);
          await context.sync();
          return settingsFrom(item);
        });
      } catch (error) {
        console.warn("指标报告助手: settings could not be read; using the defaults", error);
        return { ...DEFAULT_SETTINGS };
      }
    },

    saveSettings(settings: ReportSettings): Promise<void> {
      return run(async (context) => {
        queueSettingsSave(context, settings);
        await context.sync();
      });
    },

    insertExampleTable(rows: (string | number)[][]): Promise<{ sheet: string; address: string }> {
      return whileWriting(() =>
        run((context) => insertExampleTable(context, rows, supports("1.1"), supports("1.2")))
      );
    },

    onChange(callback: () => void): () => void {
      if (reportSheetId === undefined) {
        run(async (context) => {
          const item = queueMemoryLoad(context);
          await context.sync();
          reportSheetId ??= memoryFrom(item)?.sheetId;
        }).catch(() => undefined);
      }
      return watchChanges(run, callback, {
        debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
        workbookEvents: supports("1.9"),
        isReportSheet: (id) => id === reportSheetId,
        isWriting: () => writing > 0,
      });
    },
  };
}

/**
 * The standalone pane's 汇总 of several workbooks opened at once: each file read in the browser
 * and analysed on its own, then the district roll-up of core/rollup, as the CLI's `rollup`
 * makes it. A file that cannot be read is kept with its message; the others still roll up.
 * Loaded with the 汇总 view only (not in the first render).
 */
import { resolveOptions } from "../../core";
import { EngineOptions, ResolvedOptions } from "../../core/model";
import { ReportLine, reportLines, reportToText } from "../../core/report/writing/lines";
import type { Report } from "../../core/report/writing/report";
import {
  Rollup,
  UnitInput,
  UnreadFile,
  districtReport,
  districtTitle,
  rollUp,
} from "../../core/rollup";
import { UnitRead, readUnitWith } from "../../core/rollup/unit-read";
import { IndicatorSummary, indicatorSummary } from "../../core/rollup/summary";
import type { WorkbookModel } from "../../core/workbook";
import { SETTINGS_STORAGE_KEY, SettingsStorage, sanitizeSettings } from "../../host/file-host";
import { toEngineOptions } from "./settings";

/** A file the user chose: its name, and its bytes when asked for. */
export interface PickedFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

export type ReadWorkbook = (bytes: Uint8Array, fileName: string) => Promise<WorkbookModel>;

export type { UnitRead };

/** One file, read and analysed (core/rollup/unit-read.ts, as the CLI does it). */
export function readUnit(
  file: PickedFile,
  readWorkbook: ReadWorkbook,
  options: EngineOptions
): Promise<UnitRead> {
  return readUnitWith(file.name, async () => readWorkbook(await file.bytes(), file.name), options);
}

/** A file left out of the sums, and why. */
export type NotCounted =
  | { file: string; why: "duplicate"; of: string }
  | { file: string; why: "unread"; message: string; messageEn: string }
  | { file: string; why: "rollup" };

/** A row of the 汇总 table: one district indicator. */
export interface RollupRow extends IndicatorSummary {
  /** The 汇总 sheet's cell of the row ("汇总!B5"): a stable key. */
  id: string;
}

export type PaneRollup =
  | {
      kind: "rollup";
      rollup: Rollup;
      options: ResolvedOptions;
      report: Report;
      /** The district report's title: the 汇总 workbook's title too. */
      title: string;
      rows: RollupRow[];
      lines: ReportLine[];
      /** The report as plain text (复制全文). */
      text: string;
      notCounted: NotCounted[];
    }
  /** No file could be rolled up: each is named with its reason. */
  | { kind: "nothing"; notCounted: NotCounted[] };

/** The engine options of the pane's saved settings (the Settings tab's), else the defaults. */
export function savedEngineOptions(storage: SettingsStorage | undefined): EngineOptions {
  let saved: unknown;
  try {
    const text = storage?.getItem(SETTINGS_STORAGE_KEY);
    saved = text ? JSON.parse(text) : undefined;
  } catch {
    saved = undefined;
  }
  return toEngineOptions(sanitizeSettings(saved));
}

export interface RollupOptions {
  engine: EngineOptions;
  readWorkbook: ReadWorkbook;
  /** After each file, with the count done. */
  progress?: (done: number, total: number) => void;
}

/** The files read one after another, then rolled up. */
export async function rollUpFiles(
  files: PickedFile[],
  options: RollupOptions
): Promise<PaneRollup> {
  const inputs: UnitInput[] = [];
  const unread: UnreadFile[] = [];
  const skipped: string[] = [];
  for (let k = 0; k < files.length; k++) {
    const read = await readUnit(files[k], options.readWorkbook, options.engine);
    if (read.kind === "unit") inputs.push(read.input);
    else if (read.kind === "unread") unread.push(read.unread);
    else skipped.push(read.file);
    options.progress?.(k + 1, files.length);
  }
  const outside = (duplicates: Rollup["duplicates"]): NotCounted[] => [
    ...duplicates.map((d) => ({ file: d.file, why: "duplicate" as const, of: d.of })),
    ...unread.map((u) => ({
      file: u.file,
      why: "unread" as const,
      message: u.message,
      messageEn: u.messageEn,
    })),
    ...skipped.map((file) => ({ file, why: "rollup" as const })),
  ];
  if (inputs.length === 0) return { kind: "nothing", notCounted: outside([]) };
  const resolved = resolveOptions(options.engine);
  return paneRollup(rollUp(inputs, unread, resolved, skipped), resolved, outside);
}

function paneRollup(
  rollup: Rollup,
  options: ResolvedOptions,
  outside: (duplicates: Rollup["duplicates"]) => NotCounted[]
): PaneRollup {
  const report = districtReport(rollup, options);
  const rows = rollup.indicators.map((d, k) => ({
    id: d.id,
    ...indicatorSummary(d, rollup.districtIndicators[k], rollup, options),
  }));
  return {
    kind: "rollup",
    rollup,
    options,
    report,
    title: districtTitle(rollup, options),
    rows,
    lines: reportLines(report),
    text: reportToText(report),
    notCounted: outside(rollup.duplicates),
  };
}

/** The 汇总 workbook's file name. */
export const ROLLUP_FILE_NAME = "汇总.xlsx";

/** The 汇总 workbook's bytes (ExcelJS, loaded with it). */
export async function rollupWorkbookBytes(
  result: Extract<PaneRollup, { kind: "rollup" }>
): Promise<Uint8Array> {
  const { rollupToBuffer } = await import(
    /* webpackChunkName: "rollup-writer" */ "../../xlsx/write-rollup"
  );
  return rollupToBuffer(result.rollup, result.title);
}

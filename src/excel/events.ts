/**
 * Calls back, debounced, when the workbook changes in a way that may change the analysis.
 *
 * ExcelApi 1.9: one handler each on the worksheets collection (onChanged, onFormatChanged:
 * a cell turned into a percentage changes its reading), on onAdded/onDeleted, and on the
 * tables collection (onAdded/onDeleted). Before 1.9: onChanged of every sheet that exists at
 * subscription time (ExcelApi 1.7) plus worksheets onAdded/onDeleted.
 *
 * Changes to the add-in's 报告 sheet (its own writes, and edits there: the sheet is not read) do
 * not call back. The sheet is recognised by its worksheet id, checked when the debounce
 * timer fires, so that the id learnt at the end of a write is already known; while a write is
 * under way the call back waits.
 */

import { changeBatch } from "../host/change-batch";

/* global Excel, OfficeExtension, console */

export const DEFAULT_DEBOUNCE_MS = 800;

export interface WatchOptions {
  debounceMs: number;
  /** ExcelApi 1.9 collection events; else per-sheet events (ExcelApi 1.7). */
  workbookEvents: boolean;
  /** True for the id of the add-in's 报告 sheet. */
  isReportSheet(worksheetId: string): boolean;
  /** True while the add-in is writing: the call back is put off until it is done. */
  isWriting?(): boolean;
}

interface Registration {
  context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

type EventHandler = (args: { worksheetId?: string }) => Promise<void>;

async function register(
  context: Excel.RequestContext,
  handler: EventHandler,
  workbookEvents: boolean
): Promise<Registration[]> {
  const worksheets = context.workbook.worksheets;
  const registrations: Registration[] = [];
  if (workbookEvents) {
    const tables = context.workbook.tables;
    registrations.push(
      worksheets.onChanged.add(handler),
      worksheets.onFormatChanged.add(handler),
      tables.onAdded.add(handler),
      tables.onDeleted.add(handler)
    );
  } else {
    worksheets.load("items/id");
    await context.sync();
    for (const sheet of worksheets.items) registrations.push(sheet.onChanged.add(handler));
  }
  registrations.push(worksheets.onAdded.add(handler), worksheets.onDeleted.add(handler));
  await context.sync();
  return registrations;
}

/** Subscribes; the returned function unsubscribes (removes the handlers, then syncs). */
export function watchChanges(
  run: typeof Excel.run,
  callback: () => void,
  options: WatchOptions
): () => void {
  const batch = changeBatch(callback, {
    debounceMs: options.debounceMs,
    isOwnSheet: options.isReportSheet,
    isWriting: options.isWriting,
  });
  const handler: EventHandler = async (args) => {
    batch.note(args?.worksheetId || undefined);
  };

  const subscription = run((context) => register(context, handler, options.workbookEvents)).catch(
    (error: unknown) => {
      console.warn("指标报告助手: could not watch the workbook for changes", error);
      return [] as Registration[];
    }
  );

  return () => {
    if (batch.disposed) return;
    batch.dispose();
    void subscription
      .then(async (registrations) => {
        if (registrations.length === 0) return;
        await run(registrations[0].context, async (context) => {
          for (const registration of registrations) registration.remove();
          await context.sync();
        });
      })
      .catch((error: unknown) => {
        console.warn("指标报告助手: could not remove the change handlers", error);
      });
  };
}

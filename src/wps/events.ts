/**
 * Calls back, debounced, when the workbook changes in a way that may change the analysis, through
 * Application.ApiEvent: SheetChange (a cell), WorkbookNewSheet and SheetBeforeDelete (sheets),
 * and WorkbookActivate. The task pane is shared by the documents of a WPS window, so switching
 * to another workbook is a change too: the pane reads the new one.
 *
 * Changes on the add-in's own sheets (its 报告 sheet, its store) do not call back; the sheet is
 * judged when the timer fires, so a 报告 sheet created by the write that caused the event is
 * known by then. While the add-in writes, the call back waits.
 */
import { changeBatch } from "../host/change-batch";
import { EtApplication, EtEventName } from "./et";

/* global console */

export const DEFAULT_DEBOUNCE_MS = 800;

export interface WatchOptions {
  debounceMs: number;
  /** True for a sheet name the add-in owns (checked when the timer fires). */
  isOwnSheet(name: string): boolean;
  isWriting?(): boolean;
}

function sheetName(sheet: unknown): string | undefined {
  try {
    const name = (sheet as { Name?: unknown } | null)?.Name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

export function watchChanges(
  app: EtApplication,
  callback: () => void,
  options: WatchOptions
): () => void {
  const events = app.ApiEvent;
  const batch = changeBatch(callback, options);
  const note = (name: string | undefined) => batch.note(name);

  const handlers: [EtEventName, (...args: unknown[]) => void][] = [
    ["SheetChange", (sheet) => note(sheetName(sheet))],
    ["WorkbookNewSheet", () => note(undefined)],
    ["SheetBeforeDelete", (sheet) => note(sheetName(sheet))],
    ["WorkbookActivate", () => note(undefined)],
  ];
  const added: typeof handlers = [];
  if (!events || typeof events.AddApiEventListener !== "function") {
    console.warn("指标报告助手: this WPS has no ApiEvent; the pane will not follow changes");
  } else {
    for (const [name, handler] of handlers) {
      try {
        events.AddApiEventListener(name, handler);
        added.push([name, handler]);
      } catch (error) {
        console.warn(`指标报告助手: could not listen to ${name}`, error);
      }
    }
  }

  return () => {
    if (batch.disposed) return;
    batch.dispose();
    for (const [name, handler] of added) {
      try {
        events?.RemoveApiEventListener(name, handler);
      } catch (error) {
        console.warn(`指标报告助手: could not stop listening to ${name}`, error);
      }
    }
  };
}

/**
 * The one debounce of workbook changes, shared by the Excel and WPS hosts: changes are noted by
 * the sheet they touch (undefined: the workbook as a whole), and the call back comes once after
 * `debounceMs` of quiet, put off while the add-in writes, and not at all when every change was
 * to the add-in's own sheet.
 */
export interface ChangeBatch {
  note(sheet: string | undefined): void;
  /** Stops: no call back after this. */
  dispose(): void;
  readonly disposed: boolean;
}

export function changeBatch(
  callback: () => void,
  options: { debounceMs: number; isOwnSheet(sheet: string): boolean; isWriting?(): boolean }
): ChangeBatch {
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Set<string | undefined>();
  const flush = () => {
    timer = undefined;
    if (disposed) return;
    if (options.isWriting?.()) {
      schedule();
      return;
    }
    const sheets = [...pending];
    pending.clear();
    if (sheets.some((s) => s === undefined || !options.isOwnSheet(s))) callback();
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };
  return {
    note(sheet) {
      if (disposed) return;
      pending.add(sheet);
      schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      pending.clear();
    },
    get disposed() {
      return disposed;
    },
  };
}

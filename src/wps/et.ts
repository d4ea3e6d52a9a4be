/**
 * The part of the WPS 表格 (ET) object model the adapter uses, declared by hand.
 *
 * Why not the `et-jsapi-declare` typings: they declare `Application`, `wps` and a `confirm`
 * overload as globals of the whole program (the Excel and standalone code would see them too),
 * their types are loose where it matters (`Value2: string | Array<any>`), and they describe one
 * version, while the adapter must accept both shapes WPS versions use: a property, or the same
 * member as a zero-argument method (`ActiveWorkbook`, `UsedRange`, `ActiveCell`, `Address`).
 * Everything below is what src/wps reads or calls, nothing more.
 *
 * ET is VBA-like: collections are 1-based (`Item(1)` is the first), `Value2` is a scalar for one
 * cell and a 2-D array (rows of columns) for several, and a property that differs across a range
 * (`NumberFormat`, `MergeCells`, `IndentLevel`, `HasFormula`) reads as null.
 */

/** A member that is a property in some WPS versions and a zero-argument method in others. */
export type Prop<T> = T | (() => T);

export interface EtFont {
  Bold: boolean | null;
}

export interface EtRange {
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Value2: unknown;
  readonly Formula: unknown;
  readonly Text: unknown;
  NumberFormat: unknown;
  readonly IndentLevel: unknown;
  readonly HasFormula: unknown;
  readonly MergeCells: unknown;
  readonly MergeArea: EtRange;
  WrapText: unknown;
  VerticalAlignment: unknown;
  ColumnWidth: unknown;
  readonly Font: EtFont;
  readonly Worksheet: EtWorksheet;
  Select(): unknown;
  ClearContents(): unknown;
}

export interface EtListObject {
  readonly Name: string;
  readonly Range: EtRange;
  readonly ShowHeaders: boolean;
}

export interface EtCollection<T> {
  readonly Count: number;
  /** 1-based. */
  Item(index: number): T;
}

export interface EtWorksheet {
  Name: string;
  /** xlSheetVisible -1 (some versions: true), xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible: unknown;
  readonly UsedRange: Prop<EtRange>;
  readonly ListObjects: EtCollection<EtListObject>;
  Range(address: string): EtRange;
  Activate(): unknown;
}

export interface EtWorksheets extends EtCollection<EtWorksheet> {
  /** Adds a sheet (after `After` when given) and makes it the active sheet. */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly FullName?: string;
  readonly Worksheets: EtWorksheets;
  readonly ActiveSheet: Prop<EtWorksheet | null>;
}

export type EtEventName =
  | "SheetChange"
  | "WorkbookActivate"
  | "WorkbookNewSheet"
  | "SheetBeforeDelete"
  | "WorkbookOpen"
  | "NewWorkbook"
  | "WorkbookBeforeClose";

export interface EtApiEvent {
  AddApiEventListener(name: EtEventName, handler: (...args: unknown[]) => void): unknown;
  RemoveApiEventListener(name: EtEventName, handler?: (...args: unknown[]) => void): unknown;
}

export interface EtApplication {
  readonly ActiveWorkbook: Prop<EtWorkbook | null>;
  readonly ActiveSheet?: Prop<EtWorksheet | null>;
  readonly ActiveCell: Prop<EtRange | null>;
  readonly ApiEvent?: EtApiEvent;
}

/** xlSheetVisible, xlSheetHidden, xlSheetVeryHidden. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlTop, for VerticalAlignment. */
export const XL_TOP = -4160;

/** Reads a member that may be a property or a zero-argument method, on `target`'s own `this`. */
export function prop<T>(target: object, name: string): T {
  const value = (target as Record<string, unknown>)[name];
  return (typeof value === "function" ? (value as () => T).call(target) : value) as T;
}

/** Worksheet.Visible → visible? Accepts -1 and true (both seen across versions). */
export function isVisible(visible: unknown): boolean {
  return visible === XL_SHEET_VISIBLE || visible === true;
}

/** The ET application of this page: the global `Application`, else `wps.EtApplication()`. */
export function findEtApplication(win: unknown): EtApplication | undefined {
  if (typeof win !== "object" || win === null) return undefined;
  const record = win as { Application?: unknown; wps?: unknown };
  const candidates: unknown[] = [record.Application];
  const wps = record.wps as { EtApplication?: unknown } | undefined;
  if (wps && typeof wps === "object") {
    const et = wps.EtApplication;
    // Older clients: a method; some: the object itself.
    try {
      candidates.push(typeof et === "function" ? (et as () => unknown).call(wps) : et);
    } catch {
      // not an ET client
    }
  }
  return candidates.find(isEtApplication);
}

function isEtApplication(value: unknown): value is EtApplication {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  // WPS 文字 and 演示 have their own Application without workbooks.
  return "ActiveWorkbook" in value && "ActiveCell" in value;
}

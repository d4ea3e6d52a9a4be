/**
 * A strict fake of the part of the WPS 表格 (ET) JS object model that src/wps uses.
 *
 * Semantics (as ET's VBA-like model, and stricter where ET would fail later or silently):
 * - Collections are 1-based: `Worksheets.Item(1)` is the first sheet; `Item(0)` and an index
 *   past `Count` throw; `Item("name")` finds a sheet by name, case-insensitively, else throws.
 * - `Value2` of a one-cell range is a scalar, of a larger range a 2-D array (rows of columns).
 *   An empty cell is `undefined`, an error value is its COM error code (CVErr: #DIV/0! is
 *   -2146826281), dates are serial numbers. Writing: a scalar into a one-cell range; into a
 *   larger range a 2-D array of exactly its shape (or a scalar for all cells). A written string
 *   is typed like user input unless the cell's format is "@": "=..." becomes a formula, a
 *   numeric string a number.
 * - `Formula` gives the formula, else the constant as text, "" when empty (scalar / 2-D as Value2).
 *   `Text` (one cell only) is what the cell shows, the error's text for an error.
 * - Properties that may differ across a range read as null when they do: `NumberFormat`
 *   ("General" by default), `IndentLevel` (0 by default), `HasFormula`, `MergeCells` (true when
 *   every cell is in a merged area). `MergeArea` of one cell is its merged area (itself if none).
 * - `Address(RowAbsolute = true, ColumnAbsolute = true)` is a method: "$B$3:$F$9" or "B3:F9".
 *   `Row`/`Column` are 1-based; `Rows.Count`/`Columns.Count` the size.
 * - `UsedRange` spans every cell with a value, a formula or formatting, and merged areas; on a
 *   blank sheet it is A1. With `members: "method"` the members that some WPS versions expose as
 *   zero-argument methods (`ActiveWorkbook`, `ActiveSheet`, `ActiveCell`, `UsedRange`) are
 *   methods; else properties.
 * - `Worksheets.Add(Before?, After?)` inserts a sheet named SheetN after `After` (else before the
 *   active sheet), makes it the active sheet and fires WorkbookNewSheet. `Name` must be unique,
 *   at most 31 characters, without []:*?/\. `Visible` is -1, 0 or 2; the last visible sheet
 *   cannot be hidden; a hidden sheet cannot be activated. `Range.Select()` needs its sheet to be
 *   the active one. Range(address) takes "B3", "B3:F9" and whole columns "A:A".
 * - Any member not modelled here throws when read (so code that relies on something this fake
 *   does not know fails in the tests rather than in WPS).
 * - Every write is recorded in `writes` (workbook, sheet, address, what) and non-cell effects in
 *   `actions`. Events (`ApiEvent.AddApiEventListener`) fire asynchronously (a microtask) for
 *   writes, user edits (`userEdit`), added sheets and workbook switches (`activateWorkbook`).
 */
// The proxies are object literals with getters and setters, whose own `this` is the literal:
// they reach the fake through a `fake` alias.
/* eslint-disable @typescript-eslint/no-this-alias */
import { columnLetters, parseA1, rangeToA1 } from "../../src/core/address";
import { CellRange, isCellError, WorkbookModel } from "../../src/core/workbook";

export const CV_ERROR: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

const MAX_ROWS = 1048576;

export interface FakeCell {
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  numFmt?: string;
  indent?: number;
  format?: Record<string, unknown>;
}

export type CellSpec =
  | string
  | number
  | boolean
  | null
  | undefined
  | { v?: string | number | boolean; error?: string; fmt?: string; indent?: number; f?: string };

export interface WriteRecord {
  workbook: string;
  sheet: string;
  address: string;
  what: string;
  value: unknown;
}

export class FakeEtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FakeEtError";
  }
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function isEmpty(cell: FakeCell | undefined): boolean {
  return (
    !cell ||
    (cell.error === undefined &&
      cell.formula === undefined &&
      (cell.value === undefined || cell.value === ""))
  );
}

function localA1(range: CellRange, absolute = false): string {
  const part = (row: number, col: number) =>
    absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
  const start = part(range.top, range.left);
  const end = part(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

function parseAddress(address: string): CellRange | undefined {
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address);
  if (columns) {
    const a = parseA1(`${columns[1]}1`);
    const b = parseA1(`${columns[2]}1`);
    if (!a || !b) return undefined;
    return {
      top: 0,
      bottom: MAX_ROWS - 1,
      left: Math.min(a.col, b.col),
      right: Math.max(a.col, b.col),
    };
  }
  const parts = address.split(":");
  if (parts.length > 2) return undefined;
  const start = parseA1(parts[0]);
  const end = parts[1] === undefined ? start : parseA1(parts[1]);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

function within(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** A proxy that throws on reading any member `target` does not have. */
function strict<T extends object>(target: T, what: string): T {
  return new Proxy(target, {
    get(obj, name, receiver) {
      if (typeof name === "symbol" || name === "then" || name === "toJSON") {
        return Reflect.get(obj, name, receiver);
      }
      if (!(name in obj)) throw new FakeEtError(`fake ET: ${what} has no member ${String(name)}`);
      return Reflect.get(obj, name, receiver);
    },
    set(obj, name, value, receiver) {
      if (typeof name === "symbol" || !(name in obj)) {
        throw new FakeEtError(`fake ET: ${what}.${String(name)} cannot be set`);
      }
      return Reflect.set(obj, name, value, receiver);
    },
  });
}

// ---------------------------------------------------------------------------
// State

export class FakeSheetState {
  readonly cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  tables: { name: string; range: CellRange; showHeaders: boolean }[] = [];
  visible: -1 | 0 | 2 = -1;
  readonly columnFormats = new Map<string, Record<string, unknown>>();
  constructor(
    readonly book: FakeWorkbookState,
    public name: string
  ) {}

  cell(address: string): FakeCell | undefined {
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    return this.cells.get(key(at.row, at.col));
  }

  usedRange(): CellRange {
    let found: CellRange | undefined;
    const add = (row: number, col: number) => {
      if (!found) found = { top: row, left: col, bottom: row, right: col };
      else {
        found.top = Math.min(found.top, row);
        found.left = Math.min(found.left, col);
        found.bottom = Math.max(found.bottom, row);
        found.right = Math.max(found.right, col);
      }
    };
    for (const [k, cell] of this.cells) {
      const formatted =
        cell.numFmt !== undefined || !!cell.indent || Object.keys(cell.format ?? {}).length > 0;
      if (isEmpty(cell) && !formatted) continue;
      const [row, col] = k.split(",").map(Number);
      add(row, col);
    }
    for (const m of this.merges) {
      add(m.top, m.left);
      add(m.bottom, m.right);
    }
    return found ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find((m) => within(m, row, col));
  }
}

export class FakeWorkbookState {
  readonly sheets: FakeSheetState[] = [];
  active?: FakeSheetState;
  selection?: { sheet: FakeSheetState; row: number; col: number };
  constructor(
    readonly et: FakeEt,
    readonly name: string
  ) {}

  sheet(name: string): FakeSheetState {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  addSheet(
    name: string,
    rows: CellSpec[][] = [],
    options: {
      at?: string;
      merges?: string[];
      tables?: { name: string; ref: string; showHeaders?: boolean }[];
      hidden?: boolean | "very";
    } = {}
  ): FakeSheetState {
    const sheet = new FakeSheetState(this, name);
    sheet.visible = options.hidden === "very" ? 2 : options.hidden ? 0 : -1;
    sheet.merges = (options.merges ?? []).map((a) => mustParse(a));
    sheet.tables = (options.tables ?? []).map((t) => ({
      name: t.name,
      range: mustParse(t.ref),
      showHeaders: t.showHeaders ?? true,
    }));
    const origin = parseA1(options.at ?? "A1");
    if (!origin) throw new Error(`bad origin ${options.at}`);
    rows.forEach((row, i) =>
      row.forEach((spec, j) => {
        const cell = cellFromSpec(spec);
        if (cell) sheet.cells.set(key(origin.row + i, origin.col + j), cell);
      })
    );
    this.sheets.push(sheet);
    if (!this.active && sheet.visible === -1) this.active = sheet;
    return sheet;
  }

  /** The user selects a cell (its sheet becomes active). */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    this.active = sheet;
    this.selection = { sheet, row: at.row, col: at.col };
  }

  /** The user types into a cell: nothing recorded in `writes`, SheetChange fires. */
  userEdit(sheetName: string, address: string, value: string | number | undefined): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    const cell = sheet.cells.get(key(at.row, at.col)) ?? {};
    delete cell.formula;
    delete cell.error;
    if (value === undefined || value === "") delete cell.value;
    else cell.value = value;
    sheet.cells.set(key(at.row, at.col), cell);
    this.et.fire(
      "SheetChange",
      this.et.sheetProxy(sheet),
      this.et.rangeProxy(sheet, mustParse(address))
    );
  }
}

function mustParse(address: string): CellRange {
  const range = parseAddress(address);
  if (!range) throw new Error(`bad range ${address}`);
  return range;
}

function cellFromSpec(spec: CellSpec): FakeCell | undefined {
  if (spec === null || spec === undefined || spec === "") return undefined;
  if (typeof spec !== "object") return { value: spec };
  const cell: FakeCell = {};
  if (spec.v !== undefined) cell.value = spec.v;
  if (spec.error !== undefined) cell.error = spec.error;
  if (spec.f !== undefined) cell.formula = spec.f;
  if (spec.fmt !== undefined) cell.numFmt = spec.fmt;
  if (spec.indent !== undefined) cell.indent = spec.indent;
  return cell;
}

/** What a string typed into a cell becomes, as ET takes input. */
function typeInto(cell: FakeCell, value: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (value === "" || value === null || value === undefined) {
    delete cell.value;
    return;
  }
  if (typeof value === "string" && cell.numFmt !== "@") {
    if (value.startsWith("=")) {
      cell.formula = value;
      cell.value = "(formula)";
      return;
    }
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim())) {
      cell.value = Number(value.trim());
      return;
    }
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  throw new FakeEtError(`fake ET: cannot write ${String(value)} into a cell`);
}

// ---------------------------------------------------------------------------
// The fake application

export interface FakeEtOptions {
  /** "method": ActiveWorkbook, ActiveSheet, ActiveCell and UsedRange are zero-argument methods. */
  members?: "property" | "method";
}

type Handler = (...args: unknown[]) => void;

export class FakeEt {
  readonly workbooks: FakeWorkbookState[] = [];
  activeBook?: FakeWorkbookState;
  readonly writes: WriteRecord[] = [];
  readonly actions: string[] = [];
  readonly listeners = new Map<string, Handler[]>();
  readonly members: "property" | "method";
  /** Number of object-model calls (member reads, writes and method calls), for cost tests. */
  calls = 0;
  readonly Application: object;

  constructor(options: FakeEtOptions = {}) {
    this.members = options.members ?? "property";
    const fake = this;
    const app = {
      get ApiEvent() {
        fake.calls++;
        return fake.apiEvent();
      },
    };
    this.defineMember(app, "ActiveWorkbook", () =>
      this.activeBook ? this.workbookProxy(this.activeBook) : null
    );
    this.defineMember(app, "ActiveSheet", () =>
      this.activeBook?.active ? this.sheetProxy(this.activeBook.active) : null
    );
    this.defineMember(app, "ActiveCell", () => {
      const book = this.activeBook;
      const sel = book?.selection;
      if (!book || !sel || sel.sheet !== book.active) return null;
      return this.rangeProxy(sel.sheet, {
        top: sel.row,
        left: sel.col,
        bottom: sel.row,
        right: sel.col,
      });
    });
    this.Application = strict(app, "Application");
  }

  /** A workbook; the first one added is the active one. */
  addWorkbook(name: string): FakeWorkbookState {
    const book = new FakeWorkbookState(this, name);
    this.workbooks.push(book);
    this.activeBook ??= book;
    return book;
  }

  /** The user switches to another open workbook: WorkbookActivate fires. */
  activateWorkbook(book: FakeWorkbookState): void {
    this.activeBook = book;
    this.fire("WorkbookActivate", this.workbookProxy(book));
  }

  /** A fake holding the model (cells, merges, tables, hidden flags) as its active workbook. */
  static fromModel(model: WorkbookModel, options: FakeEtOptions = {}): FakeEt {
    const fake = new FakeEt(options);
    const book = fake.addWorkbook("工作簿1.xlsx");
    for (const sheetModel of model.sheets) {
      const sheet = book.addSheet(sheetModel.name, [], {
        hidden: sheetModel.hidden,
        merges: sheetModel.merges.map(rangeToA1),
        tables: sheetModel.tables.map((t) => ({
          name: t.name,
          ref: rangeToA1(t.range),
          showHeaders: t.hasHeaderRow,
        })),
      });
      sheetModel.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell || cell.value === null) return;
          const fakeCell: FakeCell = {};
          const v = cell.value;
          if (isCellError(v)) fakeCell.error = v.error;
          else if (v instanceof Date) fakeCell.value = v.getTime() / 86400000 + 25569;
          else fakeCell.value = v;
          if (cell.numFmt) fakeCell.numFmt = cell.numFmt;
          else if (v instanceof Date) fakeCell.numFmt = "yyyy-mm-dd";
          if (cell.indent) fakeCell.indent = cell.indent;
          sheet.cells.set(key(r, c), fakeCell);
        })
      );
    }
    return fake;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const handler of this.listeners.get(event) ?? []) {
      queueMicrotask(() => handler(...args));
    }
  }

  /** Handlers currently registered, by event name. */
  listenerCount(): number {
    let n = 0;
    for (const list of this.listeners.values()) n += list.length;
    return n;
  }

  // --- members ---------------------------------------------------------------

  private defineMember(target: object, name: string, get: () => unknown): void {
    const fake = this;
    if (this.members === "method") {
      Object.defineProperty(target, name, {
        enumerable: true,
        value: function member(...args: unknown[]) {
          if (args.length > 0) throw new FakeEtError(`fake ET: ${name}() takes no arguments`);
          fake.calls++;
          return get();
        },
      });
    } else {
      Object.defineProperty(target, name, {
        enumerable: true,
        get() {
          fake.calls++;
          return get();
        },
      });
    }
  }

  private apiEvent(): object {
    return strict(
      {
        AddApiEventListener: (name: string, handler: Handler) => {
          if (typeof handler !== "function")
            throw new FakeEtError("fake ET: handler must be a function");
          const list = this.listeners.get(name) ?? [];
          list.push(handler);
          this.listeners.set(name, list);
          this.actions.push(`listen ${name}`);
        },
        RemoveApiEventListener: (name: string, handler?: Handler) => {
          const list = this.listeners.get(name) ?? [];
          this.listeners.set(name, handler ? list.filter((h) => h !== handler) : []);
          this.actions.push(`unlisten ${name}`);
        },
      },
      "ApiEvent"
    );
  }

  private record(sheet: FakeSheetState, range: CellRange, what: string, value: unknown): void {
    this.writes.push({
      workbook: sheet.book.name,
      sheet: sheet.name,
      address:
        range.bottom === MAX_ROWS - 1
          ? `${columnLetters(range.left)}:${columnLetters(range.right)}`
          : localA1(range),
      what,
      value,
    });
  }

  workbookProxy(book: FakeWorkbookState): object {
    const fake = this;
    const target = {
      get Name() {
        fake.calls++;
        return book.name;
      },
      get Worksheets() {
        fake.calls++;
        return fake.worksheetsProxy(book);
      },
    };
    this.defineMember(target, "ActiveSheet", () =>
      book.active ? this.sheetProxy(book.active) : null
    );
    return strict(target, "Workbook");
  }

  private worksheetsProxy(book: FakeWorkbookState): object {
    const fake = this;
    return strict(
      {
        get Count() {
          fake.calls++;
          return book.sheets.length;
        },
        Item(index: unknown) {
          fake.calls++;
          if (typeof index === "number") {
            if (!Number.isInteger(index) || index < 1 || index > book.sheets.length) {
              throw new FakeEtError(
                `fake ET: Worksheets.Item(${index}) is out of range (1-based, ${book.sheets.length} sheets)`
              );
            }
            return fake.sheetProxy(book.sheets[index - 1]);
          }
          if (typeof index === "string") {
            const found = book.sheets.find((s) => s.name.toLowerCase() === index.toLowerCase());
            if (!found) throw new FakeEtError(`fake ET: no sheet named ${index}`);
            return fake.sheetProxy(found);
          }
          throw new FakeEtError(`fake ET: Worksheets.Item(${String(index)})`);
        },
        Add(before?: unknown, after?: unknown) {
          fake.calls++;
          let n = book.sheets.length + 1;
          while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
          const sheet = new FakeSheetState(book, `Sheet${n}`);
          const find = (proxy: unknown) => {
            const name = (proxy as { Name: string }).Name;
            return book.sheets.findIndex((s) => s.name === name);
          };
          let at: number;
          if (after !== undefined && after !== null) at = find(after) + 1;
          else if (before !== undefined && before !== null) at = find(before);
          else at = book.active ? book.sheets.indexOf(book.active) : book.sheets.length;
          if (at < 0) throw new FakeEtError("fake ET: Add: unknown Before/After sheet");
          book.sheets.splice(at, 0, sheet);
          book.active = sheet;
          fake.actions.push(`add sheet ${sheet.name}`);
          const proxy = fake.sheetProxy(sheet);
          fake.fire("WorkbookNewSheet", fake.workbookProxy(book), proxy);
          return proxy;
        },
      },
      "Worksheets"
    );
  }

  sheetProxy(sheet: FakeSheetState): object {
    const fake = this;
    const book = sheet.book;
    const target = {
      get Name() {
        fake.calls++;
        return sheet.name;
      },
      set Name(name: string) {
        fake.calls++;
        if (
          typeof name !== "string" ||
          name === "" ||
          name.length > 31 ||
          /[[\]:*?/\\]/.test(name)
        ) {
          throw new FakeEtError(`fake ET: invalid sheet name ${String(name)}`);
        }
        if (book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) {
          throw new FakeEtError(`fake ET: a sheet named ${name} already exists`);
        }
        fake.actions.push(`rename ${sheet.name} → ${name}`);
        sheet.name = name;
      },
      get Visible() {
        fake.calls++;
        return sheet.visible;
      },
      set Visible(value: unknown) {
        fake.calls++;
        const v = value === true ? -1 : value === false ? 0 : value;
        if (v !== -1 && v !== 0 && v !== 2)
          throw new FakeEtError(`fake ET: Visible = ${String(value)}`);
        if (v !== -1 && book.sheets.filter((s) => s.visible === -1 && s !== sheet).length === 0) {
          throw new FakeEtError("fake ET: a workbook must keep one visible sheet");
        }
        fake.actions.push(`visible ${sheet.name} ${v}`);
        sheet.visible = v;
        if (v !== -1 && book.active === sheet)
          book.active = book.sheets.find((s) => s.visible === -1);
      },
      get ListObjects() {
        fake.calls++;
        return strict(
          {
            get Count() {
              fake.calls++;
              return sheet.tables.length;
            },
            Item(index: number) {
              fake.calls++;
              if (!Number.isInteger(index) || index < 1 || index > sheet.tables.length) {
                throw new FakeEtError(
                  `fake ET: ListObjects.Item(${index}) is out of range (1-based)`
                );
              }
              const table = sheet.tables[index - 1];
              return strict(
                {
                  get Name() {
                    fake.calls++;
                    return table.name;
                  },
                  get Range() {
                    fake.calls++;
                    return fake.rangeProxy(sheet, table.range);
                  },
                  get ShowHeaders() {
                    fake.calls++;
                    return table.showHeaders;
                  },
                },
                "ListObject"
              );
            },
          },
          "ListObjects"
        );
      },
      Range(address: unknown, second?: unknown) {
        fake.calls++;
        if (second !== undefined)
          throw new FakeEtError("fake ET: Range(cell1, cell2) is not modelled");
        const range = typeof address === "string" ? parseAddress(address) : undefined;
        if (!range) throw new FakeEtError(`fake ET: Range(${String(address)}) is not an address`);
        return fake.rangeProxy(sheet, range);
      },
      Activate() {
        fake.calls++;
        if (sheet.visible !== -1)
          throw new FakeEtError(`fake ET: cannot activate hidden sheet ${sheet.name}`);
        book.active = sheet;
        fake.actions.push(`activate ${sheet.name}`);
        return true;
      },
    };
    this.defineMember(target, "UsedRange", () => this.rangeProxy(sheet, sheet.usedRange()));
    return strict(target, "Worksheet");
  }

  rangeProxy(sheet: FakeSheetState, range: CellRange): object {
    const fake = this;
    const single = range.top === range.bottom && range.left === range.right;
    const height = range.bottom - range.top + 1;
    const width = range.right - range.left + 1;
    const forEachCell = (fn: (row: number, col: number) => void) => {
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) fn(r, c);
    };
    const grid = (read: (cell: FakeCell | undefined, row: number, col: number) => unknown) => {
      if (range.bottom === MAX_ROWS - 1)
        throw new FakeEtError("fake ET: reading cells of whole columns is not modelled");
      const rows: unknown[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: unknown[] = [];
        for (let c = range.left; c <= range.right; c++)
          row.push(read(sheet.cells.get(key(r, c)), r, c));
        rows.push(row);
      }
      return single ? rows[0][0] : rows;
    };
    const common = (read: (cell: FakeCell | undefined, row: number, col: number) => unknown) => {
      if (range.bottom === MAX_ROWS - 1)
        throw new FakeEtError("fake ET: reading whole columns is not modelled");
      let first: unknown;
      let seen = false;
      let mixed = false;
      forEachCell((r, c) => {
        const v = read(sheet.cells.get(key(r, c)), r, c);
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) mixed = true;
      });
      return mixed ? null : first;
    };
    const write = (
      what: string,
      apply: (cell: FakeCell, row: number, col: number) => void,
      value: unknown
    ) => {
      forEachCell((r, c) => {
        const cell = sheet.cells.get(key(r, c)) ?? {};
        apply(cell, r, c);
        sheet.cells.set(key(r, c), cell);
      });
      fake.record(sheet, range, what, value);
    };
    const format = (prop: string, value: unknown) => {
      if (range.bottom === MAX_ROWS - 1) {
        for (let c = range.left; c <= range.right; c++) {
          const formats = sheet.columnFormats.get(columnLetters(c)) ?? {};
          formats[prop] = value;
          sheet.columnFormats.set(columnLetters(c), formats);
        }
        fake.record(sheet, range, prop, value);
        return;
      }
      write(prop, (cell) => (cell.format = { ...cell.format, [prop]: value }), value);
    };
    const changed = () =>
      fake.fire("SheetChange", fake.sheetProxy(sheet), fake.rangeProxy(sheet, range));

    const target = {
      Address(rowAbsolute: unknown = true, columnAbsolute: unknown = true) {
        fake.calls++;
        if (rowAbsolute !== columnAbsolute)
          throw new FakeEtError("fake ET: mixed absolute addresses are not modelled");
        return localA1(range, rowAbsolute !== false);
      },
      get Row() {
        fake.calls++;
        return range.top + 1;
      },
      get Column() {
        fake.calls++;
        return range.left + 1;
      },
      get Rows() {
        fake.calls++;
        return strict({ Count: height }, "Rows");
      },
      get Columns() {
        fake.calls++;
        return strict({ Count: width }, "Columns");
      },
      get Worksheet() {
        fake.calls++;
        return fake.sheetProxy(sheet);
      },
      get Value2() {
        fake.calls++;
        return grid((cell) => {
          if (!cell) return undefined;
          if (cell.error !== undefined) return CV_ERROR[cell.error] ?? CV_ERROR["#VALUE!"];
          return cell.value === "" ? undefined : cell.value;
        });
      },
      set Value2(value: unknown) {
        fake.calls++;
        if (range.bottom === MAX_ROWS - 1)
          throw new FakeEtError("fake ET: writing whole columns is not modelled");
        const isGrid = Array.isArray(value);
        if (isGrid) {
          const rows = value as unknown[];
          if (
            rows.length !== height ||
            rows.some((row) => !Array.isArray(row) || row.length !== width)
          ) {
            throw new FakeEtError(
              `fake ET: a ${rows.length}-row array does not fit ${localA1(range)}`
            );
          }
        }
        write(
          "Value2",
          (cell, r, c) =>
            typeInto(cell, isGrid ? (value as unknown[][])[r - range.top][c - range.left] : value),
          value
        );
        changed();
      },
      get Formula() {
        fake.calls++;
        return grid((cell) => {
          if (!cell) return "";
          if (cell.formula !== undefined) return cell.formula;
          if (cell.error !== undefined) return cell.error;
          return cell.value === undefined ? "" : String(cell.value);
        });
      },
      get Text() {
        fake.calls++;
        if (!single) throw new FakeEtError("fake ET: Text of several cells is not modelled");
        const cell = sheet.cells.get(key(range.top, range.left));
        if (!cell) return "";
        if (cell.error !== undefined) return cell.error;
        return cell.value === undefined ? "" : String(cell.value);
      },
      get NumberFormat() {
        fake.calls++;
        return common((cell) => cell?.numFmt ?? "General");
      },
      set NumberFormat(value: unknown) {
        fake.calls++;
        if (typeof value !== "string")
          throw new FakeEtError("fake ET: NumberFormat must be a string");
        if (range.bottom === MAX_ROWS - 1) {
          format("NumberFormat", value);
          return;
        }
        write("NumberFormat", (cell) => (cell.numFmt = value), value);
      },
      get IndentLevel() {
        fake.calls++;
        return common((cell) => cell?.indent ?? 0);
      },
      get HasFormula() {
        fake.calls++;
        return common((cell) => cell?.formula !== undefined);
      },
      get MergeCells() {
        fake.calls++;
        return common((_cell, r, c) => sheet.mergeAt(r, c) !== undefined);
      },
      get MergeArea() {
        fake.calls++;
        if (!single) throw new FakeEtError("fake ET: MergeArea of several cells is not modelled");
        return fake.rangeProxy(sheet, sheet.mergeAt(range.top, range.left) ?? range);
      },
      get WrapText() {
        fake.calls++;
        throw new FakeEtError("fake ET: reading WrapText is not modelled");
      },
      set WrapText(value: unknown) {
        fake.calls++;
        format("WrapText", value);
      },
      get VerticalAlignment() {
        fake.calls++;
        throw new FakeEtError("fake ET: reading VerticalAlignment is not modelled");
      },
      set VerticalAlignment(value: unknown) {
        fake.calls++;
        format("VerticalAlignment", value);
      },
      get ColumnWidth() {
        fake.calls++;
        throw new FakeEtError("fake ET: reading ColumnWidth is not modelled");
      },
      set ColumnWidth(value: unknown) {
        fake.calls++;
        if (range.bottom !== MAX_ROWS - 1)
          throw new FakeEtError("fake ET: ColumnWidth is set on whole columns here");
        format("ColumnWidth", value);
      },
      get Font() {
        fake.calls++;
        return strict(
          {
            get Bold() {
              fake.calls++;
              return common((cell) => cell?.format?.Bold === true);
            },
            set Bold(value: unknown) {
              fake.calls++;
              format("Bold", value);
            },
          },
          "Font"
        );
      },
      Select() {
        fake.calls++;
        if (sheet.book.active !== sheet) {
          throw new FakeEtError(`fake ET: Select: sheet ${sheet.name} is not the active sheet`);
        }
        sheet.book.selection = { sheet, row: range.top, col: range.left };
        fake.actions.push(`select ${sheet.name}!${localA1(range)}`);
        return true;
      },
      ClearContents() {
        fake.calls++;
        write("ClearContents", (cell) => typeInto(cell, undefined), undefined);
        changed();
        return true;
      },
    };
    return strict(target, `Range ${sheet.name}!${localA1(range)}`);
  }
}

/** The fake's Application as the adapter's type. */
export function asEtApplication(fake: FakeEt): import("../../src/wps/et").EtApplication {
  return fake.Application as import("../../src/wps/et").EtApplication;
}

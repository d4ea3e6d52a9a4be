/**
 * A strict fake of the part of the Excel JavaScript API (Office.js) that src/excel uses.
 *
 * Written from scratch rather than wrapping office-addin-mock (v4): that mock answers a read of
 * an unloaded property with an error *string* instead of throwing, has no queue (a property
 * set before a sync is visible at once), does not count syncs and does not record writes.
 *
 * What it enforces, as Office.js does:
 * - Proxies and a queue. Every load, method call with an effect and property write is queued
 *   and runs, in order, at `context.sync()`. Reading a property throws PropertyNotLoaded
 *   unless it was load()ed AND a sync ran after that load. `isNullObject` and a ClientResult's
 *   `value` likewise need a sync. Objects are resolved against the workbook at sync time
 *   (a used range is computed when the sync runs, not when it was asked for).
 * - Loading an unknown property throws; loading navigation objects is not supported.
 * - Null objects: reading a property of one throws, and calling a method on one (chaining)
 *   fails the sync with InvalidObjectPath (Office.js gives no usable result there).
 * - A failing action aborts the rest of the batch (earlier actions stay applied).
 * - Objects of a finished Excel.run cannot be used (except through run(context, batch), the way
 *   event handlers are removed). Excel.run flushes queued actions at the end (a sync, counted).
 * - Responses over `payloadLimitBytes` (UTF-8 size of the loaded values as JSON, default 5 MB as in
 *   Excel on the web) fail with ResponsePayloadSizeLimitExceeded.
 * - Writes: values arrays must match the range's shape; strings that look like numbers become
 *   numbers and "=..." becomes a formula unless the cell's format is "@", as typing does.
 *   Every write is recorded (sheet, address, kind, value) in `writes`.
 * - Events fire (asynchronously) for writes by the add-in and for `userEdit`.
 * - Requirement sets. The fake is started with an ExcelApi version (`excelApi`, default 1.17)
 *   and `requirements()` claims exactly that set. A member of a later set (API_SETS, the
 *   versions office.js itself checks) throws ApiNotFound when it is called, as office.js's
 *   throwIfApiNotSupported does, and is recorded in `refused`: an ungated call fails its test.
 * - Merged areas: getMergedAreasOrNullObject returns the areas whose top-left cell is in the
 *   range (as Excel does) and fails the sync with more than 512 of them (MERGED_AREAS_LIMIT).
 */
import { columnLetters, parseA1, parseRange, rangeToA1 } from "../../src/core/address";
import { CellRange, isCellError, WorkbookModel } from "../../src/core/workbook";

/* global Excel */

// ---------------------------------------------------------------------------
// The workbook state

export interface FakeCell {
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  numFmt?: string;
  indent?: number;
  /** Any other formatting written (wrapText, bold, ...). */
  format?: Record<string, unknown>;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  columnFormats: Map<string, Record<string, unknown>>;
}

export interface FakeTable {
  id: string;
  name: string;
  sheet: FakeSheet;
  range: CellRange;
  showHeaders: boolean;
}

export interface WriteRecord {
  sheet: string;
  /** A1 address on `sheet`, without the sheet name. */
  address: string;
  kind: "values" | "numberFormat" | "format";
  value: unknown;
}

/** Plain input for one cell: a value, or a value with its format. */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | undefined
  | { v?: string | number | boolean; error?: string; fmt?: string; indent?: number; f?: string };

export class FakeExcelError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Loading cell data of more cells than this in one range is refused (Excel would run out). */
const MAX_LOADED_CELLS = 5000000;

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function isEmptyCell(cell: FakeCell | undefined): boolean {
  return (
    !cell ||
    (cell.error === undefined &&
      cell.formula === undefined &&
      (cell.value === undefined || cell.value === ""))
  );
}

function hasFormatting(cell: FakeCell | undefined): boolean {
  return (
    !!cell &&
    (cell.numFmt !== undefined ||
      cell.indent !== undefined ||
      Object.keys(cell.format ?? {}).length > 0)
  );
}

export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** A1 ranges plus whole columns ("A:C") and whole rows ("2:5"). */
function parseFakeRange(address: string): CellRange | undefined {
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
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLS - 1 };
  }
  return parseRange(address);
}

function localA1(range: CellRange): string {
  if (range.top === 0 && range.bottom === MAX_ROWS - 1) {
    return `${columnLetters(range.left)}:${columnLetters(range.right)}`;
  }
  return rangeToA1(range);
}

function contains(range: CellRange, row: number, col: number): boolean {
  return range.top <= row && row <= range.bottom && range.left <= col && col <= range.right;
}

function cellsIn(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

function displayOf(cell: FakeCell | undefined): string {
  if (!cell) return "";
  if (cell.error !== undefined) return cell.error;
  if (cell.value === undefined) return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

// ---------------------------------------------------------------------------
// Events

type Handler = (args: Record<string, unknown>) => Promise<unknown>;

interface Registration {
  event: string;
  /** Sheet id for a worksheet's own event; undefined for collection events. */
  sheetId?: string;
  handler: Handler;
  active: boolean;
}

// ---------------------------------------------------------------------------
// The fake

export interface FakeExcelOptions {
  payloadLimitBytes?: number;
  /** The ExcelApi version the fake was started with (default 1.17): later members are refused. */
  excelApi?: string;
  /** Workbook.name (default "工作簿1.xlsx"). */
  workbookName?: string;
}

/** Excel refuses to return more merged areas than this from one getMergedAreasOrNullObject. */
export const MERGED_AREAS_LIMIT = 512;

/**
 * The ExcelApi version of every member the fake implements that is newer than 1.1, as office.js
 * checks it (`_throwIfApiNotSupported("Range.getCellProperties", …, "1.9")`); a test compares
 * this table with office.js.
 */
export const API_SETS: Record<string, string> = {
  "Range.getCellProperties": "1.9",
  "Range.getMergedAreasOrNullObject": "1.13",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.indentLevel": "1.9",
  "Workbook.getActiveCell": "1.7",
  "Workbook.name": "1.7",
  "Workbook.settings": "1.4",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.onChanged": "1.7",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.onAdded": "1.7",
  "WorksheetCollection.onChanged": "1.9",
  "WorksheetCollection.onDeleted": "1.7",
  "WorksheetCollection.onFormatChanged": "1.9",
  "TableCollection.onAdded": "1.9",
  "TableCollection.onDeleted": "1.9",
};

/**
 * Every fake made in a jest test: after each test, a member called above the set its fake
 * claims fails that test, even when the code under test caught the ApiNotFound error. A test
 * that calls one on purpose empties `refused` after checking it.
 */
const created: FakeExcel[] = [];
const afterEachHook = (globalThis as { afterEach?: (fn: () => void) => void }).afterEach;
if (typeof afterEachHook === "function") {
  afterEachHook(() => {
    const refused = created.splice(0).flatMap((fake) => fake.refused);
    if (refused.length > 0) {
      throw new Error(`Excel API above the claimed requirement set: ${refused.join("; ")}`);
    }
  });
}

function versionAtMost(version: string, max: string): boolean {
  const v = version.split(".").map(Number);
  const m = max.split(".").map(Number);
  return v[0] < m[0] || (v[0] === m[0] && (v[1] ?? 0) <= (m[1] ?? 0));
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly settings = new Map<string, unknown>();
  readonly writes: WriteRecord[] = [];
  /** Non-cell effects: "activate 就业", "select 就业!B3", "add sheet 报告", "settings.add key". */
  readonly actions: string[] = [];
  readonly registrations: Registration[] = [];
  syncCount = 0;
  runCount = 0;
  payloadLimitBytes: number;
  /** Sizes (bytes) of the responses of each sync, for payload tests. */
  readonly payloads: number[] = [];
  selection?: { sheet: FakeSheet; range: CellRange; active: { row: number; col: number } };
  activeSheet?: FakeSheet;
  /** The ExcelApi set claimed and enforced (see API_SETS). */
  excelApi: string;
  workbookName: string;
  /** Members called above `excelApi` ("Range.getMergedAreasOrNullObject needs 1.13"). */
  readonly refused: string[] = [];
  /** Fails the syncs whose actions touch these sheets (name → error code), for error tests. */
  readonly failingSheets = new Map<string, string>();
  private nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
    this.excelApi = options.excelApi ?? "1.17";
    this.workbookName = options.workbookName ?? "工作簿1.xlsx";
    created.push(this);
  }

  /** Throws ApiNotFound, as office.js does, for a member above the set the fake claims. */
  requires(member: string): void {
    const needed = API_SETS[member];
    if (needed === undefined) throw new Error(`fake: ${member} is missing from API_SETS`);
    if (versionAtMost(needed, this.excelApi)) return;
    this.refused.push(`${member} needs ExcelApi ${needed}`);
    throw new FakeExcelError(
      "ApiNotFound",
      `${member} needs ExcelApi ${needed}; this Excel supports ExcelApi ${this.excelApi} only`
    );
  }

  /** The sync `after` syncs from now fails with `code`, whatever it holds. */
  failSync(code: string, after = 0): void {
    this.upcomingSyncs[after] = code;
  }

  /** Codes for the next syncs (undefined: it runs), shifted at each sync. */
  readonly upcomingSyncs: (string | undefined)[] = [];

  /** A sync reading or writing cells of this sheet fails with `code` (e.g. "AccessDenied"). */
  failSheet(name: string, code: string): void {
    this.failingSheets.set(name, code);
  }

  checkSheet(sheet: FakeSheet): void {
    const code = this.failingSheets.get(sheet.name);
    if (code) throw new FakeExcelError(code, `the sheet ${sheet.name} cannot be read`);
  }

  // --- building the workbook ------------------------------------------------

  addSheet(
    name: string,
    rows: CellSpec[][] = [],
    options: {
      at?: string;
      merges?: string[];
      tables?: { name: string; ref: string; showHeaders?: boolean }[];
      hidden?: boolean | "very";
    } = {}
  ): FakeSheet {
    const sheet: FakeSheet = {
      id: `{SHEET-${this.nextId++}}`,
      name,
      visibility: options.hidden === "very" ? "VeryHidden" : options.hidden ? "Hidden" : "Visible",
      cells: new Map(),
      merges: (options.merges ?? []).map((a) => this.range(a)),
      columnFormats: new Map(),
    };
    const origin = parseA1(options.at ?? "A1");
    if (!origin) throw new Error(`bad origin ${options.at}`);
    rows.forEach((row, i) =>
      row.forEach((spec, j) => {
        const cell = this.cellFromSpec(spec);
        if (cell) sheet.cells.set(key(origin.row + i, origin.col + j), cell);
      })
    );
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    for (const table of options.tables ?? []) {
      this.tables.push({
        id: `{TABLE-${this.nextId++}}`,
        name: table.name,
        sheet,
        range: this.range(table.ref),
        showHeaders: table.showHeaders ?? true,
      });
    }
    return sheet;
  }

  /** Adds merged areas to a sheet ("A1:B1"). */
  merge(sheetName: string, ...addresses: string[]): void {
    this.sheet(sheetName).merges.push(...addresses.map((a) => this.range(a)));
  }

  /** A fake holding the given model (cells, merges, tables, hidden flags). */
  static fromModel(model: WorkbookModel, options: FakeExcelOptions = {}): FakeExcel {
    const fake = new FakeExcel(options);
    for (const sheetModel of model.sheets) {
      const sheet = fake.addSheet(sheetModel.name, [], {
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

  private cellFromSpec(spec: CellSpec): FakeCell | undefined {
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

  range(address: string): CellRange {
    const parsed = parseFakeRange(address);
    if (!parsed) throw new Error(`bad range ${address}`);
    return parsed;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const at = parseA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    return this.sheet(sheetName).cells.get(key(at.row, at.col));
  }

  /** The text a user sees in a cell ("" when empty). */
  text(sheetName: string, address: string): string {
    return displayOf(this.cell(sheetName, address));
  }

  select(sheetName: string, address: string, active?: string): void {
    const sheet = this.sheet(sheetName);
    const range = this.range(address);
    const activeAt = active ? parseA1(active) : { row: range.top, col: range.left };
    if (!activeAt) throw new Error(`bad address ${active}`);
    this.selection = { sheet, range, active: activeAt };
    this.activeSheet = sheet;
  }

  /** The user types into a cell: no write record, change events fire. */
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
    this.dispatch("onChanged", sheet, { address, changeType: "RangeEdited", source: "Local" });
  }

  /**
   * Office.context.requirements of this Excel: claims ExcelApi up to the set the fake was
   * started with. Given a version, the fake is (re)started with that set first: what it claims
   * and what it enforces are always the same set.
   */
  requirements(version?: string): { isSetSupported(name: string, version?: string): boolean } {
    if (version !== undefined) this.excelApi = version;
    return {
      isSetSupported: (name: string, asked = "1.1") =>
        name === "ExcelApi" && versionAtMost(asked, this.excelApi),
    };
  }

  /** Active (registered and not removed) event handlers. */
  activeHandlers(): Registration[] {
    return this.registrations.filter((r) => r.active);
  }

  // --- Excel.run ------------------------------------------------------------

  /** Excel.run(batch) and Excel.run(context, batch). */
  readonly run = (async (first: unknown, second?: unknown) => {
    this.runCount++;
    let context: FakeContext;
    let batch: (context: FakeContext) => Promise<unknown>;
    let reused = false;
    if (first instanceof FakeContext) {
      context = first;
      batch = second as typeof batch;
      reused = true;
    } else if (typeof first === "function") {
      context = new FakeContext(this);
      batch = first as typeof batch;
    } else {
      throw new Error("fake Excel.run: only run(batch) and run(context, batch) are supported");
    }
    const wasClosed = context.closed;
    context.closed = false;
    try {
      const result = await batch(context);
      if (context.pending() > 0) await context.sync();
      return result;
    } finally {
      context.closed = reused ? wasClosed : true;
    }
  }) as unknown as typeof Excel.run;

  // --- used by the proxies --------------------------------------------------

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  usedRange(sheet: FakeSheet, valuesOnly: boolean, within?: CellRange): CellRange | null {
    let found: CellRange | null = null;
    for (const [k, cell] of sheet.cells) {
      if (isEmptyCell(cell) && (valuesOnly || !hasFormatting(cell))) continue;
      const [row, col] = k.split(",").map(Number);
      if (
        within &&
        (row < within.top || row > within.bottom || col < within.left || col > within.right)
      ) {
        continue;
      }
      if (!found) found = { top: row, left: col, bottom: row, right: col };
      else {
        found.top = Math.min(found.top, row);
        found.left = Math.min(found.left, col);
        found.bottom = Math.max(found.bottom, row);
        found.right = Math.max(found.right, col);
      }
    }
    return found;
  }

  address(sheet: FakeSheet, range: CellRange): string {
    return `${quoteSheetName(sheet.name)}!${localA1(range)}`;
  }

  /** Cell data of a range as Office.js returns it. */
  rangeData(sheet: FakeSheet, range: CellRange, prop: string): unknown[][] {
    this.checkSheet(sheet);
    if (cellsIn(range) > MAX_LOADED_CELLS) {
      throw new FakeExcelError("RangeExceedsLimit", `too many cells to load: ${localA1(range)}`);
    }
    const out: unknown[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row: unknown[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const cell = sheet.cells.get(key(r, c));
        row.push(cellProp(cell, prop));
      }
      out.push(row);
    }
    return out;
  }

  writeCells(sheet: FakeSheet, range: CellRange, kind: "values" | "numberFormat", data: unknown) {
    this.checkSheet(sheet);
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    if (
      !Array.isArray(data) ||
      data.length !== rows ||
      data.some((row) => !Array.isArray(row) || row.length !== cols)
    ) {
      throw new FakeExcelError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${localA1(range)}`
      );
    }
    (data as unknown[][]).forEach((row, i) =>
      row.forEach((value, j) => {
        const k = key(range.top + i, range.left + j);
        const cell = sheet.cells.get(k) ?? {};
        if (kind === "numberFormat") cell.numFmt = String(value);
        else typeInto(cell, value);
        sheet.cells.set(k, cell);
      })
    );
    this.writes.push({ sheet: sheet.name, address: localA1(range), kind, value: data });
  }

  writeFormat(sheet: FakeSheet, range: CellRange, prop: string, value: unknown): void {
    const whole = range.top === 0 && range.bottom === MAX_ROWS - 1;
    if (whole) {
      for (let c = range.left; c <= range.right; c++) {
        const formats = sheet.columnFormats.get(columnLetters(c)) ?? {};
        formats[prop] = value;
        sheet.columnFormats.set(columnLetters(c), formats);
      }
    } else {
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) {
          const cell = sheet.cells.get(key(r, c)) ?? {};
          cell.format = { ...cell.format, [prop]: value };
          sheet.cells.set(key(r, c), cell);
        }
      }
    }
    this.writes.push({
      sheet: sheet.name,
      address: localA1(range),
      kind: "format",
      value: { [prop]: value },
    });
  }

  addWorksheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists`);
    }
    const sheet: FakeSheet = {
      id: this.newId("SHEET"),
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      columnFormats: new Map(),
    };
    this.sheets.push(sheet);
    this.actions.push(`add sheet ${name}`);
    this.dispatch("onAdded", sheet, { source: "Local" });
    return sheet;
  }

  /** Calls, asynchronously, the handlers registered for `event` on the collection or the sheet. */
  dispatch(event: string, sheet: FakeSheet, args: Record<string, unknown>): void {
    const type: Record<string, string> = {
      onChanged: "WorksheetChanged",
      onFormatChanged: "WorksheetFormatChanged",
      onAdded: "WorksheetAdded",
      onDeleted: "WorksheetDeleted",
    };
    const payload = { ...args, type: type[event] ?? event, worksheetId: sheet.id };
    const targets = this.registrations.filter(
      (r) => r.active && r.event === event && (r.sheetId === undefined || r.sheetId === sheet.id)
    );
    for (const target of targets) {
      void Promise.resolve().then(() => target.handler(payload));
    }
  }
}

function cellProp(cell: FakeCell | undefined, prop: string): unknown {
  switch (prop) {
    case "values":
      if (!cell) return "";
      if (cell.error !== undefined) return cell.error;
      return cell.value ?? "";
    case "valueTypes":
      if (!cell || isEmptyCell(cell)) return "Empty";
      if (cell.error !== undefined) return "Error";
      if (typeof cell.value === "number") return "Double";
      if (typeof cell.value === "boolean") return "Boolean";
      return cell.value === undefined ? "Empty" : "String";
    case "numberFormat":
      return cell?.numFmt ?? "General";
    case "formulas":
      if (!cell) return "";
      if (cell.formula !== undefined) return cell.formula;
      if (cell.error !== undefined) return cell.error;
      return cell.value ?? "";
    case "text":
      return displayOf(cell);
    default:
      throw new Error(`fake: no cell property ${prop}`);
  }
}

/**
 * What Excel makes of a text typed into a cell that is not formatted as text. It reads past
 * leading white space and takes full-width forms (＝＋－＠, １２) as their ASCII twins:
 * - "=", "+", "-" or "@" first (with something after): a formula; "'" first: the prefix is
 *   swallowed and the rest kept as text;
 * - numbers with thousands separators, a sign, an exponent, a percent sign, a currency sign
 *   ($ ¥ € £), in parentheses (negative), and fractions "1 1/2": the number;
 * - dates (2023-10-1, 10/1, 2023年10月, 10月1日) and times (9:30): a date serial number;
 * - TRUE / FALSE: a boolean.
 */
export function typedReading(
  text: string
):
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: number | boolean | string }
  | undefined {
  const read = text.normalize("NFKC").replace(/^[\s\u3000]+/, "");
  if (/^[=+\-@]./s.test(read))
    return { kind: "formula", formula: read.startsWith("=") ? read : `=${read}` };
  if (read.startsWith("'")) return { kind: "value", value: read.slice(1) };
  const t = read.trim();
  const number =
    /^([-+]?)([$¥€£]?)\s*([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(e[-+]?\d+)?\s*(%?)$/i.exec(t);
  if (number && (number[4] !== undefined || (number[5] ?? "").length > 1)) {
    const sign = number[1] === "-" || number[3] === "-" ? -1 : 1;
    const digits = `${(number[4] ?? "0").replace(/,/g, "")}${number[5] ?? ""}${number[6] ?? ""}`;
    return { kind: "value", value: (sign * Number(digits)) / (number[7] ? 100 : 1) };
  }
  const negative =
    /^\(\s*([$¥€£]?)\s*(\d[\d,]*(?:\.\d*)?)\s*(%?)\s*\)$/.exec(t) ??
    /^([$¥€£])\s*\(\s*(\d[\d,]*(?:\.\d*)?)\s*\)()$/.exec(t);
  if (negative)
    return {
      kind: "value",
      value: -Number(negative[2].replace(/,/g, "")) / (negative[3] ? 100 : 1),
    };
  const fraction = /^(\d+)\s+(\d+)\/(\d+)$/.exec(t);
  if (fraction && Number(fraction[3]) > 0)
    return {
      kind: "value",
      value: Number(fraction[1]) + Number(fraction[2]) / Number(fraction[3]),
    };
  const date =
    /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(t) ??
    /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t);
  if (date) return { kind: "value", value: serial(+date[1], +date[2], +(date[3] ?? 1)) };
  const monthDay = /^(\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (monthDay && +monthDay[1] >= 1 && +monthDay[1] <= 12)
    return { kind: "value", value: serial(2024, +monthDay[1], +monthDay[2]) };
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time)
    return { kind: "value", value: (+time[1] * 3600 + +time[2] * 60 + +(time[3] ?? 0)) / 86400 };
  if (/^(true|false)$/i.test(t)) return { kind: "value", value: /^true$/i.test(t) };
  return undefined;
}

/** Excel's date serial number (days since 1899-12-30). */
function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A value written to a cell, as Excel takes typed input. */
function typeInto(cell: FakeCell, value: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (value === "" || value === null || value === undefined) {
    delete cell.value;
    return;
  }
  if (typeof value === "string" && cell.numFmt !== "@") {
    const typed = typedReading(value);
    if (typed?.kind === "formula") {
      cell.formula = typed.formula;
      cell.value = "(formula)";
      return;
    }
    if (typed?.kind === "value") {
      cell.value = typed.value;
      return;
    }
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  throw new FakeExcelError("InvalidArgument", `unsupported cell value ${String(value)}`);
}

// ---------------------------------------------------------------------------
// Request context and proxies

export class FakeContext {
  readonly fake: FakeExcel;
  readonly workbook: FakeWorkbook;
  closed = false;
  private queue: (() => void)[] = [];
  private payload = 0;
  /** Results filled by the running sync: emptied again if it fails (no values arrive then). */
  private filled: { done: boolean }[] = [];

  constructor(fake: FakeExcel) {
    this.fake = fake;
    this.workbook = new FakeWorkbook(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(action: () => void): void {
    this.assertOpen();
    this.queue.push(action);
  }

  assertOpen(): void {
    if (this.closed) {
      throw new FakeExcelError(
        "InvalidObjectPath",
        "The object was used outside the Excel.run batch that created it"
      );
    }
  }

  filledBySync(state: { done: boolean }): void {
    state.done = true;
    this.filled.push(state);
  }

  addPayload(value: unknown): void {
    this.payload += Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
  }

  async sync(): Promise<void> {
    this.assertOpen();
    this.fake.syncCount++;
    const actions = this.queue;
    this.queue = [];
    this.payload = 0;
    this.filled = [];
    const failWith = this.fake.upcomingSyncs.shift();
    try {
      if (failWith) throw new FakeExcelError(failWith, "this sync was made to fail");
      for (const action of actions) action();
      if (this.payload > this.fake.payloadLimitBytes) {
        throw new FakeExcelError(
          "ResponsePayloadSizeLimitExceeded",
          `response of ${this.payload} bytes is over the limit of ${this.fake.payloadLimitBytes}`
        );
      }
    } catch (error) {
      for (const state of this.filled) state.done = false;
      throw error;
    } finally {
      this.fake.payloads.push(this.payload);
    }
    await Promise.resolve();
  }
}

type LoadState = { done: boolean; value?: unknown };

/** Base of every proxy: queued loads, strict reads, resolution at sync time. */
abstract class FakeProxy<T> {
  protected readonly ctx: FakeContext;
  private readonly resolver: () => T | null;
  private resolvedTarget: T | null | undefined = undefined;
  private resolvedOnce = false;
  private readonly loads = new Map<string, LoadState>();
  protected abstract readonly loadable: readonly string[];

  constructor(ctx: FakeContext, resolver: () => T | null, checkNull = false) {
    ctx.assertOpen();
    this.ctx = ctx;
    this.resolver = resolver;
    // *OrNullObject results know whether they are null after the next sync.
    if (checkNull) ctx.enqueue(() => void this.resolve());
  }

  get context(): FakeContext {
    return this.ctx;
  }

  /** The real object behind the proxy; computed once, at the first sync that needs it. */
  resolve(): T | null {
    if (!this.resolvedOnce) {
      this.resolvedTarget = this.resolver();
      this.resolvedOnce = true;
    }
    return this.resolvedTarget as T | null;
  }

  /** For chained calls: the parent must exist. */
  protected target(): T {
    const target = this.resolve();
    if (target === null) {
      throw new FakeExcelError("InvalidObjectPath", "a method was called on a null object");
    }
    return target;
  }

  get isNullObject(): boolean {
    if (!this.resolvedOnce) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        "isNullObject is not available before context.sync()"
      );
    }
    return this.resolvedTarget === null;
  }

  load(spec?: string | string[]): this {
    this.ctx.assertOpen();
    if (spec === undefined)
      throw new Error("fake: load() without property names loads everything; name them");
    const names = (Array.isArray(spec) ? spec : spec.split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const name of names) {
      const slash = name.indexOf("/");
      if (slash >= 0) {
        const head = name.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), name.slice(slash + 1)]);
      } else {
        own.push(name);
      }
    }
    for (const name of own) this.checkLoadable(name);
    for (const head of nested.keys()) this.checkNested(head);
    const states = new Map<string, LoadState>();
    for (const name of [...own, ...nested.keys()]) {
      const state = this.loads.get(name) ?? { done: false };
      this.loads.set(name, state);
      states.set(name, state);
    }
    this.ctx.enqueue(() => {
      const target = this.resolve();
      if (target === null) {
        for (const state of states.values()) this.ctx.filledBySync(state);
        return;
      }
      for (const name of own) {
        const value = this.readProperty(target, name);
        this.ctx.addPayload(value);
        const state = states.get(name)!;
        state.value = value;
        this.ctx.filledBySync(state);
      }
      for (const [head, subs] of nested) {
        const value = this.readNested(target, head, subs);
        const state = states.get(head)!;
        state.value = value;
        this.ctx.filledBySync(state);
      }
    });
    return this;
  }

  private checkLoadable(name: string): void {
    if (!this.loadable.includes(name)) {
      throw new Error(`fake: ${this.constructor.name} has no loadable property "${name}"`);
    }
  }

  protected checkNested(head: string): void {
    throw new Error(`fake: ${this.constructor.name} cannot load "${head}/..."`);
  }

  protected abstract readProperty(target: T, name: string): unknown;

  protected readNested(_target: T, head: string, _subs: string[]): unknown {
    throw new Error(`fake: cannot load ${head}`);
  }

  /** A loaded property: throws PropertyNotLoaded unless load() and then sync() happened. */
  protected get<V>(name: string): V {
    const state = this.loads.get(name);
    if (!state || !state.done) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    if (this.resolvedTarget === null) {
      throw new FakeExcelError("PropertyNotLoaded", `'${name}' of a null object`);
    }
    return state.value as V;
  }

  /** Marks properties as loaded with known values (items of a loaded collection). */
  preload(values: Record<string, unknown>, target: T): void {
    this.resolvedTarget = target;
    this.resolvedOnce = true;
    for (const [name, value] of Object.entries(values)) {
      this.loads.set(name, { done: true, value });
    }
  }
}

class FakeWorkbook extends FakeProxy<FakeExcel> {
  protected readonly loadable = ["name"] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  private readonly settingCollection: FakeSettingCollection;

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fake);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.settingCollection = new FakeSettingCollection(ctx);
  }

  protected readProperty(target: FakeExcel): unknown {
    return target.workbookName;
  }

  load(spec?: string | string[]): this {
    if (spec === "name") this.ctx.fake.requires("Workbook.name");
    return super.load(spec);
  }

  get name(): string {
    return this.get("name");
  }

  get settings(): FakeSettingCollection {
    this.ctx.fake.requires("Workbook.settings");
    return this.settingCollection;
  }

  getActiveCell(): FakeRange {
    const fake = this.ctx.fake;
    fake.requires("Workbook.getActiveCell");
    return new FakeRange(this.ctx, () => {
      if (!fake.selection) throw new FakeExcelError("InvalidSelection", "no cell is selected");
      const { sheet, active } = fake.selection;
      return {
        sheet,
        range: { top: active.row, left: active.col, bottom: active.row, right: active.col },
      };
    });
  }

  getSelectedRange(): FakeRange {
    const fake = this.ctx.fake;
    return new FakeRange(this.ctx, () => {
      if (!fake.selection) throw new FakeExcelError("InvalidSelection", "no range is selected");
      return { sheet: fake.selection.sheet, range: fake.selection.range };
    });
  }
}

// --- events ------------------------------------------------------------------

class FakeEventHandlers {
  private readonly ctx: FakeContext;
  private readonly event: string;
  private readonly sheetOf?: () => FakeSheet;

  constructor(ctx: FakeContext, event: string, sheetOf?: () => FakeSheet) {
    this.ctx = ctx;
    this.event = event;
    this.sheetOf = sheetOf;
  }

  add(handler: Handler): { context: FakeContext; remove(): void } {
    const registration: Registration = { event: this.event, handler, active: false };
    const ctx = this.ctx;
    ctx.enqueue(() => {
      if (this.sheetOf) registration.sheetId = this.sheetOf().id;
      registration.active = true;
      ctx.fake.registrations.push(registration);
    });
    return {
      context: ctx,
      remove: () => ctx.enqueue(() => void (registration.active = false)),
    };
  }
}

// --- worksheets ----------------------------------------------------------------

const SHEET_PROPS = ["name", "id", "visibility", "position"] as const;

function sheetProperty(fake: FakeExcel, sheet: FakeSheet, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "visibility":
      return sheet.visibility;
    case "position":
      return fake.sheets.indexOf(sheet);
    default:
      throw new Error(`fake: worksheet property ${name}`);
  }
}

class FakeWorksheetCollection extends FakeProxy<FakeSheet[]> {
  protected readonly loadable = [] as const;

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fake.sheets);
  }

  private handlers(event: string): FakeEventHandlers {
    this.ctx.fake.requires(`WorksheetCollection.${event}`);
    return new FakeEventHandlers(this.ctx, event);
  }

  get onChanged(): FakeEventHandlers {
    return this.handlers("onChanged");
  }
  get onFormatChanged(): FakeEventHandlers {
    return this.handlers("onFormatChanged");
  }
  get onAdded(): FakeEventHandlers {
    return this.handlers("onAdded");
  }
  get onDeleted(): FakeEventHandlers {
    return this.handlers("onDeleted");
  }

  protected checkNested(head: string): void {
    if (head !== "items") super.checkNested(head);
  }

  protected readProperty(): unknown {
    throw new Error("fake: unreachable");
  }

  protected readNested(_target: FakeSheet[], _head: string, subs: string[]): unknown {
    for (const sub of subs) {
      if (!(SHEET_PROPS as readonly string[]).includes(sub)) {
        throw new Error(`fake: Worksheet has no loadable property "${sub}"`);
      }
    }
    const fake = this.ctx.fake;
    return fake.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.ctx, () => sheet);
      const values: Record<string, unknown> = {};
      for (const sub of subs) {
        values[sub] = sheetProperty(fake, sheet, sub);
        this.ctx.addPayload(values[sub]);
      }
      proxy.preload(values, sheet);
      return proxy;
    });
  }

  get items(): FakeWorksheet[] {
    return this.get<FakeWorksheet[]>("items");
  }

  getItem(name: string): FakeWorksheet {
    const fake = this.ctx.fake;
    return new FakeWorksheet(this.ctx, () => {
      const sheet = fake.sheets.find((s) => s.name === name || s.id === name);
      if (!sheet) throw new FakeExcelError("ItemNotFound", `no worksheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const fake = this.ctx.fake;
    fake.requires("WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(
      this.ctx,
      () => fake.sheets.find((s) => s.name === name || s.id === name) ?? null,
      true
    );
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const fake = this.ctx.fake;
    this.ctx.enqueue(() => void (created = fake.addWorksheet(name)));
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeExcelError("InvalidObjectPath", "sheet not created");
      return created;
    });
  }
}

class FakeWorksheet extends FakeProxy<FakeSheet> {
  protected readonly loadable = SHEET_PROPS;

  get onChanged(): FakeEventHandlers {
    this.ctx.fake.requires("Worksheet.onChanged");
    return new FakeEventHandlers(this.ctx, "onChanged", () => this.target());
  }

  protected readProperty(target: FakeSheet, name: string): unknown {
    return sheetProperty(this.ctx.fake, target, name);
  }

  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      if (address === undefined) {
        return { sheet, range: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      }
      const range = parseFakeRange(address);
      if (!range) throw new FakeExcelError("InvalidArgument", `bad address ${address}`);
      return { sheet, range };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      const used = this.ctx.fake.usedRange(sheet, valuesOnly);
      return { sheet, range: used ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.fake.requires("Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.target();
        const used = this.ctx.fake.usedRange(sheet, valuesOnly);
        return used ? { sheet, range: used } : null;
      },
      true
    );
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.target();
      const fake = this.ctx.fake;
      fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
      for (let i = fake.tables.length - 1; i >= 0; i--) {
        if (fake.tables[i].sheet === sheet) fake.tables.splice(i, 1);
      }
      if (fake.activeSheet === sheet) fake.activeSheet = fake.sheets[0];
      fake.actions.push(`delete sheet ${sheet.name}`);
    });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      const sheet = this.target();
      this.ctx.fake.activeSheet = sheet;
      this.ctx.fake.actions.push(`activate ${sheet.name}`);
    });
  }
}

// --- ranges ------------------------------------------------------------------------

interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

const RANGE_PROPS = [
  "address",
  "values",
  "valueTypes",
  "numberFormat",
  "formulas",
  "text",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
] as const;

class FakeRange extends FakeProxy<RangeTarget> {
  protected readonly loadable = RANGE_PROPS;
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, checkNull = false) {
    super(ctx, resolver, checkNull);
    this.format = new FakeRangeFormat(ctx, this);
  }

  /** For the format proxies. */
  targetOf(): RangeTarget {
    return this.target();
  }

  protected readProperty(target: RangeTarget, name: string): unknown {
    const fake = this.ctx.fake;
    const { sheet, range } = target;
    switch (name) {
      case "address":
        return fake.address(sheet, range);
      case "rowCount":
        return range.bottom - range.top + 1;
      case "columnCount":
        return range.right - range.left + 1;
      case "rowIndex":
        return range.top;
      case "columnIndex":
        return range.left;
      default:
        return fake.rangeData(sheet, range, name);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(data: unknown[][]) {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.target();
      this.ctx.fake.writeCells(sheet, range, "values", data);
      this.ctx.fake.dispatch("onChanged", sheet, {
        address: localA1(range),
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "ThisLocalAddin",
      });
    });
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(data: unknown[][]) {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.target();
      this.ctx.fake.writeCells(sheet, range, "numberFormat", data);
      this.ctx.fake.dispatch("onFormatChanged", sheet, {
        address: localA1(range),
        source: "Local",
      });
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target().sheet);
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, range } = this.target();
      const r = range.top + row;
      const c = range.left + column;
      return { sheet, range: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getCellProperties(options: { format?: { indentLevel?: boolean } }): FakeClientResult {
    this.ctx.fake.requires("Range.getCellProperties");
    const keys = Object.keys(options);
    const formatKeys = Object.keys(options.format ?? {});
    if (keys.some((k) => k !== "format") || formatKeys.some((k) => k !== "indentLevel")) {
      throw new Error(`fake: getCellProperties supports only format.indentLevel`);
    }
    const result = new FakeClientResult(this.ctx);
    this.ctx.enqueue(() => {
      const { sheet, range } = this.target();
      this.ctx.fake.checkSheet(sheet);
      if (cellsIn(range) > MAX_LOADED_CELLS) {
        throw new FakeExcelError("RangeExceedsLimit", "too many cells");
      }
      const value: unknown[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: unknown[] = [];
        for (let c = range.left; c <= range.right; c++) {
          const cell = sheet.cells.get(key(r, c));
          row.push({ format: { indentLevel: cell?.indent ?? 0 } });
        }
        value.push(row);
      }
      this.ctx.addPayload(value);
      result.set(value);
    });
    return result;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.fake.requires("Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const { sheet, range } = this.target();
        this.ctx.fake.checkSheet(sheet);
        // Excel returns the areas whose top-left cell is in the range (office-js issue 3611).
        const areas = sheet.merges.filter((m) => contains(range, m.top, m.left));
        if (areas.length > MERGED_AREAS_LIMIT) {
          throw new FakeExcelError(
            "GeneralException",
            `${areas.length} merged areas in ${localA1(range)}: more than ${MERGED_AREAS_LIMIT}`
          );
        }
        return areas.length > 0 ? { sheet, areas } : null;
      },
      true
    );
  }

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.target();
      const fake = this.ctx.fake;
      fake.selection = { sheet, range, active: { row: range.top, col: range.left } };
      fake.activeSheet = sheet;
      fake.actions.push(`select ${fake.address(sheet, range)}`);
    });
  }
}

class FakeRangeFormat {
  readonly font: { bold: boolean };
  private readonly ctx: FakeContext;
  private readonly range: FakeRange;

  constructor(ctx: FakeContext, range: FakeRange) {
    this.ctx = ctx;
    this.range = range;
    const write = (prop: string, value: unknown) => this.write(prop, value);
    this.font = {
      get bold(): boolean {
        throw new Error("fake: reading format.font.bold is not supported");
      },
      set bold(value: boolean) {
        write("bold", value);
      },
    };
  }

  private write(prop: string, value: unknown): void {
    this.ctx.enqueue(() => {
      const { sheet, range } = this.range.targetOf();
      this.ctx.fake.writeFormat(sheet, range, prop, value);
      this.ctx.fake.dispatch("onFormatChanged", sheet, {
        address: localA1(range),
        source: "Local",
      });
    });
  }

  set wrapText(value: boolean) {
    this.write("wrapText", value);
  }
  set columnWidth(value: number) {
    this.ctx.fake.requires("RangeFormat.columnWidth");
    this.write("columnWidth", value);
  }
  set verticalAlignment(value: string) {
    this.write("verticalAlignment", value);
  }
  set indentLevel(value: number) {
    this.ctx.fake.requires("RangeFormat.indentLevel");
    this.write("indentLevel", value);
  }
  autofitColumns(): void {
    this.ctx.fake.requires("RangeFormat.autofitColumns");
    this.ctx.enqueue(() => {
      const { sheet, range } = this.range.targetOf();
      this.ctx.fake.actions.push(`autofit ${sheet.name}!${localA1(range)}`);
    });
  }
}

class FakeRangeAreas extends FakeProxy<{ sheet: FakeSheet; areas: CellRange[] }> {
  protected readonly loadable = ["address", "areaCount"] as const;

  protected readProperty(target: { sheet: FakeSheet; areas: CellRange[] }, name: string): unknown {
    if (name === "areaCount") return target.areas.length;
    return target.areas.map((area) => this.ctx.fake.address(target.sheet, area)).join(", ");
  }

  get address(): string {
    return this.get("address");
  }
}

class FakeClientResult {
  private readonly ctx: FakeContext;
  private readonly state = { done: false };
  private result: unknown;

  constructor(ctx: FakeContext) {
    this.ctx = ctx;
  }

  set(value: unknown): void {
    this.result = value;
    this.ctx.filledBySync(this.state);
  }

  get value(): unknown {
    if (!this.state.done) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.'
      );
    }
    return this.result;
  }
}

// --- tables ------------------------------------------------------------------------

const TABLE_PROPS = ["name", "id", "showHeaders", "showTotals"] as const;

function tableProperty(table: FakeTable, name: string): unknown {
  switch (name) {
    case "name":
      return table.name;
    case "id":
      return table.id;
    case "showHeaders":
      return table.showHeaders;
    case "showTotals":
      return false;
    default:
      throw new Error(`fake: table property ${name}`);
  }
}

class FakeTableCollection extends FakeProxy<FakeTable[]> {
  protected readonly loadable = [] as const;

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fake.tables);
  }

  get onAdded(): FakeEventHandlers {
    this.ctx.fake.requires("TableCollection.onAdded");
    return new FakeEventHandlers(this.ctx, "tableAdded");
  }
  get onDeleted(): FakeEventHandlers {
    this.ctx.fake.requires("TableCollection.onDeleted");
    return new FakeEventHandlers(this.ctx, "tableDeleted");
  }

  protected checkNested(head: string): void {
    if (head !== "items") super.checkNested(head);
  }

  protected readProperty(): unknown {
    throw new Error("fake: unreachable");
  }

  protected readNested(_target: FakeTable[], _head: string, subs: string[]): unknown {
    for (const sub of subs) {
      if (!(TABLE_PROPS as readonly string[]).includes(sub)) {
        throw new Error(`fake: Table has no loadable property "${sub}"`);
      }
    }
    return this.ctx.fake.tables.map((table) => {
      const proxy = new FakeTableProxy(this.ctx, () => table);
      const values: Record<string, unknown> = {};
      for (const sub of subs) {
        values[sub] = tableProperty(table, sub);
        this.ctx.addPayload(values[sub]);
      }
      proxy.preload(values, table);
      return proxy;
    });
  }

  get items(): FakeTableProxy[] {
    return this.get<FakeTableProxy[]>("items");
  }

  /** Like TableCollection.add: `address` is "Sheet!A1:E4"; the sheet must exist at sync time. */
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | undefined;
    const fake = this.ctx.fake;
    this.ctx.enqueue(() => {
      const bang = address.lastIndexOf("!");
      const sheetName = address.slice(0, bang).replace(/^'|'$/g, "");
      const sheet = fake.sheets.find((s) => s.name === sheetName);
      const range = parseFakeRange(address.slice(bang + 1));
      if (!sheet || !range)
        throw new FakeExcelError("InvalidArgument", `bad table address ${address}`);
      created = {
        id: fake.newId("TABLE"),
        name: `表${fake.tables.length + 1}`,
        sheet,
        range,
        showHeaders: hasHeaders,
      };
      fake.tables.push(created);
      fake.actions.push(`add table ${sheet.name}!${localA1(range)}`);
    });
    return new FakeTableProxy(this.ctx, () => {
      if (!created) throw new FakeExcelError("InvalidObjectPath", "table not created");
      return created;
    });
  }
}

class FakeTableProxy extends FakeProxy<FakeTable> {
  protected readonly loadable = TABLE_PROPS;

  protected readProperty(target: FakeTable, name: string): unknown {
    return tableProperty(target, name);
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      const table = this.target();
      const taken = this.ctx.fake.tables.some(
        (t) => t !== table && t.name.toLowerCase() === value.toLowerCase()
      );
      if (taken) throw new FakeExcelError("ItemAlreadyExists", `a table named ${value} exists`);
      table.name = value;
    });
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const table = this.target();
      return { sheet: table.sheet, range: table.range };
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.target().sheet);
  }
}

// --- settings -----------------------------------------------------------------------

class FakeSettingCollection {
  private readonly ctx: FakeContext;

  constructor(ctx: FakeContext) {
    this.ctx = ctx;
  }

  getItemOrNullObject(settingKey: string): FakeSetting {
    const settings = this.ctx.fake.settings;
    return new FakeSetting(
      this.ctx,
      () => (settings.has(settingKey) ? { key: settingKey } : null),
      true
    );
  }

  getItem(settingKey: string): FakeSetting {
    const settings = this.ctx.fake.settings;
    return new FakeSetting(this.ctx, () => {
      if (!settings.has(settingKey)) throw new FakeExcelError("ItemNotFound", settingKey);
      return { key: settingKey };
    });
  }

  add(settingKey: string, value: unknown): FakeSetting {
    const fake = this.ctx.fake;
    this.ctx.enqueue(() => {
      // Settings are stored as JSON: what comes back is a copy.
      fake.settings.set(settingKey, JSON.parse(JSON.stringify(value)));
      fake.actions.push(`settings.add ${settingKey}`);
    });
    return new FakeSetting(this.ctx, () => ({ key: settingKey }));
  }
}

class FakeSetting extends FakeProxy<{ key: string }> {
  protected readonly loadable = ["key", "value"] as const;

  protected readProperty(target: { key: string }, name: string): unknown {
    if (name === "key") return target.key;
    const stored = this.ctx.fake.settings.get(target.key);
    return stored === undefined ? undefined : JSON.parse(JSON.stringify(stored));
  }

  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
}

/** The fake context typed as the real one, for calling src/excel functions directly. */
export function asExcelContext(context: FakeContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}

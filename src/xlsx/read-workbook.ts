/**
 * Reads .xlsx bytes into the engine's WorkbookModel with ExcelJS.
 * Browser-safe: no fs, path or Buffer-only calls (the file-path version is in read-file.ts).
 * The inflater of zip parts is fflate's unless the caller brings a faster one (Node's zlib, read-file.ts).
 */
import * as ExcelJS from "exceljs";
import { ReportError } from "../core/errors";
import { parseRange } from "../core/address";
import {
  GuardedSheet,
  GuardedWorkbook,
  PartInflater,
  ZipGuardError,
  guardWorkbookZip,
} from "./zip-guard";
import {
  CellModel,
  CellRange,
  CellValue,
  SheetModel,
  TableDefinition,
  WorkbookModel,
} from "../core/workbook";

export type WorkbookReadErrorCode =
  "FILE_NOT_FOUND" | "NOT_XLSX" | "ENCRYPTED" | "CORRUPT" | "TOO_LARGE";

/** The largest workbook file read (a workbook of 200 000 indicator rows is about 10 MB). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export class WorkbookReadError extends ReportError {
  declare readonly code: WorkbookReadErrorCode;
  /** The file as the caller named it (a path, a file name or a generic label). */
  readonly file: string;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(
    code: WorkbookReadErrorCode,
    file: string,
    messageZh: string,
    messageEn: string,
    cause?: unknown
  ) {
    super(code, { zh: messageZh, en: messageEn }, cause);
    this.name = "WorkbookReadError";
    this.file = file;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

export function isWorkbookReadError(error: unknown): error is WorkbookReadError {
  return error instanceof WorkbookReadError;
}

export type WorkbookBytes = ArrayBuffer | Uint8Array;

/**
 * Reads a workbook from bytes. `fileName` only names the file in error messages.
 * Throws WorkbookReadError for anything that is not a readable .xlsx.
 */
export async function readWorkbookBuffer(
  data: WorkbookBytes,
  fileName?: string,
  inflater?: PartInflater
): Promise<WorkbookModel> {
  const label = fileName ?? "";
  const guarded = checkWorkbookBytes(toUint8Array(data), label, inflater);
  const workbook = await loadWithExcelJS(guarded.bytes, label);
  return toWorkbookModel(workbook, guarded.sheets);
}

/**
 * The checks made before a workbook is parsed: the file size, the format, and the zip against
 * the limits (zip-guard.ts). Gives the zip reduced to the parts read; throws WorkbookReadError
 * with the message a reader shows. Anything else that takes a workbook's bytes apart (the
 * standalone pane's copy with a 报告 sheet) goes through these checks first.
 */
export function checkWorkbookBytes(
  bytes: Uint8Array,
  fileName?: string,
  inflater?: PartInflater
): GuardedWorkbook {
  const label = fileName ?? "";
  if (bytes.length > MAX_FILE_BYTES)
    throw tooLargeError(
      label,
      `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      `the file is over ${MAX_FILE_BYTES / 1024 / 1024} MB`
    );
  checkSignature(bytes, label);
  return guard(bytes, label, inflater);
}

/** The zip checked against the limits and reduced to the parts read (zip-guard.ts). */
function guard(bytes: Uint8Array, label: string, inflater?: PartInflater): GuardedWorkbook {
  try {
    return guardWorkbookZip(bytes, inflater);
  } catch (error) {
    if (error instanceof ZipGuardError) {
      if (error.kind === "limit") throw tooLargeError(label, error.zh, error.en, error);
      const q = quoted(label);
      throw new WorkbookReadError(
        "CORRUPT",
        label,
        `${q.zh}已损坏：${error.zh}；请在 Excel 或 WPS 中打开后另存为 .xlsx`,
        `${q.en} is damaged: ${error.en}; open it in Excel or WPS and save it as .xlsx`,
        error
      );
    }
    throw corruptError(label, error);
  }
}

function tooLargeError(label: string, zh: string, en: string, cause?: unknown): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "TOO_LARGE",
    label,
    `${q.zh}超出读取上限：${zh}`,
    `${q.en} is over a reading limit: ${en}`,
    cause
  );
}

// ---------------------------------------------------------------------------
// Errors and format detection

/** “街道指标台账.xlsx” / "街道指标台账.xlsx", or a generic word when no name was given. */
function quoted(label: string): { zh: string; en: string } {
  return label ? { zh: `“${label}”`, en: `"${label}"` } : { zh: "该文件", en: "The file" };
}

export function fileNotFoundError(label: string, cause?: unknown): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "FILE_NOT_FOUND",
    label,
    `找不到文件${q.zh}，请检查文件路径是否正确`,
    `${q.en}: file not found; check the path`,
    cause
  );
}

export function notAFileError(label: string, cause?: unknown): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "FILE_NOT_FOUND",
    label,
    `${q.zh}是文件夹，不是 Excel 工作簿文件`,
    `${q.en} is a folder, not an Excel workbook file`,
    cause
  );
}

function oldXlsError(label: string): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "NOT_XLSX",
    label,
    `${q.zh}是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试`,
    `${q.en} is an old .xls workbook; save it as .xlsx in Excel and try again`
  );
}

function encryptedError(label: string): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "ENCRYPTED",
    label,
    `${q.zh}工作簿已加密，请在 Excel 中取消密码后另存为 .xlsx`,
    `${q.en} is password-protected; remove the password in Excel and save it as .xlsx`
  );
}

function textFileError(label: string): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "NOT_XLSX",
    label,
    `${q.zh}不是 Excel 工作簿（看起来是 CSV、文本或网页文件），请在 Excel 中打开后另存为 .xlsx`,
    `${q.en} is not an Excel workbook (it looks like CSV, text or HTML); open it in Excel and save it as .xlsx`
  );
}

function unknownFormatError(label: string): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "NOT_XLSX",
    label,
    `${q.zh}不是 Excel 工作簿（.xlsx）`,
    `${q.en} is not an Excel workbook (.xlsx)`
  );
}

function emptyFileError(label: string): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "CORRUPT",
    label,
    `${q.zh}是空文件，没有任何内容`,
    `${q.en} is empty`
  );
}

export function corruptError(label: string, cause?: unknown): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "CORRUPT",
    label,
    `${q.zh}已损坏或不完整，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx`,
    `${q.en} is damaged or incomplete and cannot be read; open it in Excel or WPS and save it as .xlsx`,
    cause
  );
}

function noWorkbookError(label: string): WorkbookReadError {
  const q = quoted(label);
  return new WorkbookReadError(
    "CORRUPT",
    label,
    `${q.zh}是压缩文件，但其中没有 Excel 工作表（可能是 Word 文档或其他文件）`,
    `${q.en} is a zip archive but contains no Excel worksheets (perhaps a Word document or another file)`
  );
}

function toUint8Array(data: WorkbookBytes): Uint8Array {
  // ArrayBuffer.isView rather than instanceof: typed arrays may come from another realm (iframe, jest vm).
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((byte, i) => bytes[i] === byte);
}

function isZip(bytes: Uint8Array): boolean {
  // PK\3\4 (a file entry), PK\5\6 (an empty archive), PK\7\8 (a spanned archive)
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && [3, 5, 7].includes(bytes[2])
  );
}

/** Encrypted OOXML files are CFB containers with an "EncryptionInfo" stream; names are UTF-16LE. */
function hasEncryptionInfoStream(bytes: Uint8Array): boolean {
  const needle = utf16le("EncryptionInfo");
  return indexOfBytes(bytes, needle) >= 0;
}

function utf16le(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out.push(code & 0xff, code >> 8);
  }
  return out;
}

function indexOfBytes(haystack: Uint8Array, needle: number[]): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** Text files (CSV, HTML saved as .xls, XML) have no NUL bytes and few control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return true; // UTF-16 BOM
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control <= sample.length * 0.01;
}

function checkSignature(bytes: Uint8Array, label: string): void {
  if (bytes.length === 0) throw emptyFileError(label);
  if (isZip(bytes)) return;
  if (startsWith(bytes, CFB_SIGNATURE)) {
    throw hasEncryptionInfoStream(bytes) ? encryptedError(label) : oldXlsError(label);
  }
  throw looksLikeText(bytes) ? textFileError(label) : unknownFormatError(label);
}

// ---------------------------------------------------------------------------
// Loading

type LoadInput = Parameters<ExcelJS.Xlsx["load"]>[0];

async function loadWithExcelJS(bytes: Uint8Array, label: string): Promise<ExcelJS.Workbook> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadXlsx(bytes);
  } catch (error) {
    workbook = await loadIgnoringTables(bytes, label, error);
  }
  if (workbook.worksheets.length === 0) throw noWorkbookError(label);
  return workbook;
}

async function loadXlsx(
  bytes: Uint8Array,
  options?: Partial<ExcelJS.XlsxReadOptions>
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS reports some oddities with console.warn (up to megabytes of text): not for the
  // user's terminal. The file is either read or refused with a message of our own.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    // JSZip (inside ExcelJS) accepts a Uint8Array; the typings only name Node's Buffer type.
    await workbook.xlsx.load(bytes as unknown as LoadInput, options);
  } finally {
    console.warn = warn;
  }
  return workbook;
}

/**
 * ExcelJS fails on some valid files because of their table parts (e.g. files saved by openpyxl,
 * whose relationships use absolute targets: exceljs issue #1468). The cells are still worth
 * reading, so try once more without tables before calling the file damaged.
 */
async function loadIgnoringTables(
  bytes: Uint8Array,
  label: string,
  firstError: unknown
): Promise<ExcelJS.Workbook> {
  try {
    return await loadXlsx(bytes, { ignoreNodes: ["tableParts"] });
  } catch {
    throw corruptError(label, firstError);
  }
}

// ---------------------------------------------------------------------------
// Mapping ExcelJS → WorkbookModel

/**
 * ExcelJS' workbook → the model. `guarded` gives each sheet's real name and merges when the
 * file went through the zip guard (its sheets are then named S1, S2… and hold no merges).
 */
export function toWorkbookModel(
  workbook: ExcelJS.Workbook,
  guarded?: GuardedSheet[]
): WorkbookModel {
  const byPlaceholder = new Map((guarded ?? []).map((s) => [s.placeholder, s]));
  return { sheets: workbook.worksheets.map((ws) => readSheet(ws, byPlaceholder.get(ws.name))) };
}

function readSheet(worksheet: ExcelJS.Worksheet, guarded?: GuardedSheet): SheetModel {
  const merges = guarded ? guarded.merges : readMerges(worksheet);
  const rows = readRows(worksheet);
  clearMergedSlaves(rows, merges);
  trimEmptyEnds(rows);
  const sheet: SheetModel = {
    name: guarded ? guarded.name : worksheet.name,
    rows,
    merges,
    tables: readTables(worksheet, rows),
  };
  if (worksheet.state === "hidden" || worksheet.state === "veryHidden") sheet.hidden = true;
  return sheet;
}

function readRows(worksheet: ExcelJS.Worksheet): (CellModel | undefined)[][] {
  const rows: (CellModel | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (CellModel | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const model = readCell(cell);
      if (model) cells[colNumber - 1] = model;
    });
    rows[rowNumber - 1] = fillHoles(cells);
  });
  return fillHoles(rows).map((row) => row ?? []);
}

/** Sparse arrays skip holes in forEach/map; the model promises a dense grid. */
function fillHoles<T>(items: T[]): T[] {
  const dense = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) dense[i] = items[i];
  return dense;
}

function readCell(cell: ExcelJS.Cell): CellModel | undefined {
  // Merge-typed cells are slaves of a merge (ExcelJS repeats the master's value there) or bare
  // <c/> elements whose master is missing and whose value getter would throw.
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const value = plainValue(cell.value);
  if (value === null)
    return isUncalculatedFormula(cell.value) ? { value: null, uncalculated: true } : undefined;
  const model: CellModel = { value };
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== "General") model.numFmt = numFmt;
  const indent = cell.alignment?.indent;
  if (typeof indent === "number" && indent > 0) model.indent = indent;
  return model;
}

type RawValue = ExcelJS.CellValue | Record<string, unknown>;

function isUncalculatedFormula(value: RawValue): boolean {
  if (typeof value !== "object" || value === null || value instanceof Date) return false;
  const record = value as Record<string, unknown>;
  return ("formula" in record || "sharedFormula" in record) && record.result === undefined;
}

/** ExcelJS cell value → plain value: formulas give their cached result, rich text its text. */
export function plainValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value !== "object") return null;
  return plainObjectValue(value as Record<string, unknown>);
}

function plainObjectValue(value: Record<string, unknown>): CellValue {
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) return plainValue(value.result as RawValue);
  if (Array.isArray(value.richText)) return richTextToString(value.richText) || null;
  if ("text" in value) return plainValue(value.text as RawValue); // hyperlink: its text may be rich text
  return null;
}

function richTextToString(runs: unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown }).text ?? "")).join("");
}

// ---------------------------------------------------------------------------
// Merges

interface MergeLike {
  range?: string;
}

function readMerges(worksheet: ExcelJS.Worksheet): CellRange[] {
  const ranges = mergeAddresses(worksheet)
    .map((address) => parseRange(address))
    .filter((range): range is CellRange => range !== undefined);
  return ranges.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** ExcelJS 4.4 keeps merges in the private `_merges` (master address → Range); the public model is costly to build. */
function mergeAddresses(worksheet: ExcelJS.Worksheet): string[] {
  const internal = (worksheet as unknown as { _merges?: Record<string, MergeLike> })._merges;
  if (internal) return Object.values(internal).map((merge) => String(merge.range ?? ""));
  const model = worksheet.model as unknown as { merges?: string[] };
  return model.merges ?? [];
}

/** Only the cells that exist are visited: a merge of the whole sheet costs what the sheet holds. */
function clearMergedSlaves(rows: (CellModel | undefined)[][], merges: CellRange[]): void {
  for (const merge of merges) {
    for (let r = merge.top; r <= merge.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (row.length <= merge.left) continue;
      for (let c = merge.left; c <= merge.right && c < row.length; c++) {
        if (r !== merge.top || c !== merge.left) row[c] = undefined;
      }
    }
  }
}

/** Drops trailing empty cells and rows so the grid ends at the last used cell. */
function trimEmptyEnds(rows: (CellModel | undefined)[][]): void {
  for (const row of rows) {
    while (row.length > 0 && row[row.length - 1] === undefined) row.pop();
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
}

// ---------------------------------------------------------------------------
// Tables

/** A table as ExcelJS holds it after reading a file (its typings describe tables being added). */
interface LoadedTableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  columns?: { name?: string }[];
}

function readTables(
  worksheet: ExcelJS.Worksheet,
  rows: (CellModel | undefined)[][]
): TableDefinition[] {
  const tables = worksheet.getTables() as unknown as {
    model?: LoadedTableModel;
    table?: LoadedTableModel;
  }[];
  const definitions: TableDefinition[] = [];
  for (const table of tables) {
    const model = table.table ?? table.model;
    const definition = model && tableDefinition(model, rows);
    if (definition) definitions.push(definition);
  }
  return definitions;
}

function tableDefinition(
  model: LoadedTableModel,
  rows: (CellModel | undefined)[][]
): TableDefinition | undefined {
  const range = parseRange(model.tableRef ?? model.ref ?? "");
  const name = model.displayName ?? model.name;
  if (!range || !name) return undefined;
  return { name, range, hasHeaderRow: hasHeaderRow(model, range, rows) };
}

/**
 * ExcelJS sets headerRow only when the XML says headerRowCount="1", which ExcelJS writes but Excel
 * omits (absent means 1). So a table from Excel reads as headerless. Excel keeps header cells equal
 * to the column names, so when the flag is off, a first row that spells the column names is a header.
 */
function hasHeaderRow(
  model: LoadedTableModel,
  range: CellRange,
  rows: (CellModel | undefined)[][]
): boolean {
  if (model.headerRow) return true;
  const names = (model.columns ?? []).map((column) => decodeXmlEscapes(column.name ?? "").trim());
  if (names.length === 0) return true;
  const firstRow = rows[range.top] ?? [];
  let matches = 0;
  names.forEach((name, i) => {
    const cell = firstRow[range.left + i];
    if (name !== "" && cell && cellText(cell.value) === name) matches++;
  });
  return matches >= Math.ceil(names.length / 2);
}

/** Excel writes control characters in column names as _xHHHH_ (a line break is _x000a_). */
function decodeXmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return value.error;
  return String(value).trim();
}

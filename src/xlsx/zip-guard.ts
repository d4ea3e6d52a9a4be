/**
 * Limits before parsing: the zip's central directory is checked before ExcelJS sees the file,
 * and only the parts the workbook needs are inflated, each bounded as it inflates.
 *
 * ExcelJS inflates every entry of the zip (a 1 GB sharedStrings nobody reads included), builds a
 * cell object for every cell a merge covers (A1:XFD1048576 is 17 billion) and checks each merge
 * against all the others (30 000 merges: minutes). So, before ExcelJS:
 * - the central directory gives the entry count and the declared sizes, checked against limits;
 * - the parts ExcelJS reads for cells (workbook, relationships, sheets, shared strings, styles,
 *   tables) are inflated with fflate, stopping as soon as a part outgrows its declared size or
 *   a limit; pictures, drawings, themes, printer settings and the like are never inflated;
 * - each sheet's cells and merges are counted on its bytes; the merges are taken out of the XML
 *   (the engine keeps them as areas) and the sheets renamed in workbook.xml, so that ExcelJS'
 *   own name rules (31 characters, no "/") cannot refuse a workbook Excel opened;
 * - a sheet listed in workbook.xml whose part is missing, or cells that use shared strings when
 *   there are none, make the file "damaged" instead of silently losing text.
 * fflate: small, browser-safe, and its streaming inflater lets a part be cut off the moment it
 * grows too large, which JSZip (inside ExcelJS) cannot do.
 */
import {
  Unzip,
  UnzipDecoderConstructor,
  UnzipFile,
  UnzipInflate,
  unzipSync,
  zipSync,
} from "fflate";
import { ReportError } from "../core/errors";
import { parseRange } from "../core/address";
import { CellRange } from "../core/workbook";

/** How a part is inflated: fflate's own inflater, or a faster one where the platform has it. */
export type PartInflater = UnzipDecoderConstructor;

export const ZIP_LIMITS = {
  /** Entries in the zip. */
  entries: 10_000,
  /** Inflated size of one part read. */
  entryBytes: 256 * 1024 * 1024,
  /** Inflated size of all the parts read. */
  totalBytes: 512 * 1024 * 1024,
  /** Cells in one sheet, and in the workbook. */
  cellsPerSheet: 2_000_000,
  cells: 3_000_000,
  /** Merged ranges in one sheet. */
  merges: 100_000,
  /** Cells covered by merges in one sheet, within the rows and columns that hold cells. */
  mergedCells: 10_000_000,
};

/** Why a file was refused: a limit (with its name and numbers) or damage. */
export class ZipGuardError extends ReportError {
  constructor(
    readonly kind: "limit" | "damaged",
    zh: string,
    en: string
  ) {
    super(kind === "limit" ? "ZIP_LIMIT" : "ZIP_DAMAGED", { zh, en });
    this.name = "ZipGuardError";
  }
}

export interface GuardedSheet {
  /** The sheet's name as the workbook gives it (any length, any character). */
  name: string;
  /** The name ExcelJS sees in the rebuilt file. */
  placeholder: string;
  merges: CellRange[];
}

export interface GuardedWorkbook {
  /** A zip of only the parts ExcelJS needs, stored (not compressed), merges removed. */
  bytes: Uint8Array;
  sheets: GuardedSheet[];
}

/** Parts ExcelJS reads to give cells, values, number formats and tables. */
const NEEDED = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/tables\/table\d+\.xml$/,
];

function isNeeded(name: string): boolean {
  const bare = name.startsWith("/") ? name.slice(1) : name;
  return NEEDED.some((re) => re.test(bare));
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function limit(zh: string, en: string): ZipGuardError {
  return new ZipGuardError("limit", zh, en);
}

/** A part that inflates to more than the zip records for it. */
export function inflatesBeyondRecord(part: string): ZipGuardError {
  return damaged(
    `其中的“${part}”解压后比记录的大小更大`,
    `the part ${part} inflates beyond its recorded size`
  );
}

function damaged(zh: string, en: string): ZipGuardError {
  return new ZipGuardError("damaged", zh, en);
}

interface Entry {
  name: string;
  originalSize: number;
}

/** The central directory: names and declared sizes, nothing inflated. */
function listEntries(bytes: Uint8Array): Entry[] {
  const entries: Entry[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      entries.push({ name: file.name, originalSize: file.originalSize });
      if (entries.length > ZIP_LIMITS.entries)
        throw limit(
          `压缩包中的条目超过 ${count(ZIP_LIMITS.entries)} 个`,
          `more than ${count(ZIP_LIMITS.entries)} entries in the zip`
        );
      return false;
    },
  });
  return entries;
}

function checkDeclaredSizes(entries: Entry[]): void {
  let total = 0;
  for (const entry of entries) {
    if (!isNeeded(entry.name)) continue;
    if (entry.originalSize > ZIP_LIMITS.entryBytes)
      throw limit(
        `其中的“${entry.name}”解压后有 ${mb(entry.originalSize)}，超过单个部件 ${mb(ZIP_LIMITS.entryBytes)} 的上限`,
        `the part ${entry.name} inflates to ${mb(entry.originalSize)}, over the ${mb(ZIP_LIMITS.entryBytes)} limit per part`
      );
    total += entry.originalSize;
  }
  if (total > ZIP_LIMITS.totalBytes)
    throw limit(
      `解压后共 ${mb(total)}，超过 ${mb(ZIP_LIMITS.totalBytes)} 的上限`,
      `the parts read inflate to ${mb(total)}, over the ${mb(ZIP_LIMITS.totalBytes)} limit`
    );
}

/** Inflates the needed parts, each stopped as soon as it grows past its declared size. */
function inflateNeeded(
  bytes: Uint8Array,
  entries: Entry[],
  inflater: PartInflater
): Map<string, Uint8Array> {
  const declared = new Map(entries.map((e) => [e.name, e.originalSize]));
  const parts = new Map<string, Uint8Array>();
  let failure: unknown;
  const unzip = new Unzip();
  unzip.register(inflater);
  unzip.onfile = (file: UnzipFile) => {
    if (!isNeeded(file.name) || parts.has(file.name)) return;
    const size = declared.get(file.name) ?? file.originalSize ?? 0;
    const out = new Uint8Array(size);
    let length = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = error;
        return;
      }
      if (length + chunk.length > size) {
        failure = inflatesBeyondRecord(file.name);
        file.terminate();
        return;
      }
      out.set(chunk, length);
      length += chunk.length;
      if (final)
        parts.set(
          file.name.startsWith("/") ? file.name.slice(1) : file.name,
          out.subarray(0, length)
        );
    };
    file.start();
  };
  const CHUNK = 16 * 1024; // at most ~16 MB inflated per step, whatever the ratio
  for (let offset = 0; offset < bytes.length && !failure; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, bytes.length);
    unzip.push(bytes.subarray(offset, end), end === bytes.length);
  }
  if (failure instanceof ZipGuardError) throw failure;
  if (failure) throw damaged("其中的部件无法解压", "a part cannot be inflated");
  return parts;
}

// ---------------------------------------------------------------------------
// workbook.xml and its relationships

const decoder = new TextDecoder("utf-8");

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, code: string) => {
    switch (code) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const n = code[1] === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
      }
    }
  });
}

/** One expression per attribute name (a handful of constant names), not one per tag. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? "") : undefined;
}

const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/;

/**
 * A sheet's relationships without those to parts left out of the reduced file (comments,
 * drawings, printer settings): ExcelJS follows a comments relationship to its part and fails
 * when it is absent, which would make any workbook with a note (批注) unreadable.
 */
function withoutDroppedTargets(rels: Uint8Array, kept: Map<string, Uint8Array>): Uint8Array {
  const xml = decoder.decode(rels);
  const reduced = xml.replace(
    /<(?:\w+:)?Relationship\b([^>]*?)\/?>(?:<\/(?:\w+:)?Relationship>)?/g,
    (tag, attrs: string) => {
      const target = attribute(attrs, "Target");
      if (!target || attribute(attrs, "TargetMode") === "External") return tag;
      const part = target.startsWith("/") ? target.slice(1) : resolvePart(`worksheets/${target}`);
      return kept.has(part) ? tag : "";
    }
  );
  return reduced === xml ? rels : new TextEncoder().encode(reduced);
}

/** Relationship id → part name, resolved against xl/. */
function workbookTargets(rels: Uint8Array | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!rels) return targets;
  const xml = decoder.decode(rels);
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(match[1], "Id");
    const target = attribute(match[1], "Target");
    if (id && target && attribute(match[1], "TargetMode") !== "External")
      targets.set(id, resolvePart(target));
  }
  return targets;
}

function resolvePart(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

interface ListedSheet {
  name: string;
  part?: string;
  /** Where the name attribute's value lies in workbook.xml, to replace it. */
  tagStart: number;
  tagEnd: number;
  tag: string;
}

function listedSheets(xml: string, targets: Map<string, string>): ListedSheet[] {
  const sheets: ListedSheet[] = [];
  for (const match of xml.matchAll(/<sheet\b[^>]*>/g)) {
    const tag = match[0];
    const id = /\br:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? attribute(tag, "[\\w]+:id");
    sheets.push({
      name: attribute(tag, "name") ?? "",
      part: id !== undefined ? targets.get(id) : undefined,
      tagStart: match.index ?? 0,
      tagEnd: (match.index ?? 0) + tag.length,
      tag,
    });
  }
  return sheets;
}

/** workbook.xml with every sheet named S1, S2…; ExcelJS' name rules are not Excel's. */
function renameSheets(xml: string, sheets: ListedSheet[]): string {
  let out = "";
  let at = 0;
  sheets.forEach((sheet, i) => {
    const renamed = sheet.tag.replace(/(\sname\s*=\s*)("[^"]*"|'[^']*')/, `$1"S${i + 1}"`);
    out += xml.slice(at, sheet.tagStart) + renamed;
    at = sheet.tagEnd;
  });
  return out + xml.slice(at);
}

// ---------------------------------------------------------------------------
// Sheets

interface SheetScan {
  cells: number;
  maxRow: number;
  maxCol: number;
  usesSharedStrings: boolean;
  merges: CellRange[];
  /** The sheet without its <mergeCells> element. */
  bytes: Uint8Array;
}

const LT = 0x3c;
const C = 0x63;

function isTagEnd(byte: number): boolean {
  return (
    byte === 0x20 ||
    byte === 0x3e ||
    byte === 0x2f ||
    byte === 0x09 ||
    byte === 0x0a ||
    byte === 0x0d
  );
}

/** Counts the <c> elements of a sheet on its bytes, with the largest row and column they name. */
function scanCells(bytes: Uint8Array): Omit<SheetScan, "merges" | "bytes"> {
  let cells = 0;
  let maxRow = 0;
  let maxCol = 0;
  let usesSharedStrings = false;
  for (let i = bytes.indexOf(LT); i >= 0 && i < bytes.length - 2; i = bytes.indexOf(LT, i + 1)) {
    if (bytes[i + 1] !== C || !isTagEnd(bytes[i + 2])) continue;
    cells++;
    // The attributes up to the end of the start tag.
    let end = i + 2;
    let ascii = true;
    while (end < bytes.length && bytes[end] !== 0x3e && end - i < 512) {
      if (bytes[end] >= 0x80) ascii = false;
      end++;
    }
    const ref = ascii ? refOnBytes(bytes, i + 2, end) : refOnText(bytes, i + 2, end);
    if (ref) {
      if (ref.row > maxRow) maxRow = ref.row;
      if (ref.col > maxCol) maxCol = ref.col;
    }
    if (!usesSharedStrings) {
      usesSharedStrings = ascii
        ? sharedStringOnBytes(bytes, i + 2, end)
        : /\bt\s*=\s*"s"/.test(decoder.decode(bytes.subarray(i + 2, end)));
    }
    i = end;
  }
  return { cells, maxRow, maxCol, usesSharedStrings };
}

/** The r="B7" of a start tag's attributes (as text, for tags with non-ASCII bytes). */
function refOnText(bytes: Uint8Array, start: number, end: number): CellAt | undefined {
  const ref = /\br\s*=\s*"([A-Za-z]{1,3})(\d{1,7})"/.exec(
    decoder.decode(bytes.subarray(start, end))
  );
  return ref ? { col: columnNumber(ref[1]), row: Number(ref[2]) } : undefined;
}

interface CellAt {
  row: number;
  col: number;
}

const QUOTE = 0x22;
const EQUALS = 0x3d;

/** A–Z, a–z, 0–9 or _: what \w is to a regular expression without the u flag. */
function isWordByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x5f
  );
}

/** \s on ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
function isSpaceByte(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function isLetterByte(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** Where `name\s*=\s*"` ends when it starts at `at` on a word boundary; -1 when it does not. */
function attributeValueStart(
  bytes: Uint8Array,
  start: number,
  end: number,
  at: number,
  name: number
): number {
  if (bytes[at] !== name || (at > start && isWordByte(bytes[at - 1]))) return -1;
  let j = at + 1;
  while (j < end && isSpaceByte(bytes[j])) j++;
  if (j >= end || bytes[j] !== EQUALS) return -1;
  j++;
  while (j < end && isSpaceByte(bytes[j])) j++;
  if (j >= end || bytes[j] !== QUOTE) return -1;
  return j + 1;
}

/**
 * /\br\s*=\s*"([A-Za-z]{1,3})(\d{1,7})"/ on the ASCII bytes of a start tag's attributes,
 * without decoding them: the first place it matches.
 */
function refOnBytes(bytes: Uint8Array, start: number, end: number): CellAt | undefined {
  for (let at = start; at < end; at++) {
    let j = attributeValueStart(bytes, start, end, at, 0x72);
    if (j < 0) continue;
    let col = 0;
    let letters = 0;
    while (j < end && letters < 4 && isLetterByte(bytes[j])) {
      col = col * 26 + ((bytes[j] & 0xdf) - 64);
      letters++;
      j++;
    }
    if (letters === 0 || letters > 3) continue;
    let row = 0;
    let digits = 0;
    while (j < end && digits < 8 && bytes[j] >= 0x30 && bytes[j] <= 0x39) {
      row = row * 10 + (bytes[j] - 0x30);
      digits++;
      j++;
    }
    if (digits === 0 || digits > 7 || j >= end || bytes[j] !== QUOTE) continue;
    return { col, row };
  }
  return undefined;
}

/** /\bt\s*=\s*"s"/ on the ASCII bytes of a start tag's attributes. */
function sharedStringOnBytes(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const j = attributeValueStart(bytes, start, end, at, 0x74);
    if (j >= 0 && j + 1 < end && bytes[j] === 0x73 && bytes[j + 1] === QUOTE) return true;
  }
  return false;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function indexOfText(bytes: Uint8Array, text: string, from = 0): number {
  const needle = Array.from(text, (ch) => ch.charCodeAt(0));
  for (let i = bytes.indexOf(needle[0], from); i >= 0; i = bytes.indexOf(needle[0], i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** The merges of a sheet (as areas) and the sheet's bytes without them. */
function takeMerges(bytes: Uint8Array): { merges: CellRange[]; bytes: Uint8Array } {
  const start = indexOfText(bytes, "<mergeCells");
  if (start < 0) return { merges: [], bytes };
  const selfClosing = (() => {
    const close = bytes.indexOf(0x3e, start);
    return close > 0 && bytes[close - 1] === 0x2f ? close + 1 : -1;
  })();
  let end = selfClosing;
  if (end < 0) {
    const closing = indexOfText(bytes, "</mergeCells>", start);
    if (closing < 0) return { merges: [], bytes };
    end = closing + "</mergeCells>".length;
  }
  const xml = decoder.decode(bytes.subarray(start, end));
  const merges: CellRange[] = [];
  for (const match of xml.matchAll(/<mergeCell\b[^>]*\bref\s*=\s*"([^"]*)"/g)) {
    const range = parseRange(match[1]);
    if (range) merges.push(range);
    if (merges.length > ZIP_LIMITS.merges) break;
  }
  const rest = new Uint8Array(bytes.length - (end - start));
  rest.set(bytes.subarray(0, start), 0);
  rest.set(bytes.subarray(end), start);
  return { merges, bytes: rest };
}

function checkSheet(name: string, scan: SheetScan): void {
  if (scan.cells > ZIP_LIMITS.cellsPerSheet)
    throw limit(
      `工作表“${name}”有 ${count(scan.cells)} 个单元格，超过每表 ${count(ZIP_LIMITS.cellsPerSheet)} 个的上限`,
      `sheet ${name} has ${count(scan.cells)} cells, over the limit of ${count(ZIP_LIMITS.cellsPerSheet)} per sheet`
    );
  if (scan.merges.length > ZIP_LIMITS.merges)
    throw limit(
      `工作表“${name}”的合并单元格超过 ${count(ZIP_LIMITS.merges)} 处`,
      `sheet ${name} has more than ${count(ZIP_LIMITS.merges)} merged ranges`
    );
  // Merges count within the rows and columns that hold cells: a merge of the whole sheet over
  // a few cells is cheap, over a far-right cell it is not.
  let covered = 0;
  for (const m of scan.merges) {
    const rows = Math.max(0, Math.min(m.bottom, scan.maxRow - 1) - m.top + 1);
    const cols = Math.max(0, Math.min(m.right, scan.maxCol - 1) - m.left + 1);
    covered += rows * cols;
  }
  if (covered > ZIP_LIMITS.mergedCells)
    throw limit(
      `工作表“${name}”的合并单元格覆盖 ${count(covered)} 个单元格，超过 ${count(ZIP_LIMITS.mergedCells)} 个的上限`,
      `merged ranges of sheet ${name} cover ${count(covered)} cells, over the limit of ${count(ZIP_LIMITS.mergedCells)}`
    );
}

// ---------------------------------------------------------------------------

/**
 * Checks the zip against the limits and gives the reduced file for ExcelJS with the sheets'
 * names and merges. Throws ZipGuardError; other errors mean the zip itself cannot be read.
 */
export function guardWorkbookZip(
  bytes: Uint8Array,
  inflater: PartInflater = UnzipInflate
): GuardedWorkbook {
  const entries = listEntries(bytes);
  checkDeclaredSizes(entries);
  const parts = inflateNeeded(bytes, entries, inflater);
  const workbookXml = parts.get("xl/workbook.xml");
  if (!workbookXml) return { bytes: zipSync(Object.fromEntries(parts), { level: 0 }), sheets: [] };
  const xml = decoder.decode(workbookXml);
  const targets = workbookTargets(parts.get("xl/_rels/workbook.xml.rels"));
  const listed = listedSheets(xml, targets);
  const present = new Set(entries.map((e) => (e.name.startsWith("/") ? e.name.slice(1) : e.name)));
  const sheets: GuardedSheet[] = [];
  let cells = 0;
  let sharedStrings = false;
  listed.forEach((sheet, i) => {
    if (!sheet.part || !present.has(sheet.part))
      throw damaged(
        `工作簿列出的工作表“${sheet.name}”的内容缺失`,
        `the part of sheet ${sheet.name}, listed in the workbook, is missing`
      );
    const part = parts.get(sheet.part);
    const guarded: GuardedSheet = { name: sheet.name, placeholder: `S${i + 1}`, merges: [] };
    sheets.push(guarded);
    if (!part) return; // a chart sheet or a dialog sheet: not read
    const taken = takeMerges(part);
    const scan: SheetScan = { ...scanCells(taken.bytes), ...taken };
    checkSheet(sheet.name, scan);
    cells += scan.cells;
    if (cells > ZIP_LIMITS.cells)
      throw limit(
        `工作簿共有超过 ${count(ZIP_LIMITS.cells)} 个单元格`,
        `the workbook has more than ${count(ZIP_LIMITS.cells)} cells`
      );
    sharedStrings ||= scan.usesSharedStrings;
    guarded.merges = scan.merges.sort((a, b) => a.top - b.top || a.left - b.left);
    parts.set(sheet.part, scan.bytes);
  });
  for (const [name, rels] of parts)
    if (SHEET_RELS.test(name)) parts.set(name, withoutDroppedTargets(rels, parts));
  if (sharedStrings && !parts.has("xl/sharedStrings.xml"))
    throw damaged("其中的共享文本（sharedStrings）缺失", "the shared strings part is missing");
  parts.set("xl/workbook.xml", new TextEncoder().encode(renameSheets(xml, listed)));
  return { bytes: zipSync(Object.fromEntries(parts), { level: 0 }), sheets };
}

/**
 * A copy of a workbook with a 报告 sheet added (or the copy's 报告 sheet replaced), for the
 * standalone pane's "download a copy". The user's file is only read; the copy is new bytes.
 *
 * The copy is made by editing the zip, not by loading the workbook into ExcelJS and saving it
 * again:
 * - the file first goes through the reader's checks (readWorkbookBuffer's file size, format and
 *   zip-guard limits, with the same messages), so a file the pane refuses to read is refused
 *   here too, and nothing is inflated beyond those limits;
 * - every part of the workbook that is not changed (sheets, pictures, charts, pivot tables,
 *   everything ExcelJS would drop or rewrite) is copied as it is, still compressed: it is never
 *   inflated, so a zip bomb in a part nobody reads costs nothing, a whole-sheet merge or 30 000
 *   merges are never expanded, and a sheet name ExcelJS would refuse stays as it was;
 * - only [Content_Types].xml, xl/workbook.xml, its relationships and xl/styles.xml are read and
 *   edited (one sheet, one relationship, one content type, a bold font and two cell formats),
 *   and the 报告 sheet's part is written new: one heading row and one wrapped paragraph row per
 *   block, a blank row between blocks, every cell an inline string (text, never a formula).
 * A zip whose directory is damaged (which the reader may still get past, reading the entries'
 * own headers) gives no copy: the reader's "damaged" message instead.
 * An existing 报告 sheet keeps its place and its part name; its content and relationships are
 * replaced, and the calculation chain is dropped (Excel rebuilds it) since it may name cells
 * of the old sheet.
 */
import { unzipSync, zipSync } from "fflate";
import { WorkbookReadError, checkWorkbookBytes, corruptError } from "./read-workbook";

export interface ReportCopyBlock {
  heading: string;
  text: string;
}

export interface ReportCopy {
  bytes: Uint8Array;
  sheet: string;
  /** Cells written. */
  cells: number;
  /** False when the workbook already had a sheet of that name, now replaced. */
  created: boolean;
}

const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_WORKSHEET = `${NS_RELATIONSHIPS}/worksheet`;
const REL_STYLES = `${NS_RELATIONSHIPS}/styles`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const CONTENT_TYPES = "[Content_Types].xml";
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const STYLES = "xl/styles.xml";
const CALC_CHAIN = "xl/calcChain.xml";

// ---------------------------------------------------------------------------
// The zip, entry by entry, without inflating

/** One entry of a zip as stored: its compressed bytes are copied, never inflated. */
interface RawEntry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

/** What cannot be taken apart is damaged, in the reader's words (`why` is the cause kept). */
function damaged(label: string, why: string): WorkbookReadError {
  return corruptError(label, new Error(why));
}

const MAX32 = 0xffffffff;

/** The entries of a zip, from its central directory (ZIP64 records included). */
function readEntries(bytes: Uint8Array, label: string): RawEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = () => damaged(label, "the zip directory cannot be read");
  const u16 = (at: number) => {
    if (at < 0 || at + 2 > bytes.length) throw bad();
    return view.getUint16(at, true);
  };
  const u32 = (at: number) => {
    if (at < 0 || at + 4 > bytes.length) throw bad();
    return view.getUint32(at, true);
  };
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw bad();
  // As fflate reads it (the guard and the reader): the entries of this disk, no signature
  // checks beyond the end record's, only bounds.
  let count = u16(eocd + 8);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const record = u64(eocd - 12);
    if (u32(record) !== 0x06064b50) throw bad();
    count = u64(record + 32);
    offset = u64(record + 48);
  }
  const decoder = new TextDecoder("utf-8");
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const flags = u16(offset + 8);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    let compressedSize = u32(offset + 20);
    let size = u32(offset + 24);
    let local = u32(offset + 42);
    const nameBytes = bytes.slice(offset + 46, offset + 46 + nameLength);
    // ZIP64 extended information: the 64-bit values of the fields set to 0xFFFFFFFF, in order.
    const extraEnd = offset + 46 + nameLength + extraLength;
    for (let at = offset + 46 + nameLength; at + 4 <= extraEnd; at += 4 + u16(at + 2)) {
      if (u16(at) !== 0x0001) continue;
      let field = at + 4;
      if (size === MAX32) {
        size = u64(field);
        field += 8;
      }
      if (compressedSize === MAX32) {
        compressedSize = u64(field);
        field += 8;
      }
      if (local === MAX32) local = u64(field);
      break;
    }
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressedSize > bytes.length) throw bad();
    entries.push({
      name: decoder.decode(nameBytes),
      nameBytes,
      flags,
      method: u16(offset + 10),
      time: u16(offset + 12),
      date: u16(offset + 14),
      crc: u32(offset + 16),
      compressedSize,
      size,
      data: bytes.subarray(start, start + compressedSize),
    });
    offset = extraEnd + commentLength;
  }
  return entries;
}

/** Entries of new content, compressed by fflate, in the same raw form. */
function newEntries(parts: Map<string, string>): RawEntry[] {
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of parts) files[name] = encoder.encode(text);
  return readEntries(zipSync(files, { level: 6 }), "");
}

/** A zip of the entries as they are (no data descriptors; UTF-8 names stay flagged UTF-8). */
function writeZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.size > MAX32 || entry.compressedSize > MAX32 || offset > MAX32)
      throw new RangeError("zip entry over 4 GB");
    const flags = entry.flags & ~0x0008; // sizes and CRC are in the local header
    const n = entry.nameBytes.length;
    const local = new Uint8Array(30 + n);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint16(10, entry.time, true);
    lv.setUint16(12, entry.date, true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.compressedSize, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, n, true);
    local.set(entry.nameBytes, 30);
    const central = new Uint8Array(46 + n);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint16(12, entry.time, true);
    cv.setUint16(14, entry.date, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, entry.compressedSize, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, n, true);
    cv.setUint32(42, offset, true);
    central.set(entry.nameBytes, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  if (entries.length > 0xffff || offset > MAX32) throw new RangeError("zip over 4 GB");
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const pieces = [...locals, ...centrals, end];
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

// ---------------------------------------------------------------------------
// XML edits (on the text: these parts are small and machine-written)

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Cell text as OOXML stores it: "_xHHHH_" is how a file writes a character XML cannot hold, so
 * a literal one is escaped (_x005F_), and the characters XML cannot hold are written that way.
 */
function cellTextXml(text: string): string {
  const encoded = text
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    )
    // A lone surrogate is not XML either.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return escapeXml(encoded);
}

/** A character reference's character; none for a code point that does not exist (&#x110000;). */
function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => codePoint(Number(dec)))
    .replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeAttribute(match[1] ?? match[2] ?? "") : undefined;
}

/** The namespace prefix ("x:" or "") an element is written with. */
function prefixOf(xml: string, local: string): string | undefined {
  const match = new RegExp(`<((?:[\\w.-]+:)?)${local}[\\s>/]`).exec(xml);
  return match?.[1];
}

/** Inserts `insert` before the closing tag of the element; undefined without one. */
function beforeClosing(xml: string, element: string, insert: string): string | undefined {
  const at = xml.lastIndexOf(`</${element}>`);
  return at < 0 ? undefined : xml.slice(0, at) + insert + xml.slice(at);
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The whole <Relationship …/> element. */
  xml: string;
}

function relationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const match of xml.matchAll(
    /<(?:[\w.-]+:)?Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?Relationship>)/g
  )) {
    const tag = match[0];
    const id = attribute(tag, "Id");
    const type = attribute(tag, "Type");
    const target = attribute(tag, "Target");
    if (id && type && target && attribute(tag, "TargetMode") !== "External")
      out.push({ id, type, target: resolveTarget(target), xml: tag });
  }
  return out;
}

function unusedId(used: Set<string>, stem: string): string {
  for (let i = used.size + 1; ; i++) if (!used.has(`${stem}${i}`)) return `${stem}${i}`;
}

/** A bold 12 pt font (the default font's face) and two cell formats: heading and paragraph. */
function addReportStyles(xml: string): { xml: string; heading: number; text: number } | undefined {
  const fontsMatch = /<((?:[\w.-]+:)?)fonts\b([^>]*)>([\s\S]*?)<\/\1fonts>/.exec(xml);
  const xfsMatch = /<((?:[\w.-]+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/\1cellXfs>/.exec(xml);
  if (!fontsMatch || !xfsMatch) return undefined;
  const p = fontsMatch[1];
  const fonts = [
    ...fontsMatch[3].matchAll(new RegExp(`<${p}font\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}font>)`, "g")),
  ];
  const xfCount = [...xfsMatch[3].matchAll(new RegExp(`<${xfsMatch[1]}xf[\\s/>]`, "g"))].length;
  if (fonts.length === 0 || xfCount === 0) return undefined;
  // The default font's face, size and weight replaced: <b/> and <sz val="12"/>.
  const face = (fonts[0][1] ?? "").replace(
    new RegExp(`<${p}(?:b|sz)\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}(?:b|sz)>)`, "g"),
    ""
  );
  const font = `<${p}font><${p}b/><${p}sz val="12"/>${face}</${p}font>`;
  // cellXfs comes after fonts in a stylesheet: it is edited first, so the fonts' offsets hold.
  if (xfsMatch.index < fontsMatch.index) return undefined;
  const x = xfsMatch[1];
  const xfs =
    `<${x}xf numFmtId="0" fontId="${fonts.length}" fillId="0" borderId="0" applyFont="1" applyAlignment="1"><${x}alignment vertical="top"/></${x}xf>` +
    `<${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><${x}alignment wrapText="1" vertical="top"/></${x}xf>`;
  const withCount = (attributes: string, n: number) =>
    /\scount\s*=/.test(attributes)
      ? attributes.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${n}"`)
      : attributes;
  const xfsEnd = xfsMatch.index + xfsMatch[0].length;
  let out =
    xml.slice(0, xfsMatch.index) +
    `<${x}cellXfs${withCount(xfsMatch[2], xfCount + 2)}>${xfsMatch[3]}${xfs}</${x}cellXfs>` +
    xml.slice(xfsEnd);
  out =
    out.slice(0, fontsMatch.index) +
    `<${p}fonts${withCount(fontsMatch[2], fonts.length + 1)}>${fontsMatch[3]}${font}</${p}fonts>` +
    out.slice(fontsMatch.index + fontsMatch[0].length);
  return { xml: out, heading: xfCount, text: xfCount + 1 };
}

function reportSheetXml(
  blocks: ReportCopyBlock[],
  styles: { heading: number; text: number } | undefined
): string {
  const rows: string[] = [];
  let row = 1;
  const cell = (r: number, text: string, style: number | undefined) =>
    `<row r="${r}"><c r="A${r}"${style === undefined ? "" : ` s="${style}"`} t="inlineStr"><is><t xml:space="preserve">${cellTextXml(text)}</t></is></c></row>`;
  for (const block of blocks) {
    rows.push(cell(row, block.heading, styles?.heading), cell(row + 1, block.text, styles?.text));
    row += 3;
  }
  const last = Math.max(1, row - 2);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}">` +
    `<dimension ref="A1:A${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="100" customWidth="1"/></cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

// ---------------------------------------------------------------------------

/**
 * The workbook's bytes with a sheet `sheetName` holding the blocks. Throws WorkbookReadError,
 * with the reader's messages, for a file the reader refuses; `bytes` are never changed.
 */
export function workbookCopyWithSheet(
  bytes: Uint8Array,
  sheetName: string,
  blocks: ReportCopyBlock[],
  fileName = ""
): ReportCopy {
  checkWorkbookBytes(bytes, fileName);
  try {
    return copyWithSheet(bytes, sheetName, blocks, fileName);
  } catch (error) {
    // Anything else that stops the copy: the file could not be taken apart.
    throw error instanceof WorkbookReadError ? error : corruptError(fileName, error);
  }
}

function copyWithSheet(
  bytes: Uint8Array,
  sheetName: string,
  blocks: ReportCopyBlock[],
  fileName: string
): ReportCopy {
  const entries = readEntries(bytes, fileName);
  const names = new Set(entries.map((e) => e.name));
  const wanted = new Set([CONTENT_TYPES, WORKBOOK, WORKBOOK_RELS, STYLES]);
  // These parts passed the guard's limits; nothing else is inflated.
  const decoder = new TextDecoder("utf-8");
  let read: Record<string, Uint8Array>;
  try {
    read = unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
  } catch (error) {
    throw corruptError(fileName, error);
  }
  const text = (name: string) => (read[name] ? decoder.decode(read[name]) : undefined);
  const broken = () => damaged(fileName, "the workbook's structure parts cannot be recognised");

  let contentTypes = text(CONTENT_TYPES);
  let workbook = text(WORKBOOK);
  let rels = text(WORKBOOK_RELS);
  if (!contentTypes || !workbook || !rels) throw broken();
  const changed = new Map<string, string>();
  const removed = new Set<string>();

  const relList = relationships(rels);
  const sheetTags = [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  const existing = sheetTags.find((tag) => attribute(tag, "name") === sheetName);
  const existingRel = existing
    ? relList.find((r) => r.id === attribute(existing, "[\\w.-]+:id"))
    : undefined;

  // Styles: the heading and paragraph formats (without styles.xml the text is unformatted).
  let styles: { heading: number; text: number } | undefined;
  const stylesXml = text(STYLES);
  if (stylesXml !== undefined && relList.some((r) => r.type === REL_STYLES)) {
    const added = addReportStyles(stylesXml);
    if (added) {
      changed.set(STYLES, added.xml);
      styles = added;
    }
  }

  if (existing && !existingRel) throw broken();
  let part: string;
  if (existing && existingRel) {
    part = existingRel.target;
    // Visible again, with its relationships (drawings, comments…) gone with its old content.
    const visible = existing.replace(/\sstate\s*=\s*("[^"]*"|'[^']*')/, "");
    workbook = workbook.replace(existing, visible);
    removed.add(part.replace(/([^/]+)$/, "_rels/$1.rels"));
    if (existingRel.type !== REL_WORKSHEET) {
      rels = rels.replace(
        existingRel.xml,
        existingRel.xml.replace(existingRel.type, REL_WORKSHEET)
      );
      contentTypes = contentTypes.replace(
        new RegExp(
          `(<(?:[\\w.-]+:)?Override\\b[^>]*PartName\\s*=\\s*"/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*ContentType\\s*=\\s*")[^"]*"`
        ),
        `$1${CT_WORKSHEET}"`
      );
    }
    // The calculation chain may name cells of the old sheet: Excel rebuilds it.
    const chain = relList.find((r) => r.target === CALC_CHAIN);
    if (chain) rels = rels.replace(chain.xml, "");
    if (names.has(CALC_CHAIN)) {
      removed.add(CALC_CHAIN);
      contentTypes = contentTypes.replace(
        /<(?:[\w.-]+:)?Override\b[^>]*PartName\s*=\s*"\/xl\/calcChain\.xml"[^>]*\/>/,
        ""
      );
    }
  } else {
    let n = 1;
    while (names.has(`xl/worksheets/sheet${n}.xml`)) n++;
    part = `xl/worksheets/sheet${n}.xml`;
    const id = unusedId(new Set(relList.map((r) => r.id)), "rId");
    const relPrefix = prefixOf(rels, "Relationships") ?? "";
    const relsWith = beforeClosing(
      rels,
      `${relPrefix}Relationships`,
      `<${relPrefix}Relationship Id="${id}" Type="${REL_WORKSHEET}" Target="${part.slice("xl/".length)}"/>`
    );
    const sheetIds = sheetTags.map((tag) => Number(attribute(tag, "sheetId")) || 0);
    const sheetId = Math.max(0, ...sheetIds) + 1;
    const main = prefixOf(workbook, "sheets");
    // The relationships prefix declared on the root (a declaration on a sibling sheet element,
    // as some writers put it, does not reach the new one: it then gets its own).
    const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(workbook)?.[0] ?? "";
    const rPrefix = new RegExp(
      `xmlns:([\\w.-]+)\\s*=\\s*(?:"${NS_RELATIONSHIPS}"|'${NS_RELATIONSHIPS}')`
    ).exec(root)?.[1];
    const rAttr = rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${NS_RELATIONSHIPS}" r:id="${id}"`;
    const workbookWith =
      main === undefined
        ? undefined
        : beforeClosing(
            workbook,
            `${main}sheets`,
            `<${main}sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}" ${rAttr}/>`
          );
    const typesPrefix = prefixOf(contentTypes, "Types") ?? "";
    const typesWith = beforeClosing(
      contentTypes,
      `${typesPrefix}Types`,
      `<${typesPrefix}Override PartName="/${part}" ContentType="${CT_WORKSHEET}"/>`
    );
    if (!relsWith || !workbookWith || !typesWith) throw broken();
    rels = relsWith;
    workbook = workbookWith;
    contentTypes = typesWith;
  }
  changed.set(CONTENT_TYPES, contentTypes);
  changed.set(WORKBOOK, workbook);
  changed.set(WORKBOOK_RELS, rels);
  changed.set(part, reportSheetXml(blocks, styles));

  const replacements = new Map(newEntries(changed).map((e) => [e.name, e]));
  const out: RawEntry[] = [];
  for (const entry of entries) {
    if (removed.has(entry.name)) continue;
    const replacement = replacements.get(entry.name);
    out.push(replacement ?? entry);
    replacements.delete(entry.name);
  }
  out.push(...replacements.values()); // the new sheet
  return {
    bytes: writeZip(out),
    sheet: sheetName,
    cells: blocks.length * 2,
    created: !existing,
  };
}

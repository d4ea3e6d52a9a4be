/**
 * Minimal .xlsx files written part by part (with fflate), for files no spreadsheet program
 * would save: whole-sheet merges, far-right cells, missing parts, bombs, hostile names.
 */
import { zipSync } from "fflate";

export interface SheetSpec {
  name: string;
  /** The <sheetData> content, e.g. `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`. */
  data?: string;
  /** Merge refs, e.g. ["A1:XFD1048576"]. */
  merges?: string[];
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A row of inline-string and number cells: row(1, ["指标", 100]). */
export function row(r: number, values: (string | number)[]): string {
  const cells = values.map((v, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    return typeof v === "number"
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`;
  });
  return `<row r="${r}">${cells.join("")}</row>`;
}

export function sheetXml(spec: SheetSpec): string {
  const merges = spec.merges?.length
    ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${spec.data ?? ""}</sheetData>${merges}</worksheet>`;
}

/** The parts of a workbook; change or delete entries before zipping for damaged files. */
export function workbookParts(
  sheets: SheetSpec[],
  extra: Record<string, string> = {}
): Record<string, string> {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s)));
  return { ...parts, ...extra };
}

export function zipParts(
  parts: Record<string, string | Uint8Array>,
  level: 0 | 6 | 9 = 6
): Uint8Array {
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts))
    files[name] = typeof content === "string" ? encoder.encode(content) : content;
  return zipSync(files, { level });
}

/** A small indicator table on one sheet. */
export function tableRows(first = 1): string {
  return [
    row(first, ["指标名称", "单位", "年度目标", "完成数"]),
    row(first + 1, ["城镇新增就业", "人", 1000, 1126]),
    row(first + 2, ["失业人员再就业", "人", 300, 342]),
  ].join("");
}

/**
 * Raw deflate data that inflates to `size` zero bytes (a zip bomb), written directly as one
 * fixed-Huffman block: a literal 0, then copies of 258 bytes at distance 1. Milliseconds to
 * build, where compressing the zeros would take seconds.
 */
export function zeroBomb(size: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(((size / 258) * 13) / 8) + 320);
  let bit = 0;
  const put = (value: number, bits: number) => {
    for (let i = 0; i < bits; i++, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  // Huffman codes are written most significant bit first.
  const code = (value: number, bits: number) => {
    for (let i = bits - 1; i >= 0; i--, bit++)
      if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  let left = size - 1;
  while (left >= 258) {
    code(0b11000101, 8); // length 258 (code 285)
    code(0, 5); // distance 1
    left -= 258;
  }
  for (; left > 0; left--) code(0x30, 8);
  code(0, 7); // end of block (256)
  return out.subarray(0, (bit >> 3) + 1);
}

/** A zip with the given parts (compressed by fflate) plus raw deflated entries written as is. */
export function zipWithRawEntries(
  parts: Record<string, string>,
  raw: { name: string; deflated: Uint8Array; size: number }[]
): Uint8Array {
  const base = zipParts(parts);
  // Take fflate's entries apart at its central directory, then append the raw ones.
  const view = new DataView(base.buffer, base.byteOffset, base.byteLength);
  let eocd = base.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const locals: Uint8Array[] = [base.subarray(0, cdOffset)];
  const centrals: Uint8Array[] = [base.subarray(cdOffset, cdOffset + cdSize)];
  let offset = cdOffset;
  const encoder = new TextEncoder();
  for (const entry of raw) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true); // deflate
    lv.setUint32(14, 0, true); // crc: never checked for a part nobody reads
    lv.setUint32(18, entry.deflated.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, entry.deflated.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.deflated);
    centrals.push(central);
    offset += local.length + entry.deflated.length;
  }
  const centralBytes = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, count + raw.length, true);
  ev.setUint16(10, count + raw.length, true);
  ev.setUint32(12, centralBytes, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const bytes = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const piece of all) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

/** Rewrites the inflated size a zip records for a part, in its local header and the central directory. */
export function recordInflatedSize(bytes: Uint8Array, part: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = new TextEncoder().encode(part);
  for (let i = 0; i + 46 < bytes.length; i++) {
    const sig = view.getUint32(i, true);
    const isLocal = sig === 0x04034b50;
    const isCentral = sig === 0x02014b50;
    if (!isLocal && !isCentral) continue;
    const nameAt = i + (isLocal ? 30 : 46);
    const nameLength = view.getUint16(i + (isLocal ? 26 : 28), true);
    if (nameLength !== name.length || !name.every((b, k) => bytes[nameAt + k] === b)) continue;
    view.setUint32(i + (isLocal ? 22 : 24), size, true);
  }
}

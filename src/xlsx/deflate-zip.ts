/**
 * Node-only: compresses the entries of a stored (uncompressed) zip with Node's zlib, which is
 * several times faster than the JavaScript deflate inside ExcelJS (JSZip's pako). The entries,
 * their order, names, dates, attributes and checksums stay as they are; only the compression
 * method and the compressed sizes change. A zip this does not expect (an entry with a data
 * descriptor, ZIP64, several disks) is given back as it is: still a valid file, only larger.
 */
import { deflateRaw } from "node:zlib";
import { promisify } from "node:util";

const deflate = promisify(deflateRaw);

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 3: sizes and checksum follow the data instead of the header. */
const DATA_DESCRIPTOR = 0x0008;

interface Entry {
  /** The central directory record, as read. */
  central: Uint8Array;
  /** The local header (with name and extra field), as read. */
  local: Uint8Array;
  data: Uint8Array;
  method: number;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function endRecordAt(bytes: Uint8Array): number {
  const data = view(bytes);
  // The end record is 22 bytes and may be followed by a comment of up to 65 535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (data.getUint32(at, true) === END) return at;
  return -1;
}

/** The entries of a zip as this module can rewrite them, or undefined. */
function entriesOf(bytes: Uint8Array): Entry[] | undefined {
  const end = endRecordAt(bytes);
  if (end < 0) return undefined;
  const data = view(bytes);
  const count = data.getUint16(end + 10, true);
  if (data.getUint16(end + 4, true) !== 0 || data.getUint16(end + 8, true) !== count)
    return undefined;
  let at = data.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || data.getUint32(at, true) !== CENTRAL) return undefined;
    const flags = data.getUint16(at + 8, true);
    const method = data.getUint16(at + 10, true);
    const compressed = data.getUint32(at + 20, true);
    const size = data.getUint32(at + 24, true);
    const centralLength =
      46 +
      data.getUint16(at + 28, true) +
      data.getUint16(at + 30, true) +
      data.getUint16(at + 32, true);
    const offset = data.getUint32(at + 42, true);
    if (flags & DATA_DESCRIPTOR || size === 0xffffffff || compressed === 0xffffffff)
      return undefined;
    if (offset + 30 > end) return undefined;
    if (data.getUint32(offset, true) !== LOCAL) return undefined;
    const localLength = 30 + data.getUint16(offset + 26, true) + data.getUint16(offset + 28, true);
    const start = offset + localLength;
    if (start + compressed > end) return undefined;
    entries.push({
      central: bytes.subarray(at, at + centralLength),
      local: bytes.subarray(offset, start),
      data: bytes.subarray(start, start + compressed),
      method,
    });
    at += centralLength;
  }
  return entries;
}

/** Copies a header and sets its compression method, version needed and compressed size. */
function patched(
  header: Uint8Array,
  fields: { version: number; method: number; size: number },
  method: number,
  size: number
): Uint8Array {
  const copy = header.slice();
  const data = view(copy);
  if (method === DEFLATED && data.getUint16(fields.version, true) < 20)
    data.setUint16(fields.version, 20, true);
  data.setUint16(fields.method, method, true);
  data.setUint32(fields.size, size, true);
  return copy;
}

const LOCAL_FIELDS = { version: 4, method: 8, size: 18 };
const CENTRAL_FIELDS = { version: 6, method: 10, size: 20 };

/** The zip with every stored entry deflated (level 6, as JSZip's default). */
export async function deflateStoredZip(bytes: Uint8Array): Promise<Uint8Array> {
  const entries = entriesOf(bytes);
  if (!entries) return bytes;
  const bodies = await Promise.all(
    entries.map(async (e) =>
      e.method === STORED && e.data.length > 0 ? new Uint8Array(await deflate(e.data)) : e.data
    )
  );
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  entries.forEach((e, k) => {
    const method = bodies[k] === e.data ? e.method : DEFLATED;
    const local = patched(e.local, LOCAL_FIELDS, method, bodies[k].length);
    const record = patched(e.central, CENTRAL_FIELDS, method, bodies[k].length);
    view(record).setUint32(42, offset, true);
    parts.push(local, bodies[k]);
    central.push(record);
    offset += local.length + bodies[k].length;
  });
  const centralSize = central.reduce((s, c) => s + c.length, 0);
  const end = bytes.slice(endRecordAt(bytes));
  view(end).setUint32(12, centralSize, true);
  view(end).setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Node-only: a zip part decoder for the zip guard that inflates with Node's own zlib instead of
 * fflate's JavaScript inflater, several times faster on a workbook's sheets. fflate still reads
 * the zip; only the inflating of a part is done here, once its compressed bytes are all in,
 * bounded as the guard bounds it: never past the size the zip records, nor past a part's limit.
 */
import { inflateRawSync } from "node:zlib";
import type { AsyncFlateStreamHandler, FlateError, UnzipDecoder } from "fflate";
import { ZIP_LIMITS, inflatesBeyondRecord } from "./zip-guard";

export class NativeInflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  private chunks: Uint8Array[] = [];
  private done = false;
  private readonly bound: number;

  /** fflate gives the part's recorded sizes, unless they follow its data (then no bound but the limit's). */
  constructor(
    private readonly part: string,
    _compressedSize?: number,
    recordedSize?: number
  ) {
    this.bound = Math.min(recordedSize ?? ZIP_LIMITS.entryBytes, ZIP_LIMITS.entryBytes);
  }

  push(chunk: Uint8Array, final: boolean): void {
    if (this.done) return;
    // fflate may reuse the buffer it hands over: keep a copy.
    this.chunks.push(chunk.slice());
    if (!final) return;
    this.done = true;
    const compressed = Buffer.concat(this.chunks);
    this.chunks = [];
    let inflated: Buffer;
    try {
      // zlib stops one byte past the bound, so a part that grows beyond it is cut off there.
      inflated = inflateRawSync(compressed, { maxOutputLength: this.bound + 1 });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
      const failure = tooLarge ? inflatesBeyondRecord(this.part) : error;
      this.ondata(failure as FlateError, new Uint8Array(0), true);
      return;
    }
    this.ondata(
      null,
      new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.length),
      true
    );
  }

  terminate(): void {
    this.done = true;
    this.chunks = [];
  }
}

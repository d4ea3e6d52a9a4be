/**
 * The 汇总 workbook's file: written with ExcelJS and compressed with Node's zlib
 * (deflate-zip.ts), by a worker thread while the caller renders the report, or in this thread.
 */
import type { Rollup } from "../core/rollup";
import { deflateStoredZip } from "../xlsx/deflate-zip";
import { rollupForWorkbook, rollupToBuffer } from "../xlsx/write-rollup";
import type { UnitWorkers } from "./unit-workers";

export async function rollupFileBytes(rollup: Rollup, title: string): Promise<Uint8Array> {
  return deflateStoredZip(await rollupToBuffer(rollup, title, { stored: true }));
}

/** The file's bytes, made by the first of `workers` when there are workers. */
export function writeRollupWorkbook(
  rollup: Rollup,
  title: string,
  workers: UnitWorkers | undefined
): Promise<Uint8Array> {
  if (!workers) return rollupFileBytes(rollup, title);
  return workers.write(0, rollupForWorkbook(rollup), title);
}

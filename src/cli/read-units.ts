/**
 * Reads many workbooks for a roll-up: each file read and analysed on its own, in this thread
 * and in worker threads (unit-workers.ts) when the caller has started them, with progress. A file
 * that cannot be read is kept with its message, never stops the others.
 */
import { basename } from "node:path";
import { EngineOptions } from "../core";
import { UnitRead, readUnitWith } from "../core/rollup/unit-read";
import { readWorkbookFile } from "../xlsx/read-file";
import { UnitWorkers } from "./unit-workers";

export type { UnitRead };

/** One file, read and analysed: what a worker does, and what runs in-process without one. */
export function readUnit(path: string, options: EngineOptions): Promise<UnitRead> {
  return readUnitWith(basename(path), () => readWorkbookFile(path), options);
}

export interface ReadOptions {
  engine: EngineOptions;
  /** Called after each file with the count done. */
  progress?: (done: number, total: number, file: string) => void;
  /** The threads to read in (started with the same engine options); else this thread. */
  workers?: UnitWorkers;
}

export async function readUnits(paths: string[], options: ReadOptions): Promise<UnitRead[]> {
  const results: UnitRead[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const finish = (k: number, read: UnitRead) => {
    results[k] = read;
    done++;
    options.progress?.(done, paths.length, basename(paths[k]));
  };
  // This thread reads too, between the workers' answers (a read waits on the disk and on
  // ExcelJS' steps, so a worker's answer is taken, and its next file sent, soon).
  const here = async () => {
    while (next < paths.length) {
      const k = next++;
      finish(k, await readUnit(paths[k], options.engine));
    }
  };
  const inWorker = async (pool: UnitWorkers, w: number) => {
    while (next < paths.length) {
      const k = next++;
      finish(k, await pool.ask(w, { kind: "read", path: paths[k] }));
    }
  };
  const pool = options.workers;
  const elsewhere = pool ? Array.from({ length: pool.size }, (_, w) => inWorker(pool, w)) : [];
  await Promise.all([here(), ...elsewhere]);
  return results;
}

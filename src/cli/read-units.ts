/**
 * Reads many workbooks for a roll-up: each file read and analysed on its own, in this thread
 * and in worker threads (unit-workers.ts) when the caller has started them, with progress. A file
 * that cannot be read is kept with its message, never stops the others.
 */
import { basename } from "node:path";
import { EngineOptions } from "../core";
import { UnitRead, readUnitWith } from "../core/rollup/unit-read";
import { readWorkbookFile } from "../xlsx/read-file";
import { UnitWorkers, takeNext } from "./unit-workers";

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
  let done = 0;
  const finish = (k: number, read: UnitRead) => {
    results[k] = read;
    done++;
    options.progress?.(done, paths.length, basename(paths[k]));
  };
  // This thread reads too. Every thread takes its next file from one shared counter, so a
  // worker never waits for this one to give it a file.
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const here = async () => {
    for (let k = takeNext(counter); k < paths.length; k = takeNext(counter))
      finish(k, await readUnit(paths[k], options.engine));
  };
  const pool = options.workers;
  const elsewhere = pool
    ? Array.from({ length: pool.size }, (_, w) => pool.read(w, paths, next, finish))
    : [];
  await Promise.all([here(), ...elsewhere]);
  return results;
}

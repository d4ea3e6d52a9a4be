/**
 * Reads many workbooks for a roll-up: each file read and analysed on its own, in worker
 * threads over the machine's cores when there are more files than cores, with progress on
 * stderr. A file that cannot be read is kept with its message, never stops the others.
 */
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { EngineOptions } from "../core";
import { UnitRead, readUnitWith } from "../core/rollup/unit-read";
import { readWorkbookFile } from "../xlsx/read-file";

export type { UnitRead };

/** One file, read and analysed: what a worker does, and what runs in-process without one. */
export function readUnit(path: string, options: EngineOptions): Promise<UnitRead> {
  return readUnitWith(basename(path), () => readWorkbookFile(path), options);
}

/** The compiled worker beside this file; absent when running from the TypeScript sources. */
function workerScript(): string | undefined {
  const script = join(__dirname, "unit-worker.js");
  return __filename.endsWith(".js") && existsSync(script) ? script : undefined;
}

export interface ReadOptions {
  engine: EngineOptions;
  /** Called after each file with the count done. */
  progress?: (done: number, total: number, file: string) => void;
  /** Worker threads to use (default: the cores, when there are more files than cores). */
  jobs?: number;
}

export async function readUnits(paths: string[], options: ReadOptions): Promise<UnitRead[]> {
  const cores = Math.max(1, availableParallelism());
  const jobs = options.jobs ?? (paths.length > cores ? cores : 1);
  const script = workerScript();
  const results: UnitRead[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const finish = (k: number, read: UnitRead) => {
    results[k] = read;
    done++;
    options.progress?.(done, paths.length, basename(paths[k]));
  };
  if (jobs <= 1 || !script) {
    for (let k = 0; k < paths.length; k++) finish(k, await readUnit(paths[k], options.engine));
    return results;
  }
  await Promise.all(
    Array.from({ length: Math.min(jobs, paths.length) }, async () => {
      const worker = new Worker(script, { workerData: { engine: options.engine } });
      try {
        while (next < paths.length) {
          const k = next++;
          finish(k, await askWorker(worker, paths[k]));
        }
      } finally {
        await worker.terminate();
      }
    })
  );
  return results;
}

function askWorker(worker: Worker, path: string): Promise<UnitRead> {
  return new Promise((resolve, reject) => {
    const onMessage = (read: UnitRead) => {
      worker.off("error", onError);
      resolve(read);
    };
    const onError = (error: Error) => {
      worker.off("message", onMessage);
      reject(error);
    };
    worker.once("message", onMessage);
    worker.once("error", onError);
    worker.postMessage(path);
  });
}

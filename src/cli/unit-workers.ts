/**
 * The roll-up's worker threads: they read the units' files (unit-worker.ts) beside the main
 * thread, then one of them writes the 汇总 workbook while the main thread renders the report. One request at a time
 * per worker; every worker ends with close().
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { EngineOptions } from "../core";
import type { Rollup } from "../core/rollup";
import type { UnitRead } from "../core/rollup/unit-read";

/** What a worker is asked: a unit's file to read, or the 汇总 workbook to write. */
export type WorkerRequest =
  { kind: "read"; path: string } | { kind: "write"; rollup: Rollup; title: string };

export interface WorkerReplies {
  read: UnitRead;
  /** The workbook's bytes, compressed. */
  write: Uint8Array;
}

/** The compiled worker beside this file; absent when running from the TypeScript sources. */
function workerScript(): string | undefined {
  const script = join(__dirname, "unit-worker.js");
  return __filename.endsWith(".js") && existsSync(script) ? script : undefined;
}

/**
 * Worker threads for `files` files read by `jobs` threads (default: the cores when there are
 * more files than cores, else one). The main thread is one of the readers: a worker of its
 * own would cost another copy of the compiled code and of every unit's analysis.
 */
export function workerCount(files: number, jobs?: number): number {
  const cores = Math.max(1, availableParallelism());
  return Math.max(0, Math.min(jobs ?? (files > cores ? cores : 1), files) - 1);
}

export class UnitWorkers {
  private constructor(private readonly workers: Worker[]) {}

  /** `count` workers, or undefined when none are asked or none can start here. */
  static start(count: number, engine: EngineOptions): UnitWorkers | undefined {
    const script = workerScript();
    if (count < 1 || !script) return undefined;
    return new UnitWorkers(
      Array.from({ length: count }, () => new Worker(script, { workerData: { engine } }))
    );
  }

  get size(): number {
    return this.workers.length;
  }

  /** Asks worker `k`; rejects when that worker fails. */
  ask<K extends WorkerRequest["kind"]>(
    k: number,
    request: Extract<WorkerRequest, { kind: K }>
  ): Promise<WorkerReplies[K]> {
    const worker = this.workers[k];
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReplies[K]) => {
        worker.off("error", onError);
        resolve(reply);
      };
      const onError = (error: Error) => {
        worker.off("message", onMessage);
        reject(error);
      };
      worker.once("message", onMessage);
      worker.once("error", onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

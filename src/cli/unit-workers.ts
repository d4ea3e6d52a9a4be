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

/**
 * What a worker is asked: to read `paths[k]` for every k it takes from the shared counter
 * `next` (Atomics: the main thread takes from it too, so no one waits to be given a file), or
 * to write the 汇总 workbook.
 */
export type WorkerRequest =
  | { kind: "read"; paths: string[]; next: SharedArrayBuffer }
  | { kind: "write"; rollup: Rollup; title: string };

/** What a worker answers: each file read, then the end of its reading; or the workbook. */
export type WorkerReply =
  | { kind: "read"; k: number; read: UnitRead }
  | { kind: "read-done" }
  /** The workbook's bytes, compressed. */
  | { kind: "written"; bytes: Uint8Array };

/** The next index of a shared counter: each index is taken once, by whichever thread. */
export function takeNext(next: Int32Array): number {
  return Atomics.add(next, 0, 1);
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

  /** Worker `w` reads the files it takes from `next`, each handed to `onRead` as it is read. */
  read(
    w: number,
    paths: string[],
    next: SharedArrayBuffer,
    onRead: (k: number, read: UnitRead) => void
  ): Promise<void> {
    return this.exchange(w, { kind: "read", paths, next }, (reply) => {
      if (reply.kind === "read") onRead(reply.k, reply.read);
      return reply.kind === "read-done";
    });
  }

  /** The 汇总 workbook's file, written by worker `w`. */
  async write(w: number, rollup: Rollup, title: string): Promise<Uint8Array> {
    let bytes: Uint8Array = new Uint8Array(0);
    await this.exchange(w, { kind: "write", rollup, title }, (reply) => {
      if (reply.kind === "written") bytes = reply.bytes;
      return reply.kind === "written";
    });
    return bytes;
  }

  /** Sends `request` to worker `w`; its replies go to `onReply` until one is the last (true). */
  private exchange(
    w: number,
    request: WorkerRequest,
    onReply: (reply: WorkerReply) => boolean
  ): Promise<void> {
    const worker = this.workers[w];
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (!onReply(reply)) return;
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolve();
      };
      const onError = (error: Error) => {
        worker.off("message", onMessage);
        reject(error);
      };
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Starts the analysis worker. Its own module, imported only where a Worker exists: webpack
 * turns `new Worker(new URL(…, import.meta.url))` into a chunk of its own (analysis-worker), a
 * script of the add-in's origin, which the pages' policy allows (script-src 'self', which
 * worker-src falls back to).
 */
import { WorkerLike } from "./protocol";

/* global Worker */

export function spawnAnalysisWorker(): WorkerLike {
  return new Worker(
    /* webpackChunkName: "analysis-worker" */
    // (@ts-expect-error would fail the bundle's own type check, which has no error here)
    // eslint-disable-next-line @typescript-eslint/ban-ts-comment
    // @ts-ignore TS1343: the bundle is built as ES modules (webpack.config.js); typecheck is not
    new URL("./analysis.worker.ts", import.meta.url),
    { name: "指标报告助手-analysis" }
  ) as unknown as WorkerLike;
}

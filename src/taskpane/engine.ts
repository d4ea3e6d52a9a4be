/**
 * Loads the engine chunk (model/views.ts) once. The page starts it at once, beside the host's
 * read of the workbook; by the time an analysis is there, the views are too (engineNow()).
 */
export type Engine = typeof import("./model/views");

let loaded: Engine | undefined;
let loading: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  loading ??= import(/* webpackChunkName: "engine" */ "./model/views").then(
    (engine) => (loaded = engine),
    (error: unknown) => {
      loading = undefined; // a failed load may be tried again
      throw error;
    }
  );
  return loading;
}

/** The engine once loaded, else undefined. */
export function engineNow(): Engine | undefined {
  return loaded;
}

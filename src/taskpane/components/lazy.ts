/**
 * React.lazy for a component of a separate chunk, with a preload. Once the chunk has loaded,
 * rendering the component does not suspend (React.lazy would, once, on any promise): a tab
 * opened after its preload shows at once, and focus can go to its controls on that render.
 */
import * as React from "react";

export interface LazyComponent<P> {
  Component: React.LazyExoticComponent<React.ComponentType<P>>;
  /** Starts loading the chunk (once); its failure shows when the component renders. */
  preload: () => Promise<unknown>;
}

export function lazyComponent<M, P>(
  load: () => Promise<M>,
  pick: (module: M) => React.ComponentType<P>
): LazyComponent<P> {
  let loaded: React.ComponentType<P> | undefined;
  let loading: Promise<React.ComponentType<P>> | undefined;
  const get = () => {
    loading ??= load().then(
      (module) => (loaded = pick(module)),
      (error: unknown) => {
        loading = undefined;
        throw error;
      }
    );
    return loading;
  };
  const Component = React.lazy<React.ComponentType<P>>(() => {
    const ready = loaded;
    if (ready) {
      // A thenable that calls back at once: React.lazy then renders without suspending.
      const now = {
        then: (resolve: (m: { default: React.ComponentType<P> }) => void) =>
          resolve({ default: ready }),
      };
      return now as unknown as Promise<{ default: React.ComponentType<P> }>;
    }
    return get().then((component) => ({ default: component }));
  });
  return { Component, preload: () => get().catch(() => undefined) };
}

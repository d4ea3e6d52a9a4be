/** The engine chunk's views (../engine.ts) in a component: undefined until it has loaded. */
import * as React from "react";
import { Engine, engineNow, loadEngine } from "../engine";

export function useEngine(): Engine | undefined {
  const [engine, setEngine] = React.useState<Engine | undefined>(engineNow);
  React.useEffect(() => {
    if (engine) return undefined;
    let live = true;
    loadEngine().then(
      (loaded) => live && setEngine(loaded),
      // The session reports the failure: its analysis needs the same chunk.
      (error: unknown) => console.warn("指标报告助手: the engine could not be loaded", error)
    );
    return () => {
      live = false;
    };
  }, [engine]);
  return engine;
}

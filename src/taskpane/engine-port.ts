import type { PaneEngine } from "./engine-types";

/**
 * The engine in the pane's own thread, loaded on demand: where no Worker can be started (the
 * component tests in jsdom) and as the fallback if the worker fails to start. The browser pane
 * uses engine-worker-client.ts, which runs the same engine.ts in a Web Worker.
 */
export function localEngine(): PaneEngine {
  const engine = import("./engine").then((m) => m.createEngine());
  return {
    check: async (data, options) => (await engine).check(data, options),
    flags: async () => (await engine).flags(),
    plan: async (request) => (await engine).plan(request),
  };
}

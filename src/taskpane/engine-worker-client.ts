import type { EngineAnswer, EngineReply, EngineRequest, FlagAnswer, PaneEngine, PaneResult } from "./engine-types";
import type { WritePlan } from "../core";

/**
 * The engine in a Web Worker (engine.worker.ts, bundled by webpack as a chunk of its own): the
 * check and the plans run off the pane's thread, so the pane stays responsive while a long list
 * is checked. Only boot.tsx imports this file (`import.meta.url` is for the browser build).
 */
export function workerEngine(): PaneEngine {
  const worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { name: "check-targets-engine" });
  const waiting = new Map<number, { resolve(value: EngineAnswer): void; reject(error: Error): void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<EngineReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    if (pending === undefined) return;
    waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.message));
  };
  worker.onerror = (event: ErrorEvent) => {
    // The worker could not load or run: every request waiting fails with the reason.
    const error = new Error(`the checking engine stopped: ${event.message}`);
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  const ask = (request: EngineRequest) =>
    new Promise<EngineAnswer>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  return {
    // The worker answers in order: each reply is the answer to its own request's type.
    check: async (data, options) => (await ask({ type: "check", data, options })) as PaneResult,
    flags: async () => (await ask({ type: "flags" })) as FlagAnswer,
    plan: async (plan) => (await ask({ type: "plan", plan })) as WritePlan,
  };
}

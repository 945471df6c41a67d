/// <reference lib="webworker" />
/**
 * The checking engine's Web Worker: answers the pane's requests (engine-types.ts) with engine.ts,
 * off the pane's thread, so that checking a long list never freezes the pane.
 */
import { createEngine } from "./engine";
import type { EngineReply, EngineRequest } from "./engine-types";

const engine = createEngine();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ id: number; request: EngineRequest }>) => {
  const { id, request } = event.data;
  let reply: EngineReply;
  try {
    reply = { id, ok: true, value: engine.answer(request) };
  } catch (error) {
    // A throw in the engine is a bug: the pane shows it as an unexpected failure, with its message.
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};

/**
 * How the write is cut into syncs, planned before anything is written. Excel on the web refuses a
 * request over 5 MB ("Excel on the web has a payload size limit for requests and responses of
 * 5MB", Resource limits and performance optimization for Office Add-ins;
 * RequestPayloadSizeLimitExceeded, or a bare GeneralException: office-js #1314, #1012), and a
 * request grows with every queued call and object. So the write is a list of steps, each priced by
 * queuing it once against a recorder that counts what Office.js would send, and the steps are
 * packed in order into syncs of at most REQUEST_BUDGET. The desktop has no such limit: one sync.
 */

/** One piece of the write: queues its calls on the context. */
export type WriteStep = (context: Excel.RequestContext) => void;

/**
 * A step on objects the inspection already holds (a rule or a name to delete): it cannot be run
 * against the recorder, so it states its size: one action on one object path.
 */
export const HELD_STEP_BYTES = 300;
const held = new WeakSet<WriteStep>();

/** Marks a step that acts on held objects and ignores the context it is given. */
export function heldStep(step: () => void): WriteStep {
  const wrapped: WriteStep = () => step();
  held.add(wrapped);
  return wrapped;
}

/**
 * The estimated request a web sync may carry: well under the 5 MB limit, leaving more than half
 * for what the estimate cannot see (Office's own bookkeeping in the request, ids longer than
 * assumed, a different count of object paths).
 */
export const REQUEST_BUDGET = 2_000_000;

/** An action in Office.js's request JSON without its arguments: {"Id":…,"ActionType":…,"Name":"…","ObjectPathId":…,"ArgumentInfo":{}}. */
const ACTION_BYTES = 90;
/** An object path ({"Id","ObjectPathType","Name","ParentObjectPathId","ArgumentInfo"}, its map key) and the action that instantiates it. */
const PATH_BYTES = 200;

/** UTF-8 bytes of a value as JSON. */
function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * A stand-in for Excel's request context that runs no Excel: every property it is asked for is a
 * new object path, every call an action with its arguments (and a path for what it returns), every
 * assignment an action with its value. It prices a step as Office.js would serialise it.
 */
function recorder(): { context: Excel.RequestContext; bytes: () => number } {
  let bytes = 0;
  const node = (): unknown =>
    new Proxy(function proxy() {}, {
      get: (_target, name) => {
        if (typeof name === "symbol") return undefined;
        bytes += PATH_BYTES + name.length;
        return node();
      },
      set: (_target, name, value: unknown) => {
        bytes += ACTION_BYTES + String(name).length + jsonBytes(value);
        return true;
      },
      apply: (_target, _this, args: unknown[]) => {
        bytes += ACTION_BYTES + jsonBytes(args);
        return node();
      },
    });
  return { context: node() as Excel.RequestContext, bytes: () => bytes };
}

/** The estimated request bytes of one step. */
export function stepBytes(step: WriteStep): number {
  if (held.has(step)) return HELD_STEP_BYTES;
  const { context, bytes } = recorder();
  step(context);
  return bytes();
}

/**
 * The steps in order, packed into syncs: all in one where there is no limit (`budget` null),
 * otherwise a new sync wherever the next step would take the running estimate past the budget.
 * A single step larger than the budget gets a sync of its own (the plan keeps steps far smaller).
 */
export function packSteps(steps: readonly WriteStep[], budget: number | null): WriteStep[][] {
  if (budget === null) return steps.length === 0 ? [] : [[...steps]];
  const syncs: WriteStep[][] = [];
  let current: WriteStep[] = [];
  let used = 0;
  for (const step of steps) {
    const bytes = stepBytes(step);
    if (current.length > 0 && used + bytes > budget) {
      syncs.push(current);
      current = [];
      used = 0;
    }
    current.push(step);
    used += bytes;
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/** Rows per step of a sheet's values and number formats, so that one step stays a small part of the budget. */
export function rowsPerBand(rowBytes: number, budget: number): number {
  return Math.max(1, Math.floor(budget / 8 / Math.max(1, rowBytes)));
}

export { jsonBytes as requestJsonBytes };

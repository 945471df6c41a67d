/**
 * The request machinery of the in-memory Excel: proxies queue loads and writes; `sync()` runs
 * the queue in order against the state, as one round trip to Excel. What matters for tests:
 *
 * - Reading a property that was not loaded and synced throws PropertyNotLoaded, as Office does.
 * - Writes change nothing until `sync()`; a failing action stops the batch there, and the
 *   actions before it stay applied (Excel has no rollback), so "no partial write" is testable.
 * - `*OrNullObject` proxies report `isNullObject` after a sync; reading anything else of a null
 *   object throws.
 * - Excel's documented read limits (Resource limits and performance optimization for Office
 *   Add-ins, "Excel add-ins"; error codes from "Error handling with the application-specific
 *   JavaScript APIs"): a cell-by-cell property (values, formulas, numberFormat, valueTypes,
 *   cellAddresses) of a range over 5,000,000 cells fails with RangeExceedsLimit, on every
 *   platform; on Excel on the web (the workbook's `platform: "web"`), a sync whose response
 *   exceeds 5 MB, estimated as the UTF-8 JSON of everything it loaded, fails with
 *   ResponsePayloadSizeLimitExceeded. A test that reads without error proves the adapter asked
 *   for nothing Excel would refuse.
 * - Every sync is counted, with the largest read (cells) and the largest response (bytes, on
 *   every platform, so a desktop test can still assert it).
 */

export class FakeRichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

export const propertyNotLoaded = (property: string): FakeRichApiError =>
  new FakeRichApiError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** Cells one range property may hold: "A range is limited to 5,000,000 cells for read operations." */
export const MAX_READ_CELLS = 5_000_000;
/** "Excel on the web has a payload size limit for requests and responses of 5MB." */
export const MAX_RESPONSE_BYTES = 5_000_000;
/** The same limit on what one sync sends (RequestPayloadSizeLimitExceeded). */
export const MAX_REQUEST_BYTES = 5_000_000;

type Action = { location: string; run: () => void };

/**
 * What one queued action or object path adds to a request, as Office.js serialises it: the
 * request is JSON with an "Actions" list ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo":
 * {"Arguments":[…]}}) and an "ObjectPaths" map ({"Id","ObjectPathType","Name","ParentObjectPathId",
 * "ArgumentInfo"}), each object path also instantiated by an action. The fake builds those records
 * with ids of the size a long batch reaches and counts their UTF-8 bytes; see docs/excel-behaviour.md.
 */
export function actionBytes(name: string, args: readonly unknown[]): number {
  return jsonBytes({
    Id: 123456,
    ActionType: 4,
    Name: name,
    ObjectPathId: 123456,
    ArgumentInfo: args.length === 0 ? {} : { Arguments: args },
  });
}

export function objectPathBytes(name: string, args: readonly unknown[]): number {
  const path = jsonBytes({
    Id: 123456,
    ObjectPathType: 3,
    Name: name,
    ParentObjectPathId: 123456,
    ArgumentInfo: args.length === 0 ? {} : { Arguments: args },
  });
  // The key of the ObjectPaths map ("123456":) and the Instantiate action that creates it.
  return path + 9 + actionBytes("", []);
}

/** The response envelope of one load: {"ActionId":123456,"Value":{…}}. */
const LOAD_ENVELOPE = jsonBytes({ ActionId: 123456, Value: {} });

/** Counts what a whole session with the workbook costs; shared by every context of one fake. */
export type SyncCounter = {
  syncs: number;
  /** The most cells any one range property read has returned. */
  largestRead: number;
  /** The largest response of one sync, in bytes of JSON (an estimate of what Office sends). */
  largestResponse: number;
  /** The largest request of one sync, in bytes of JSON (actions and object paths, as Office.js sends them). */
  largestRequest: number;
  /** The request bytes of every sync, in order. */
  requests: number[];
};

export const newCounter = (): SyncCounter => ({
  syncs: 0,
  largestRead: 0,
  largestResponse: 0,
  largestRequest: 0,
  requests: [],
});

/** UTF-8 bytes of a value as JSON: what a request or a response carries. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    // Two more bytes for a CJK character (3 in UTF-8), one more for the rest of U+0080–U+07FF.
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** The last step of a proxy's location ("getRange(A1:B2)" of "…getItem(S).getRange(A1:B2)"): its own object path. */
function pathName(location: string): string {
  const step = /[^.()]*(\([^()]*\))?$/.exec(location)?.[0] ?? location;
  return step === "" ? location : step;
}

/** The batch running now per fake Excel (keyed by its counter): batches run one at a time, as in Excel. */
const turns = new WeakMap<SyncCounter, Promise<void>>();

/** Runs `job` once every batch queued before it on the same fake Excel has run. */
async function inTurn<T>(key: SyncCounter, job: () => Promise<T>): Promise<T> {
  const before = turns.get(key) ?? Promise.resolve();
  let done = (): void => undefined;
  const mine = new Promise<void>((resolve) => (done = resolve));
  turns.set(key, mine);
  await before;
  try {
    return await job();
  } finally {
    done();
  }
}

/** A macrotask: lets the page paint and handle input. */
const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class FakeRequestContext {
  private queue: Action[] = [];
  /** Bytes the sync under way has loaded so far. */
  private response = 0;
  /** Bytes the next sync will send: its queued actions and the object paths they use. */
  private request = 0;
  /** What `once` computed since the sync began or the state last changed. */
  private computed = new WeakMap<object, Map<string, unknown>>();

  /**
   * `responseLimit`: the bytes a sync may send and return (5 MB on the web), or null (the desktop).
   * `timeSlice`: milliseconds of work after which a batch lets the page run (null: never). Excel
   * runs a batch outside the pane's thread; the preview's fake runs it in the page, so without
   * this a large read would freeze the pane in a way Excel does not.
   */
  constructor(
    private readonly counter: SyncCounter,
    private readonly responseLimit: number | null = null,
    private readonly timeSlice: number | null = null,
  ) {}

  /** The workbook's defined names at sync time, against which an entered formula is checked. */
  definedNames: () => string[] = () => [];

  /** A new object path (a proxy) queued for the next request. */
  notePath(name: string, args: readonly unknown[]): void {
    this.request += objectPathBytes(name, args);
  }

  /** A cell-by-cell read of `cells` cells: refused past Excel's limit, recorded otherwise. */
  noteRead(cells: number): void {
    if (cells > MAX_READ_CELLS) {
      throw new FakeRichApiError(
        "RangeExceedsLimit",
        `The cell count in the range has exceeded the maximum supported number (${cells} > ${MAX_READ_CELLS}).`,
      );
    }
    this.counter.largestRead = Math.max(this.counter.largestRead, cells);
  }

  /** A loaded property, counted with its key into the response of the sync under way. */
  noteLoaded(key: string, value: unknown): void {
    // "key":value, — the quotes, colon and comma are 4 bytes besides the two.
    this.response += jsonBytes(key) + jsonBytes(value) + 2;
  }

  /** One object's load, counted with its envelope into the response of the sync under way. */
  noteLoadEnvelope(): void {
    this.response += LOAD_ENVELOPE;
  }

  /**
   * A value derived from the state (a sheet's used range), computed once until a write or the
   * next sync: a large sheet is located by many proxies in one sync, and scanning it each time
   * made the fake, not the adapter, the cost of a test.
   */
  once<T>(owner: object, key: string, compute: () => T): T {
    let values = this.computed.get(owner);
    if (values === undefined) this.computed.set(owner, (values = new Map()));
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as T;
  }

  /** The state is about to change (a write, or a test between syncs): forget what `once` computed. */
  changed(): void {
    this.computed = new WeakMap();
  }

  /** Queues an action for the next sync; `args` are what Office.js would send with it. */
  enqueue(location: string, run: () => void, args: readonly unknown[] = []): void {
    this.queue.push({ location, run });
    this.request += actionBytes(location.slice(location.lastIndexOf(".") + 1), args);
  }

  /** Request bytes queued for the next sync so far. */
  get pendingRequestBytes(): number {
    return this.request;
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.counter.syncs++;
    const batch = this.queue;
    const request = this.request;
    this.queue = [];
    this.response = 0;
    this.request = 0;
    this.changed();
    this.counter.requests.push(request);
    this.counter.largestRequest = Math.max(this.counter.largestRequest, request);
    // A round trip to Excel: never synchronous.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    // Excel on the web refuses the whole request before running any of it.
    if (this.responseLimit !== null && request > this.responseLimit) {
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} > ${this.responseLimit} bytes).`,
        "RequestContext.sync",
      );
    }
    if (this.timeSlice === null) this.runBatch(batch);
    else await inTurn(this.counter, () => this.runSliced(batch, this.timeSlice ?? 0));
    this.counter.largestResponse = Math.max(this.counter.largestResponse, this.response);
    if (this.responseLimit !== null && this.response > this.responseLimit) {
      throw new FakeRichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.response} > ${this.responseLimit} bytes).`,
        "RequestContext.sync",
      );
    }
  }

  private runBatch(batch: Action[]): void {
    for (const action of batch) this.runAction(action);
  }

  /** The batch, letting the page run whenever `slice` milliseconds of it have passed. */
  private async runSliced(batch: Action[], slice: number): Promise<void> {
    let since = performance.now();
    for (const action of batch) {
      if (performance.now() - since > slice) {
        await macrotask();
        since = performance.now();
      }
      this.runAction(action);
    }
  }

  private runAction(action: Action): void {
    try {
      action.run();
    } catch (error) {
      if (error instanceof FakeRichApiError) {
        error.debugInfo.errorLocation ??= action.location;
        throw error;
      }
      // A bug in the fake or an API misuse it does not model: say so loudly.
      throw new FakeRichApiError("GeneralException", `${action.location}: ${String(error)}`, action.location);
    }
  }
}

/** `getCount()` and friends: the value is readable after the sync that computed it. */
export class FakeClientResult<V> {
  private ready = false;
  private result: V | undefined;

  constructor(context: FakeRequestContext, location: string, compute: () => V) {
    context.enqueue(location, () => {
      this.result = compute();
      this.ready = true;
    });
  }

  get value(): V {
    if (!this.ready) throw propertyNotLoaded("value");
    return this.result as V;
  }
}

/** Parses a load argument into property paths: "a, b/c" or ["a", "b/c"]. */
export function loadPaths(spec: string | string[] | undefined): string[][] {
  const list = spec === undefined ? [] : Array.isArray(spec) ? spec : spec.split(",");
  return list
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => p.split("/").map((s) => s.trim()));
}

/** Anything a load path can pass through. */
export type Loadable = { loadNow(paths: string[][]): void };

/**
 * A client object: a proxy on something in the state that `locate` finds at sync time (null
 * when it no longer exists). Subclasses declare their scalar properties and navigation
 * properties; `load` and the getters do the rest.
 */
export abstract class FakeObject<T> {
  private readonly loaded = new Map<string, unknown>();
  /** undefined until a sync has resolved this object. */
  private nullObject: boolean | undefined;

  protected constructor(
    protected readonly context: FakeRequestContext,
    protected readonly location: string,
    private readonly locate: () => T | null,
    private readonly orNull = false,
    autoResolve = orNull,
  ) {
    context.notePath(pathName(location), []);
    // Office resolves *OrNullObject proxies in the next sync even if nothing is loaded.
    // (A navigation property such as customOrNullObject is resolved when loaded through.)
    if (autoResolve) context.enqueue(location, () => this.resolve());
  }

  /** Scalar property names and their values in the state. */
  protected abstract scalars(): Record<string, (target: T) => unknown>;

  /** Navigation properties (child objects) that a load path may pass through. */
  protected navigation(_name: string, _target: T): Loadable | null {
    return null;
  }

  /** For collections: loads `items/...` paths. */
  protected loadItems(_target: T, _paths: string[][]): void {
    throw new FakeRichApiError("InvalidArgument", `${this.location} has no items`);
  }

  /** Resolves the object at sync time; throws ItemNotFound for a missing non-null object. */
  protected target(): T {
    const found = this.locate();
    if (found === null) {
      if (this.orNull) throw new FakeRichApiError("InvalidOperation", `${this.location} is a null object`);
      throw new FakeRichApiError("ItemNotFound", `${this.location}: the requested resource doesn't exist.`);
    }
    return found;
  }

  private resolve(): T | null {
    const found = this.locate();
    if (found === null && !this.orNull) {
      throw new FakeRichApiError("ItemNotFound", `${this.location}: the requested resource doesn't exist.`);
    }
    this.nullObject = found === null;
    return found;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullObject;
  }

  load(spec?: string | string[]): this {
    const paths = loadPaths(spec);
    this.context.enqueue(`${this.location}.load`, () => this.loadNow(paths), [paths.map((p) => p.join("/")).join(",")]);
    return this;
  }

  /** Runs a load at sync time; also used by parents for navigation paths. */
  loadNow(paths: string[][]): void {
    const found = this.resolve();
    this.context.noteLoadEnvelope();
    if (found === null) return;
    const scalars = this.scalars();
    const wanted = paths.length === 0 ? Object.keys(scalars).map((name) => [name]) : paths;
    const children = new Map<string, string[][]>();
    let items: string[][] | null = null;
    for (const [head = "", ...rest] of wanted) {
      if (head === "items") {
        items ??= [];
        if (rest.length > 0) items.push(rest);
        continue;
      }
      const getter = scalars[head];
      if (getter !== undefined) {
        if (rest.length > 0)
          throw new FakeRichApiError("InvalidArgument", `${this.location}: ${head} is not an object`);
        const value = structuredClone(getter(found));
        this.context.noteLoaded(head, value);
        this.loaded.set(head, value);
        continue;
      }
      const list = children.get(head) ?? [];
      if (rest.length > 0) list.push(rest);
      children.set(head, list);
    }
    if (items !== null) this.loadItems(found, items);
    for (const [name, rest] of children) {
      const child = this.navigation(name, found);
      if (child === null) {
        throw new FakeRichApiError("InvalidArgument", `${this.location}: the fake does not model property '${name}'`);
      }
      child.loadNow(rest);
    }
  }

  /** Reads a loaded property, as the getters of Office's proxies do. */
  protected read<V>(name: string): V {
    if (this.nullObject === true) {
      throw new FakeRichApiError("InvalidOperation", `${this.location} is a null object; check isNullObject first`);
    }
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a write of `argument` (what Office.js sends); `apply` runs at sync time against the located object. */
  protected write(name: string, argument: unknown, apply: (target: T) => void): void {
    this.context.enqueue(
      `${this.location}.${name}`,
      () => {
        this.context.changed();
        apply(this.target());
      },
      argument === undefined ? [] : [argument],
    );
  }
}

/**
 * A collection: `load("items/…")` makes a proxy for each item there is at sync time and loads
 * the rest of the path through each; `items` reads them, as Office's collections do.
 */
export abstract class FakeCollection<T, I extends Loadable> extends FakeObject<T> {
  private itemList: I[] | undefined;

  /** Proxies for the items of the located object, at sync time. */
  protected abstract itemsOf(target: T): I[];

  protected scalars() {
    return {};
  }

  protected override loadItems(target: T, paths: string[][]): void {
    const items = this.itemsOf(target);
    for (const item of items) item.loadNow(paths);
    this.itemList = items;
  }

  get items(): I[] {
    if (this.itemList === undefined) return this.read("items");
    return this.itemList;
  }
}

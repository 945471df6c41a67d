/**
 * An in-memory Excel for tests and `npm run preview`: Office.js's object model over plain
 * state, with its load/sync semantics (PropertyNotLoaded, writes queued until sync, no
 * rollback), Excel's limits (5,000,000 cells a range read; 5 MB a request or a response on the web), a
 * sync counter, read-only, protected and legacy-shared states. See runtime.ts; the client objects
 * start at workbook.ts, a file per Office object.
 */
import type { ExcelHost } from "../../../src/excel/host";
import { newWorkbook, type FakeWorkbook } from "./model";
import { FakeWorkbookObject } from "./workbook";
import { raiseSelectionChanged } from "./selection-events";
import { FakeRequestContext, MAX_RESPONSE_BYTES, newCounter, type SyncCounter } from "./runtime";

export class FakeExcelContext extends FakeRequestContext {
  readonly workbook: FakeWorkbookObject;

  constructor(counter: SyncCounter, state: FakeWorkbook, timeSlice: number | null = null) {
    super(counter, state.platform === "web" ? MAX_RESPONSE_BYTES : null, timeSlice);
    this.workbook = new FakeWorkbookObject(this, state);
    this.definedNames = () => state.names.map((n) => n.name);
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const [h1 = 0, h2 = 0] = have.split(".").map(Number);
  const [w1 = 0, w2 = 0] = want.split(".").map(Number);
  return h1 > w1 || (h1 === w1 && h2 >= w2);
}

export class FakeExcel {
  private readonly counter: SyncCounter = newCounter();
  /** Excel.run calls so far. */
  runs = 0;

  /**
   * `timeSlice` (the preview): a batch lets the page run after this many milliseconds of work,
   * as Excel, which runs batches in its own process, never blocks the pane; batches still run one
   * at a time. Tests leave it off.
   */
  constructor(
    readonly workbook: FakeWorkbook = newWorkbook(),
    private readonly options: { timeSlice?: number } = {},
  ) {}

  /** context.sync() calls so far, over every Excel.run. */
  get syncs(): number {
    return this.counter.syncs;
  }

  /** The most cells one range property read has returned so far (Excel refuses past 5,000,000). */
  get largestRead(): number {
    return this.counter.largestRead;
  }

  /** The largest response of one sync so far, in bytes (Excel on the web refuses past 5 MB). */
  get largestResponse(): number {
    return this.counter.largestResponse;
  }

  /** The largest request of one sync so far, in bytes (Excel on the web refuses past 5 MB). */
  get largestRequest(): number {
    return this.counter.largestRequest;
  }

  /** The request bytes of every sync so far, in order. */
  get requests(): readonly number[] {
    return this.counter.requests;
  }

  /** Starts counting afresh: syncs, runs, the largest read and response. */
  resetSyncs(): void {
    Object.assign(this.counter, newCounter());
    this.runs = 0;
  }

  /** Excel.run: a fresh context per batch; actions queued after the last sync are a bug. */
  readonly run = async <T>(batch: (context: FakeExcelContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeExcelContext(this.counter, this.workbook, this.options.timeSlice ?? null);
    const result = await batch(context);
    if (context.pendingActions > 0) {
      throw new Error(`Excel.run ended with ${context.pendingActions} queued action(s) never sent by context.sync()`);
    }
    return result;
  };

  /** The user selects a cell or range in the grid: Excel raises Workbook.onSelectionChanged. */
  userSelects(sheet: string, address: string): void {
    this.workbook.selection = { sheet, address };
    raiseSelectionChanged(this.workbook);
  }

  readonly isSetSupported = (name: string, version: string): boolean =>
    name === "ExcelApi" && versionAtLeast(this.workbook.excelApi, version);

  /** The adapter's view of this fake. */
  host(): ExcelHost {
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
        this.run((context) => batch(context as unknown as Excel.RequestContext)),
      isSetSupported: this.isSetSupported,
      web: this.workbook.platform === "web",
    };
  }
}

export {
  cellAt,
  newSheet,
  newWorkbook,
  snapshot,
  workbookFromData,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeWorkbook,
} from "./model";
export { FakeRichApiError, MAX_READ_CELLS, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES } from "./runtime";

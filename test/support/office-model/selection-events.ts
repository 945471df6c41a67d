import type { FakeWorkbook } from "./model";
import type { FakeRequestContext } from "./runtime";

/**
 * Workbook.onSelectionChanged (ExcelApi 1.2) in the in-memory Excel: handlers registered with
 * add() (effective at the next sync, like every queued call), raised after the selection changes,
 * by Range.select() or by the user (FakeExcel.userSelects). Excel passes the handler event args;
 * the selection itself is read with workbook.getSelectedRange(), as here.
 */
type Handler = (args: { type: "WorkbookSelectionChanged" }) => Promise<unknown>;

const handlers = new WeakMap<FakeWorkbook, Set<Handler>>();

export function raiseSelectionChanged(workbook: FakeWorkbook): void {
  for (const handler of handlers.get(workbook) ?? []) {
    // Excel calls handlers after the change, never within the batch that made it.
    setTimeout(() => {
      handler({ type: "WorkbookSelectionChanged" }).catch((error: unknown) => reportError(error));
    }, 0);
  }
}

export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
  ) {}

  add(handler: Handler): { context: FakeRequestContext; remove(): void } {
    const { context, workbook } = this;
    context.enqueue("Workbook.onSelectionChanged.add", () => {
      const set = handlers.get(workbook) ?? new Set();
      set.add(handler);
      handlers.set(workbook, set);
    });
    return {
      context,
      remove: () =>
        context.enqueue("EventHandlerResult.remove", () => {
          handlers.get(workbook)?.delete(handler);
        }),
    };
  }
}

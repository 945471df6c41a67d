import { parseArea } from "./address";
import type { FakeWorkbook } from "./model";
import { FakeObject, type FakeRequestContext } from "./runtime";
import { FakeEventHandlers } from "./selection-events";
import { FakeNamedItemCollection } from "./named-items";
import { FakeWorkbookProtection } from "./protection";
import { FakeRange } from "./range";
import { requireApi } from "./refusals";
import { findSheet } from "./targets";
import { FakeWorksheetCollection } from "./worksheet-collection";

/**
 * The client objects of the in-memory Excel, named and shaped as Office.js's (Workbook,
 * Worksheet, Range, ConditionalFormat, NamedItem …), covering what the add-in uses. Anything
 * else throws, so an adapter cannot rely on something the fake does not model. This file holds
 * their root, Workbook (context.workbook): its worksheets, names, protection, readOnly
 * (ExcelApi 1.8), the selected range and onSelectionChanged (selection-events.ts).
 */

export class FakeWorkbookObject extends FakeObject<FakeWorkbook> {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeWorkbookProtection;

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
  ) {
    super(context, "Workbook", () => workbook);
    this.worksheets = new FakeWorksheetCollection(context, workbook);
    this.names = new FakeNamedItemCollection(context, workbook);
    this.protection = new FakeWorkbookProtection(context, workbook);
  }

  protected scalars() {
    return {
      name: (w: FakeWorkbook) => w.name,
      readOnly: (w: FakeWorkbook) => {
        requireApi(w, "1.8", "Workbook.readOnly");
        return w.readOnly;
      },
    };
  }

  protected override navigation(name: string) {
    if (name === "worksheets") return this.worksheets;
    if (name === "names") return this.names;
    if (name === "protection") return this.protection;
    return null;
  }

  get name(): string {
    return this.read("name");
  }

  get readOnly(): boolean {
    return this.read("readOnly");
  }

  get onSelectionChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, this.workbook);
  }

  getSelectedRange(): FakeRange {
    const workbook = this.workbook;
    return new FakeRange(this.context, workbook, "Workbook.getSelectedRange()", () => {
      const selection = workbook.selection;
      const sheet = selection === null ? null : findSheet(workbook, selection.sheet);
      const box = selection === null ? null : parseArea(selection.address);
      return sheet === null || box === null ? null : { sheet, box };
    });
  }
}

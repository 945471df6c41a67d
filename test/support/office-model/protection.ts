import type { FakeSheet, FakeWorkbook } from "./model";
import { FakeObject, type FakeRequestContext } from "./runtime";

/**
 * Workbook.protection and Worksheet.protection: whether the workbook's structure or a sheet is
 * protected. What protection then refuses is in refusals.ts (guardStructure, guardCells).
 */

export class FakeWorkbookProtection extends FakeObject<FakeWorkbook> {
  constructor(context: FakeRequestContext, workbook: FakeWorkbook) {
    super(context, "WorkbookProtection", () => workbook);
  }

  protected scalars() {
    return { protected: (w: FakeWorkbook) => w.structureProtected };
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  constructor(context: FakeRequestContext, location: string, sheet: () => FakeSheet) {
    super(context, location, sheet);
  }

  protected scalars() {
    return { protected: (s: FakeSheet) => s.protected };
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

import { newSheet, type FakeSheet, type FakeWorkbook } from "./model";
import { FakeClientResult, FakeCollection, FakeRichApiError, type FakeRequestContext } from "./runtime";
import { guardStructure } from "./refusals";
import { findSheet } from "./targets";
import { FakeWorksheet } from "./worksheet";

/**
 * Workbook.worksheets: the sheets in order, found by name as Excel does (ignoring case), and
 * add(), which refuses a name Excel refuses (taken, empty, over 31 characters, or with \ / ? * [ ] :)
 * and a protected structure.
 */

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbook, FakeWorksheet> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
  ) {
    super(context, "WorksheetCollection", () => workbook);
  }

  protected itemsOf(workbook: FakeWorkbook): FakeWorksheet[] {
    return workbook.sheets.map(
      (sheet) =>
        new FakeWorksheet(this.context, workbook, `Worksheet(${sheet.name})`, () =>
          workbook.sheets.includes(sheet) ? sheet : null,
        ),
    );
  }

  getItem(name: string): FakeWorksheet {
    const workbook = this.workbook;
    return new FakeWorksheet(this.context, workbook, `worksheets.getItem(${name})`, () => findSheet(workbook, name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const workbook = this.workbook;
    return new FakeWorksheet(
      this.context,
      workbook,
      `worksheets.getItemOrNullObject(${name})`,
      () => findSheet(workbook, name),
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    const workbook = this.workbook;
    return new FakeWorksheet(this.context, workbook, "worksheets.getActiveWorksheet()", () =>
      workbook.activeSheet === null ? null : findSheet(workbook, workbook.activeSheet),
    );
  }

  add(name: string): FakeWorksheet {
    const workbook = this.workbook;
    let created: FakeSheet | null = null;
    this.context.enqueue(`worksheets.add(${name})`, () => {
      guardStructure(workbook);
      if (findSheet(workbook, name) !== null) {
        throw new FakeRichApiError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
      }
      if (name === "" || name.length > 31 || /[\\/?*[\]:]/.test(name)) {
        throw new FakeRichApiError("InvalidArgument", `'${name}' is not a valid sheet name.`);
      }
      created = newSheet(workbook, name);
      workbook.sheets.push(created);
    });
    return new FakeWorksheet(this.context, workbook, `worksheets.add(${name})`, () =>
      created !== null && workbook.sheets.includes(created) ? created : null,
    );
  }

  getCount(): FakeClientResult<number> {
    const workbook = this.workbook;
    return new FakeClientResult(this.context, "worksheets.getCount()", () => workbook.sheets.length);
  }
}

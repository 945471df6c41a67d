import type { CellBox } from "../../../src/core";
import { MAX_COLS, MAX_ROWS, parseArea, splitAreas, splitSheet } from "./address";
import type { FakeSheet, FakeVisibility, FakeWorkbook } from "./model";
import { FakeObject, FakeRichApiError, type FakeRequestContext } from "./runtime";
import { FakePageLayout } from "./page-layout";
import { FakeWorksheetProtection } from "./protection";
import { FakeRange, FakeRangeAreas } from "./range";
import { guardCells, guardLegacyShared, guardStructure, requireApi } from "./refusals";
import { usedBoxOnce } from "./targets";

/**
 * A Worksheet: its name, id, position and visibility (a workbook keeps one visible sheet), the
 * ranges it hands out (getRange, getRangeByIndexes, getRanges, the used range), page breaks,
 * frozen rows and the auto filter, activate() and delete(), which refuses a very hidden sheet as
 * Office.js documents (docs/excel-behaviour.md, "Sheets, names, printing").
 */

export class FakeWorksheet extends FakeObject<FakeSheet> {
  private children: { protection?: FakeWorksheetProtection; pageLayout?: FakePageLayout } = {};

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => FakeSheet | null,
    orNull = false,
  ) {
    super(context, location, locate, orNull);
  }

  protected scalars() {
    const workbook = this.workbook;
    return {
      name: (s: FakeSheet) => s.name,
      id: (s: FakeSheet) => s.id,
      visibility: (s: FakeSheet) => s.visibility,
      position: (s: FakeSheet) => workbook.sheets.indexOf(s),
    };
  }

  protected override navigation(name: string) {
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    return null;
  }

  /** The sheet this proxy stands for, resolved at sync time. */
  private sheet = (): FakeSheet => this.target();

  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): FakeVisibility {
    return this.read("visibility");
  }
  set visibility(value: FakeVisibility) {
    const workbook = this.workbook;
    this.write("visibility", value, (sheet) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) {
        throw new FakeRichApiError("InvalidArgument", `visibility ${String(value)}`);
      }
      if (value !== "Visible") {
        guardStructure(workbook);
        const othersVisible = workbook.sheets.some((s) => s !== sheet && s.visibility === "Visible");
        if (!othersVisible) throw new FakeRichApiError("InvalidOperation", "A workbook must keep one visible sheet.");
        if (workbook.activeSheet === sheet.name) {
          workbook.activeSheet = workbook.sheets.find((s) => s !== sheet && s.visibility === "Visible")?.name ?? null;
        }
      }
      sheet.visibility = value;
    });
  }

  get protection(): FakeWorksheetProtection {
    return (this.children.protection ??= new FakeWorksheetProtection(
      this.context,
      `${this.location}.protection`,
      this.sheet,
    ));
  }

  get pageLayout(): FakePageLayout {
    return (this.children.pageLayout ??= new FakePageLayout(
      this.context,
      this.workbook,
      `${this.location}.pageLayout`,
      this.sheet,
    ));
  }

  /** ExcelApi 1.9. */
  get horizontalPageBreaks(): { add(pageBreakRange: string): void } {
    const workbook = this.workbook;
    return {
      add: (pageBreakRange: string) =>
        this.write("horizontalPageBreaks.add", pageBreakRange, (sheet) => {
          requireApi(workbook, "1.9", "Worksheet.horizontalPageBreaks");
          guardCells(sheet);
          const box = parseArea(pageBreakRange);
          if (box === null) throw new FakeRichApiError("InvalidArgument", `page break at ${pageBreakRange}`);
          (sheet.page.rowBreaks ??= []).push(box.top);
        }),
    };
  }

  /** findings-sheet. ExcelApi 1.7: freezing the top rows. */
  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) =>
        this.write("freezePanes.freezeRows", count, (sheet) => {
          (sheet.view ??= {}).frozenRows = count;
        }),
    };
  }

  /** findings-sheet. ExcelApi 1.9: a filter on an area whose first row is the header. */
  get autoFilter(): { apply(range: string): void } {
    const workbook = this.workbook;
    return {
      apply: (range: string) =>
        this.write("autoFilter.apply", range, (sheet) => {
          requireApi(workbook, "1.9", "Worksheet.autoFilter");
          if (parseArea(range) === null) throw new FakeRichApiError("InvalidArgument", `filter on ${range}`);
          (sheet.view ??= {}).autoFilter = range;
        }),
    };
  }

  getRange(address?: string): FakeRange {
    const location = `${this.location}.getRange(${address ?? ""})`;
    return new FakeRange(this.context, this.workbook, location, () => {
      const sheet = this.sheet();
      if (address === undefined) return { sheet, box: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const box = parseArea(address);
      if (box === null) throw new FakeRichApiError("InvalidArgument", `${location}: not an address`);
      return { sheet, box };
    });
  }

  /** ExcelApi 1.7: the range of `rowCount` × `columnCount` cells from (startRow, startColumn), 0-based. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const location = `${this.location}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    return new FakeRange(this.context, this.workbook, location, () => {
      const box = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      const inGrid = [startRow, startColumn, rowCount - 1, columnCount - 1].every((n) => Number.isInteger(n) && n >= 0);
      if (!inGrid || box.bottom >= MAX_ROWS || box.right >= MAX_COLS) {
        throw new FakeRichApiError("InvalidArgument", `${location}: outside the grid`);
      }
      return { sheet: this.sheet(), box };
    });
  }

  /** ExcelApi 1.9: several areas, e.g. "G5, G9:G11". */
  getRanges(address: string): FakeRangeAreas {
    const location = `${this.location}.getRanges(${address})`;
    const workbook = this.workbook;
    return new FakeRangeAreas(this.context, workbook, location, () => {
      requireApi(workbook, "1.9", "Worksheet.getRanges");
      const sheet = this.sheet();
      const boxes = splitAreas(address).map((a) => parseArea(splitSheet(a).area));
      if (boxes.length === 0 || boxes.some((b) => b === null)) {
        throw new FakeRichApiError("InvalidArgument", `${location}: not an address`);
      }
      return { sheet, boxes: boxes as CellBox[] };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.workbook, `${this.location}.getUsedRange()`, () => {
      const sheet = this.sheet();
      return { sheet, box: usedBoxOnce(this.context, sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this.workbook,
      `${this.location}.getUsedRangeOrNullObject()`,
      () => {
        const sheet = this.sheet();
        const box = usedBoxOnce(this.context, sheet, valuesOnly);
        return box === null ? null : { sheet, box };
      },
      true,
    );
  }

  activate(): void {
    const workbook = this.workbook;
    this.write("activate", undefined, (sheet) => {
      if (sheet.visibility !== "Visible")
        throw new FakeRichApiError("InvalidOperation", "cannot activate a hidden sheet");
      workbook.activeSheet = sheet.name;
    });
  }

  delete(): void {
    const workbook = this.workbook;
    this.write("delete", undefined, (sheet) => {
      guardStructure(workbook);
      guardLegacyShared(workbook, "Deleting a sheet");
      // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete
      // operation will fail with an InvalidOperation exception".
      if (sheet.visibility === "VeryHidden") {
        throw new FakeRichApiError(
          "InvalidOperation",
          `The sheet '${sheet.name}' is very hidden and cannot be deleted.`,
        );
      }
      if (!workbook.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeRichApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      if (workbook.activeSheet?.toLowerCase() === sheet.name.toLowerCase()) {
        workbook.activeSheet = workbook.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
      }
      if (workbook.selection?.sheet.toLowerCase() === sheet.name.toLowerCase()) workbook.selection = null;
    });
  }
}

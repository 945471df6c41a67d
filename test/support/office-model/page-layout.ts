import { parseArea, splitSheet } from "./address";
import type { FakeSheet, FakeWorkbook } from "./model";
import { FakeObject, FakeRichApiError, type FakeRequestContext } from "./runtime";
import { guardCells, requireApi } from "./refusals";

/**
 * Worksheet.pageLayout (ExcelApi 1.9): orientation, paper size, fitting to pages, the print area
 * and title rows. Fitting the width leaves the height as the sheet had it, one page by default,
 * as Excel does (docs/excel-behaviour.md, "Sheets, names, printing").
 */

/** ExcelApi 1.9. */
export class FakePageLayout extends FakeObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    sheet: () => FakeSheet,
  ) {
    super(context, location, () => {
      requireApi(workbook, "1.9", "Worksheet.pageLayout");
      return sheet();
    });
  }

  protected scalars() {
    return {
      orientation: (s: FakeSheet) => s.page.orientation ?? "Portrait",
      paperSize: (s: FakeSheet) => s.page.paperSize ?? "Letter",
      zoom: (s: FakeSheet) => ({
        horizontalFitToPages: s.page.horizontalFitToPages ?? null,
        verticalFitToPages: s.page.verticalFitToPages ?? null,
      }),
    };
  }

  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(value: string) {
    this.write("orientation", value, (s) => {
      guardCells(s);
      s.page.orientation = value;
    });
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(value: string) {
    this.write("paperSize", value, (s) => {
      guardCells(s);
      s.page.paperSize = value;
    });
  }
  get zoom(): { horizontalFitToPages?: number | null; verticalFitToPages?: number | null } {
    return this.read("zoom");
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write("zoom", value, (s) => {
      guardCells(s);
      if (value.horizontalFitToPages !== undefined) s.page.horizontalFitToPages = value.horizontalFitToPages;
      if (value.verticalFitToPages !== undefined) s.page.verticalFitToPages = value.verticalFitToPages;
      // Fitting to pages, a height not given stays what the sheet had: by default one page
      // (ECMA-376 CT_PageSetup fitToHeight, default 1), which shrinks a long table onto one page.
      else if (value.horizontalFitToPages !== undefined) s.page.verticalFitToPages ??= 1;
    });
  }

  setPrintArea(area: string): void {
    this.write("setPrintArea", area, (s) => {
      guardCells(s);
      if (parseArea(splitSheet(area).area) === null)
        throw new FakeRichApiError("InvalidArgument", `print area ${area}`);
      s.page.printArea = splitSheet(area).area;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.write("setPrintTitleRows", rows, (s) => {
      guardCells(s);
      if (parseArea(splitSheet(rows).area) === null)
        throw new FakeRichApiError("InvalidArgument", `title rows ${rows}`);
      s.page.printTitleRows = splitSheet(rows).area;
    });
  }
}

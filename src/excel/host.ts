/**
 * Everything the add-in asks of its host, in one module (docs/architecture.md: no host or requirement-set
 * checks scattered across files). The adapter receives an ExcelHost, so tests and the preview
 * hand it the in-memory Excel instead of Office's.
 */

/** What the adapter needs from Office: a batch runner, the requirement sets, and where Excel runs. */
export type ExcelHost = {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /** Excel on the web, which limits what one sync may carry (see Capabilities.responseLimit). */
  web: boolean;
};

/** The running Office host (call after Office.onReady). */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    web: String(Office.context.platform) === "OfficeOnline",
  };
}

/**
 * What this Excel can do beyond the manifest's minimum (ExcelApi 1.8: conditional formats from
 * 1.6, workbook.readOnly from 1.8). Each extra has a fallback where it is used.
 */
export type Capabilities = {
  /** ExcelApi 1.8, the manifest's minimum. Without it the add-in does not run. */
  baseline: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. Without it merges are not read (blank cells still carry down). */
  mergedAreas: boolean;
  /** ExcelApi 1.9: Worksheet.getRanges, one rule over separate areas. Without it such a rule is refused before writing. */
  rangeAreas: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout and page breaks. Without it the table is written without print settings. */
  pageLayout: boolean;
  /**
   * ExcelApi 1.9: Range.getSpecialCellsOrNullObject and RangeAreas.areas, to read only the cells
   * that hold values of a huge used range. Without it such a sheet is refused, naming it.
   */
  specialCells: boolean;
  /** ExcelApi 1.9: Worksheet.autoFilter. Without it the findings sheet is written without its filter. */
  autoFilter: boolean;
  /**
   * Excel on the web: "a payload size limit for requests and responses of 5MB" (Resource limits
   * and performance optimization for Office Add-ins), so the read spreads a large workbook's data
   * over several syncs. Excel on the desktop (Windows, Mac) has no such limit and reads it in one.
   */
  responseLimit: boolean;
};

export function capabilities(host: ExcelHost): Capabilities {
  const excelApi = (version: string) => host.isSetSupported("ExcelApi", version);
  return {
    baseline: excelApi("1.8"),
    mergedAreas: excelApi("1.13"),
    rangeAreas: excelApi("1.9"),
    pageLayout: excelApi("1.9"),
    specialCells: excelApi("1.9"),
    autoFilter: excelApi("1.9"),
    responseLimit: host.web,
  };
}

/** Office.onReady's answer: this add-in runs in Excel only. */
export const isExcelHost = (info: { host: Office.HostType | null }): boolean => String(info.host) === "Excel";

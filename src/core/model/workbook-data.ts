/**
 * The plain data an adapter reads from a workbook: no Excel or ExcelJS type crosses this line.
 * Rows and columns are 0-based here; addresses in findings are A1.
 */
export type CellValue = string | number | boolean | null;

export type CellData = {
  /** The value, or a formula's cached result; dates arrive as Excel serial numbers. */
  value: CellValue;
  numberFormat?: string;
  /**
   * The cell's formula (without the leading "="), where the adapter knows it: the ExcelJS adapter
   * does; the Office.js adapter does not load formulas (the check never reads them, and on Excel
   * on the web they would double what a read carries).
   */
  formula?: string;
  /** An error value such as "#N/A"; `value` is then null. */
  error?: string;
};

/** Inclusive, 0-based. */
export type CellBox = { top: number; left: number; bottom: number; right: number };

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export type SheetData = {
  name: string;
  visibility: SheetVisibility;
  /** Row-major from A1; rows may be ragged and cells null. */
  rows: ReadonlyArray<ReadonlyArray<CellData | null>>;
  merges: readonly CellBox[];
  hiddenRows?: readonly number[];
};

export type WorkbookData = { sheets: readonly SheetData[] };

import type { DetectedFile, LargeSheet } from "../model/workbook-problem";
import type { ProblemCatalogue } from "./catalogue";

/*
 * Apart from the findings' catalogue (en-us.ts): the pane words these on its main thread, where
 * the findings (worded in the checking worker) are not needed.
 */

const quoteEn = (names: readonly string[]) => names.map((n) => `“${n}”`).join(", ");
const largeEn = (sheets: readonly LargeSheet[]) => sheets.map((s) => `“${s.sheet}” (${s.area})`).join(", ");
const SAVE_AS_XLSX = "open it in Excel (or WPS) and save it as .xlsx";

/** What a file that is not an .xlsx workbook was found to be, after its path. */
const NOT_A_WORKBOOK: Readonly<Record<DetectedFile, string>> = {
  empty: "not an .xlsx workbook: the file is empty",
  csv: `not an .xlsx workbook but a text (CSV) file; ${SAVE_AS_XLSX}`,
  tsv: `not an .xlsx workbook but a text (TSV) file; ${SAVE_AS_XLSX}`,
  txt: `not an .xlsx workbook but a text (TXT) file; ${SAVE_AS_XLSX}`,
  text: `not an .xlsx workbook but a text file (CSV, HTML or XML?); ${SAVE_AS_XLSX}`,
  xls: `an old .xls workbook; ${SAVE_AS_XLSX}`,
  et: `a WPS .et workbook; ${SAVE_AS_XLSX}`,
  ods: `an OpenDocument (.ods) file, not an .xlsx workbook; ${SAVE_AS_XLSX}`,
  xlsb: `a binary .xlsb workbook, not an .xlsx; ${SAVE_AS_XLSX}`,
  numbers: "an Apple Numbers file, not an .xlsx workbook; export it from Numbers as .xlsx (File › Export To › Excel)",
  "no-worksheet": "not an .xlsx workbook: the file holds no worksheet",
  unknown: "not an .xlsx workbook",
};

/** The workbook problems (model/workbook-problem.ts), worded for the pane and the command line. */
export const enUSProblems: ProblemCatalogue = {
  "read-only": () =>
    "This workbook is open read-only (perhaps a colleague has the file on the network drive open): the findings are shown, but nothing is written to the workbook. Flag the problems or fill the table when you can edit it.",
  "protected-sheets": ({ sheets }) =>
    `Sheet ${quoteEn(sheets)} is protected; nothing was written. Unprotect it and try again.`,
  "protected-structure": () =>
    "The workbook's structure is protected, so sheets cannot be added or deleted; nothing was written. Unprotect the workbook and try again.",
  "write-refused": () =>
    "Excel refused to write; nothing was written. The workbook may be in the legacy shared-workbook mode (Review > Share Workbook (Legacy)) or protected: stop sharing or unprotect it and try again.",
  "not-owned": ({ sheet }) =>
    `A sheet named “${sheet}” exists that Check Targets did not create; it was left as it is and nothing was written. Rename it and try again.`,
  "sheets-changed": () => "The workbook's sheets changed since the check; nothing was written. Check again.",
  "cell-changed": ({ cell }) =>
    `Cell ${cell} was changed since the check; nothing was written. Check again, then retry.`,
  "multi-area": () =>
    "This version of Excel cannot apply one conditional-format rule to separate areas (ExcelApi 1.9); nothing was written.",
  "unsupported-host": () =>
    "This version of Excel lacks what the add-in needs. It needs Microsoft 365 or Office 2021 or later on Windows (with the Microsoft Edge WebView2 runtime), Office on a Mac, or Excel on the web.",
  "sheets-too-large": ({ sheets }) =>
    `The used range of sheet ${largeEn(sheets)} is too large for this version of Excel to read (it lacks ExcelApi 1.9); nothing was checked. ` +
    "Usually a stray value far from the data (in XFD1048576, say) causes this: press Ctrl+End to find it, delete it, save and check again; or check in Microsoft 365 or Excel on the web.",
  "read-too-large": ({ detail }) =>
    `Excel refused to read this much data at once (${detail}); nothing was checked. Delete stray values far from the data and try again; if the data really is this large, check it in Excel on the desktop or with the check-targets command line.`,
  "host-failed": ({ detail }) => `Excel could not complete the operation: ${detail}`,
  "write-failed": ({ detail }) =>
    `Excel stopped while writing: ${detail}. Part of it may have been written; check again, which replaces what the add-in wrote.`,
  "file-not-found": ({ path }) => `${path}: file not found`,
  "file-is-folder": ({ path }) => `${path}: is a folder`,
  "file-unreadable": ({ path, code }) => `${path}: cannot be read (${code ?? "unknown"})`,
  encrypted: ({ path }) => `${path}: the workbook is password-protected; save a copy without a password`,
  "not-a-workbook": ({ path, detected }) => `${path}: ${NOT_A_WORKBOOK[detected]}`,
  "too-large": ({ path, detail }) => `${path}: the workbook is too large to read safely (${detail})`,
  "declares-entities": ({ path, part }) =>
    `${path}: the workbook is damaged or unsafe (${part} declares XML entities, which Excel never writes)`,
  damaged: ({ path, detail }) => `${path}: the workbook is damaged or incomplete (${detail})`,
  "copy-damaged": ({ path, detail }) =>
    `${path}: the file is damaged (${detail}); it was checked, but no checked copy can be made of it`,
  "utf16-part": ({ part }) => `${part}: a part in UTF-16, which the checked copy cannot be edited into`,
  "part-missing": ({ part }) => `the package has no part ${part}`,
  "no-workbook-part": () => "the package names no workbook part",
  "copy-not-owned": ({ sheet }) => `sheet ${sheet} belongs to the workbook, not to Check Targets; it was left as it is`,
  "overwrite-input": ({ path }) => `${path}: refusing to overwrite the input; choose another --out`,
  "out-kind": ({ path, expected }) =>
    `${path}: the checked copy is written as an ${expected} workbook, as the input is; name it …${expected}`,
};

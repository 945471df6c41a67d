/**
 * What an adapter (or an app, for its own refusals) cannot do with a workbook, as data: which
 * situation, and the sheets, cells, paths and raw host text that situation names. The adapters
 * never word a problem; the apps word it in the user's language from the core's catalogues
 * (src/core/messages: formatProblem), which are typed by this union, so a new kind does not
 * compile until both languages word it.
 */

/** A sheet whose used range is too large to read, and that range ("A1:XFD1048576"). */
export type LargeSheet = { sheet: string; area: string };

/**
 * What a file that is not an .xlsx workbook was found to be: empty, text (by its extension, or by
 * its bytes), an old .xls, a WPS .et, an OpenDocument file, a binary .xlsb, an Apple Numbers
 * file, a zip that holds no worksheet, or nothing recognised.
 */
export type DetectedFile =
  | "empty"
  | "csv"
  | "tsv"
  | "txt"
  | "text"
  | "xls"
  | "et"
  | "ods"
  | "xlsb"
  | "numbers"
  | "no-worksheet"
  | "unknown";

export type WorkbookProblem =
  // ---- Excel (src/excel): the open workbook ----
  /** Opened read-only (a colleague has the file on the network drive open). */
  | { kind: "read-only" }
  /** Sheets the write must change are protected. */
  | { kind: "protected-sheets"; sheets: readonly string[] }
  /** The workbook's structure is protected: sheets cannot be added or deleted. */
  | { kind: "protected-structure" }
  /** Excel refused the probe change (the legacy shared-workbook mode, or protection). */
  | { kind: "write-refused" }
  /** A staff sheet has the name of a sheet the add-in writes. */
  | { kind: "not-owned"; sheet: string }
  /** The workbook's sheets changed since the check. */
  | { kind: "sheets-changed" }
  /** A staff cell about to be edited holds something else than at the check ("Sheet!B2"). */
  | { kind: "cell-changed"; cell: string }
  /** One conditional-format rule over separate areas, on an Excel without ExcelApi 1.9. */
  | { kind: "multi-area" }
  /** The host lacks the add-in's baseline requirement set. */
  | { kind: "unsupported-host" }
  /** Used ranges no read can take on an Excel without ExcelApi 1.9. */
  | { kind: "sheets-too-large"; sheets: readonly LargeSheet[] }
  /** Excel refused to read this much at once; `detail` is the host's error text. */
  | { kind: "read-too-large"; detail: string }
  /** Excel failed an operation; `detail` is the host's error text. */
  | { kind: "host-failed"; detail: string }
  /** Excel failed while writing (part may be written); `detail` is the host's error text. */
  | { kind: "write-failed"; detail: string }
  // ---- files (src/xlsx): reading a workbook file ----
  | { kind: "file-not-found"; path: string }
  | { kind: "file-is-folder"; path: string }
  /** The file system refused the read; `code` is its error code ("EACCES"), null if it gave none. */
  | { kind: "file-unreadable"; path: string; code: string | null }
  /** A password-protected (encrypted) workbook. */
  | { kind: "encrypted"; path: string }
  | { kind: "not-a-workbook"; path: string; detected: DetectedFile }
  /** The package passes the reader's limits; `detail` says which (in English, as the reader measured it). */
  | { kind: "too-large"; path: string; detail: string }
  /** An XML part declares entities (a DTD), which Excel never writes. */
  | { kind: "declares-entities"; path: string; part: string }
  /** The package could not be read; `detail` is the reader's error text. */
  | { kind: "damaged"; path: string; detail: string }
  // ---- files (src/xlsx): writing the checked copy ----
  /** The package was read, but a copy of it cannot be made; `detail` is the zip reader's error text. */
  | { kind: "copy-damaged"; path: string; detail: string }
  /** A part the checked copy must edit is stored in UTF-16. */
  | { kind: "utf16-part"; part: string }
  /** A part the checked copy needs is missing from the package. */
  | { kind: "part-missing"; part: string }
  /** The package's relationships name no workbook part. */
  | { kind: "no-workbook-part" }
  /** A staff sheet has the name of a sheet the checked copy replaces or removes. */
  | { kind: "copy-not-owned"; sheet: string }
  // ---- the command line's own refusals (src/cli) ----
  /** An output path (--out, --json) is the input itself. */
  | { kind: "overwrite-input"; path: string }
  /** --out names another kind of workbook than the input's (an .xlsm's copy is an .xlsm). */
  | { kind: "out-kind"; path: string; expected: ".xlsx" | ".xlsm" };

export type WorkbookProblemKind = WorkbookProblem["kind"];

/** The problem of one kind. */
export type ProblemOf<K extends WorkbookProblemKind> = Extract<WorkbookProblem, { kind: K }>;

/** The broad class of a problem, which the apps branch on (the command line's exit status). */
export type WorkbookErrorCode = "unreadable" | "not-a-workbook" | "encrypted" | "read-only" | "protected" | "host";

/** Each kind's class: a table, so that a new kind must say which. */
export const PROBLEM_CODE: Readonly<Record<WorkbookProblemKind, WorkbookErrorCode>> = {
  "read-only": "read-only",
  "protected-sheets": "protected",
  "protected-structure": "protected",
  "write-refused": "protected",
  "not-owned": "protected",
  "sheets-changed": "host",
  "cell-changed": "host",
  "multi-area": "host",
  "unsupported-host": "host",
  "sheets-too-large": "host",
  "read-too-large": "host",
  "host-failed": "host",
  "write-failed": "host",
  "file-not-found": "unreadable",
  "file-is-folder": "unreadable",
  "file-unreadable": "unreadable",
  encrypted: "encrypted",
  "not-a-workbook": "not-a-workbook",
  "too-large": "unreadable",
  "declares-entities": "unreadable",
  damaged: "unreadable",
  "copy-damaged": "unreadable",
  "utf16-part": "unreadable",
  "part-missing": "unreadable",
  "no-workbook-part": "unreadable",
  "copy-not-owned": "protected",
  "overwrite-input": "unreadable",
  "out-kind": "unreadable",
};

/** A developer's one line for logs: the kind and its data, e.g. `not-owned {"sheet":"检查目标_辅助"}`. */
export function describeProblem(problem: WorkbookProblem): string {
  const { kind, ...data } = problem;
  return Object.keys(data).length === 0 ? kind : `${kind} ${JSON.stringify(data)}`;
}

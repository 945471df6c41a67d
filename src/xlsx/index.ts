export { FilePort } from "./file-port";
export { readWorkbookFile, readFileWithBytes } from "./read/read-file";
export { writeCheckedCopy, type CheckedCopy } from "./write/write-copy";
export { writeTableWorkbook, type TableCell, type TableSheet } from "./table-workbook";

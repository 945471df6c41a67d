import { WorkbookError } from "../core";

/**
 * An edit of one staff cell, made only at the user's request (the pane's "add as synonym"): the
 * text it held when the workbook was checked (`expected`, "" for blank), and the text it gets.
 */
export type CellEdit = { sheet: string; address: string; expected: string; text: string };

const asText = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

/**
 * Writes the edits in two syncs whatever their number: the first loads each cell and its sheet's
 * protection, the second writes, once every cell is seen to hold what the check read (a cell
 * changed since is never overwritten) and no sheet is protected. The text is written as text
 * (number format "@" first), so it never becomes a formula.
 */
export async function editCells(context: Excel.RequestContext, edits: readonly CellEdit[]) {
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string) => {
    let sheet = sheets.get(name);
    if (sheet === undefined) {
      sheet = context.workbook.worksheets.getItem(name);
      sheet.load("name");
      sheet.protection.load("protected");
      sheets.set(name, sheet);
    }
    return sheet;
  };
  const ranges = edits.map((edit) => {
    const range = sheetOf(edit.sheet).getRange(edit.address);
    range.load("values");
    return range;
  });
  await context.sync();
  const locked = [...sheets.values()].filter((s) => s.protection.protected).map((s) => s.name);
  if (locked.length > 0) throw new WorkbookError({ kind: "protected-sheets", sheets: locked });
  edits.forEach((edit, i) => {
    const now = asText(ranges[i]?.values[0]?.[0]);
    if (now !== edit.expected) throw new WorkbookError({ kind: "cell-changed", cell: `${edit.sheet}!${edit.address}` });
  });
  edits.forEach((edit, i) => {
    const range = ranges[i];
    if (range === undefined) return;
    range.numberFormat = [["@"]];
    range.values = [[edit.text]];
  });
  await context.sync();
}

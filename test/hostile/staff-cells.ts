import ExcelJS from "exceljs";
import { OWNED } from "../../src/core";

/**
 * Everything a staff sheet holds that the checker must never change, read with plain ExcelJS:
 * every cell's value (a formula with its cached result), number format, font, fill, border,
 * alignment and protection; every sheet's name, visibility and merged areas.
 */
export type StaffSnapshot = {
  sheets: { name: string; state: string; merges: string[] }[];
  /** "sheet!A1" → the cell, as JSON. */
  cells: Map<string, string>;
};

const isOwned = (ws: ExcelJS.Worksheet): boolean => {
  let owned = false;
  ws.getRow(1).eachCell((cell) => {
    if (typeof cell.value === "string" && cell.value.startsWith(OWNED.marker)) owned = true;
  });
  return owned;
};

function cellJson(cell: ExcelJS.Cell): string {
  const { numFmt, font, fill, border, alignment, protection } = cell.style ?? {};
  return JSON.stringify({
    value: cell.value instanceof Date ? { date: cell.value.toISOString() } : cell.value,
    numFmt: numFmt ?? null,
    font: font ?? null,
    fill: fill ?? null,
    border: border ?? null,
    alignment: alignment ?? null,
    protection: protection ?? null,
  });
}

/** The staff sheets of a workbook file (all sheets but the checker's own), or only those named. */
export async function staffSnapshot(bytes: Buffer, only?: readonly string[]): Promise<StaffSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const snapshot: StaffSnapshot = { sheets: [], cells: new Map() };
  for (const ws of wb.worksheets) {
    if (only ? !only.includes(ws.name) : isOwned(ws)) continue;
    const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges)
      .map((m) => m.range)
      .sort();
    snapshot.sheets.push({ name: ws.name, state: ws.state ?? "visible", merges });
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        snapshot.cells.set(`${ws.name}!${cell.address}`, cellJson(cell));
      });
    });
  }
  return snapshot;
}

/**
 * The differences between the staff sheets of the original and of the checked copy, as lines
 * ("sheet!A1: before → after"): none when every staff cell, sheet and merged area is as it was.
 */
export async function staffChanges(original: Buffer, copy: Buffer): Promise<string[]> {
  const before = await staffSnapshot(original);
  const after = await staffSnapshot(
    copy,
    before.sheets.map((s) => s.name),
  );
  const changes: string[] = [];
  const sheetsAfter = new Map(after.sheets.map((s) => [s.name, s]));
  for (const sheet of before.sheets) {
    const now = sheetsAfter.get(sheet.name);
    if (now === undefined) changes.push(`${sheet.name}: sheet missing`);
    else if (JSON.stringify(now) !== JSON.stringify(sheet)) {
      changes.push(`${sheet.name}: ${JSON.stringify(sheet)} → ${JSON.stringify(now)}`);
    }
  }
  for (const [at, cell] of before.cells) {
    const now = after.cells.get(at);
    if (now !== cell) changes.push(`${at}: ${cell.slice(0, 200)} → ${String(now).slice(0, 200)}`);
  }
  for (const at of after.cells.keys()) if (!before.cells.has(at)) changes.push(`${at}: added`);
  return changes;
}

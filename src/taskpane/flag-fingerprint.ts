import { OWNED, type PlannedCell, type WorkbookData, type WritePlan } from "../core";

/**
 * Opening the pane must not mark the workbook modified when it already carries exactly the flags
 * the check would write. The workbook's flags cannot be read back through the port (the read
 * carries values, not conditional formats), so each flag write leaves a fingerprint of itself in
 * the hidden helper sheet it writes anyway, and the next check compares: same fingerprint, no write.
 * Limit: flag rules someone deleted by hand while leaving the helper sheet are not noticed until
 * the data changes or 清除标记 is used.
 */
const PREFIX = `${OWNED.marker}flags `;

/** Two 32-bit FNV-1a hashes (different offsets) of the plan's JSON: 64 bits, enough to tell plans apart. */
export function fingerprint(plan: WritePlan): string {
  const json = JSON.stringify([plan.sheets, plan.names, plan.flags, plan.removeSheets]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return `${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}

/** The plan, its helper sheet carrying the plan's fingerprint (`print`, made once) in row 1 after its last column. */
export function withFingerprint(plan: WritePlan, print: string = fingerprint(plan)): WritePlan {
  const helper = plan.sheets.find((s) => s.name === OWNED.helperSheet);
  if (helper === undefined) return plan;
  const lastColumn = helper.cells.reduce((m, c) => Math.max(m, c.col), 0);
  const cell: PlannedCell = { row: 0, col: lastColumn + 1, value: { kind: "text", text: `${PREFIX}${print}` } };
  return { ...plan, sheets: plan.sheets.map((s) => (s === helper ? { ...s, cells: [...s.cells, cell] } : s)) };
}

/** Whether the workbook as read already carries this plan's flags (its fingerprint `print` in the helper sheet). */
export function carriesFlags(data: WorkbookData, plan: WritePlan, print: string = fingerprint(plan)): boolean {
  if (!plan.sheets.some((s) => s.name === OWNED.helperSheet)) return false;
  const helper = data.sheets.find((s) => s.name === OWNED.helperSheet);
  const want = `${PREFIX}${print}`;
  return (helper?.rows[0] ?? []).some((c) => c?.value === want);
}

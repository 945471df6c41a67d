import type { WorkbookData, WritePlan } from "../core";
import { carriesFlags, fingerprint, withFingerprint } from "./flag-fingerprint";

const plan = (formula: string): WritePlan => ({
  sheets: [
    {
      name: "检查目标_辅助",
      visibility: "hidden",
      cells: [
        { row: 0, col: 0, value: { kind: "text", text: "check-targets:helper v1" } },
        { row: 0, col: 2, value: { kind: "text", text: "§x" } },
      ],
      merges: [],
      columnWidths: [],
      rowHeights: [],
      page: null,
    },
  ],
  names: [],
  flags: [{ sheet: "绩效指标", severity: "error", ranges: ["G2:G9"], formula }],
  removeSheets: [],
});

/** The workbook as read after `written` was applied: the helper sheet's first row. */
const readBack = (written: WritePlan): WorkbookData => {
  const cells = written.sheets[0]?.cells.filter((c) => c.row === 0) ?? [];
  const row = Array.from({ length: 5 }, (_, col) => {
    const c = cells.find((x) => x.col === col);
    return c === undefined ? null : { value: c.value.kind === "text" ? c.value.text : null };
  });
  return { sheets: [{ name: "检查目标_辅助", visibility: "hidden", merges: [], rows: [row] }] };
};

describe("the flags' fingerprint", () => {
  it("is left after the helper sheet's last column and recognised on the next read", () => {
    const written = withFingerprint(plan('ISTEXT("check-targets:error")'));
    expect(written.sheets[0]?.cells.at(-1)).toMatchObject({ row: 0, col: 3 }); // D1
    expect(carriesFlags(readBack(written), plan('ISTEXT("check-targets:error")'))).toBe(true);
  });

  it("differs when any part of the plan does, so changed flags are written", () => {
    const written = withFingerprint(plan("A"));
    expect(fingerprint(plan("A"))).not.toBe(fingerprint(plan("B")));
    expect(carriesFlags(readBack(written), plan("B"))).toBe(false);
    expect(carriesFlags({ sheets: [] }, plan("A"))).toBe(false);
  });
});

import { planSyncs, rowAddressBytes, utf8Bytes, type Band, type SheetCost } from "./read-plan";

// The plan of the read's data syncs: pure arithmetic on the extents, so the sync count is a
// function of the estimated size that the README can state.

/** Each sheet's rows as the plan covers them, in order: [sheet, first row, row after the last] of each run. */
function coverage(syncs: Band[][]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (const { sheet, first, count } of syncs.flat()) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] === sheet && last[2] === first) last[2] = first + count;
    else runs.push([sheet, first, first + count]);
  }
  return runs;
}

/** The estimated bytes of each sync, a row costing its sheet's bytes ÷ rows. */
const syncBytes = (sheets: SheetCost[], syncs: Band[][]): number[] =>
  syncs.map((bands) =>
    bands.reduce((sum, b) => sum + ((sheets[b.sheet]?.bytes ?? 0) * b.count) / (sheets[b.sheet]?.rows ?? 1), 0),
  );

describe("planSyncs", () => {
  it("reads everything in one sync, each used range whole, without a limit or within the budget", () => {
    const sheets = [
      { rows: 20_001, bytes: 30_000_000 },
      { rows: 1, bytes: 80 },
    ];
    const whole = [
      [
        { sheet: 0, first: 0, count: 20_001 },
        { sheet: 1, first: 0, count: 1 },
      ],
    ];
    expect(planSyncs(sheets, null)).toEqual(whole);
    expect(planSyncs(sheets, 30_000_080)).toEqual(whole);
  });

  it.each([
    // One large list: ceil(bytes / budget) syncs.
    [[{ rows: 10_001, bytes: 6_840_684 }], 2],
    [[{ rows: 50_001, bytes: 32_000_640 }], 9],
    // Several sheets share syncs; a sync may hold the end of one sheet and the start of the next.
    [
      [
        { rows: 18, bytes: 18_000 },
        { rows: 30_000, bytes: 9_000_000 },
        { rows: 14, bytes: 5_000 },
        { rows: 1_048_576, bytes: 3_000_000 },
      ],
      4,
    ],
  ])("cuts %j into ceil(estimate / budget) = %d syncs, each within the budget and one row", (sheets, count) => {
    const budget = 4_000_000;
    const syncs = planSyncs(sheets, budget);
    const total = sheets.reduce((sum, s) => sum + s.bytes, 0);
    expect(syncs).toHaveLength(Math.ceil(total / budget));
    expect(syncs).toHaveLength(count);
    // Every row of every sheet exactly once, in order: one unbroken run a sheet.
    expect(coverage(syncs)).toEqual(sheets.map((s, sheet) => [sheet, 0, s.rows]));
    const largestRow = sheets.reduce((most, s) => Math.max(most, s.bytes / s.rows), 0);
    for (const bytes of syncBytes(sheets, syncs)) expect(bytes).toBeLessThanOrEqual(budget + largestRow);
  });

  it("never leaves a sync empty, even when one row is worth more than a sync's share", () => {
    const syncs = planSyncs([{ rows: 2, bytes: 9_000_000 }], 4_000_000);
    expect(syncs).toEqual([[{ sheet: 0, first: 0, count: 1 }], [{ sheet: 0, first: 1, count: 1 }]]);
  });
});

describe("the response estimate", () => {
  it("counts UTF-8 bytes, and a row's visible-cell address with its sheet's name quoted twice over", () => {
    expect(utf8Bytes("A1")).toBe(2);
    expect(utf8Bytes("绩效指标")).toBe(12);
    expect(utf8Bytes("é")).toBe(2);
    expect(rowAddressBytes("绩效指标")).toBe(44);
    // The longest such address of a sheet named 绩效 '指标, as one row of JSON: ["'绩效 ''指标'!A1048576"],
    const longest = new TextEncoder().encode(`${JSON.stringify(["'绩效 ''指标'!A1048576"])},`).length;
    expect(rowAddressBytes("绩效 '指标")).toBeGreaterThanOrEqual(longest);
  });
});

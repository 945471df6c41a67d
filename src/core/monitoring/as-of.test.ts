import { yearPosition } from "./as-of";

describe("yearPosition", () => {
  it.each([
    ["2026-01-15", null, 4.1, false],
    ["2026-03-30", null, 24.4, false],
    ["2026-03-31", 0, 24.7, false],
    ["2026-06-30", 1, 49.6, false],
    ["2026-10-31", 2, 83.3, false],
    ["2026-12-30", 2, 99.7, false],
    ["2026-12-31", 3, 100, true],
    ["2028-06-30", 1, 49.7, false],
  ])("%s: checkpoint %s, %s%% of the year, year end %s", (asOf, checkpoint, elapsed, yearEnd) => {
    const p = yearPosition(asOf);
    expect(p.checkpoint).toBe(checkpoint);
    expect(p.elapsed).toBeCloseTo(elapsed, 1);
    expect(p.yearEnd).toBe(yearEnd);
  });
});

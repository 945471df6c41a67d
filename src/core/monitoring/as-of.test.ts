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

describe("yearPosition of a fiscal year", () => {
  it("judges a 2023 workbook checked on 2024-01-20 as final", () => {
    expect(yearPosition("2024-01-20", 2023)).toMatchObject({ year: 2023, checkpoint: 3, elapsed: 100, yearEnd: true });
  });

  it("has nothing elapsed of a year not yet begun", () => {
    expect(yearPosition("2023-12-20", 2024)).toMatchObject({
      year: 2024,
      checkpoint: null,
      elapsed: 0,
      yearEnd: false,
    });
  });

  it("counts the year's own days in the year itself", () => {
    expect(yearPosition("2024-06-30", 2024).elapsed).toBeCloseTo((182 / 366) * 100, 5);
  });
});

import fc from "fast-check";
import * as adapter from "../../src/excel/a1";
import * as model from "../support/office-model/address";

// The in-memory Excel parses addresses on its own so that it can catch the adapter's mistakes;
// the two must agree with each other and with Excel's own examples.
const letters = fc.integer({ min: 0, max: 16_383 }).map((c) => adapter.areaA1({ top: 0, left: c, bottom: 0, right: c }).replace(/\d+$/, ""));
const row = fc.integer({ min: 1, max: 1_048_576 });
const dollar = fc.constantFrom("", "$");
const cellRef = fc.tuple(dollar, letters, dollar, row).map(([a, l, b, r]) => `${a}${l}${b}${r}`);
const area = fc.oneof(
  cellRef,
  fc.tuple(cellRef, cellRef).map(([a, b]) => `${a}:${b}`),
  fc.tuple(letters, letters).map(([a, b]) => `${a}:${b}`),
  fc.tuple(row, row).map(([a, b]) => `${a}:${b}`),
);

describe("the in-memory Excel's addresses", () => {
  it("read Excel's examples as Excel does", () => {
    expect(model.parseArea("B3")).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
    expect(model.parseArea("$C$9:$A$1")).toEqual({ top: 0, left: 0, bottom: 8, right: 2 });
    expect(model.parseArea("XFD1048576")).toEqual({ top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 });
    expect(model.parseArea("A:C")).toEqual({ top: 0, left: 0, bottom: 1_048_575, right: 2 });
    expect(model.parseArea("2:4")).toEqual({ top: 1, left: 0, bottom: 3, right: 16_383 });
    for (const bad of ["A", "A0", "XFE1", "A1048577", "A1:B", "1", "A1:B2:C3", ""]) expect(model.parseArea(bad)).toBeNull();
    expect(model.splitAreas("'a, b'!A1, B2")).toEqual(["'a, b'!A1", "B2"]);
    expect(model.splitSheet("'绩效 ''指标'''!A1:B2")).toEqual({ sheet: "绩效 '指标'", area: "A1:B2" });
  });

  it("agree with the adapter's on any area", () => {
    fc.assert(
      fc.property(area, (a) => {
        const box = model.parseArea(a);
        expect(box).toEqual(adapter.parseArea(a));
        if (box !== null) expect(model.areaA1(box)).toBe(adapter.areaA1(box));
      }),
    );
  });
});

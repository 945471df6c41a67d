import fc from "fast-check";
import { columnLetters, fromA1, toA1 } from "./address";

describe("A1 addresses", () => {
  it("round-trips every cell of a sheet's grid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }), (row, col) => {
        expect(fromA1(toA1(row, col))).toEqual({ row, col });
      }),
      { numRuns: 2000 },
    );
  });

  it("names the corners as Excel does", () => {
    expect(toA1(0, 0)).toBe("A1");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(fromA1("XFD1048576")).toEqual({ row: 1_048_575, col: 16_383 });
  });

  it.each(["", "A", "12", "A0", "A01", "a1", "ABCD1", "A1B", "A 1", "$A$1", "A12345678", "Sheet1!A1"])(
    "rejects %p",
    (text) => {
      expect(fromA1(text)).toBeNull();
    },
  );
});

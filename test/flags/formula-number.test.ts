import { formulaNumber } from "../../src/core/flags/formula-number";

describe("a number in a formula", () => {
  it.each([
    [1e-7, "0.0000001"],
    [0.005, "0.005"],
    [-2.5e-8, "-0.000000025"],
    [1e21, "1000000000000000000000"],
    [0.1 + 0.2, "0.3"],
    [123456.789, "123456.789"],
    [0, "0"],
    [-3, "-3"],
  ])("%p is written %s, never in exponent form", (value, text) => {
    expect(formulaNumber(value)).toBe(text);
    expect(Number(text)).toBeCloseTo(value, 12);
  });
});

/**
 * A number as it may stand in an Excel formula: plain decimals, never JavaScript's exponent form
 * (String(1e-7) is "1e-7"), and at most 15 significant digits, the precision Excel keeps.
 */
export function formulaNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (value === 0) return "0";
  const [mantissa = "0", exponent = "0"] = value.toPrecision(15).split("e");
  const negative = mantissa.startsWith("-");
  const [whole = "0", fraction = ""] = mantissa.replace("-", "").split(".");
  let digits = whole + fraction;
  // The position of the decimal point within `digits`.
  let point = whole.length + Number(exponent);
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) digits += "0".repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const frac = digits.slice(point).replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac === "" ? "" : `.${frac}`}`;
}

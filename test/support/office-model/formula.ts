import { parse, tokenize } from "@borgar/fx";
import { FakeRichApiError } from "./runtime";

/**
 * The in-memory Excel's formula check, for a cell formula, a conditional format's rule or a
 * name's reference, when it is entered. Excel refuses a formula it cannot parse ("=AND(" is
 * InvalidArgument); the parser is @borgar/fx, a maintained parser of Excel's formula grammar.
 * Stricter than Excel on purpose where a slip of ours would only show later as #NAME? in a cell or
 * a flag that never shows: a function must be one Excel has (from the list below, which covers
 * what the add-in writes and the common functions), a defined name must exist when the formula is
 * entered, and a number must be written out in decimals, never in JavaScript's exponent form
 * (String(1e-7) is "1e-7"), which Excel's grammar does not promise in every locale and API.
 */

const FUNCTIONS = new Set(
  (
    "ABS AND AVERAGE CEILING CHOOSE COLUMN COLUMNS CONCAT CONCATENATE COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS " +
    "DATE DAY EXACT FALSE FIND FLOOR HYPERLINK IF IFERROR IFNA IFS INDEX INDIRECT INT ISBLANK ISERR ISERROR " +
    "ISLOGICAL ISNA ISNONTEXT ISNUMBER ISTEXT LEFT LEN LOWER MATCH MAX MID MIN MOD MONTH N NOT NOW OR " +
    "RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS SEARCH SIGN SUBSTITUTE SUM SUMIF SUMIFS SUMPRODUCT T TEXT " +
    "TODAY TRIM TRUE UPPER VALUE VLOOKUP XLOOKUP XOR YEAR"
  ).split(" "),
);

const refuse = (where: string, why: string): never => {
  throw new FakeRichApiError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format (${where}: ${why}).`,
  );
};

/** Throws InvalidArgument unless `formula` (with its "=") is one Excel takes; `names` are the workbook's defined names. */
export function checkFormula(formula: string, where: string, names: readonly string[]): void {
  if (!formula.startsWith("=") || formula.length < 2) refuse(where, `not a formula: ${formula}`);
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(formula, {});
    parse(tokens, {});
  } catch (error) {
    refuse(where, `${formula}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const known = new Set(names.map((n) => n.toLowerCase()));
  for (const token of tokens) {
    if (token.type === "func" && !FUNCTIONS.has(token.value.toUpperCase())) {
      refuse(where, `${formula}: unknown function ${token.value}`);
    }
    if (token.type === "range_named" && !known.has(token.value.toLowerCase())) {
      refuse(where, `${formula}: no name ${token.value}`);
    }
    if (token.type === "number" && /e/i.test(token.value)) {
      refuse(where, `${formula}: a number in exponent form (${token.value})`);
    }
  }
}

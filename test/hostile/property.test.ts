import fc from "fast-check";
import { checkWorkbook, type CellData, type WorkbookData } from "../../src/core";
import { cellText } from "../../src/core/sheets/cell-text";
import mustFail from "../fixtures/target-expressions/must-fail.json";
import seedTargets from "../fixtures/target-expressions/seed.json";
import variants from "../fixtures/target-expressions/variants.json";

/**
 * Nothing a user types makes the check throw, through the reader as well as the parser: 10,000 random 指标值 per run, typed into the
 * target cells of an indicator list and checked as a workbook. Every row is read as an
 * indicator with its target exactly as the cell shows it, and every target is either parsed
 * (quantitative or qualitative) or reported at its cell (target-missing, target-unparseable).
 */

const GOLDEN = [...seedTargets, ...variants, ...mustFail].map((e) => e.input);
const PIECES = [
  "≥",
  "≤",
  "＞",
  "＜",
  ">=",
  "=",
  "等于",
  "不低于",
  "不超过",
  "达到",
  "以上",
  "以内",
  "约",
  "80",
  "８０",
  "0.2",
  "1,281.02",
  "-5",
  "百分之八十",
  "两",
  "%",
  "％",
  "万元",
  "亿美元",
  "元/天",
  "家",
  "人次",
  "[",
  "]",
  "，",
  "～",
  "-",
  "至",
  " ",
  "　",
  "O",
  "e+",
  "按时拨付",
  "\n",
  "\u0000",
];

const piecesSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(""));
const spliced = fc
  .tuple(fc.constantFrom(...GOLDEN), fc.nat(12), fc.constantFrom(...GOLDEN, ...PIECES), fc.nat(12))
  .map(([a, i, b, j]) => `${a.slice(0, i)}${b.slice(0, j)}${a.slice(i)}`);

/** A 指标值 as clerks leave it: golden, spliced, soup, noise; now and then a number with a format. */
const targetCell: fc.Arbitrary<CellData> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...GOLDEN).map((value): CellData => ({ value })) },
  { weight: 3, arbitrary: spliced.map((value): CellData => ({ value })) },
  { weight: 3, arbitrary: piecesSoup.map((value): CellData => ({ value })) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 16 }).map((value): CellData => ({ value })) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 16 }).map((value): CellData => ({ value })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -10, max: 200 })),
        fc.constantFrom(undefined, "0%", "0.00", "yyyy-mm-dd", "@"),
      )
      .map(([value, numberFormat]): CellData => (numberFormat === undefined ? { value } : { value, numberFormat })),
  },
);

const ROWS = 100;
const RUNS = 100;

function list(targets: readonly CellData[]): WorkbookData {
  const header = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"].map((value) => ({ value }));
  const rows = targets.map((target, i) => [
    { value: `项目${Math.floor(i / 10)}` },
    { value: "产出指标" },
    { value: i % 2 === 0 ? "数量指标" : "质量指标" },
    { value: `指标${i}` },
    target,
  ]);
  return { sheets: [{ name: "绩效指标", visibility: "visible", rows: [header, ...rows], merges: [] }] };
}

describe("10,000 random 指标值 through the reader and the check", () => {
  it("are each read as a target and parsed or reported at their cell", () => {
    let seen = 0;
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(targetCell, { minLength: ROWS, maxLength: ROWS }), (targets) => {
        const data = list(targets);
        const { model, report } = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "random.xlsx" });
        expect(model.indicators).toHaveLength(ROWS);
        const reported = new Set(
          report.findings
            .filter((f) => f.rule === "target-missing" || f.rule === "target-unparseable")
            .map((f) => f.cell),
        );
        model.indicators.forEach((ind, i) => {
          seen++;
          // Read exactly as the cell shows it, at its own cell.
          expect(ind.cells.target.cell).toBe(`E${i + 2}`);
          expect(ind.targetText).toBe(cellText(targets[i]));
          const kind = ind.target.kind;
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          if (kind !== "quantitative" && kind !== "qualitative") expect(reported.has(`E${i + 2}`)).toBe(true);
        });
        for (const f of report.findings) expect(f.message).not.toMatch(/undefined|NaN/);
      }),
      { numRuns: RUNS },
    );
    expect(seen).toBe(ROWS * RUNS);
    // The generator reaches every outcome, each many times, or the property proves little.
    for (const kind of ["quantitative", "qualitative", "missing", "unparseable"]) {
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(200);
    }
  });
});

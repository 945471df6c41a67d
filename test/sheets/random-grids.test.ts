import fc from "fast-check";
import {
  checkWorkbook,
  HEADER_SYNONYMS,
  readWorkbook,
  type CellData,
  type SheetData,
  type WorkbookData,
} from "../../src/core";
import { SETTING_KEYS } from "../../src/core/check-settings";
import { DEFINITION_HEADER } from "../support/seed-workbook";

/**
 * The bar: nothing a user types makes the check throw. Random grids built from the very words
 * the readers look for — header fragments, block labels, targets, settings keys — mixed with
 * noise, error values, odd number formats and merged areas that overlap, reach past the sheet
 * or are upside down.
 */
const FRAGMENTS = [
  ...Object.values(HEADER_SYNONYMS).flat(),
  "单位：万元",
  "资金支出计划（%）",
  "预算规模及资金用途",
  "其中：财政    资金",
  "正向",
  "反向",
  "定性",
  "≥",
  "≤",
  "≥80%",
  " %",
  "≥8O%",
  "≤858亿美元",
  "等于848万美元",
  "≤25000元/天",
  "[80,100]%",
  "按时拨付",
  "满意度",
  "群众满意度",
  "完成年度外资目标任务",
  "13020823P00925610020B",
  "check-targets:settings v1",
  "check-targets:helper v1",
  "framework",
  "mapping",
  '{"sheet":"A","kind":"indicator-list","headerRow":1,"columns":{"name":"A","target":"B"}}',
  '{"sheet":"指标","kind":"standard-form","headerRow":2,"columns":{"level1":"A","name":"ZZZ"}}',
  "{not json",
  "(a+)+$",
  "[",
  ...SETTING_KEYS,
];

const text = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom(...FRAGMENTS).chain((f) => fc.string({ maxLength: 3 }).map((noise) => `${noise}${f}${noise}`)),
);
const format = fc.constantFrom(
  undefined,
  "0%",
  "0.00%",
  "yyyy-mm-dd",
  "General",
  "@",
  '"万元"0.00',
  "[Red]0.0;(0.0)",
  'm"月"d"日"',
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0.25, 0.5, 0.75, 1, 72.02, 44377, 2020, 2021),
);
const cell: fc.Arbitrary<CellData | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.record({ value: text, numberFormat: format }, { requiredKeys: ["value"] }) },
  { weight: 2, arbitrary: fc.record({ value: number, numberFormat: format }, { requiredKeys: ["value"] }) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#REF!", "#DIV/0!").map((error) => ({ value: null, error })) },
  { weight: 1, arbitrary: number.map((value) => ({ value, formula: "A1+B1" })) },
);
const box = fc.record({
  top: fc.integer({ min: -1, max: 14 }),
  left: fc.integer({ min: -1, max: 10 }),
  bottom: fc.integer({ min: -1, max: 20 }),
  right: fc.integer({ min: -1, max: 12 }),
});
const sheet: fc.Arbitrary<SheetData> = fc.record({
  name: fc.oneof(
    fc.constantFrom("指标", "项目清单", "指标定义", "检查目标_设置", "部门目标"),
    fc.string({ maxLength: 6 }),
  ),
  visibility: fc.constantFrom("visible", "hidden", "veryHidden"),
  rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }),
  merges: fc.array(box, { maxLength: 4 }),
  hiddenRows: fc.array(fc.integer({ min: 0, max: 14 }), { maxLength: 3 }),
});
const row = fc.array(cell, { maxLength: 9 });
const texts = (words: readonly string[]) => words.map((value) => ({ value }));

/** A settings sheet of ours: the marker row, then key/value rows of any quality. */
const settingsSheet: fc.Arbitrary<SheetData> = fc
  .array(fc.tuple(fc.constantFrom(...SETTING_KEYS, "mapping", "键", "junk"), cell), { maxLength: 8 })
  .map((pairs) => ({
    name: "检查目标_设置",
    visibility: "hidden",
    merges: [],
    rows: [[{ value: "check-targets:settings v1" }], ...pairs.map(([key, value]) => [{ value: key }, value])],
  }));

/** A 指标定义 sheet: its header, then rows of anything. */
const definitionSheet: fc.Arbitrary<SheetData> = fc.array(row, { maxLength: 8 }).map((rows) => ({
  name: "指标定义",
  visibility: "visible",
  merges: [],
  rows: [texts(DEFINITION_HEADER), ...rows],
}));

/** A standard-form block's labels and grid header, with random values and rows between. */
const blockSheet: fc.Arbitrary<SheetData> = fc
  .tuple(fc.array(row, { maxLength: 3 }), fc.array(row, { maxLength: 6 }), fc.array(box, { maxLength: 3 }))
  .map(([noise, grid, merges]) => ({
    name: "目标表",
    visibility: "visible",
    merges,
    rows: [
      texts(["项目编码", "13020823P00925610020B", "项目名称", "隔离点"]),
      texts(["预算规模及资金用途", "预算数", "72.02", "其中：财政资金", "72.02", "其他资金"]),
      ...noise,
      texts(["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"]),
      texts(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]),
      ...grid,
      texts(["单位：万元"]),
      ...noise,
    ],
  }));

const workbook: fc.Arbitrary<WorkbookData> = fc.record({
  sheets: fc.array(fc.oneof({ weight: 4, arbitrary: sheet }, settingsSheet, definitionSheet, blockSheet), {
    maxLength: 4,
  }),
});

describe("random grids", () => {
  it("never make the reader or the check throw", () => {
    fc.assert(
      fc.property(workbook, (data) => {
        readWorkbook(data);
        const { report } = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "random.xlsx" });
        // Every finding is worded and placed.
        for (const f of report.findings) {
          expect(f.message).not.toMatch(/undefined/);
          expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
        }
        // Every indicator read has its target parsed, or reported at its cell.
        const reported = new Set(
          report.findings
            .filter((f) => f.rule === "target-missing" || f.rule === "target-unparseable")
            .map((f) => `${f.sheet}!${f.cell}`),
        );
        for (const ind of report.projects.flatMap((p) => p.indicators)) {
          const kind = ind.target.parsed.kind;
          if (kind !== "quantitative" && kind !== "qualitative") {
            expect(reported.has(`${ind.sheet}!${ind.cell}`)).toBe(true);
          }
        }
      }),
      { numRuns: 1200 },
    );
  });
});

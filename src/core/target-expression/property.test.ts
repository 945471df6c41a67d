import fc from "fast-check";
import { convert } from "./convert";
import { formatTarget } from "./format";
import { parseOperator } from "./operator";
import { parseTarget } from "./parse";
import { targetExpressionSchema, type Unit } from "./schema";
import { parseUnit } from "./unit";

/** Every result is schema-valid, and the reader's own safety net never fires. */
function wellFormed(text: string): boolean {
  const parsed = parseTarget(text);
  const valid = targetExpressionSchema.safeParse(parsed).success;
  const internal = parsed.kind === "unparseable" && parsed.reason === "internal-error";
  return valid && !internal && typeof formatTarget(parsed) === "string";
}

const fullWidth = (s: string) => s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const operator = fc.constantFrom(
  "",
  "≥",
  "≤",
  "=",
  ">",
  "<",
  "＞",
  "＜",
  "≧",
  "≦",
  "⩾",
  "⩽",
  ">=",
  "<=",
  "＞＝",
  "=>",
  "等于",
  "大于等于",
  "小于等于",
  "大于",
  "小于",
  "不低于",
  "不少于",
  "不超过",
  "不高于",
  "达到",
  "至少",
  "最多",
  "低于",
  "高于",
  "超过",
  "约",
  "控制在",
);
const arabic = fc.oneof(
  fc.nat(100000).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
  fc.integer({ min: 1000, max: 1e9 }).map((n) => n.toLocaleString("en-US")),
  fc.double({ min: 0, max: 1e25, noNaN: true }).map(String),
);
const number = fc.oneof(
  arabic,
  arabic.map(fullWidth),
  fc.constantFrom("两", "三", "十", "十二", "二十", "一百零五", "百分之八十", ".5", "-5", "0"),
);
const unit = fc.constantFrom(
  "",
  "%",
  "％",
  "‰",
  "家",
  "个",
  "次",
  "人次",
  "万人次",
  "万元",
  "元",
  "千元",
  "亿元",
  "亿美元",
  "万美元",
  "亿人民币",
  "元人民币",
  "元/天",
  "万元/日",
  "万元/半年",
  "元/间",
  "元/人/天",
  "元每天",
  "个百分点",
  "㎡",
  "平方米",
  "公里",
  "千米",
  "米",
  "吨",
  "亩",
  "公顷",
  "天",
  "日",
  "小时",
  "个月",
  "年",
  "工作日",
  "个工作日",
  "枚",
  "家企业",
  "个项目",
  "万",
  "分",
);
const suffix = fc.constantFrom("", "", "以上", "以下", "以内", "及以上", "及以下", "左右", "(含)以上", "内");
const space = fc.constantFrom("", "", " ", "　", "\u00a0");
const separator = fc.constantFrom("-", "~", "～", "至", "到", "—", "——");
const noise = fc.constantFrom(
  "",
  "O",
  "%%",
  "abc",
  "【",
  "】",
  "[",
  "]",
  "-",
  "~",
  "至",
  "。",
  "；",
  ",",
  "，",
  ".",
  "≥",
  "完成",
  "12月底前",
  "(含)",
  "/",
  "每",
  "e",
  "e+",
  "\u0000",
  "\ud800",
  "𠀀",
);

/** Mostly no suffix, so that operator and suffix rarely contradict each other. */
const maybeSuffix = fc.oneof({ arbitrary: fc.constant(""), weight: 4 }, { arbitrary: suffix, weight: 1 });
const single = fc.tuple(space, operator, space, number, space, unit, maybeSuffix).map((parts) => parts.join(""));
/** Two ordered arabic bounds, written plain or full-width. */
const bounds = fc
  .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.boolean())
  .map(([a, d, wide]) => [String(a), String(a + d)].map((n) => (wide ? fullWidth(n) : n)) as [string, string]);
const range = fc
  .tuple(bounds, unit, separator, fc.boolean())
  .map(([[a, b], u, sep, both]) => `${a}${both ? u : ""}${sep}${b}${u}`);
const bracket = fc
  .tuple(fc.constantFrom("[", "［", "【"), bounds, fc.constantFrom(",", "，"), fc.constantFrom("]", "］", "】"), unit)
  .map(([open, [a, b], comma, close, u]) => `${open}${a}${comma}${b}${close}${u}`);
const target = fc.oneof(single, range, bracket);
const soup = fc
  .array(fc.oneof(operator, number, unit, suffix, noise, space, separator), { maxLength: 10 })
  .map((parts) => parts.join(""));

describe("parseTarget properties", () => {
  it("never throws on arbitrary binary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), wellFormed), { numRuns: 2500 });
  });

  it("never throws on arbitrary grapheme strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), wellFormed), { numRuns: 1500 });
  });

  it("never throws on targets built from the grammar, with noise", () => {
    fc.assert(
      fc.property(fc.oneof(target, soup), fc.oneof(noise, fc.constant("")), (t, n) => wellFormed(t + n)),
      {
        numRuns: 4000,
      },
    );
  });

  it("reads back what formatTarget writes", () => {
    let quantitative = 0;
    fc.assert(
      fc.property(target, (text) => {
        const parsed = parseTarget(text);
        if (parsed.kind !== "quantitative") return true;
        quantitative++;
        expect(parseTarget(formatTarget(parsed))).toEqual(parsed);
        return true;
      }),
      { numRuns: 3000 },
    );
    // The generator must mostly produce readable targets, or the property proves little.
    expect(quantitative).toBeGreaterThan(1500);
  });

  it("parseUnit and parseOperator never throw", () => {
    fc.assert(
      fc.property(fc.oneof(unit, operator, soup, fc.string({ unit: "binary", maxLength: 12 })), (text) => {
        const u = parseUnit(text);
        const op = parseOperator(text);
        return (u === null || typeof u.dimension === "string") && (op === null || typeof op === "string");
      }),
      { numRuns: 1000 },
    );
  });
});

describe("convert properties", () => {
  const units = [
    "元",
    "万元",
    "千元",
    "百万元",
    "亿元",
    "元人民币",
    "亿人民币",
    "美元",
    "万美元",
    "亿美元",
    "%",
    "‰",
    "米",
    "公里",
    "千米",
    "平方米",
    "亩",
    "公顷",
    "天",
    "日",
    "小时",
    "个月",
    "季度",
    "年",
    "人次",
    "万人次",
    "元/天",
    "万元/日",
  ]
    .map((text) => parseUnit(text))
    .filter((u): u is Unit => u !== null);
  const sameDimension = fc
    .tuple(fc.constantFrom(...units), fc.constantFrom(...units))
    .filter(([a, b]) => a.dimension === b.dimension);

  it("converting there and back gives the value again", () => {
    fc.assert(
      fc.property(sameDimension, fc.double({ min: -1e9, max: 1e9, noNaN: true }), ([a, b], v) => {
        const there = convert(v, a, b);
        const back = there === null ? null : convert(there, b, a);
        return back !== null && Math.abs(back - v) <= 1e-9 * Math.max(1, Math.abs(v));
      }),
      { numRuns: 1000 },
    );
  });

  it("never converts across dimensions", () => {
    fc.assert(
      fc.property(fc.constantFrom(...units), fc.constantFrom(...units), (a, b) =>
        a.dimension === b.dimension ? convert(1, a, b) !== null : convert(1, a, b) === null,
      ),
      { numRuns: 300 },
    );
  });
});

import { parseOperator } from "./operator";
import { parseUnit } from "./unit";

describe("parseUnit (a 计量单位 column)", () => {
  it.each([
    ["万元", { text: "万元", dimension: "money:CNY", scale: 1e4, per: null }],
    ["%", { text: "%", dimension: "percent", scale: 1, per: null }],
    ["％", { text: "%", dimension: "percent", scale: 1, per: null }],
    ["家", { text: "家", dimension: "count:家", scale: 1, per: null }],
    ["元/天", { text: "元/天", dimension: "money:CNY/天", scale: 1, per: "天" }],
    ["元/日", { text: "元/日", dimension: "money:CNY/天", scale: 1, per: "天" }],
    [" 万元 ", { text: "万元", dimension: "money:CNY", scale: 1e4, per: null }],
    ["（万元）", { text: "万元", dimension: "money:CNY", scale: 1e4, per: null }],
    ["单位：万元", { text: "万元", dimension: "money:CNY", scale: 1e4, per: null }],
    ["亿美元", { text: "亿美元", dimension: "money:USD", scale: 1e8, per: null }],
    ["人次", { text: "人次", dimension: "count:人次", scale: 1, per: null }],
    ["个百分点", { text: "个百分点", dimension: "percentage-point", scale: 1, per: null }],
    ["百分比", { text: "百分比", dimension: "percent", scale: 1, per: null }],
    ["枚", { text: "枚", dimension: "unit:枚", scale: 1, per: null }],
    ["工作日", { text: "工作日", dimension: "workday", scale: 1, per: null }],
    // Metres in capitals, as clerks write them (雾炮车风炮射程 ≥80M, Xiangtan 2023).
    ["M", { text: "M", dimension: "length", scale: 1, per: null }],
    ["KM", { text: "KM", dimension: "length", scale: 1000, per: null }],
  ])("%s", (text, expected) => {
    expect(parseUnit(text)).toEqual(expected);
  });

  it.each(["", "  ", "按完成情况", "80%", "≥", "正向", "abc"])("%j is not a unit", (text) => {
    expect(parseUnit(text)).toBeNull();
  });
});

describe("parseOperator (a 指标性质 / 计算符号 column)", () => {
  it.each([
    ["≥", ">="],
    [">=", ">="],
    ["＞＝", ">="],
    ["大于等于", ">="],
    ["不低于", ">="],
    ["以上", ">="],
    ["≤", "<="],
    ["<=", "<="],
    ["小于等于", "<="],
    ["不超过", "<="],
    ["=", "="],
    ["＝", "="],
    ["等于", "="],
    [">", ">"],
    ["＜", "<"],
    ["区间", "range"],
    ["定性", "qualitative"],
    [" 定性 ", "qualitative"],
  ])("%s", (text, expected) => {
    expect(parseOperator(text)).toBe(expected);
  });

  it.each(["正向", "反向", "", "≥80%", "定量", "abc"])("%j is not an operator", (text) => {
    expect(parseOperator(text)).toBeNull();
  });
});

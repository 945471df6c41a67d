import { describeUnit, formatTarget } from "./format";
import { parseTarget } from "./parse";

describe("formatTarget", () => {
  it.each([
    ["≥ 80 %", "≥80%"],
    ["≥８０％", "≥80%"],
    ["≤0.2 万元", "≤0.2万元"],
    ["≤25,000元/天", "≤25000元/天"],
    ["≤2.5万元/日", "≤2.5万元/日"],
    ["80%-100%", "[80,100]%"],
    ["80～100%", "[80,100]%"],
    ["等于848万美元", "=848万美元"],
    ["10亿元以上", "≥10亿元"],
    ["不超过5000元", "≤5000元"],
    ["两次", "2次"],
    ["85%", "85%"],
    ["≥180", "≥180"],
    ["≥ 家", "≥家"],
    [" %", "%"],
    ["", ""],
    [" 拨付完成", "拨付完成"],
    ["≥8O%", ""],
  ])("%j is shown as %j", (text, shown) => {
    expect(formatTarget(parseTarget(text))).toBe(shown);
  });

  it("describes a unit by its written words", () => {
    const t = parseTarget("≤650万元/半年");
    expect(t.kind === "quantitative" ? describeUnit(t.unit) : null).toBe("万元/半年");
    expect(describeUnit(null)).toBe("");
  });
});

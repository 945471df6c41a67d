import { ruleIdSchema } from "../core";
import { RULE_NAMES, ruleName } from "./rule-names";

describe("the rule filter's names", () => {
  it.each(["zh-CN", "en-US"] as const)("names every rule of the core in %s, each differently", (locale) => {
    const names = ruleIdSchema.options.map((rule) => RULE_NAMES[locale][rule]);
    expect(names.filter((n) => n === undefined)).toStrictEqual([]);
    expect(new Set(names).size).toBe(ruleIdSchema.options.length);
  });

  it("falls back to the id for a rule it does not know", () => {
    expect(ruleName("target-missing", "zh-CN")).toBe("指标值缺失");
    expect(ruleName("some-new-rule", "en-US")).toBe("some-new-rule");
  });
});

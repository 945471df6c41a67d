import { compareWithTarget, convert, toBase } from "./convert";
import { parseTarget } from "./parse";
import type { Quantitative, Unit } from "./schema";
import { parseUnit } from "./unit";

function target(text: string): Quantitative {
  const t = parseTarget(text);
  if (t.kind !== "quantitative") throw new Error(`${text} is ${t.kind}`);
  return t;
}

function unit(text: string): Unit {
  const u = parseUnit(text);
  if (u === null) throw new Error(`${text} is not a unit`);
  return u;
}

/** An actual value (完成值) as the monitoring rules read it: parsed, operator ignored. */
function actual(text: string): { value: number; unit: Unit | null } {
  const a = target(text);
  return { value: a.value, unit: a.unit };
}

describe("convert", () => {
  it("converts scales within a dimension", () => {
    expect(convert(2500, unit("元"), unit("万元"))).toBe(0.25);
    expect(convert(0.2, unit("万元"), unit("元"))).toBe(2000);
    expect(convert(29.69, unit("亿人民币"), unit("万元"))).toBeCloseTo(296900, 6);
    expect(convert(848, unit("万美元"), unit("亿美元"))).toBeCloseTo(0.0848, 12);
    expect(convert(3, unit("公里"), unit("米"))).toBe(3000);
    expect(convert(12, unit("个月"), unit("年"))).toBeCloseTo(1, 12);
    expect(convert(2.5, unit("万元/日"), unit("元/天"))).toBe(25000);
  });

  it("refuses to convert between dimensions", () => {
    expect(convert(1, unit("元"), unit("美元"))).toBeNull();
    expect(convert(1, unit("元"), unit("元/天"))).toBeNull();
    expect(convert(1, unit("元/天"), unit("元/半年"))).toBeNull();
    expect(convert(1, unit("%"), unit("个百分点"))).toBeNull();
    expect(convert(1, unit("家"), unit("个"))).toBeNull();
    expect(convert(1, unit("天"), unit("工作日"))).toBeNull();
  });

  it("gives the value in the dimension's base", () => {
    expect(toBase(0.2, unit("万元"))).toBe(2000);
    expect(toBase(10, unit("万人次"))).toBe(100000);
  });
});

describe("compareWithTarget", () => {
  it.each([
    ["2500元", "≤0.2万元", "fail"],
    ["1500元", "≤0.2 万元", "pass"],
    ["75%", "≥80%", "fail"],
    ["80%", "≥80 %", "pass"],
    ["2500美元", "≤25000元/天", "incomparable"],
    ["19家", "≥18 家", "pass"],
    ["17家", "≥18 家", "fail"],
    ["19个", "≥18 家", "incomparable"],
    ["80%", "[80,100]%", "pass"],
    ["100%", "80%-100%", "pass"],
    ["79.99%", "[80,100]%", "fail"],
    ["100.01%", "[80,100]%", "fail"],
    ["20000元/天", "≤2.5万元/日", "pass"],
    ["30000元/日", "≤25000元/天", "fail"],
    ["849万美元", "≤858亿美元", "pass"],
    ["42.4亿元", "等于42.4亿人民币", "pass"],
    ["4240000000元", "=42.4亿人民币", "pass"],
    ["42.5亿元", "=42.4亿人民币", "fail"],
    ["1000元", "=0.1万元", "pass"],
    ["5家", ">5家", "fail"],
    ["6家", ">5家", "pass"],
    ["5%", "<5%", "fail"],
    ["4%", "<5%", "pass"],
    ["12个月", "≤1年", "pass"],
    ["2%", "≥2个百分点", "incomparable"],
    ["0.15", "≤0.2万元", "pass"],
    ["200人", "≥180", "pass"],
    ["170", "≥180", "fail"],
  ])("%s against %s: %s", (a, t, expected) => {
    expect(compareWithTarget(actual(a), target(t))).toBe(expected);
  });

  it("takes the target's unit for an actual written without one", () => {
    expect(compareWithTarget({ value: 0.25, unit: null }, target("≤0.2万元"))).toBe("fail");
    expect(compareWithTarget({ value: 85, unit: null }, target("≥80%"))).toBe("pass");
  });

  it("has no operator to judge by unless given one", () => {
    expect(compareWithTarget(actual("90%"), target("85%"))).toBe("incomparable");
    expect(compareWithTarget(actual("90%"), target("85%"), ">=")).toBe("pass");
    expect(compareWithTarget(actual("90%"), target("85%"), "<=")).toBe("fail");
    expect(compareWithTarget(actual("90%"), target("≥95%"), "<=")).toBe("fail");
  });

  it("does not judge a value that is not a number", () => {
    expect(compareWithTarget({ value: Number.NaN, unit: null }, target("≥80%"))).toBe("incomparable");
  });
});

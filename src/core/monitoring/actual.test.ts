import { parseTarget } from "../target-expression";
import type { Quantitative } from "../target-expression/schema";
import { isCumulative, judgedTarget, readActual } from "./actual";

const q = (text: string): Quantitative => {
  const t = parseTarget(text);
  if (t.kind !== "quantitative") throw new Error(`not quantitative: ${text}`);
  return t;
};

describe("reading a 完成值", () => {
  it.each([
    ["2500元", { kind: "value", value: 2500 }],
    ["19家", { kind: "value", value: 19 }],
    ["26000元/天", { kind: "value", value: 26000 }],
    ["92%", { kind: "value", value: 92 }],
    ["１９家", { kind: "value", value: 19 }],
    ["十九家", { kind: "value", value: 19 }],
    ["达成", { kind: "grade", grade: "达成" }],
    ["已完成", { kind: "grade", grade: "达成" }],
    ["部分达成", { kind: "grade", grade: "部分达成" }],
    ["未达成", { kind: "grade", grade: "未达成" }],
    ["", { kind: "none" }],
    ["正在推进", { kind: "pending" }],
    ["群众反映良好", { kind: "text" }],
    ["8O家", { kind: "unreadable" }],
    ["≥80%", { kind: "unreadable" }],
  ])("%s", (text, expected) => {
    expect(readActual(text)).toMatchObject(expected);
  });
});

describe("targets as monitoring judges them", () => {
  it("reads = on a higher-is-better measure as at least", () => {
    expect(judgedTarget(q("等于2次"), "positive").operator).toBe(">=");
    expect(judgedTarget(q("=20万元"), "reverse").operator).toBe("=");
    expect(judgedTarget(q("85%"), "positive").operator).toBe(">=");
  });

  it("treats counts and amounts as cumulative, rates and per-unit standards not", () => {
    expect(isCumulative(q("≥18家"), "positive")).toBe(true);
    expect(isCumulative(q("≥10亿元"), "positive")).toBe(true);
    expect(isCumulative(q("≥80%"), "positive")).toBe(false);
    expect(isCumulative(q("≤25000元/天"), "reverse")).toBe(false);
    expect(isCumulative(q("≤20万元"), "reverse")).toBe(false);
  });
});

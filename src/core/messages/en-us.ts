import type { Catalogue } from "./catalogue";

const MISUSE: Record<string, string> = {
  satisfaction: "satisfaction measures belong under 满意度指标 (satisfaction)",
  execution: "budget execution is not a benefit; score it separately or under outputs",
  cost: "a cost is not a benefit; file it under 成本指标 (cost)",
  level2: "the level-2 category does not belong to this level-1 category",
};
const PLAN: Record<string, string> = {
  empty: "has a gap",
  range: "is outside 0–100%",
  falling: "falls below the previous checkpoint (it must be cumulative)",
  last: "must reach 100% at the end of December",
};
const MISSING_PART: Record<string, string> = {
  operator: "an operator (≥, ≤, =)",
  unit: "a unit",
  both: "an operator and a unit",
};

export const enUS: Catalogue = {
  "target-missing": (d) => `Target "${d("target")}" has no value; enter a complete target such as "≥80%".`,
  "target-unparseable": (d) =>
    `Target "${d("target")}" cannot be read; check for typos (letter O for zero) and write it like "≥80%".`,
  "target-not-quantitative": (d) =>
    `${d("level2")} must be quantitative, but "${d("target")}" is qualitative; give a number such as "≤5万元".`,
  "target-direction": (d) =>
    d("direction") === "reverse"
      ? `Lower is better for this measure (a cost), but target "${d("target")}" uses ≥/>; use ≤.`
      : `Higher is better for this measure, but target "${d("target")}" uses ≤/<; use ≥ or =.`,
  "target-unit": (d) => `Target "${d("target")}" is not in the definition's unit "${d("expected")}".`,
  "target-out-of-range": (d) => `Target "${d("target")}" is outside the valid range ${d("min")}–${d("max")}%.`,
  "target-goal-mismatch": (d) =>
    `Target "${d("target")}" disagrees with the department goal "${d("goal")}: ${d("goalTarget")}".`,
  "target-incomplete": (d) =>
    `Target "${d("target")}" lacks ${MISSING_PART[d("missing")] ?? "a part"}; complete it, e.g. "≥85%".`,
  "category-misuse": (d) =>
    `"${d("level1")} / ${d("level2")}" is misfiled: ${MISUSE[d("reason")] ?? "check the category"}.`,
  "target-restates-name": (d) =>
    `Target "${d("target")}" only repeats the indicator's name and cannot be measured; state a standard such as "100%".`,
  "target-exceeds-budget": (d) =>
    `Cost target "${d("target")}" (${d("limit")} 万元) exceeds the project's budget of ${d("budget")} 万元.`,
  "weights-sum": (d) => `The weights add up to ${d("sum")}; they should add up to ${d("expected")}.`,
  "indicator-unmapped": () =>
    `No definition found for this indicator; only its form was checked. Add one on the 指标定义 sheet.`,
  "indicator-duplicate": (d) =>
    `This indicator appears twice in the project (first at ${d("first")}); merge or rename it.`,
  "category-missing": (d) =>
    d("level2") === ""
      ? `The project has no "${d("level1")}" indicators.`
      : `The project's outputs lack "${d("level2")}".`,
  "budget-sum": (d) => `Budget ${d("budget")} 万元 is not fiscal ${d("fiscal")} plus other ${d("other")} 万元.`,
  "plan-invalid": (d) => `Spending plan "${d("plan")}" ${PLAN[d("reason")] ?? "is invalid"}.`,
  "project-code": (d) =>
    `Project code "${d("code")}" does not match the pattern (8 digits, P, 11 digits, a digit or capital letter).`,
  "project-duplicate": (d) =>
    `Project code "${d("code")}" appears again (first at ${d("first")}) with different content.`,
  "actual-fails-target": (d) => `Actual "${d("actual")}" fails target "${d("target")}".`,
  "actual-unparseable": (d) => `Actual "${d("actual")}" cannot be read or compared with target "${d("target")}".`,
  "actual-behind": (d) =>
    `Progress ${d("progress")}% is behind the year's elapsed ${d("expected")}% by more than ${d("tolerance")} points.`,
  "spending-behind-plan": (d) => `Spending ${d("progress")}% is behind the plan's ${d("plan")}% (${d("checkpoint")}).`,
  "deviation-reason-missing": () => `The actual deviates from the target; give a deviation reason.`,
};

import type { Catalogue, Detail } from "./catalogue";
import { boundOf, type Bound } from "./bound";

const MISUSE: Record<string, string> = {
  satisfaction: "satisfaction measures belong under 满意度指标 (satisfaction)",
  execution: "budget execution is not a benefit; score it separately or under outputs",
  cost: "a cost is not a benefit; file it under 成本指标 (cost)",
  level2: "the level-2 category does not belong to this level-1 category; pick one of its own",
  "quality-count":
    "the target is a count, not a standard of quality; counts belong under 产出指标 / 数量指标 (quantity), qualities are pass or compliance rates",
  "quality-money":
    "the target is an amount of money, not a standard of quality; amounts belong under 产出指标 / 数量指标 (quantity), or cost, and qualities are pass or compliance rates",
  economic:
    "it measures an economic output (money); file it under 效益指标 / 经济效益指标 (economic benefit), not social benefit",
};
const PLAN: Record<string, string> = {
  empty: "has a gap",
  range: "is outside 0–100%",
  falling: "falls below the previous checkpoint",
  last: "does not reach 100% at the end of December",
};
const MISSING_PART: Record<string, string> = {
  operator: "an operator (≥, ≤, =)",
  unit: "a unit",
  both: "an operator and a unit",
};
const DEFINITION: Record<string, (d: Detail<"definition-invalid">) => string> = {
  "missing-name": () => "it has no indicator name; fill one in or delete the row",
  unit: (d) => `unit "${d("value")}" cannot be read; write a unit such as 元, 万元/天, % or 家`,
  direction: (d) => `direction "${d("value")}" must be 正向 (higher is better) or 反向 (lower is better)`,
  number: (d) => `"${d("value")}" is not a number; write the minimum and maximum as numbers, e.g. 60`,
  range: () => "its minimum is above its maximum; swap or correct them",
  "yes-no": (d) => `"${d("value")}" in 必须定量 must be 是 (yes) or 否 (no)`,
  level1: (d) => `level 1 "${d("value")}" is not in the framework; use 产出指标, 效益指标, 满意度指标 or 成本指标`,
  level2: (d) => `level 2 "${d("value")}" is not in the framework; use 数量指标, 质量指标, 时效指标, 成本指标 …`,
  duplicate: (d) => `indicator "${d("value")}" is defined twice; merge the rows`,
  error: (d) =>
    `its ${DEFINITION_FIELD[d("field")] ?? d("field")} cell shows the error value ${d("value")} (a broken formula); correct the formula or type the value`,
};
/** The 指标定义 columns, named as the sheet's template heads them. */
const DEFINITION_FIELD: Record<string, string> = {
  id: "编号 (id)",
  name: "指标名称 (name)",
  synonyms: "同义词 (synonyms)",
  level1: "一级指标 (level 1)",
  level2: "二级指标 (level 2)",
  unit: "计量单位 (unit)",
  direction: "指标方向 (direction)",
  min: "最小值 (minimum)",
  max: "最大值 (maximum)",
  requiresNumber: "必须定量 (requires a number)",
  goal: "部门目标 (department goal)",
};
const SETTINGS: Record<string, (d: Detail<"settings-invalid">) => string> = {
  invalid: (d) =>
    `Setting "${d("key")}" is invalid (${d("detail")}); the default was used. Set it again in the Check targets pane.`,
  "unknown-key": (d) =>
    `"${d("key")}" in the settings sheet is not a known setting and was ignored; change settings in the Check targets pane.`,
  duplicate: (d) => `Setting "${d("key")}" appears twice; only the first was used. Delete the extra row.`,
  "bad-json": (d) =>
    `A saved table mapping cannot be read (${d("detail")}); the sheet was detected afresh. Confirm and save the mapping in the pane.`,
  "stale-mapping": (d) =>
    `The saved mapping of sheet "${d("detail")}" no longer matches its headers (the table was moved or changed); the sheet was detected afresh. Confirm and save the mapping in the pane.`,
};

function rangeText(d: Detail<"target-out-of-range">): string {
  const [min, max, unit] = [d("min"), d("max"), d("unit")];
  if (min !== "" && max !== "") return `${min}–${max}${unit}`;
  return min !== "" ? `at least ${min}${unit}` : `at most ${max}${unit}`;
}

const example = (level2: string): string => (level2.includes("成本") ? "≤5万元" : "≥5个");

const BASIS_FROM: Record<string, string> = {
  name: "name",
  description: "description",
  target: "target's unit",
  category: "category",
};

/** Why the direction is what it is: the definition, the row's column, or the analyser's reading. */
function directionWhy(d: Detail<"target-direction">): string {
  if (d("definition") !== "") return ` (definition "${d("definition")}")`;
  if (d("from") === "row") return " (the row's direction column)";
  if (d("from") === "analyser") {
    if (d("basis") === "") return " (inferred from the name)";
    return ` (inferred from "${d("basis")}" in the ${BASIS_FROM[d("basisFrom")] ?? "name"})`;
  }
  if (d("from") === "consistency") return ` (other projects write the same indicator as ${d("others")})`;
  return d("direction") === "reverse" ? " (a cost)" : "";
}

export const enUS: Catalogue = {
  "target-missing": (d) =>
    d("error") !== ""
      ? `The target cell shows the error "${d("error")}" (a broken formula or reference) and counts as empty; fix the formula or type the target, e.g. "≥80%".`
      : d("target") === ""
        ? `The target is empty; enter a complete target (operator, number, unit) such as "≥80%".`
        : `Target "${d("target")}" has no value; enter a complete target (operator, number, unit) such as "≥80%".`,
  "target-unparseable": (d) =>
    `Target "${d("target")}" cannot be read; check for typos (letter O for zero) and write it like "≥80%".`,
  "target-not-quantitative": (d) =>
    d("reason") === "vague"
      ? `Target "${d("target")}" states a direction of change but no number, date or checkable state, so it cannot be assessed; give a value or an amount of change, e.g. "≥90%" or "较上年下降5%".`
      : d("reason") === "no-time"
        ? `Timeliness target "${d("target")}" states no time, so timeliness cannot be assessed; give a deadline, e.g. "12月31日前完成" or "≤30日".`
        : d("definition") !== ""
          ? `The definition "${d("definition")}" requires a number, but "${d("target")}" is qualitative; give a number and unit such as "≥90%".`
          : `${d("level2")} must be quantitative, but "${d("target")}" is qualitative; give a number such as "${example(d("level2"))}".`,
  "target-direction": (d) => {
    const why = directionWhy(d);
    return d("direction") === "reverse"
      ? `Lower is better for this measure${why}, but target "${d("target")}" uses ≥/>; use ≤, e.g. "${d("suggested")}".`
      : `Higher is better for this measure${why}, but target "${d("target")}" uses ≤/<; use ≥ or =, e.g. "${d("suggested")}".`;
  },
  "target-unit": (d, f) => {
    const others = d("others") === "" ? "" : ` Other projects write the same indicator as ${d("others")}.`;
    switch (d("reason")) {
      case "period":
        return `The name "${f.indicator ?? ""}" counts per ${d("namePeriod")}, but target "${d("target")}" counts per ${d("targetPeriod")};${others} use one period: correct the target or the name.`;
      case "no-time-basis":
        return `"${f.indicator ?? ""}" is a charge for time (rent, requisition compensation), but target "${d("target")}" has no time basis (per day, month or year);${others} state it, e.g. "${d("suggested")}".`;
      case "count-family":
        return `"${f.indicator ?? ""}" counts "${d("expected")}", but target "${d("target")}" counts "${d("unit")}" (person-times); write it in "${d("expected")}".`;
      case "kind":
        return d("kind") === "count"
          ? `"${f.indicator ?? ""}" is a count, but target "${d("target")}" is a percentage; give a number and unit such as "≥100${d("expected")}", and set a rate indicator for a share.`
          : `"${f.indicator ?? ""}" is a rate, but target "${d("target")}" is in "${d("unit")}"; write a percentage such as "≥90%".`;
      case "inconsistent":
        return `${others.trim()} Here target "${d("target")}" is in "${d("unit")}", which does not convert; use one unit for one indicator, "${d("expected")}".`;
      default:
        return `Target "${d("target")}" is in "${d("unit")}", which does not convert to "${d("expected")}", the unit of ${d("definition") === "" ? "its definition" : `definition "${d("definition")}"`}; write it in "${d("expected")}".`;
    }
  },
  "target-out-of-range": (d) =>
    `Target "${d("target")}" is outside the valid range (${rangeText(d)}); use a value within it.`,
  "target-goal-mismatch": (d) =>
    d("reason") === "unit"
      ? `Target "${d("target")}" cannot be converted to the unit of the department goal "${d("goal")}: ${d("goalTarget")}"; it should agree with the goal, e.g. "${d("expected")}".`
      : `Target "${d("target")}" disagrees with the department goal "${d("goal")}: ${d("goalTarget")}"${d("converted") === "" ? "" : ` (the goal is ${d("converted")} ${d("targetUnit")})`}; it should agree with the goal, e.g. "${d("expected")}".`,
  "target-incomplete": (d) =>
    `Target "${d("target")}" lacks ${MISSING_PART[d("missing")] ?? "a part"}; complete it${d("suggested") === "" ? "" : `, e.g. "${d("suggested")}"`}.`,
  "category-misuse": (d) =>
    `"${d("level1")} / ${d("level2")}" is misfiled: ${
      d("reason") === "definition"
        ? `the definition "${d("definition")}" files it under "${d("expected")}"; file it there, or correct the definition`
        : (MISUSE[d("reason")] ?? "check the category")
    }.`,
  "target-restates-name": (d) =>
    `Target "${d("target")}" only repeats the indicator's name and cannot be measured; state a standard such as "100%".`,
  "target-exceeds-budget": (d) =>
    `Cost target "${d("target")}" (${d("limit")} 万元) exceeds the project's budget of ${d("budget")} 万元; check the amount and unit: a cost cannot exceed the budget.`,
  "weights-sum": (d) => `The weights add up to ${d("sum")}; they should add up to ${d("expected")}.`,
  "indicator-unmapped": (d, f) => {
    const where = d("cells") === "" ? "" : ` (at ${d("cells")})`;
    return d("candidate") !== ""
      ? `No definition found for "${f.indicator ?? ""}" and its name does not tell what it measures${where}; only its form was checked. The closest is "${d("candidate")}" (similarity ${d("score")}): if it is the same indicator, add "${f.indicator ?? ""}" to its synonyms on the 指标定义 sheet; otherwise define it there.`
      : `No definition found for "${f.indicator ?? ""}" and its name does not tell what it measures${where}; only its form was checked. Define it (name, unit, direction) on the 指标定义 sheet.`;
  },
  "indicator-duplicate": (d) =>
    `This indicator appears twice in the project (first at ${d("first")}); merge or rename it.`,
  "category-missing": (d) =>
    d("level2") === ""
      ? `The project has no "${d("level1")}" indicators; add at least one.`
      : `The project's outputs lack "${d("level2")}"; add one.`,
  "budget-sum": (d) =>
    `Budget ${d("budget")} 万元 is not fiscal ${d("fiscal")} plus other ${d("other")} 万元 (${d("sum")} 万元); the budget must equal their sum.`,
  "plan-invalid": (d) =>
    `Spending plan "${d("plan")}" ${PLAN[d("reason")] ?? "is invalid"}; it must rise checkpoint by checkpoint within 0–100% and reach 100% in December, e.g. "25/50/75/100".`,
  "project-code": (d) =>
    `Project code "${d("code")}" does not match the pattern; it should be 8 digits, P, 11 digits and a digit or capital letter.`,
  "project-duplicate": (d) =>
    `Project code "${d("code")}" appears again (first at ${d("first")}) with different content; list a project once, and give different projects their own codes.`,
  "actual-fails-target": (d) => {
    const when = d("deadline") === "" ? "the year has ended" : `deadline ${d("deadline")} passed`;
    if (d("grade") === "部分达成")
      return `Actual "${d("actual")}" only partly meets target "${d("target")}" (${when}); give a deviation reason.`;
    if (d("grade") === "未达成")
      return `Actual "${d("actual")}" says target "${d("target")}" was not met (${when}); give the reason and the remedy.`;
    const verb: Record<Bound, string> = {
      floor: `falls short of target "${d("target")}"`,
      ceiling: `exceeds the ceiling of target "${d("target")}"`,
      exact: `differs from target "${d("target")}"`,
      range: `is outside the range of target "${d("target")}"`,
    };
    return `Actual "${d("actual")}" ${verb[boundOf(d("target"))]}; check the actual or give a deviation reason.`;
  },
  "actual-unparseable": (d) =>
    `Actual "${d("actual")}" cannot be read or compared with target "${d("target")}"; write a number in the target's unit.`,
  "actual-behind": (d) =>
    `Progress ${d("progress")}% is behind the year's elapsed ${d("expected")}% by more than ${d("tolerance")} points; catch up or explain why.`,
  "spending-behind-plan": (d) =>
    `Spending ${d("progress")}% is behind the plan's ${d("plan")}% (${d("checkpoint")}); speed up spending or explain why.`,
  "deviation-reason-missing": () => `The actual deviates from the target; give a deviation reason.`,
  "actual-pending": (d, f) =>
    `Actual "${d("actual")}" says the result is not in yet; ${f.severity === "warning" ? "the year has ended: enter the result, or the indicator cannot be scored" : "enter it when it is, before the year ends"}.`,
  "column-unused": (d) =>
    `${d("header") === "" ? "This column" : `Column "${d("header")}"`} holds values but the check cannot tell what it means, so it was not used; if it should be, assign it in the mapping or use a common header.`,
  "cell-error": (d) =>
    `${d("column") === "" ? "This cell" : `The ${d("column")} cell`} shows the error value ${d("error")} (a broken formula), so the check cannot read its value; correct the formula or type the value.`,
  "definition-invalid": (d) =>
    d("reason") === "no-header"
      ? "The 指标定义 sheet has no header row and was not used: its first row must name the columns, at least 指标名称 (name) and one more such as 计量单位 (unit), 指标方向 (direction) or 最小值 (minimum)."
      : `Row ${d("row")} of 指标定义 was not used: ${(DEFINITION[d("reason")] ?? (() => "the row is invalid"))(d)}.`,
  "settings-invalid": (d) => (SETTINGS[d("reason")] ?? SETTINGS.invalid ?? (() => ""))(d),
  "sheet-skipped": (d) =>
    `This sheet has ${d("targetCells")} cells that look like targets (the first at ${d("firstTarget")}) but could not be read as a target table, so its indicators were not checked: ${SKIP_REASON_EN[d("reason")] ?? "no header row was found"}.`,
};

const SKIP_REASON_EN: Readonly<Record<string, string>> = {
  "no-header":
    "no header row was found; add a row naming the columns above the indicators, such as 一级指标, 二级指标, 三级指标, 指标值",
  "no-target-column":
    "the header names indicators but no target column; put the targets in a column of their own, headed e.g. 指标值",
  "no-indicator-column": "the header names targets but no indicator column; add a 三级指标 (indicator name) column",
};

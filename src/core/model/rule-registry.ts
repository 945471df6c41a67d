import { z } from "zod";

/**
 * Every rule of the check, once: which group runs it, the severities it may give, and the facts
 * its findings carry (a strict zod object, so a misspelt detail key fails to compile where a
 * finding is made or worded, and fails the registry test where details are built dynamically).
 * The message catalogues (../messages) are typed by it: a rule added here cannot go unworded.
 * The checks that emit each rule are listed in ../rules (review, input) and ../monitoring.
 * docs/checks.md is generated from `example` (scripts/docs-checks.ts; test/rules/registry.test.ts).
 */

/** review: target review (申报审核), always run. monitoring: actuals against targets. input: the check's own inputs. */
export type RuleGroup = "review" | "monitoring" | "input";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

const text = z.string();
const count = z.number();
/** A fact that may be unknown (no candidate, no first cell): null rather than absent. */
const maybe = <T extends z.ZodType>(t: T) => t.nullable().optional();

type Entry<D extends z.ZodRawShape, L extends boolean = boolean> = {
  group: RuleGroup;
  severities: readonly Severity[];
  details: z.ZodObject<D>;
  /** Excel redoes it by itself through a conditional format (src/core/flags/live-rules.ts). */
  live: L;
  /** A bad value as staff write it and the same value made right, for docs/checks.md. */
  example: { bad: string; good: string };
};

function rule<D extends z.ZodRawShape, L extends boolean = false>(
  group: RuleGroup,
  severities: readonly Severity[],
  details: D,
  example: Entry<D>["example"],
  live: L = false as L,
): Entry<D, L> {
  return { group, severities, details: z.strictObject(details), live, example };
}

/** The target as written and, where the rule compares against it, its parsed form. */
const target = { target: text };
const parsed = { parsed: maybe(text) };
/** Where a direction or unit came from: a definition by name, the row, the analyser, other projects. */
const provenance = {
  definition: maybe(text),
  from: maybe(text),
  basis: maybe(text),
  basisFrom: maybe(text),
  others: maybe(text),
};
const actual = { actual: text, target: text };

export const RULES = {
  "target-missing": rule("review", ["error"], { ...target, error: maybe(text) }, { bad: "（空）", good: "≥80%" }),
  "target-unparseable": rule("review", ["error"], { ...target }, { bad: "≥9O%", good: "≥90%" }),
  "target-not-quantitative": rule(
    "review",
    ["warning"],
    { ...target, reason: maybe(text), level2: text, definition: maybe(text) },
    { bad: "有所提升", good: "较上年提高5%" },
  ),
  "target-direction": rule(
    "review",
    ["warning"],
    { ...target, ...parsed, ...provenance, direction: text, suggested: text },
    { bad: "投诉率 ≥5%", good: "投诉率 ≤5%" },
  ),
  "target-unit": rule(
    "review",
    ["warning"],
    {
      ...target,
      ...provenance,
      reason: maybe(text),
      expected: maybe(text),
      unit: maybe(text),
      kind: maybe(text),
      namePeriod: maybe(text),
      targetPeriod: maybe(text),
      suggested: maybe(text),
    },
    { bad: "隔离点租金 ≤25000元", good: "隔离点租金 ≤25000元/天" },
  ),
  "target-out-of-range": rule(
    "review",
    ["error"],
    { ...target, ...parsed, min: maybe(count), max: maybe(count), unit: text },
    { bad: "满意度 ≥120%", good: "满意度 ≥90%" },
  ),
  "target-goal-mismatch": rule(
    "review",
    ["warning"],
    {
      ...target,
      goal: text,
      goalTarget: text,
      goalCell: maybe(text),
      reason: maybe(text),
      expected: maybe(text),
      converted: maybe(count),
      targetUnit: maybe(text),
    },
    { bad: "外贸出口额 ≥848万美元（部门目标 ≥858亿美元）", good: "外贸出口额 ≥858亿美元" },
  ),
  "target-incomplete": rule(
    "review",
    ["warning"],
    { ...target, missing: text, suggested: text },
    { bad: "85%", good: "≥85%" },
  ),
  "category-misuse": rule(
    "review",
    ["warning"],
    { reason: text, level1: text, level2: text, definition: maybe(text), expected: maybe(text) },
    { bad: "效益指标 / 社会效益指标：外贸出口额", good: "效益指标 / 经济效益指标：外贸出口额" },
  ),
  "target-restates-name": rule("review", ["warning"], { ...target }, { bad: "资金按时拨付：按时拨付", good: "资金按时拨付：100%" }),
  "target-exceeds-budget": rule(
    "review",
    ["warning"],
    { ...target, ...parsed, limit: count, budget: count },
    { bad: "成本 ≤500万元（预算 50万元）", good: "成本 ≤50万元" },
  ),
  "weights-sum": rule("review", ["warning"], { sum: count, expected: count }, { bad: "分值合计 95", good: "分值合计 90" }),
  "indicator-unmapped": rule(
    "review",
    ["info"],
    { candidate: maybe(text), candidateId: maybe(text), score: maybe(count), cells: maybe(text), count: maybe(count) },
    { bad: "名称无定义、无法判断类型的指标", good: "在“指标定义”中补充或填为同义词" },
  ),
  "indicator-duplicate": rule("review", ["warning"], { first: text }, { bad: "同一项目两行“培训人数”", good: "合并为一行" }),
  "category-missing": rule(
    "review",
    ["warning"],
    { level1: text, level2: maybe(text) },
    { bad: "项目没有满意度指标", good: "补充“服务对象满意度 ≥90%”" },
  ),
  "budget-sum": rule(
    "review",
    ["error"],
    { budget: count, fiscal: count, other: count, sum: count },
    { bad: "预算数 100 = 财政 80 + 其他 10", good: "预算数 90 = 财政 80 + 其他 10" },
    true,
  ),
  "plan-invalid": rule("review", ["error"], { reason: text, plan: text }, { bad: "30/20/80/100", good: "25/50/75/100" }),
  "project-code": rule("review", ["warning"], { code: text }, { bad: "1234P567", good: "12345678P123456789012" }),
  "project-duplicate": rule(
    "review",
    ["error"],
    { code: text, first: maybe(text) },
    { bad: "同一编码两个不同项目", good: "每个项目用各自的编码" },
  ),
  "actual-fails-target": rule(
    "monitoring",
    ["error", "warning"],
    { ...actual, grade: maybe(text), deadline: maybe(text) },
    { bad: "指标值 ≥95%，完成值 90%", good: "完成值 96%，或在偏差原因中说明" },
    true,
  ),
  "actual-unparseable": rule(
    "monitoring",
    ["error"],
    { ...actual, ...parsed },
    { bad: "指标值 ≥20公里，完成值 大约一半", good: "完成值 10公里" },
  ),
  "actual-behind": rule(
    "monitoring",
    ["warning"],
    { ...actual, progress: count, expected: count, tolerance: count },
    { bad: "6月底 ≥500人次，完成 100人次", good: "6月底完成 250人次" },
  ),
  "spending-behind-plan": rule(
    "monitoring",
    ["error", "warning"],
    { progress: count, plan: count, checkpoint: text },
    { bad: "计划 6月底 50%，已支出 20%", good: "已支出 50%" },
  ),
  "deviation-reason-missing": rule(
    "monitoring",
    ["warning"],
    { ...actual, failed: count },
    { bad: "未达成，偏差原因空白", good: "写明偏差原因和改进措施" },
  ),
  "actual-pending": rule("monitoring", ["info", "warning"], { ...actual }, { bad: "年底仍为“正在调查”", good: "填写调查结果 92%" }),
  "column-unused": rule("monitoring", ["info"], { header: text }, { bad: "“备注2”列有数字但未识别", good: "改用常见列名或在“读取方式”中指定" }),
  "cell-error": rule("input", ["error"], { error: text, column: text }, { bad: "预算数 #REF!", good: "预算数 120" }),
  "definition-invalid": rule(
    "input",
    ["warning"],
    { reason: text, field: maybe(text), value: maybe(text), row: maybe(count) },
    { bad: "指标方向“越高越好”", good: "指标方向“正向”" },
  ),
  "settings-invalid": rule(
    "input",
    ["warning", "info"],
    { key: maybe(text), reason: text, detail: maybe(text) },
    { bad: "容差 = 百分之五", good: "容差 = 5" },
  ),
  "sheet-skipped": rule(
    "input",
    ["info"],
    { reason: text, targetCells: count, firstTarget: text },
    { bad: "一张表有“≥95%”这样的单元格，但没有表头", good: "在指标上方加一行表头：三级指标、指标值" },
  ),
} as const;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];

/** The facts a finding of rule R carries, as the rule writes them. */
export type DetailsOf<R extends RuleId> = z.input<(typeof RULES)[R]["details"]>;
/** The detail keys of rule R: what its messages may read. */
export type DetailKey<R extends RuleId> = keyof DetailsOf<R> & string;

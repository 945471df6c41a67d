import type { RuleId } from "../core";
import type { Locale } from "./locale";

/**
 * Each rule's short name as the pane's rule filter shows it. Partial on purpose: a rule added to
 * the core later falls back to its id rather than breaking the build, and rule-names.test.ts
 * fails until it is named here in both languages.
 */
export const RULE_NAMES: Readonly<Record<Locale, Partial<Record<RuleId, string>>>> = {
  "zh-CN": {
    "target-missing": "指标值缺失",
    "target-unparseable": "指标值无法识别",
    "target-not-quantitative": "应为定量指标",
    "target-direction": "指标方向不符",
    "target-unit": "计量单位不符",
    "target-out-of-range": "指标值超出范围",
    "target-goal-mismatch": "与部门目标不一致",
    "target-incomplete": "指标值不完整",
    "category-misuse": "指标归类不当",
    "target-restates-name": "指标值重复名称",
    "target-exceeds-budget": "成本超过预算",
    "weights-sum": "分值合计不符",
    "indicator-unmapped": "未找到指标定义",
    "indicator-duplicate": "指标重复",
    "category-missing": "缺少指标类别",
    "budget-sum": "预算数不等于资金合计",
    "plan-invalid": "支出计划不合理",
    "project-code": "项目编码格式不符",
    "project-duplicate": "项目编码重复",
    "actual-fails-target": "完成值未达目标",
    "actual-unparseable": "完成值无法识别",
    "actual-behind": "完成进度落后",
    "spending-behind-plan": "支出进度落后",
    "deviation-reason-missing": "缺少偏差原因",
    "actual-pending": "完成值待定",
    "column-unused": "未使用的列",
    "cell-error": "单元格显示错误值",
    "definition-invalid": "指标定义行无效",
    "settings-invalid": "设置无效",
  },
  "en-US": {
    "target-missing": "Target missing",
    "target-unparseable": "Target unreadable",
    "target-not-quantitative": "Should be quantitative",
    "target-direction": "Wrong direction",
    "target-unit": "Unit mismatch",
    "target-out-of-range": "Target out of range",
    "target-goal-mismatch": "Differs from department goal",
    "target-incomplete": "Target incomplete",
    "category-misuse": "Wrong category",
    "target-restates-name": "Target repeats the name",
    "target-exceeds-budget": "Cost above budget",
    "weights-sum": "Weights do not add up",
    "indicator-unmapped": "No definition found",
    "indicator-duplicate": "Duplicate indicator",
    "category-missing": "Category missing",
    "budget-sum": "Budget ≠ sum of funds",
    "plan-invalid": "Spending plan invalid",
    "project-code": "Project code malformed",
    "project-duplicate": "Project code repeated",
    "actual-fails-target": "Actual misses target",
    "actual-unparseable": "Actual unreadable",
    "actual-behind": "Progress behind",
    "spending-behind-plan": "Spending behind plan",
    "deviation-reason-missing": "Deviation reason missing",
    "actual-pending": "Actual still pending",
    "column-unused": "Column not used",
    "cell-error": "Cell shows an error",
    "definition-invalid": "Definition row unusable",
    "settings-invalid": "Setting invalid",
  },
};

export const ruleName = (rule: string, locale: Locale): string =>
  (RULE_NAMES[locale] as Partial<Record<string, string>>)[rule] ?? rule;

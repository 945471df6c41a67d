/**
 * Column roles and the header texts staff use for them (SPEC §4). Synonyms are compared after
 * normalizeHeader, so spaces, full-width brackets and a trailing unit note such as （万元） or
 * (%) need not be listed.
 */
export const HEADER_SYNONYMS = {
  unit: ["单位", "单位名称", "预算单位", "主管部门", "unit"],
  projectCode: ["项目编码", "项目代码", "项目编号", "projectcode", "project code", "code"],
  projectName: ["项目名称", "项目", "projectname", "project name", "project"],
  level1: ["一级指标", "level1", "level 1", "level-1 indicator", "level1indicator"],
  level2: ["二级指标", "level2", "level 2", "level-2 indicator", "level2indicator"],
  name: [
    "三级指标",
    "指标名称",
    "绩效指标",
    "三级指标名称",
    "level3",
    "level 3",
    "indicator",
    "indicator name",
    "measure",
  ],
  description: ["绩效指标描述", "指标描述", "指标说明", "指标解释", "description"],
  target: ["指标值", "目标值", "年度指标值", "年度目标值", "绩效指标值", "指标目标值", "target", "target value"],
  operator: ["计算符号", "运算符号", "指标方向", "指标性质", "operator"],
  measureUnit: ["度量单位", "计量单位", "指标单位", "measurement unit", "measure unit"],
  basis: ["指标值确定依据", "确定依据", "指标值设定依据", "依据", "basis"],
  weight: ["分值", "权重", "指标分值", "权重分值", "weight"],
  actual: ["完成值", "实际完成值", "实际值", "1-6月完成值", "全年完成值", "actual", "actual value"],
  deviationReason: ["偏差原因", "偏差原因分析", "未完成原因", "deviation reason", "reason"],
  budget: ["预算数", "预算金额", "年度预算", "年度预算数", "项目预算", "预算规模", "budget"],
  fiscal: ["财政资金", "其中财政资金", "财政拨款", "财政拨款资金", "fiscal", "fiscal funds"],
  other: ["其他资金", "其中其他资金", "other", "other funds"],
  use: ["资金用途", "use", "fund use"],
  plan3: ["3月底", "三月底", "1季度", "一季度", "q1", "mar"],
  plan6: ["6月底", "六月底", "2季度", "二季度", "q2", "jun"],
  plan10: ["10月底", "十月底", "3季度", "三季度", "q3", "oct"],
  plan12: ["12月底", "十二月底", "4季度", "四季度", "q4", "dec"],
  spent: ["已支出", "执行数", "实际支出", "支出数", "已支出数", "spent"],
  goals: ["绩效目标", "年度绩效目标", "项目绩效目标", "goals"],
  goalName: ["部门整体绩效指标", "整体绩效指标", "部门绩效指标", "部门目标", "goal", "department goal"],
} as const;

export type HeaderRole = keyof typeof HEADER_SYNONYMS;

/**
 * Lower-cased, spaces and full-width forms folded, a leading 其中： and a trailing
 * parenthesised note removed: "预算数（万元）" → "预算数", "其中：财政 资金" → "财政资金".
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase()
    .replace(/^其中[:：]?/, "")
    .replace(/[(（][^()（）]*[)）]$/, "")
    .replace(/[:：*＊]+$/, "");
}

const LOOKUP: ReadonlyMap<string, HeaderRole> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [HeaderRole, readonly string[]][]).flatMap(([role, names]) =>
    names.map((n) => [normalizeHeader(n), role] as const),
  ),
);

export function headerRole(text: string): HeaderRole | null {
  return LOOKUP.get(normalizeHeader(text)) ?? null;
}

/**
 * Column roles and the header texts staff use for them (docs/layouts.md). Synonyms are compared after
 * normalizeHeader, so spaces, full-width forms, a leading 其中： or * and a trailing unit note
 * such as （万元） or (%) need not be listed.
 */
export const HEADER_SYNONYMS = {
  unit: ["单位", "单位名称", "预算单位", "主管部门", "unit", "agency"],
  projectCode: ["项目编码", "项目代码", "项目编号", "projectcode", "project code", "project no", "code"],
  projectName: ["项目名称", "项目", "projectname", "project name", "project"],
  level1: [
    "一级指标",
    "一级指标名称",
    "level1",
    "level 1",
    "level-1",
    "level-1 indicator",
    "level 1 indicator",
    "first-level indicator",
  ],
  level2: [
    "二级指标",
    "二级指标名称",
    "level2",
    "level 2",
    "level-2",
    "level-2 indicator",
    "level 2 indicator",
    "second-level indicator",
  ],
  name: [
    "三级指标",
    "指标名称",
    "绩效指标",
    "三级指标名称",
    "指标",
    "level3",
    "level 3",
    "level-3",
    "level-3 indicator",
    "third-level indicator",
    "indicator",
    "indicator name",
    "measure",
  ],
  description: ["绩效指标描述", "指标描述", "指标说明", "指标解释", "指标内容", "description", "indicator description"],
  target: [
    "指标值",
    "目标值",
    "年度指标值",
    "年度目标值",
    "绩效指标值",
    "指标目标值",
    "预期目标值",
    "target",
    "target value",
    "annual target",
  ],
  /** An operator column: ≥ ≤ = 定性. 指标方向 and 指标性质 may mean this or a direction (decided by content). */
  operator: ["计算符号", "运算符号", "比较符号", "符号", "指标方向", "指标性质", "operator", "comparison"],
  /** 正向 / 反向 per row. */
  direction: ["正反向", "指标正反向", "指标极性", "极性", "direction", "polarity"],
  measureUnit: ["度量单位", "计量单位", "指标单位", "measurement unit", "measure unit", "unit of measure"],
  basis: ["指标值确定依据", "确定依据", "指标值设定依据", "依据", "basis", "basis of target"],
  weight: ["分值", "权重", "指标分值", "权重分值", "weight", "points"],
  /** A 绩效评价表's 权重 beside 一级指标: the level-1 group's share, merged over its rows (weight-columns.ts). */
  level1Weight: ["一级指标权重", "一级指标分值", "level-1 weight"],
  actual: ["完成值", "实际完成值", "实际值", "1-6月完成值", "全年完成值", "actual", "actual value", "achieved"],
  deviationReason: [
    "偏差原因",
    "偏差原因分析",
    "未完成原因",
    "deviation reason",
    "reason",
    // Monitoring and the 自评表 (财预〔2021〕101号): the reason column as staff head it.
    "偏差原因分析及改进措施",
    "原因分析",
    "未完成原因分析",
    "偏差原因及改进措施",
    "reason for deviation",
    "deviation analysis",
    "reasons and remedies",
  ],
  budget: [
    "预算数",
    "预算金额",
    "年度预算",
    "年度预算数",
    "项目预算",
    "预算规模",
    "budget",
    // The 自评表's budget columns; 预算执行率 divides by the adjusted one where both are given.
    "全年预算数",
    "年初预算数",
    "调整后预算数",
    "调整后预算",
    "年初预算",
    "annual budget",
    "initial budget",
    "adjusted budget",
  ],
  fiscal: ["财政资金", "其中财政资金", "财政拨款", "财政拨款资金", "fiscal", "fiscal funds"],
  other: ["其他资金", "其中其他资金", "other", "other funds"],
  use: ["资金用途", "use", "fund use", "use of funds"],
  plan3: ["3月底", "三月底", "1季度", "一季度", "q1", "mar", "end of march"],
  plan6: ["6月底", "六月底", "2季度", "二季度", "q2", "jun", "end of june"],
  plan10: ["10月底", "十月底", "3季度", "三季度", "q3", "oct", "end of october"],
  plan12: ["12月底", "十二月底", "4季度", "四季度", "q4", "dec", "end of december"],
  spent: [
    "已支出",
    "执行数",
    "实际支出",
    "支出数",
    "已支出数",
    "spent",
    "amount spent",
    // Spending as monitoring and the 自评表 head it.
    "1-6月执行数",
    "1—6月执行数",
    "截至6月底支出",
    "已支出金额",
    "全年执行数",
    "预算执行数",
    "spent to date",
    "expenditure",
    "executed",
    "amount executed",
    "annual expenditure",
  ],
  goals: ["绩效目标", "年度绩效目标", "项目绩效目标", "goals", "performance goals"],
  goalName: ["部门整体绩效指标", "整体绩效指标", "部门绩效指标", "部门目标", "部门整体目标", "goal", "department goal"],
} as const;

export type HeaderRole = keyof typeof HEADER_SYNONYMS;

/** Headers that name an operator column in some regions and a direction column in others. */
const AMBIGUOUS_OPERATOR_HEADERS: ReadonlySet<string> = new Set(["指标方向", "指标性质"]);

/** Header texts are short; anything longer is data, and is not worth normalising. */
const MAX_HEADER_LENGTH = 40;

/**
 * Lower-cased, spaces and full-width forms folded, a leading 其中： or required-field star and a
 * trailing parenthesised note removed: "预算数（万元）" → "预算数", "其中：财政 资金" → "财政资金".
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase()
    .replace(/^[*※]+/, "")
    .replace(/^其中[:：]?/, "")
    .replace(/[:：*＊]+$/, "")
    .replace(/[(（][^()（）]*[)）]$/, "")
    .replace(/[:：*＊]+$/, "");
}

const LOOKUP: ReadonlyMap<string, HeaderRole> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [HeaderRole, readonly string[]][]).flatMap(([role, names]) =>
    names.map((n) => [normalizeHeader(n), role] as const),
  ),
);

export function headerRole(text: string): HeaderRole | null {
  if (text.length > MAX_HEADER_LENGTH) return null;
  return LOOKUP.get(normalizeHeader(text)) ?? null;
}

/** True for 指标方向 / 指标性质: the column's content decides between operator and direction. */
export function isAmbiguousOperatorHeader(text: string): boolean {
  return AMBIGUOUS_OPERATOR_HEADERS.has(normalizeHeader(text));
}

/**
 * headerRole remembered for one workbook read: a sheet scanned for stacked tables looks at every
 * cell, and a list repeats the same few texts (产出指标, 按时拨付) thousands of times.
 */
export function cachedHeaderRole(): (text: string) => HeaderRole | null {
  const seen = new Map<string, HeaderRole | null>();
  return (text) => {
    if (text === "" || text.length > MAX_HEADER_LENGTH) return null;
    let role = seen.get(text);
    if (role === undefined) {
      role = headerRole(text);
      seen.set(text, role);
    }
    return role;
  };
}

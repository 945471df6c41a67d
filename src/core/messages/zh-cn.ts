import type { Catalogue } from "./catalogue";

const MISUSE: Record<string, string> = {
  satisfaction: "满意度类指标应放在“满意度指标/服务对象满意度指标”下",
  execution: "预算执行率不是效益，应单独计分或放在产出指标下",
  cost: "成本不是效益，应放在成本指标下",
  level2: "二级指标与一级指标不对应",
};
const PLAN: Record<string, string> = {
  empty: "有空缺",
  range: "超出 0–100%",
  falling: "比前一期低（应逐期累计递增）",
  last: "12月底应为 100%",
};
const MISSING_PART: Record<string, string> = {
  operator: "比较符号（≥、≤、=）",
  unit: "计量单位",
  both: "比较符号和计量单位",
};

export const zhCN: Catalogue = {
  "target-missing": (d) => `指标值“${d("target")}”缺少数值，请填写完整的指标值，例如“≥80%”。`,
  "target-unparseable": (d) =>
    `指标值“${d("target")}”无法识别，请检查是否有错字（如字母 O 代替数字 0），写成“≥80%”这样的形式。`,
  "target-not-quantitative": (d) =>
    `${d("level2")}应为定量指标，“${d("target")}”是定性表述，请改为数值目标，例如“≤5万元”。`,
  "target-direction": (d) =>
    d("direction") === "reverse"
      ? `该指标越低越好（成本类），指标值“${d("target")}”却用了“≥/＞”，应使用“≤”。`
      : `该指标越高越好，指标值“${d("target")}”却用了“≤/＜”，应使用“≥”或“=”。`,
  "target-unit": (d) => `指标值“${d("target")}”的单位与指标定义的单位“${d("expected")}”不一致。`,
  "target-out-of-range": (d) => `指标值“${d("target")}”超出有效范围 ${d("min")}–${d("max")}%，请改为该范围内的数值。`,
  "target-goal-mismatch": (d) => `指标值“${d("target")}”与部门整体目标“${d("goal")}：${d("goalTarget")}”不一致。`,
  "target-incomplete": (d) =>
    `指标值“${d("target")}”缺少${MISSING_PART[d("missing")] ?? "部分内容"}，请补全，例如“≥85%”。`,
  "category-misuse": (d) => `“${d("level1")} / ${d("level2")}”归类不当：${MISUSE[d("reason")] ?? "请检查指标分类"}。`,
  "target-restates-name": (d) =>
    `指标值“${d("target")}”只是重复了指标名称，无法衡量，请写明可考核的标准（比例、数量或完成时限），例如“100%”。`,
  "target-exceeds-budget": (d) =>
    `成本指标值“${d("target")}”（${d("limit")} 万元）超过了项目预算 ${d("budget")} 万元。`,
  "weights-sum": (d) => `各指标分值合计为 ${d("sum")}，应为 ${d("expected")}。`,
  "indicator-unmapped": () => `未找到该指标的定义，仅检查了填写格式；可在“指标定义”表中补充。`,
  "indicator-duplicate": (d) => `同一项目中该三级指标重复出现（首次在 ${d("first")}），请合并或改名。`,
  "category-missing": (d) =>
    d("level2") === "" ? `项目缺少一级指标“${d("level1")}”。` : `项目的产出指标缺少“${d("level2")}”。`,
  "budget-sum": (d) => `预算数 ${d("budget")} 万元不等于财政资金 ${d("fiscal")} 加其他资金 ${d("other")} 万元。`,
  "plan-invalid": (d) => `资金支出计划“${d("plan")}”${PLAN[d("reason")] ?? "不合理"}。`,
  "project-code": (d) => `项目编码“${d("code")}”格式不符（应为 8 位数字 + P + 11 位数字 + 1 位数字或大写字母）。`,
  "project-duplicate": (d) => `项目编码“${d("code")}”重复出现（首次在 ${d("first")}），且内容不同。`,
  "actual-fails-target": (d) => `完成值“${d("actual")}”未达到指标值“${d("target")}”。`,
  "actual-unparseable": (d) => `完成值“${d("actual")}”无法识别或与指标值“${d("target")}”单位不可比。`,
  "actual-behind": (d) =>
    `完成进度 ${d("progress")}% 落后于时间进度 ${d("expected")}% 超过 ${d("tolerance")} 个百分点。`,
  "spending-behind-plan": (d) => `支出进度 ${d("progress")}% 落后于计划 ${d("plan")}%（${d("checkpoint")}）。`,
  "deviation-reason-missing": () => `完成值与指标值偏差较大，请填写偏差原因。`,
};

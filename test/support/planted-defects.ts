/**
 * One planted defect per rule of the foundation issue, each at a cell we know: the workbook of
 * test/rules/planted-defects.test.ts, shared with the registry test.
 */
const GOOD = "13020823P00925610020B";
const OTHER = "13020823P00925610021Y";

export const PLANTED_PROJECTS = [
  ["项目编码", "项目名称", "预算数", "财政资金", "其他资金", "3月底", "6月底", "10月底", "12月底"],
  [GOOD, "隔离点费用", 100, 100, null, 25, 50, 75, 100], // row 2: clean
  [OTHER, "招商经费", 100, 60, 30, 25, 50, 75, 100], // row 3: budget-sum at C3
  ["13020823P00925610022J", "执法经费", 10, 10, null, 25, 20, 75, 100], // row 4: plan-invalid at G4
  ["2021-XYZ", "宣传经费", 10, 10, null, 25, 50, 75, 100], // row 5: project-code at A5
  [GOOD, "隔离点费用（重复）", 120, 120, null, 25, 50, 75, 100], // row 6: project-duplicate at A6
];

const H = ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "分值"];
export const PLANTED_INDICATORS = [
  H,
  [GOOD, "产出指标", "数量指标", "征用隔离点", "若干", 10], // row 2: not-quantitative E2
  [null, null, "质量指标", "隔离人员", "隔离人员", 10], // row 3: restates-name E3
  [null, null, "质量指标", "隔离完成率", "85%", 10], // row 4: incomplete E4
  [null, null, "质量指标", "检测覆盖率", "≥8O%", 10], // row 5: unparseable E5
  [null, null, "时效指标", "拨付完成情况", "按时拨付", 10], // row 6: not-quantitative E6 (no time; issue 12)
  [null, null, "成本指标", "空调单价", "≥0.2万元", 10], // row 7: direction E7
  [null, null, "成本指标", "隔离点租金", "≤500万元", 10], // row 8: exceeds-budget E8 (budget 100), unit E8 (a rent per what time?)
  [null, "效益指标", "社会效益指标", "群众满意度", "≥90%", 10], // row 9: category-misuse C9
  [null, null, "社会效益指标", "阻断疫情", "阻断疫情蔓延", 5], // row 10: clean
  [null, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥120%", 5], // row 11: out-of-range E11
  [null, null, "服务对象满意度指标", "服务对象满意度", "≥80%", 5], // row 12: duplicate D12; weights 95 ≠ 90 at F2
  [OTHER, "产出指标", "数量指标", "签约项目个数", "≥20个", null], // row 13: category-missing (no 效益, 满意度, 质量…) at A13
  [null, null, "时效指标", "资金拨付", "按时拨付", null], // row 14: not-quantitative E14 (no time)
  [null, null, "成本指标", "宣传费用", "≤24.65万元", null],
  [null, null, "质量指标", "推介会", "按期举办", null],
  [null, null, "数量指标", "群众满意度", " %", null], // row 17: missing E17, category-misuse C17
];

import ExcelJS from "exceljs";

/**
 * A year-end 项目支出绩效自评表 laid out as the form published with 财预〔2021〕101号: title and
 * （2023年度）, 项目名称, 主管部门 / 实施单位, the 项目资金 table (年初预算数 · 全年预算数 · 全年执行数 ·
 * 分值 · 执行率 · 得分), 年度总体目标, then the indicator grid (一级 · 二级 · 三级指标 · 年度指标值 ·
 * 实际完成值 · 分值 · 得分 · 偏差原因分析及改进措施) and 总分.
 *
 * MADE-UP NUMBERS: the project, its figures and its answers are invented for this test (plausible,
 * not any department's). The 得分 columns are left blank, as a clerk hands the form in for review.
 */
export type SelfEvaluationRow = {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string | number;
  weight: number;
  reason: string;
};

export const SELF_EVALUATION = {
  year: 2023,
  project: "社区居家养老服务补助（示例数据）",
  department: "某市民政局（示例）",
  agency: "某市养老服务指导中心（示例）",
  /** 万元: 年初预算数, 全年预算数 (adjusted during the year), 全年执行数. */
  initialBudget: 100,
  budget: 120,
  spent: 108,
  indicators: [
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "补助养老服务机构数量",
      target: "≥20家",
      actual: "22家",
      weight: 20,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "上门服务老人人次",
      target: "≥5000人次",
      actual: "4000人次",
      weight: 15,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "质量指标",
      name: "服务质量抽检合格率",
      target: "≥95%",
      actual: 0.9,
      weight: 10,
      reason: "两家机构护理员不足，已督促补充",
    },
    {
      level1: "产出指标",
      level2: "时效指标",
      name: "补助资金拨付",
      target: "9月底前拨付到位",
      actual: "未按时拨付",
      weight: 5,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "成本指标",
      name: "人均上门服务补助标准",
      target: "≤300元/人",
      actual: "280元/人",
      weight: 10,
      reason: "",
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "老年人居家生活质量",
      target: "有效改善",
      actual: "基本达成",
      weight: 20,
      reason: "两个街道尚未覆盖",
    },
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "服务对象满意度",
      target: "≥90%",
      actual: "92%",
      weight: 10,
      reason: "",
    },
  ] satisfies SelfEvaluationRow[],
} as const;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** The form as blocks, one sheet, columns A–I. */
export function selfEvaluationForm(): ExcelJS.Workbook {
  const s = SELF_EVALUATION;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目支出绩效自评表");
  const put = (row: number, col: number, value: string | number | null, to?: [number, number]) => {
    const cell = ws.getCell(row, col);
    cell.value = value;
    cell.border = THIN;
    if (to) ws.mergeCells(row, col, to[0], to[1]);
  };
  put(1, 1, "项目支出绩效自评表", [1, 9]);
  put(2, 1, `（${s.year}年度）`, [2, 9]);
  put(3, 1, "项目名称", [3, 2]);
  put(3, 3, s.project, [3, 9]);
  put(4, 1, "主管部门", [4, 2]);
  put(4, 3, s.department, [4, 5]);
  put(4, 6, "实施单位");
  put(4, 7, s.agency, [4, 9]);
  put(5, 1, "项目资金（万元）", [9, 1]);
  put(5, 2, null);
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(5, 3 + i, h));
  put(6, 2, "年度资金总额");
  [s.initialBudget, s.budget, s.spent, 10, null, null].forEach((v, i) => put(6, 3 + i, v));
  put(7, 2, "其中：当年财政拨款");
  [s.initialBudget, s.budget, s.spent, "—", "—", "—"].forEach((v, i) => put(7, 3 + i, v));
  // No carry-over and no other funds: left blank, as clerks leave empty amounts.
  put(8, 2, "上年结转资金");
  [null, null, null, "—", "—", "—"].forEach((v, i) => put(8, 3 + i, v));
  put(9, 2, "其他资金");
  [null, null, null, "—", "—", "—"].forEach((v, i) => put(9, 3 + i, v));
  put(10, 1, "年度总体目标", [11, 1]);
  put(10, 2, "预期目标", [10, 5]);
  put(10, 6, "实际完成情况", [10, 9]);
  put(11, 2, "为辖区 20 家以上养老服务机构发放运营补助，开展上门服务 5000 人次以上。", [11, 5]);
  put(11, 6, "补助 22 家机构，上门服务 4000 人次，资金拨付延至 11 月。", [11, 9]);
  const first = 12;
  const last = first + s.indicators.length;
  put(first, 1, "绩效指标", [last, 1]);
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach(
    (h, i) => put(first, 2 + i, h),
  );
  s.indicators.forEach((ind, k) => {
    const r = first + 1 + k;
    [ind.level1, ind.level2, ind.name, ind.target, ind.actual, ind.weight, null, ind.reason || null].forEach((v, i) =>
      put(r, 2 + i, v),
    );
  });
  put(last + 1, 1, "总分", [last + 1, 6]);
  put(last + 1, 7, 100);
  put(last + 1, 8, null);
  put(last + 1, 9, null);
  return wb;
}

/** The same form as two flat lists, as staff often keep it: 项目资金 by project, 绩效指标 by row. */
export function selfEvaluationLists(): ExcelJS.Workbook {
  const s = SELF_EVALUATION;
  const wb = new ExcelJS.Workbook();
  const money = wb.addWorksheet(`${s.year}年项目资金`);
  money.addRow([
    "项目名称",
    "年初预算数（万元）",
    "全年预算数（万元）",
    "全年执行数（万元）",
    "分值",
    "执行率",
    "得分",
  ]);
  money.addRow([s.project, s.initialBudget, s.budget, s.spent, 10, null, null]);
  const list = wb.addWorksheet(`${s.year}年绩效指标`);
  list.addRow([
    "项目名称",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  for (const ind of s.indicators)
    list.addRow([
      s.project,
      ind.level1,
      ind.level2,
      ind.name,
      ind.target,
      ind.actual,
      ind.weight,
      null,
      ind.reason || null,
    ]);
  return wb;
}

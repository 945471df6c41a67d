import type { Catalogue, Detail } from "./catalogue";
import { boundOf, type Bound } from "./bound";

const MISUSE: Record<string, string> = {
  satisfaction: "满意度类指标应放在“满意度指标/服务对象满意度指标”下",
  execution: "预算执行率不是效益，应单独计分或放在产出指标下",
  cost: "成本不是效益，应放在成本指标下",
  level2: "二级指标与一级指标不对应，请按指标框架选择该一级指标下的二级指标",
  "quality-count":
    "指标值是数量（个数、次数），不是质量标准；数量应归入“产出指标 / 数量指标”，质量指标应写合格率、达标率等",
  "quality-money":
    "指标值是金额，不是质量标准；金额目标应归入“产出指标 / 数量指标”（成本类归入成本指标），质量指标应写合格率、达标率等",
  economic: "该指标衡量的是经济产出（金额），应归入“效益指标 / 经济效益指标”，而不是社会效益指标",
};
const PLAN: Record<string, string> = {
  empty: "有空缺",
  range: "超出 0–100%",
  falling: "比前一期低",
  last: "12月底不是 100%",
};
const PERIOD: Record<string, string> = {
  年: "年",
  半年: "半年",
  季: "季度",
  季度: "季度",
  月: "月",
  周: "周",
  天: "天",
  日: "天",
};
const MISSING_PART: Record<string, string> = {
  operator: "比较符号（≥、≤、=）",
  unit: "计量单位",
  both: "比较符号和计量单位",
};
const DEFINITION: Record<string, (d: Detail<"definition-invalid">) => string> = {
  "missing-name": () => "缺少指标名称；请填写指标名称或删除该行",
  unit: (d) => `计量单位“${d("value")}”无法识别；请填写“元”“万元/天”“%”“家”这样的单位`,
  direction: (d) => `指标方向“${d("value")}”应为“正向”或“反向”`,
  number: (d) => `“${d("value")}”不是数值；最小值、最大值请填写数字，例如“60”`,
  range: () => "最小值大于最大值；请对调或改正",
  "yes-no": (d) => `“必须定量”一栏的“${d("value")}”应填“是”或“否”`,
  level1: (d) => `一级指标“${d("value")}”不在指标框架中；应为产出指标、效益指标、满意度指标或成本指标`,
  level2: (d) => `二级指标“${d("value")}”不在指标框架中；应为数量指标、质量指标、时效指标、成本指标等`,
  duplicate: (d) => `指标名称“${d("value")}”与前面的定义重复；请合并为一行`,
  error: (d) =>
    `“${DEFINITION_FIELD[d("field")] ?? d("field")}”一栏显示错误值 ${d("value")}（公式出错）；请改正公式或直接填写`,
};
/** The 指标定义 columns by their names in the sheet's template. */
const DEFINITION_FIELD: Record<string, string> = {
  id: "编号",
  name: "指标名称",
  synonyms: "同义词",
  level1: "一级指标",
  level2: "二级指标",
  unit: "计量单位",
  direction: "指标方向",
  min: "最小值",
  max: "最大值",
  requiresNumber: "必须定量",
  goal: "部门目标",
};
const SETTINGS: Record<string, (d: Detail<"settings-invalid">) => string> = {
  invalid: (d) => `设置“${d("key")}”的值无效（${d("detail")}），已按默认值检查；请在“检查目标”任务窗格中重新设置。`,
  "unknown-key": (d) => `设置表中的“${d("key")}”不是可识别的设置项，已忽略；请在“检查目标”任务窗格中修改设置。`,
  duplicate: (d) => `设置“${d("key")}”重复出现，只使用了第一处；请删除多余的一行。`,
  "bad-json": (d) => `保存的表格映射无法读取（${d("detail")}），已重新识别；请在“检查目标”任务窗格中确认并保存映射。`,
  "stale-mapping": (d) =>
    `工作表“${d("detail")}”保存的表格映射与现在的表头不符（表格可能已移动或改动），已重新识别；请在“检查目标”任务窗格中确认并保存映射。`,
};

/** "60–100%", "不低于 60%", "不高于 100%". */
function rangeText(d: Detail<"target-out-of-range">): string {
  const [min, max, unit] = [d("min"), d("max"), d("unit")];
  if (min !== "" && max !== "") return `${min}–${max}${unit}`;
  return min !== "" ? `不低于 ${min}${unit}` : `不高于 ${max}${unit}`;
}

const BASIS_FROM: Record<string, string> = {
  name: "指标名称",
  description: "指标说明",
  target: "指标值的单位",
  category: "指标分类",
};

/** Why the direction is what it is: the definition, the row's column, or the analyser's reading. */
function directionWhy(d: Detail<"target-direction">, word: string): string {
  if (d("definition") !== "") return `（指标定义“${d("definition")}”为${word}指标）`;
  if (d("from") === "row") return `（本行指标方向为${word}）`;
  if (d("from") === "analyser") {
    if (d("basis") === "") return "（据指标名称推断）";
    return `（据${BASIS_FROM[d("basisFrom")] ?? "指标名称"}“${d("basis")}”推断）`;
  }
  if (d("from") === "consistency") return `（同名指标在其他项目中写作 ${d("others")}）`;
  return d("direction") === "reverse" ? "（成本类）" : "";
}

const example = (level2: string): string => (level2.includes("成本") ? "≤5万元" : "≥5个");

export const zhCN: Catalogue = {
  "target-missing": (d) =>
    d("error") !== ""
      ? `指标值单元格显示错误值“${d("error")}”（公式出错或引用失效），按未填写处理；请修正公式或直接填写指标值，例如“≥80%”。`
      : d("target") === ""
        ? `指标值为空；请填写完整的指标值（比较符号、数值和单位），例如“≥80%”。`
        : `指标值“${d("target")}”缺少数值；请填写完整的指标值（比较符号、数值和单位），例如“≥80%”。`,
  "target-unparseable": (d) =>
    `指标值“${d("target")}”无法识别，请检查是否有错字（如字母 O 代替数字 0），写成“≥80%”这样的形式。`,
  "target-not-quantitative": (d) =>
    d("reason") === "vague"
      ? `指标值“${d("target")}”只说了变化方向，没有数值、时间或可核验的状态，无法考核；请写明目标值或变化幅度，例如“≥90%”或“较上年下降5%”。`
      : d("reason") === "no-time"
        ? `时效指标的指标值“${d("target")}”没有写明时间，无法考核是否按时；请写明完成时限，例如“12月31日前完成”或“≤30日”。`
        : d("definition") !== ""
          ? `按指标定义“${d("definition")}”，该指标应为定量指标，“${d("target")}”是定性表述；请改为带数值和单位的目标，例如“≥90%”。`
          : `${d("level2")}应为定量指标，“${d("target")}”是定性表述；请改为数值目标，例如“${example(d("level2"))}”。`,
  "target-direction": (d) => {
    const reverse = d("direction") === "reverse";
    const why = directionWhy(d, reverse ? "反向" : "正向");
    return reverse
      ? `该指标越低越好${why}，指标值“${d("target")}”却用了“≥/＞”；应使用“≤”，例如“${d("suggested")}”。`
      : `该指标越高越好${why}，指标值“${d("target")}”却用了“≤/＜”；应使用“≥”或“=”，例如“${d("suggested")}”。`;
  },
  "target-unit": (d, f) => {
    const others = d("others") === "" ? "" : `同名指标在其他项目中写作 ${d("others")}；`;
    switch (d("reason")) {
      case "period":
        return `指标名称“${f.indicator ?? ""}”按${PERIOD[d("namePeriod")] ?? d("namePeriod")}计，指标值“${d("target")}”却按${PERIOD[d("targetPeriod")] ?? d("targetPeriod")}计；${others}请统一期间：改指标值，或改指标名称。`;
      case "no-time-basis":
        return `“${f.indicator ?? ""}”是按时间计价的费用（租金、征用补偿），指标值“${d("target")}”没有时间基准（每天、每月或每年）；${others}请写明，例如“${d("suggested")}”。`;
      case "count-family":
        return `“${f.indicator ?? ""}”计的是“${d("expected")}”，指标值“${d("target")}”却以“${d("unit")}”计（人次是人数乘次数）；请按“${d("expected")}”填写。`;
      case "kind":
        return d("kind") === "count"
          ? `“${f.indicator ?? ""}”是数量，指标值“${d("target")}”却是百分比；请写明数量和单位，例如“≥100${d("expected")}”，比例目标请另设“…率”指标。`
          : `“${f.indicator ?? ""}”是比率，指标值“${d("target")}”却以“${d("unit")}”计；请写成百分比，例如“≥90%”。`;
      case "inconsistent":
        return `${others}本项目的指标值“${d("target")}”以“${d("unit")}”计，两者不能换算；同一指标应使用同一计量单位，请按“${d("expected")}”统一。`;
      default:
        return `指标值“${d("target")}”的单位“${d("unit")}”与指标定义${d("definition") === "" ? "" : `“${d("definition")}”`}的单位“${d("expected")}”不一致，两者不能换算；请按“${d("expected")}”填写。`;
    }
  },
  "target-out-of-range": (d) => `指标值“${d("target")}”超出有效范围（${rangeText(d)}）；请改为该范围内的数值。`,
  "target-goal-mismatch": (d) =>
    d("reason") === "unit"
      ? `指标值“${d("target")}”与部门整体目标“${d("goal")}：${d("goalTarget")}”的单位不能换算；应与部门目标一致，例如“${d("expected")}”。`
      : `指标值“${d("target")}”与部门整体目标“${d("goal")}：${d("goalTarget")}”不一致${d("converted") === "" ? "" : `（部门目标折合 ${d("converted")}${d("targetUnit")}）`}；应与部门目标一致，例如“${d("expected")}”。`,
  "target-incomplete": (d) =>
    `指标值“${d("target")}”缺少${MISSING_PART[d("missing")] ?? "部分内容"}，请补全${d("suggested") === "" ? "" : `，例如“${d("suggested")}”`}。`,
  "category-misuse": (d) =>
    `“${d("level1")} / ${d("level2")}”归类不当：${
      d("reason") === "definition"
        ? `按指标定义“${d("definition")}”，应归入“${d("expected")}”；请改正分类，或修改指标定义`
        : (MISUSE[d("reason")] ?? "请检查指标分类")
    }。`,
  "target-restates-name": (d) =>
    `指标值“${d("target")}”只是重复了指标名称，无法衡量，请写明可考核的标准（比例、数量或完成时限），例如“100%”。`,
  "target-exceeds-budget": (d) =>
    `成本指标值“${d("target")}”（折合 ${d("limit")} 万元）超过了项目预算 ${d("budget")} 万元；请核对金额和单位，成本不应超过项目预算。`,
  "weights-sum": (d) => `各指标分值合计为 ${d("sum")}，应为 ${d("expected")}；请调整分值。`,
  "indicator-unmapped": (d, f) => {
    const where = d("cells") === "" ? "" : `（出现在 ${d("cells")}）`;
    return d("candidate") !== ""
      ? `未找到“${f.indicator ?? ""}”的指标定义，也无法从名称判断其计量类型${where}，仅检查了填写格式。最接近的是“${d("candidate")}”（相似度 ${d("score")}）：如是同一指标，请在“指标定义”表中把“${f.indicator ?? ""}”填为它的同义词；否则请补充该指标的定义。`
      : `未找到“${f.indicator ?? ""}”的指标定义，也无法从名称判断其计量类型${where}，仅检查了填写格式；可在“指标定义”表中补充该指标（名称、计量单位、方向）。`;
  },
  "indicator-duplicate": (d) => `同一项目中该三级指标重复出现（首次在 ${d("first")}），请合并或改名。`,
  "category-missing": (d) =>
    d("level2") === ""
      ? `项目缺少一级指标“${d("level1")}”；请至少补充一项该类指标。`
      : `项目的产出指标缺少“${d("level2")}”；请补充一项${d("level2")}。`,
  "budget-sum": (d) =>
    `预算数 ${d("budget")} 万元不等于财政资金 ${d("fiscal")} 万元加其他资金 ${d("other")} 万元（合计 ${d("sum")} 万元）；预算数应等于两者之和。`,
  "plan-invalid": (d) =>
    `资金支出计划“${d("plan")}”${PLAN[d("reason")] ?? "不合理"}；应为 0–100% 之间逐期累计递增、12月底为 100%，例如“25/50/75/100”。`,
  "project-code": (d) => `项目编码“${d("code")}”格式不符；应为 8 位数字 + P + 11 位数字 + 1 位数字或大写字母。`,
  "project-duplicate": (d) =>
    `项目编码“${d("code")}”重复出现（首次在 ${d("first")}），且内容不同；同一项目只应填写一次，不同项目应使用各自的编码。`,
  "actual-fails-target": (d) => {
    const when = d("deadline") === "" ? "（年度已结束）" : `（期限 ${d("deadline")} 已过）`;
    if (d("grade") === "部分达成")
      return `完成值“${d("actual")}”只部分达成指标值“${d("target")}”${when}；请在偏差原因中说明。`;
    if (d("grade") === "未达成")
      return `完成值“${d("actual")}”表明指标“${d("target")}”未达成${when}；请在偏差原因中说明原因和改进措施。`;
    const verb: Record<Bound, string> = {
      floor: `未达到指标值“${d("target")}”`,
      ceiling: `超出了指标值“${d("target")}”的上限`,
      exact: `不等于指标值“${d("target")}”`,
      range: `不在指标值“${d("target")}”的范围内`,
    };
    return `完成值“${d("actual")}”${verb[boundOf(d("target"))]}；请核实完成值，或在偏差原因中说明。`;
  },
  "actual-unparseable": (d) =>
    `完成值“${d("actual")}”无法识别或与指标值“${d("target")}”单位不可比；请按指标值的单位填写数值。`,
  "actual-behind": (d) =>
    `完成进度 ${d("progress")}% 落后于时间进度 ${d("expected")}% 超过 ${d("tolerance")} 个百分点；请加快进度或说明原因。`,
  "spending-behind-plan": (d) =>
    `支出进度 ${d("progress")}% 落后于计划 ${d("plan")}%（${d("checkpoint")}）；请加快支出或说明原因。`,
  "deviation-reason-missing": () => `完成值与指标值偏差较大，请填写偏差原因。`,
  "actual-pending": (d, f) =>
    `完成值“${d("actual")}”表明结果尚未取得；${f.severity === "warning" ? "年度已结束，请填写实际完成情况，否则不能计分" : "取得后请填写，年底前须有结果"}。`,
  "column-unused": (d) =>
    `${d("header") === "" ? "此列" : `“${d("header")}”一栏`}有内容，但检查不知道它的含义，未予使用；如应使用，请在“读取方式”中指定，或改用常见的列名。`,
  "cell-error": (d) =>
    `${d("column") === "" ? "此单元格" : `“${d("column")}”一栏`}显示错误值 ${d("error")}（公式出错），检查读不到其中的值；请改正公式或直接填写。`,
  "definition-invalid": (d) =>
    d("reason") === "no-header"
      ? "“指标定义”表找不到表头，整张表未使用：请在第一行写明各列名称，至少有“指标名称”和另一列（如“计量单位”“指标方向”“最小值”）。"
      : `“指标定义”第 ${d("row")} 行未使用：${(DEFINITION[d("reason")] ?? (() => "该行有误"))(d)}。`,
  "settings-invalid": (d) => (SETTINGS[d("reason")] ?? SETTINGS.invalid ?? (() => ""))(d),
  "sheet-skipped": (d) =>
    `此表有 ${d("targetCells")} 个单元格像指标值（首个在 ${d("firstTarget")}），但未能读取为绩效目标表，其中的指标未检查：${SKIP_REASON_ZH[d("reason")] ?? "找不到表头"}。`,
};

const SKIP_REASON_ZH: Readonly<Record<string, string>> = {
  "no-header": "找不到表头；请在指标上方加一行列名，如“一级指标”“二级指标”“三级指标”“指标值”",
  "no-target-column": "表头有指标名称，但没有指标值一列；请将指标值单独放在一列，列名如“指标值”",
  "no-indicator-column": "表头有指标值，但没有指标名称一列；请加上“三级指标”（指标名称）一列",
};

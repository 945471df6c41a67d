import { parseUnit } from "../target-expression";
import { definitionSchema, type Definition, type Direction } from "./schema";

type Entry = {
  id: string;
  name: string;
  synonyms?: string[];
  level1?: string;
  level2?: string;
  unit?: string;
  direction?: Direction;
  min?: number;
  max?: number;
  requiresNumber?: boolean;
  goal?: string;
};

const RATE = { unit: "%", min: 0, max: 100, direction: "positive", requiresNumber: true } as const;
const OUTPUT = "产出指标";
const COST_2021 = "成本指标";
/** Money measures of a commerce bureau's department goals: numbers, higher is better. */
const MEASURE = { direction: "positive", requiresNumber: true } as const;

/**
 * The built-in library: the common indicators of project target tables, and the measures of a
 * commerce department's goals (外贸, 外资, 电商, 招商) that project indicators are tied to. Names
 * and synonyms are what tables actually say; a department adds its own on the 指标定义 sheet.
 *
 * The framework itself (which level 2 belongs to which level 1 in the 2020 and the 2021 layout,
 * and that every 数量 and 成本 target is a number and every cost is lower-is-better) lives in
 * framework.ts and applies to every row, mapped or not; the 2021 cost categories have
 * definitions of their own here so that a row named after them maps in either layout.
 */
const ENTRIES: readonly Entry[] = [
  {
    id: "satisfaction",
    name: "服务对象满意度",
    synonyms: [
      "满意度",
      "满意率",
      "群众满意度",
      "群众满意率",
      "公众满意度",
      "社会公众满意度",
      "受益群众满意度",
      "受益对象满意度",
      "服务对象满意率",
      "企业满意度",
      "参训人员满意度",
      "使用人员满意度",
    ],
    level1: "满意度指标",
    level2: "服务对象满意度指标",
    ...RATE,
    // Below 60% is the 未达成 band: a target there aims at failure.
    min: 60,
  },
  {
    id: "fund-disbursement",
    name: "资金拨付",
    synonyms: [
      "资金拨付情况",
      "资金拨付完成情况",
      "拨付完成情况",
      "资金按时拨付",
      "资金拨付到位",
      "资金拨付到位情况",
      "资金拨付及时性",
      "资金拨付时间",
      "资金到位情况",
      "资金到位及时性",
      "拨付及时性",
    ],
    level1: OUTPUT,
    level2: "时效指标",
    // No direction: 资金拨付情况 is a state, 资金拨付时间 a deadline (better shorter); the analyser reads which.
  },
  {
    id: "fund-disbursement-rate",
    name: "资金拨付率",
    synonyms: ["拨付率", "资金到位率", "资金拨付到位率", "资金拨付及时率"],
    level1: OUTPUT,
    level2: "时效指标",
    ...RATE,
  },
  {
    id: "budget-execution",
    name: "预算执行率",
    synonyms: [
      "资金执行率",
      "预算资金执行率",
      "资金支出率",
      "支出进度",
      "资金支出进度",
      "预算支出进度",
      "预算执行进度",
    ],
    ...RATE,
  },
  {
    id: "completion-rate",
    name: "任务完成率",
    synonyms: ["完成率", "工作完成率", "计划完成率", "项目完成率", "工作任务完成率", "目标完成率"],
    ...RATE,
  },
  {
    id: "coverage-rate",
    name: "覆盖率",
    synonyms: ["政策覆盖率", "服务覆盖率", "宣传覆盖率", "受益覆盖率", "覆盖面"],
    ...RATE,
  },
  {
    id: "pass-rate",
    name: "验收合格率",
    synonyms: ["合格率", "质量合格率", "工程验收合格率", "项目验收合格率", "达标率", "质量达标率"],
    level1: OUTPUT,
    level2: "质量指标",
    ...RATE,
  },
  {
    id: "on-time-rate",
    name: "按时完成率",
    synonyms: ["完成及时率", "及时率", "按期完成率", "任务按时完成率"],
    level1: OUTPUT,
    level2: "时效指标",
    ...RATE,
  },
  { id: "awareness-rate", name: "政策知晓率", synonyms: ["知晓率", "群众知晓率"], ...RATE },
  { id: "complaint-rate", name: "投诉率", synonyms: ["有效投诉率", "投诉发生率"], ...RATE, direction: "reverse" },
  { id: "cost-saving-rate", name: "成本节约率", synonyms: ["资金节约率"], ...RATE },
  // The 2021 framework's cost categories (财预〔2021〕101号); in the 2020 layout they sit under 产出指标.
  {
    id: "economic-cost",
    name: "经济成本",
    synonyms: ["项目经济成本", "经济成本指标"],
    level1: COST_2021,
    level2: "经济成本指标",
    direction: "reverse",
    requiresNumber: true,
  },
  {
    id: "social-cost",
    name: "社会成本",
    synonyms: ["社会成本指标"],
    level1: COST_2021,
    level2: "社会成本指标",
    direction: "reverse",
    requiresNumber: true,
  },
  {
    id: "eco-cost",
    name: "生态环境成本",
    synonyms: ["生态成本", "环境成本", "生态环境成本指标"],
    level1: COST_2021,
    level2: "生态环境成本指标",
    direction: "reverse",
    requiresNumber: true,
  },
  {
    id: "unit-cost",
    name: "单位成本",
    synonyms: ["单位造价", "人均成本", "平均成本", "单位面积成本"],
    level1: COST_2021,
    level2: "经济成本指标",
    direction: "reverse",
    requiresNumber: true,
  },
  // Commerce: the measures of 部门整体绩效目标 that project indicators restate.
  {
    id: "foreign-trade",
    name: "外贸进出口总额",
    synonyms: ["外贸进出口额", "进出口总额", "进出口额", "外贸进出口", "对外贸易进出口总额", "完成外贸进出口额"],
    unit: "亿元",
    ...MEASURE,
  },
  {
    id: "exports",
    name: "外贸出口额",
    synonyms: ["出口", "出口额", "出口总额", "外贸出口", "外贸出口总额", "完成外贸出口额"],
    unit: "亿元",
    ...MEASURE,
  },
  { id: "imports", name: "外贸进口额", synonyms: ["进口", "进口额", "进口总额", "外贸进口"], unit: "亿元", ...MEASURE },
  {
    id: "foreign-investment",
    name: "实际利用外资",
    synonyms: [
      "利用外资",
      "利用外资额",
      "实际利用外资额",
      "实际利用外资金额",
      "实际使用外资",
      "实际使用外资金额",
      "引进外资",
      "引进外资额",
      // How project tables phrase the bureau's own target: 完成年度外资目标任务.
      "外资目标任务",
      "年度外资目标任务",
    ],
    unit: "万美元",
    ...MEASURE,
  },
  {
    id: "cross-border-ecommerce",
    name: "跨境电商交易额",
    synonyms: ["跨境电子商务交易额", "跨境电商进出口额"],
    unit: "亿元",
    ...MEASURE,
  },
  {
    id: "online-retail",
    name: "网络零售额",
    synonyms: ["网络零售总额", "网上零售额", "农村网络零售额", "农村网络零售总额"],
    unit: "亿元",
    ...MEASURE,
  },
  {
    id: "retail-sales-growth",
    name: "社会消费品零售总额增长率",
    synonyms: ["社会消费品零售额增长率", "社会消费品零售额同比增长", "社会消费品零售总额同比增长", "社零额增速"],
    // A growth rate may be negative or above 100%: no range.
    unit: "%",
    ...MEASURE,
  },
  {
    id: "major-projects-signed",
    name: "签约亿元以上项目",
    synonyms: ["签约亿元以上项目个数", "签约亿元以上项目数"],
    unit: "个",
    ...MEASURE,
  },
];

function toDefinition(entry: Entry): Definition {
  const unit = entry.unit === undefined ? null : parseUnit(entry.unit);
  // The library is ours: a unit the parser cannot read is a bug, caught by its test.
  if (entry.unit !== undefined && unit === null)
    throw new Error(`built-in definition ${entry.id}: bad unit ${entry.unit}`);
  return definitionSchema.parse({
    id: entry.id,
    name: entry.name,
    synonyms: entry.synonyms ?? [],
    level1: entry.level1 ?? null,
    level2: entry.level2 ?? null,
    unit,
    direction: entry.direction ?? null,
    min: entry.min ?? null,
    max: entry.max ?? null,
    requiresNumber: entry.requiresNumber ?? null,
    goal: entry.goal ?? null,
    source: "builtin",
    at: null,
  });
}

export const BUILTIN_DEFINITIONS: readonly Definition[] = ENTRIES.map(toDefinition);

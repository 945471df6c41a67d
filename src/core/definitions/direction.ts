import { isCost } from "./framework";
import type { Direction } from "./schema";

export type { Direction } from "./schema";

/**
 * Names of measures where less is better. The built-in default until a definition says
 * otherwise: costs, prices, complaints, accidents, delays.
 */
const REVERSE_WORDS = [
  "成本",
  "费用",
  "单价",
  "价格",
  "租金",
  "补偿标准",
  "支出标准",
  "投诉",
  "事故",
  "差错",
  "失误",
  "违规",
  "违纪",
  "误差",
  "超支",
  "损失",
  "能耗",
  "排放",
  "不合格",
  "逾期",
  "延误",
  "用时",
  "耗时",
  "时长",
  "发生率",
  "返工",
  "空置率",
  "失业率",
];

export function defaultDirection(level1: string, level2: string, name: string): Direction {
  if (isCost(level1, level2)) return "reverse";
  return REVERSE_WORDS.some((w) => name.includes(w)) ? "reverse" : "positive";
}

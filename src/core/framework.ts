import type { Settings } from "./check-settings";

/** Level 1 → level 2 of the indicator framework (docs/reading.md). */
export type Framework = Readonly<Record<string, readonly string[]>>;

const OUTPUT_2020 = ["数量指标", "质量指标", "时效指标", "成本指标"] as const;
const BENEFIT = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] as const;
const SATISFACTION = ["服务对象满意度指标"] as const;

export const FRAMEWORKS: Readonly<Record<Settings["framework"], Framework>> = {
  "2020": { 产出指标: OUTPUT_2020, 效益指标: BENEFIT, 满意度指标: SATISFACTION },
  "2021": {
    产出指标: ["数量指标", "质量指标", "时效指标"],
    成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
    效益指标: BENEFIT,
    满意度指标: SATISFACTION,
  },
};

/** Level-2 categories whose targets must be numbers (docs/definitions.md: 数量 and 成本). */
export function requiresNumber(level1: string, level2: string): boolean {
  return level2 === "数量指标" || isCost(level1, level2);
}

/** Cost in either framework: 成本指标 as level 2 (2020) or level 1 (2021). */
export function isCost(level1: string, level2: string): boolean {
  return level1 === "成本指标" || level2 === "成本指标" || level2.endsWith("成本指标");
}

import type { TrafficLight } from "../model/report";
import type { Locale } from "./catalogue";

/** What a monitored project's light rests on: its monitoring findings counted by kind. */
export type LightBasis = {
  light: TrafficLight;
  failed: number;
  behind: number;
  unreadable: number;
  pending: number;
  spending: number;
  reasons: number;
};

type Part = [keyof Omit<LightBasis, "light">, (n: number) => string];

const ZH: readonly Part[] = [
  ["failed", (n) => `${n} 项指标未达到目标`],
  ["behind", (n) => `${n} 项指标进度落后`],
  ["unreadable", (n) => `${n} 项完成值无法识别`],
  ["spending", () => `支出进度落后于计划`],
  ["pending", (n) => `${n} 项结果尚未取得`],
  ["reasons", (n) => `${n} 项缺少偏差原因`],
];
const EN: readonly Part[] = [
  ["failed", (n) => `${n} indicator${n === 1 ? "" : "s"} short of target`],
  ["behind", (n) => `${n} behind the year's pace`],
  ["unreadable", (n) => `${n} actual${n === 1 ? "" : "s"} unreadable`],
  ["spending", () => `spending behind plan`],
  ["pending", (n) => `${n} result${n === 1 ? "" : "s"} not in yet`],
  ["reasons", (n) => `${n} deviation reason${n === 1 ? "" : "s"} missing`],
];

/** The light's reason in words: what coloured it, or that the year is on course. */
export function formatLightReason(b: LightBasis, locale: Locale): string {
  const zh = locale === "zh-CN";
  const parts = (zh ? ZH : EN).filter(([key]) => b[key] > 0).map(([key, say]) => say(b[key]));
  if (parts.length > 0) return parts.join(zh ? "；" : "; ");
  if (b.light === "blue")
    return zh ? "各项定量指标均超出目标 20% 以上" : "every quantitative target beaten by 20% or more";
  return zh ? "指标和支出均按进度" : "indicators and spending on course";
}

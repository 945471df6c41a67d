import type { Indicator } from "../model/project";
import { actualInTargetUnit, judgedTarget, readActual, type DirectionOf } from "./actual";

/** How far an actual lies from its target, as a reviewer writes it: −5 个百分点, −12 公里, +10 个. */
export type Deviation = { value: number; unit: string };

/** Percent targets deviate in percentage points (75% against ≥80%: −5 个百分点), not in percent of percent. */
const POINTS = "个百分点";

/**
 * The actual less the target, in the target's unit (个百分点 for a percent target); null for a
 * qualitative target, a range, or an actual that cannot be compared.
 */
export function deviationOf(ind: Indicator, directionOf: DirectionOf): Deviation | null {
  if (ind.target.kind !== "quantitative") return null;
  const actual = readActual(ind.actualText);
  if (actual.kind !== "value") return null;
  const target = judgedTarget(ind.target, directionOf(ind));
  if (target.operator === "range") return null;
  const value = actualInTargetUnit(actual, target);
  if (value === null) return null;
  const unit = target.unit === null ? "" : target.unit.dimension === "percent" ? POINTS : target.unit.text;
  return { value: Number.parseFloat((value - target.value).toPrecision(10)), unit };
}

/** `−5个百分点`, `+10个`, `0公里`: the deviation as the 绩效目标表 and reports show it. */
export function formatDeviation(d: Deviation): string {
  const sign = d.value > 0 ? "+" : d.value < 0 ? "−" : "";
  const n = Math.round(Math.abs(d.value) * 100) / 100;
  return `${sign}${n}${d.unit}`;
}

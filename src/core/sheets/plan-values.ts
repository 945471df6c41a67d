import type { Plan } from "../model/project";

const toPoints = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e4);

/**
 * A spending plan typed as fractions without a percent format (0.25, 0.5, 0.75, 1) means
 * 25/50/75/100: a plan must end at 100%, so a last checkpoint of exactly 1 with every other
 * one below it cannot be read as one percent.
 */
export function planInPoints(plan: Plan): Plan {
  const values = plan.filter((v): v is number => v !== null);
  const fractions = plan[3] === 1 && values.every((v) => v >= 0 && v <= 1) && values.some((v) => v < 1);
  return fractions ? [toPoints(plan[0]), toPoints(plan[1]), toPoints(plan[2]), toPoints(plan[3])] : plan;
}

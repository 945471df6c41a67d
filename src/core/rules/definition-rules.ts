import type { Finding } from "../model/finding";
import { append } from "../model/arrays";
import type { Goal, Indicator } from "../model/project";
import { convert, formatTarget } from "../target-expression";
import type { Quantitative } from "../target-expression/schema";
import { indicatorFinding, type Rule, type RuleContext } from "./context";

/** An indicator no definition fits: still checked for form; the closest definition is offered, not applied. */
export const checkUnmapped: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const ind of ctx.model.indicators) {
    if (ind.name === "") continue;
    const { match, candidate } = ctx.matchOf(ind);
    if (match !== null) continue;
    out.push(
      indicatorFinding(ctx, "indicator-unmapped", "info", ind, ind.cells.name, {
        candidate: candidate?.definition.name ?? null,
        candidateId: candidate?.definition.id ?? null,
        score: candidate?.score ?? null,
      }),
    );
  }
  return out;
};

type Verdict = { reason: "unit" | "value"; converted: number | null };

/**
 * Whether a project target agrees with the department goal of the same measure: same
 * dimension, and a value within the tolerance of the goal's (a range must contain it).
 */
function disagreement(t: Quantitative, goal: Quantitative, tolerance: number): Verdict | null {
  const to = goal.unit ?? t.unit;
  const from = t.unit ?? goal.unit;
  const low = from === null || to === null ? t.value : convert(t.value, from, to);
  const high = from === null || to === null ? (t.max ?? t.value) : convert(t.max ?? t.value, from, to);
  if (low === null || high === null) return { reason: "unit", converted: null };
  const slack = tolerance * Math.abs(goal.value);
  const agrees = goal.value >= low - slack && goal.value <= high + slack;
  return agrees ? null : { reason: "value", converted: t.operator === "range" ? null : low };
}

/** The target the goal implies for a project indicator, with the operator its direction expects. */
function suggestion(goal: Quantitative, direction: "positive" | "reverse"): string {
  return formatTarget({ ...goal, operator: direction === "positive" ? ">=" : "<=", max: null });
}

type QuantitativeGoal = Goal & { target: Quantitative };

/**
 * A department may state one measure more than once (a year's total and a half-year's, two
 * sheets of goals): a target that agrees with any of them agrees. Otherwise it is compared with
 * the first it can be compared with (same dimension), else the first.
 */
function goalFindings(ctx: RuleContext, ind: Indicator, goals: readonly Goal[]): Finding[] {
  const t = ind.target;
  if (t.kind !== "quantitative") return [];
  const verdicts = goals
    .filter((g): g is QuantitativeGoal => g.target.kind === "quantitative")
    .map((goal) => ({ goal, verdict: disagreement(t, goal.target, ctx.settings.goalTolerance) }));
  if (verdicts.length === 0 || verdicts.some((v) => v.verdict === null)) return [];
  const chosen = verdicts.find((v) => v.verdict?.reason === "value") ?? verdicts[0];
  if (chosen === undefined || chosen.verdict === null) return [];
  const { goal, verdict } = chosen;
  const direction = ctx.judgementOf(ind).direction;
  return [
    indicatorFinding(ctx, "target-goal-mismatch", "warning", ind, ind.cells.target, {
      target: ind.targetText.trim(),
      goal: goal.name,
      goalTarget: goal.targetText.trim(),
      goalCell: `${goal.sheet}!${goal.cell}`,
      reason: verdict.reason,
      converted: verdict.converted,
      goalUnit: goal.target.unit?.text ?? "",
      expected: suggestion(goal.target, direction),
    }),
  ];
}

/** A project indicator restating a department goal must agree with it (848 万美元 vs ≤858亿美元). */
export const checkGoalMismatch: Rule = (ctx) => {
  const out: Finding[] = [];
  if (ctx.model.goals.length === 0) return out;
  for (const ind of ctx.model.indicators) {
    const definition = ctx.matchOf(ind).match?.definition;
    if (definition !== undefined) append(out, goalFindings(ctx, ind, ctx.goalsOf(definition)));
  }
  return out;
};

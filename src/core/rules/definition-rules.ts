import type { Finding } from "../model/finding";
import { append } from "../model/arrays";
import type { Goal, Indicator } from "../model/project";
import { normalizeName } from "../definitions/similarity";
import { convert, formatTarget } from "../target-expression";
import type { Quantitative } from "../target-expression/schema";
import { indicatorFinding, type Rule, type RuleContext } from "./context";

/**
 * An indicator no definition fits and the analyser cannot read either: one note per distinct
 * name per workbook, listing where it occurs, with the closest definition offered, not applied.
 * A name the analyser reads (a rate, a count, a cost…) is checked by that reading and needs no note.
 */
export const checkUnmapped: Rule = (ctx) => {
  const byName = new Map<string, Indicator[]>();
  for (const ind of ctx.model.indicators) {
    if (ind.name === "" || ctx.matchOf(ind).match !== null) continue;
    if (ctx.judgementOf(ind).analysis.kind !== "unknown") continue;
    const key = normalizeName(ind.name);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [ind]);
    else list.push(ind);
  }
  const out: Finding[] = [];
  for (const inds of byName.values()) {
    const first = inds[0];
    if (first === undefined) continue;
    const { candidate } = ctx.matchOf(first);
    out.push(
      indicatorFinding(ctx, "indicator-unmapped", "info", first, first.cells.name, {
        candidate: candidate?.definition.name ?? null,
        candidateId: candidate?.definition.id ?? null,
        score: candidate?.score ?? null,
        count: inds.length,
        cells: inds.map((i) => `${i.cells.name.sheet}!${i.cells.name.cell}`).join("、"),
      }),
    );
  }
  return out;
};

/** `converted`: the goal's value in the target's own unit (848万美元 → 0.0848亿美元), for the message. */
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
  if (agrees) return null;
  // Shown only where the scales differ (848万美元 against 亿美元): 42.4亿人民币 needs no restating as 亿元.
  if (t.unit === null || goal.unit === null || t.unit.scale === goal.unit.scale)
    return { reason: "value", converted: null };
  return { reason: "value", converted: convert(goal.value, goal.unit, t.unit) };
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
      targetUnit: t.unit?.text ?? "",
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

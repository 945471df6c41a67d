import type { Finding } from "../model/finding";
import type { Indicator, Project } from "../model/project";
import { indicatorFinding, projectFinding, type RuleContext } from "../rules/context";
import { compareWithTarget, convert, formatTarget } from "../target-expression";
import type { Quantitative } from "../target-expression/schema";
import { isCumulative, judgedTarget, readActual } from "./actual";
import { CHECKPOINT_LABELS, type YearPosition } from "./as-of";
import type { Settings } from "../settings";

export type MonitoringContext = { rules: RuleContext; position: YearPosition; settings: Settings };

/** The actual in the target's unit, or null when it cannot be expressed so. */
function inTargetUnit(actual: { value: number; unit: Quantitative["unit"] }, target: Quantitative): number | null {
  if (actual.unit === null || target.unit === null) return actual.value;
  return convert(actual.value, actual.unit, target.unit);
}

/** How far the actual lies beyond its target, as a share: 0.3 = 30% better than required. */
function beyond(value: number, target: Quantitative): number {
  if (target.operator === "range" || target.value === 0) return 0;
  return target.operator === "<=" || target.operator === "<" ? 1 - value / target.value : value / target.value - 1;
}

function indicatorRules(m: MonitoringContext, ind: Indicator): Finding[] {
  const at = ind.cells.actual;
  if (at === null || ind.target.kind !== "quantitative") return [];
  const actual = readActual(ind.actualText);
  if (actual.kind === "none") return [];
  const details = { actual: ind.actualText ?? "", target: ind.targetText.trim() };
  const found = (rule: Finding["rule"], severity: Finding["severity"], extra = {}) =>
    indicatorFinding(m.rules, rule, severity, ind, at, { ...details, ...extra });
  if (actual.kind !== "value") return [found("actual-unparseable", "error")];

  const direction = m.rules.judgementOf(ind).direction;
  const target = judgedTarget(ind.target, direction);
  const value = inTargetUnit(actual, target);
  const verdict = compareWithTarget(actual, target);
  if (verdict === "incomparable" || value === null)
    return [found("actual-unparseable", "error", { parsed: formatTarget(target) })];

  const out: Finding[] = [];
  let failed = false;
  if (verdict === "fail" && isCumulative(target, direction) && !m.position.yearEnd) {
    // Mid-year, a count or amount is judged by its progress against the time elapsed.
    const progress = target.value === 0 ? 100 : (value / target.value) * 100;
    if (progress < m.position.elapsed - m.settings.progressTolerance) {
      out.push(
        found("actual-behind", "warning", {
          progress: Math.round(progress),
          expected: Math.round(m.position.elapsed),
          tolerance: m.settings.progressTolerance,
        }),
      );
    }
  } else if (verdict === "fail") {
    failed = true;
    out.push(found("actual-fails-target", "error"));
  }
  const reasonCell = ind.cells.deviationReason;
  const unexplained = ind.deviationReason === null || ind.deviationReason.trim() === "";
  if (reasonCell !== null && unexplained && (failed || beyond(value, target) >= m.settings.deviationShare)) {
    out.push(
      indicatorFinding(m.rules, "deviation-reason-missing", "warning", ind, reasonCell, {
        ...details,
        failed: failed ? 1 : 0,
      }),
    );
  }
  return out;
}

function spendingRule(m: MonitoringContext, p: Project): Finding[] {
  const checkpoint = m.position.checkpoint;
  if (checkpoint === null || p.spent === null || p.cells.spent === null || !p.budget || p.plan === null) return [];
  const planned = p.plan[checkpoint];
  if (planned === null || planned === undefined) return [];
  const progress = (p.spent / p.budget) * 100;
  const behind = planned - progress;
  if (behind <= m.settings.spendingWarning) return [];
  const severity = behind > m.settings.spendingError ? "error" : "warning";
  return [
    projectFinding("spending-behind-plan", severity, p, p.cells.spent, {
      progress: Math.round(progress * 10) / 10,
      plan: planned,
      checkpoint: CHECKPOINT_LABELS[checkpoint] ?? "",
    }),
  ];
}

/** Monitoring (绩效运行监控): run where actual values or spending are present. */
export function monitoringFindings(m: MonitoringContext): Finding[] {
  return [
    ...m.rules.model.indicators.flatMap((ind) => indicatorRules(m, ind)),
    ...m.rules.model.projects.flatMap((p) => spendingRule(m, p)),
  ];
}

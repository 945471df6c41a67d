import type { Finding } from "../model/finding";
import type { DetailsOf } from "../model/rule-registry";
import type { Indicator, Project } from "../model/project";
import { indicatorFinding, projectFinding, type RuleContext } from "../rules/context";
import { compareWithTarget, formatTarget } from "../target-expression";
import type { Quantitative } from "../target-expression/schema";
import { actualInTargetUnit, isCumulative, judgedTarget, readActual, type Actual } from "./actual";
import { CHECKPOINT_LABELS, type YearPosition } from "./as-of";
import { deadlineOf } from "./qualitative";
import type { Settings } from "../check-settings";

export type MonitoringContext = {
  rules: RuleContext;
  position: YearPosition;
  settings: Settings;
  /** The budget spending is measured against (the adjusted one where given); the project's by default. */
  budgetOf?: (p: Project) => number | null;
};

/** How far the actual lies beyond its target, as a share: 0.3 = 30% better than required. */
function beyond(value: number, target: Quantitative): number {
  if (target.operator === "range" || target.value === 0) return 0;
  return target.operator === "<=" || target.operator === "<" ? 1 - value / target.value : value / target.value - 1;
}

/** The rules judging an actual against its target: their findings name both as written. */
type ActualRuleId = "actual-fails-target" | "actual-unparseable" | "actual-behind" | "actual-pending";
type Found = <R extends ActualRuleId>(
  rule: R,
  severity: Finding["severity"],
  extra?: Omit<DetailsOf<R>, "actual" | "target">,
) => Finding;

/** What an indicator's answer comes to: its findings, and whether it counts as failed (a reason is then due). */
type Judged = { findings: Finding[]; failed: boolean; explainBeyond: boolean };

const NOTHING: Judged = { findings: [], failed: false, explainBeyond: false };

/**
 * A graded answer (达成 / 部分达成 / 未达成): at the year's end anything short of 达成 has failed
 * (部分达成 a warning, 未达成 an error); during the year only once the target's deadline has passed.
 */
function judgeGrade(m: MonitoringContext, ind: Indicator, grade: "达成" | "部分达成" | "未达成", found: Found): Judged {
  if (grade === "达成") return NOTHING;
  const deadline = deadlineOf(ind.targetText, m.position.year);
  const overdue = deadline !== null && m.position.asOf > deadline;
  if (!m.position.yearEnd && !overdue) return NOTHING;
  const severity = grade === "未达成" && m.position.yearEnd ? "error" : "warning";
  const extra = { grade, ...(deadline !== null && overdue ? { deadline } : {}) };
  return { findings: [found("actual-fails-target", severity, extra)], failed: true, explainBeyond: false };
}

/** A number against a quantitative target: failed, behind the year's pace, or beyond it enough to explain. */
function judgeValue(
  m: MonitoringContext,
  ind: Indicator,
  actual: Extract<Actual, { kind: "value" }>,
  found: Found,
): Judged {
  if (ind.target.kind !== "quantitative") return NOTHING;
  const direction = m.rules.judgementOf(ind).direction;
  const target = judgedTarget(ind.target, direction);
  const value = actualInTargetUnit(actual, target);
  if (value === null)
    return { ...NOTHING, findings: [found("actual-unparseable", "error", { parsed: formatTarget(target) })] };
  const verdict = compareWithTarget({ value, unit: target.unit }, target);
  if (verdict === "incomparable")
    return { ...NOTHING, findings: [found("actual-unparseable", "error", { parsed: formatTarget(target) })] };
  const explainBeyond = beyond(value, target) >= m.settings.deviationShare;
  if (verdict !== "fail") return { findings: [], failed: false, explainBeyond };
  if (isCumulative(target, direction) && !m.position.yearEnd) {
    // Mid-year, a quantity that adds up is judged by its progress against the time elapsed.
    const progress = target.value === 0 ? 100 : (value / target.value) * 100;
    if (progress >= m.position.elapsed - m.settings.progressTolerance) return NOTHING;
    return {
      findings: [
        found("actual-behind", "warning", {
          progress: Math.round(progress),
          expected: Math.round(m.position.elapsed),
          tolerance: m.settings.progressTolerance,
        }),
      ],
      failed: false,
      explainBeyond: false,
    };
  }
  return { findings: [found("actual-fails-target", "error")], failed: true, explainBeyond: false };
}

/** The same words as the target (`按时拨付` for `按时拨付`): a clerk's way of writing 达成. */
const restates = (ind: Indicator, actual: Actual): boolean =>
  actual.kind === "text" && actual.text.replace(/\s+/g, "") === ind.targetText.replace(/\s+/g, "");

function judge(m: MonitoringContext, ind: Indicator, actual: Actual, found: Found): Judged {
  if (actual.kind === "pending")
    return { ...NOTHING, findings: [found("actual-pending", m.position.yearEnd ? "warning" : "info")] };
  if (actual.kind === "grade") return judgeGrade(m, ind, actual.grade, found);
  if (ind.target.kind === "qualitative") return NOTHING;
  if (ind.target.kind !== "quantitative") return NOTHING;
  if (actual.kind === "value") return judgeValue(m, ind, actual, found);
  if (restates(ind, actual)) return NOTHING;
  return { ...NOTHING, findings: [found("actual-unparseable", "error")] };
}

function indicatorRules(m: MonitoringContext, ind: Indicator): Finding[] {
  const at = ind.cells.actual;
  if (at === null) return [];
  const actual = readActual(ind.actualText);
  if (actual.kind === "none") return [];
  const details = { actual: ind.actualText ?? "", target: ind.targetText.trim() };
  const found: Found = (rule, severity, extra) =>
    // Omit on a generic R hides from TypeScript that the two halves make DetailsOf<R>.
    indicatorFinding(m.rules, rule, severity, ind, at, { ...details, ...extra } as DetailsOf<typeof rule>);
  const judged = judge(m, ind, actual, found);
  const out = [...judged.findings];
  const reasonCell = ind.cells.deviationReason;
  const unexplained = ind.deviationReason === null || ind.deviationReason.trim() === "";
  if (reasonCell !== null && unexplained && (judged.failed || judged.explainBeyond)) {
    out.push(
      indicatorFinding(m.rules, "deviation-reason-missing", "warning", ind, reasonCell, {
        ...details,
        failed: judged.failed ? 1 : 0,
      }),
    );
  }
  return out;
}

function spendingRule(m: MonitoringContext, p: Project): Finding[] {
  const checkpoint = m.position.checkpoint;
  const budget = m.budgetOf?.(p) ?? p.budget;
  if (checkpoint === null || p.spent === null || p.cells.spent === null || !budget || p.plan === null) return [];
  const planned = p.plan[checkpoint];
  if (planned === null || planned === undefined) return [];
  const progress = (p.spent / budget) * 100;
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

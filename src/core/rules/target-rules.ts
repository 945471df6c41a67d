import type { Judgement } from "../definitions/judgement";
import { isVague, lacksTime } from "../analyser/vague";
import { isCost } from "../framework";
import type { Finding, RuleId, Severity } from "../model/finding";
import { memoByText } from "../model/memo";
import type { DetailsOf } from "../model/rule-registry";
import type { Indicator } from "../model/project";
import { convert, formatTarget } from "../target-expression";
import type { Quantitative, Unit } from "../target-expression/schema";
import { indicatorFinding, type Rule, type RuleContext } from "./context";

const WAN_YUAN: Unit = { text: "万元", dimension: "money:CNY", scale: 10000, per: null };

/** Text compared for "the target only repeats the name": spaces and punctuation ignored. */
const strip = (text: string): string => text.replace(/[\s\u3000，,。.；;、：:]/g, "");

/** The rules whose findings sit on the target cell and name the target as written. */
type TargetRuleId = { [R in RuleId]: DetailsOf<R> extends { target: string } ? R : never }[RuleId];

/** What the definition is called in a message, or "" when the category or a default decided. */
const definedBy = (ctx: RuleContext, ind: Indicator): string => ctx.matchOf(ind).match?.definition.name ?? "";

/**
 * A finding at the target cell, naming the target as written. `details` is always a fresh
 * literal of the caller's, so it is completed in place rather than copied.
 */
function found<R extends TargetRuleId>(
  ctx: RuleContext,
  ind: Indicator,
  rule: R,
  severity: Severity,
  details: Omit<DetailsOf<R>, "target">,
): Finding {
  // Completed in place (a fresh literal of the caller's): TypeScript cannot see through Omit on a
  // generic R that adding `target` gives DetailsOf<R> back.
  const full = Object.assign(details, { target: ind.targetText.trim() }) as DetailsOf<R>;
  return indicatorFinding(ctx, rule, severity, ind, ind.cells.target, full);
}

/** Adds the indicator's target findings to `out` (one list for the whole check, not one per row). */
function targetRules(ctx: RuleContext, ind: Indicator, bare: (text: string) => string, out: Finding[]): void {
  const t = ind.target;
  const judgement = ctx.judgementOf(ind);

  switch (t.kind) {
    case "missing":
      out.push(found(ctx, ind, "target-missing", "error", ind.targetError ? { error: ind.targetError } : {}));
      return;
    case "unparseable":
      out.push(found(ctx, ind, "target-unparseable", "error", {}));
      return;
    case "qualitative": {
      // One finding on the cell: a vague target is worse than a merely qualitative one.
      if (isVague(t.text)) {
        out.push(found(ctx, ind, "target-not-quantitative", "warning", { reason: "vague", level2: ind.level2 }));
      } else if (judgement.requiresNumber) {
        const from = judgement.requiresNumberFrom === "definition" ? definedBy(ctx, ind) : "";
        out.push(found(ctx, ind, "target-not-quantitative", "warning", { level2: ind.level2, definition: from }));
      } else if (ind.level2.startsWith("时效指标") && lacksTime(t.text)) {
        out.push(found(ctx, ind, "target-not-quantitative", "warning", { reason: "no-time", level2: ind.level2 }));
      }
      const target = bare(t.text);
      if (target !== "" && target === bare(ind.name)) out.push(found(ctx, ind, "target-restates-name", "warning", {}));
      return;
    }
    case "quantitative":
      quantitativeRules(ctx, ind, t, judgement, out);
      return;
  }
}

const PERCENT_UNIT: Unit = { text: "%", dimension: "percent", scale: 1, per: null };

/**
 * A target completed, keeping its value: 100% → =100% (a rate cannot exceed it), 85% → ≥85% for
 * a measure better higher, ≤ for one better lower; a missing unit is the analyser's (% for a rate).
 * Empty when the unit cannot be told: the message then asks for it without an example.
 */
function completed(t: Quantitative, j: Judgement): string {
  const rate = j.analysis.kind === "rate" || j.analysis.kind === "satisfaction";
  const unit = t.unit ?? j.unit ?? (rate ? PERCENT_UNIT : null);
  if (unit === null) return "";
  const full = unit.dimension === "percent" && t.value >= 100 && j.direction === "positive";
  const operator = t.operator ?? (full ? "=" : j.direction === "positive" ? ">=" : "<=");
  return formatTarget({ ...t, operator, unit });
}

/** The target's bounds in the range's unit; null when they measure different things. */
function boundsIn(t: Quantitative, unit: Unit | null): { low: number; high: number } | null {
  const high = t.max ?? t.value;
  if (unit === null || t.unit === null) return { low: t.value, high };
  const low = convert(t.value, t.unit, unit);
  const up = convert(high, t.unit, unit);
  return low === null || up === null ? null : { low, high: up };
}

function quantitativeRules(ctx: RuleContext, ind: Indicator, t: Quantitative, j: Judgement, out: Finding[]): void {
  if (!ind.targetFromColumns && (t.operator === null || t.unit === null)) {
    out.push(
      found(ctx, ind, "target-incomplete", "warning", {
        missing: t.operator === null ? (t.unit === null ? "both" : "operator") : "unit",
        suggested: completed(t, j),
      }),
    );
  }
  const contradicts =
    (j.direction === "positive" && (t.operator === "<=" || t.operator === "<")) ||
    (j.direction === "reverse" && (t.operator === ">=" || t.operator === ">"));
  // Where nothing told the direction (no definition, no column, a name the analyser cannot read)
  // a flag would be a guess: a reviewer who sees one wrong "应使用≤" stops trusting the rest.
  if (contradicts && j.directionFrom !== "default") {
    const from = j.directionFrom === "definition" ? definedBy(ctx, ind) : "";
    const suggested = formatTarget({ ...t, operator: j.direction === "positive" ? ">=" : "<=" });
    out.push(
      found(ctx, ind, "target-direction", "warning", {
        direction: j.direction,
        parsed: formatTarget(t),
        definition: from,
        from: j.directionFrom,
        basis: j.directionFrom === "analyser" ? j.analysis.basis : "",
        basisFrom: j.directionFrom === "analyser" ? j.analysis.basisFrom : null,
        suggested,
      }),
    );
  }

  if (j.range !== null) {
    const b = boundsIn(t, j.range.unit);
    const { min, max } = j.range;
    if (b !== null && ((min !== null && b.low < min - 1e-9) || (max !== null && b.high > max + 1e-9))) {
      out.push(
        found(ctx, ind, "target-out-of-range", "error", {
          min,
          max,
          unit: j.range.unit?.text ?? t.unit?.text ?? "",
          parsed: formatTarget(t),
        }),
      );
    }
  }

  if (j.unit !== null && t.unit !== null && t.unit.dimension !== j.unit.dimension) {
    out.push(
      found(ctx, ind, "target-unit", "warning", {
        expected: j.unit.text,
        unit: t.unit.text,
        definition: definedBy(ctx, ind),
      }),
    );
  }

  const project = ctx.projectOf(ind);
  if (isCost(ind.level1, ind.level2) && project?.budget != null && t.unit !== null && t.unit.per === null) {
    const limit = convert(t.max ?? t.value, t.unit, WAN_YUAN);
    if (limit !== null && limit > project.budget + 1e-9) {
      out.push(
        found(ctx, ind, "target-exceeds-budget", "warning", { limit, budget: project.budget, parsed: formatTarget(t) }),
      );
    }
  }
}

/**
 * Target review of every indicator: form (missing, unparseable, incomplete, restated), and what
 * its definition expects (direction, number, range, unit), with the built-in defaults where none.
 */
export const checkTargets: Rule = (ctx) => {
  const out: Finding[] = [];
  const bare = memoByText(strip);
  for (const ind of ctx.model.indicators) targetRules(ctx, ind, bare, out);
  return out;
};

import { defaultDirection } from "../definitions/direction";
import { isCost, requiresNumber } from "../definitions/framework";
import type { Finding, FindingDetails, RuleId, Severity } from "../model/finding";
import type { Indicator } from "../model/project";
import { convert, formatTarget } from "../target-expression";
import type { Quantitative, Unit } from "../target-expression/schema";
import { indicatorFinding, type Rule, type RuleContext } from "./context";

type Found = (rule: RuleId, severity: Severity, details?: FindingDetails) => Finding;

const WAN_YUAN: Unit = { text: "万元", dimension: "money:CNY", scale: 10000, per: null };

/** Text compared for "the target only repeats the name": spaces and punctuation ignored. */
const bare = (text: string): string => text.replace(/[\s\u3000，,。.；;、：:]/g, "");

/** A satisfaction or completion-type rate lives in 0–100%; growth rates may exceed it. */
function isBoundedRate(ind: Indicator): boolean {
  const text = ind.name + ind.description;
  if (/增长|增速|增幅|提高|提升|下降|降低|同比|环比/.test(text)) return false;
  return /满意度|满意率|完成率|覆盖率|合格率|达标率|到位率|执行率|知晓率|使用率|利用率|及格率|参与率|率$/.test(
    ind.name,
  );
}

function targetRules(ctx: RuleContext, ind: Indicator): Finding[] {
  const t = ind.target;
  const at = ind.cells.target;
  const found: Found = (rule, severity, details = {}) =>
    indicatorFinding(ctx, rule, severity, ind, at, { target: ind.targetText.trim(), ...details });

  switch (t.kind) {
    case "missing":
      return [found("target-missing", "error")];
    case "unparseable":
      return [found("target-unparseable", "error")];
    case "qualitative": {
      const out: Finding[] = [];
      if (requiresNumber(ind.level1, ind.level2))
        out.push(found("target-not-quantitative", "warning", { level2: ind.level2 }));
      if (bare(t.text) !== "" && bare(t.text) === bare(ind.name)) out.push(found("target-restates-name", "warning"));
      return out;
    }
    case "quantitative":
      return quantitativeRules(ctx, ind, t, found);
  }
}

function quantitativeRules(ctx: RuleContext, ind: Indicator, t: Quantitative, found: Found): Finding[] {
  const out: Finding[] = [];
  const shown = (): string => formatTarget(t);
  if (!ind.targetFromColumns && (t.operator === null || t.unit === null)) {
    out.push(
      found("target-incomplete", "warning", {
        missing: t.operator === null ? (t.unit === null ? "both" : "operator") : "unit",
      }),
    );
  }
  const direction = defaultDirection(ind.level1, ind.level2, ind.name);
  const contradicts =
    (direction === "positive" && (t.operator === "<=" || t.operator === "<")) ||
    (direction === "reverse" && (t.operator === ">=" || t.operator === ">"));
  if (contradicts) out.push(found("target-direction", "warning", { direction, parsed: shown() }));

  if (t.unit?.dimension === "percent" && isBoundedRate(ind)) {
    const high = t.max ?? t.value;
    if (t.value < 0 || high > 100)
      out.push(found("target-out-of-range", "error", { min: 0, max: 100, parsed: shown() }));
  }

  const project = ctx.projectOf(ind);
  if (isCost(ind.level1, ind.level2) && project?.budget != null && t.unit !== null && t.unit.per === null) {
    const limit = convert(t.max ?? t.value, t.unit, WAN_YUAN);
    if (limit !== null && limit > project.budget + 1e-9) {
      out.push(found("target-exceeds-budget", "warning", { limit, budget: project.budget, parsed: shown() }));
    }
  }
  return out;
}

export const checkTargets: Rule = (ctx) => ctx.model.indicators.flatMap((ind) => targetRules(ctx, ind));

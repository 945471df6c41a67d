import type { Indicator } from "../model/project";
import type { Unit } from "../target-expression/schema";
import { analyse, type Analysis } from "../analyser";
import { requiresNumber } from "../framework";
import type { Definition, Direction } from "./schema";
import { TupleMemo } from "./tuple-memo";

/** What an indicator is judged by: its definition where it has one, its category and name where not. */
export type Judgement = {
  direction: Direction;
  /**
   * Where the direction came from, for the message: the definition, the row's own 正向/反向,
   * the analyser's reading of the name, or the category alone (a cost) when the name told nothing.
   */
  directionFrom: "definition" | "row" | "analyser" | "default";
  /** What the analyser read from the name, description and target; used where no definition says. */
  analysis: Analysis;
  requiresNumber: boolean;
  requiresNumberFrom: "definition" | "category" | null;
  unit: Unit | null;
  /** Valid range of the value; `unit` null means "as written" (the built-in rate rule: percent). */
  range: { min: number | null; max: number | null; unit: Unit | null } | null;
};

const PERCENT: Unit = { text: "%", dimension: "percent", scale: 1, per: null };

/** A satisfaction or completion-type rate lives in 0–100%; growth rates may exceed it. */
function isBoundedRate(ind: Indicator): boolean {
  const text = ind.name + ind.description;
  if (/增长|增速|增幅|提高|提升|下降|降低|同比|环比/.test(text)) return false;
  return /满意度|满意率|完成率|覆盖率|合格率|达标率|到位率|执行率|知晓率|使用率|利用率|及格率|参与率|率$/.test(
    ind.name,
  );
}

/**
 * The expectations for one indicator. The definition decides what it says; the row's own
 * 正向/反向 column, then the analyser's reading of the name (costs are reverse, 数量 and 成本 need a number,
 * rates live in 0–100%) decide the rest. A category's demand for a number is never lifted.
 */
export function judge(ind: Indicator, definition: Definition | null): Judgement {
  const analysis = analyse(ind);
  const byCategory = requiresNumber(ind.level1, ind.level2);
  const direction: Pick<Judgement, "direction" | "directionFrom"> =
    definition?.direction != null
      ? { direction: definition.direction, directionFrom: "definition" }
      : ind.direction != null
        ? { direction: ind.direction, directionFrom: "row" }
        : { direction: analysis.direction, directionFrom: analysis.confidence > 0 ? "analyser" : "default" };
  const defRange =
    definition !== null && (definition.min !== null || definition.max !== null)
      ? { min: definition.min, max: definition.max, unit: definition.unit }
      : null;
  return {
    ...direction,
    analysis,
    requiresNumber: byCategory || definition?.requiresNumber === true,
    requiresNumberFrom: byCategory ? "category" : definition?.requiresNumber === true ? "definition" : null,
    unit: definition?.unit ?? null,
    range: defRange ?? (isBoundedRate(ind) ? { min: 0, max: 100, unit: PERCENT } : null),
  };
}

/**
 * judge remembered for one check: a long list repeats the same few dozen indicators, and the
 * name tests behind the defaults are the costly part.
 */
export function cachedJudge(): (ind: Indicator, definition: Definition | null) => Judgement {
  const seen = new TupleMemo<Judgement>();
  return (ind, definition) =>
    seen.get(
      [definition?.id ?? "", ind.direction ?? "", ind.level1, ind.level2, ind.name, ind.description, ind.targetText],
      () => judge(ind, definition),
    );
}

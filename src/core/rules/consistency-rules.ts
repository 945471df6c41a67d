import type { Analysis } from "../analyser";
import { normalizeName } from "../definitions/similarity";
import type { Finding } from "../model/finding";
import type { DetailsOf } from "../model/rule-registry";
import type { Indicator } from "../model/project";
import { formatTarget } from "../target-expression";
import type { Quantitative, Unit } from "../target-expression/schema";
import { indicatorFinding, projectLabel, type Rule, type RuleContext } from "./context";

/** Per-parts that are periods of time (元/天, 万元/半年); 间, 人, 台 are not. */
const TIME_PERS = new Set(["天", "日", "年", "半年", "月", "季", "季度", "周", "小时", "时", "次"]);
const timeOf = (unit: Unit): string | null => unit.per?.split("/").find((p) => TIME_PERS.has(p)) ?? null;

/** Counts of people, households and times: 人次 is not 人, and neither is 户 or 次. */
const PEOPLE_AND_TIMES = new Set(["count:人", "count:人次", "count:户", "count:次", "count:户次"]);

/** The words a count family is read as, for the message. */
const COUNT_WORD = (family: string): string => family.replace(/^count:/, "");

type Row = { ind: Indicator; target: Quantitative & { unit: Unit }; analysis: Analysis };
type UnitDetails = DetailsOf<"target-unit">;
type Problem = { reason: string; details: Omit<UnitDetails, "target"> };

/** What is wrong with one row's unit by its own name: a period, a time basis, what a count counts. */
function ownProblem(row: Row): Problem | null {
  const { target, analysis } = row;
  const unit = target.unit;
  const time = timeOf(unit);
  if (analysis.period !== null && time !== null && time !== analysis.period) {
    return { reason: "period", details: { namePeriod: analysis.period, targetPeriod: time } };
  }
  if (analysis.needsTimeBasis && time === null) {
    return { reason: "no-time-basis", details: { suggested: formatTarget({ ...target, unit: perTime(unit) }) } };
  }
  const family = analysis.unitFamily;
  const dimension = unit.dimension.split("/")[0] ?? "";
  if (
    analysis.kind === "count" &&
    analysis.confidence >= 0.8 &&
    family !== null &&
    family.startsWith("count:") &&
    dimension.startsWith("count:") &&
    dimension !== family &&
    PEOPLE_AND_TIMES.has(dimension) &&
    PEOPLE_AND_TIMES.has(family)
  ) {
    return { reason: "count-family", details: { expected: COUNT_WORD(family) } };
  }
  if ((analysis.kind === "rate" || analysis.kind === "satisfaction") && analysis.confidence >= 0.8) {
    if (dimension !== "percent" && dimension !== "percentage-point" && dimension !== "number") {
      return { reason: "kind", details: { kind: "rate", expected: "%" } };
    }
  }
  // 应受助学生数 100%: a count is a number of something, not a share.
  if (analysis.kind === "count" && analysis.confidence >= 0.8 && dimension === "percent") {
    const expected = family !== null && family.startsWith("count:") ? COUNT_WORD(family) : "个";
    return { reason: "kind", details: { kind: "count", expected } };
  }
  return null;
}

/** 元 → 元/天, 元/间 → 元/间/天: the unit with a period added, for a suggestion. */
function perTime(unit: Unit, time = "天"): Unit {
  const per = unit.per === null ? time : `${unit.per}/${time}`;
  return { ...unit, text: `${unit.text}/${time}`, dimension: `${unit.dimension}/${time}`, per };
}

/**
 * The reference of a group of same-named rows written in units that do not convert: the unit
 * with a time basis where the measure needs one (隔离点租金: 元/天 over 元), else the unit most
 * rows use, the first written on a tie.
 */
function referenceOf(partitions: readonly Row[][], needsTime: boolean): Row[] | undefined {
  const eligible = needsTime ? partitions.filter((p) => p[0] !== undefined && timeOf(p[0].target.unit) !== null) : [];
  const pool = eligible.length > 0 ? eligible : partitions;
  let best: Row[] | undefined;
  for (const p of pool) if (best === undefined || p.length > best.length) best = p;
  return best;
}

/** "13020823P00925610021Y （2）…：≤25000元/天（绩效指标!G10）", three at most. */
function describeOthers(ctx: RuleContext, inds: readonly Indicator[]): string {
  const shown = inds.slice(0, 3).map((ind) => {
    const project = ctx.projectOf(ind);
    const label = project === undefined ? ind.projectKey : projectLabel(project);
    return `${label}：${ind.targetText.trim()}（${ind.cells.target.sheet}!${ind.cells.target.cell}）`;
  });
  return inds.length > 3 ? `${shown.join("；")} 等 ${inds.length} 处` : shown.join("；");
}

/** Rows judged by the analyser: a definition with a unit is checked by the definition instead. */
function rowsOf(ctx: RuleContext): Row[] {
  const rows: Row[] = [];
  for (const ind of ctx.model.indicators) {
    const t = ind.target;
    if (t.kind !== "quantitative" || t.unit === null) continue;
    const j = ctx.judgementOf(ind);
    if (j.unit !== null) continue;
    rows.push({ ind, target: { ...t, unit: t.unit }, analysis: j.analysis });
  }
  return rows;
}

/**
 * Consistency without definitions, as a reviewer sees it: a unit that contradicts the name's
 * period (年征用补偿标准 ≤650万元/半年), a rent without a time basis (≤25000 元, ≤130 元/间), a
 * count of visits for a count of times (≥30人次 for 行政检查次数), and the same name written in
 * units that do not convert across the department's projects (≤25000元/天 twice, ≤25000 元 once):
 * one target-unit finding on the odd row, naming the others.
 */
export const checkConsistency: Rule = (ctx) => {
  const rows = rowsOf(ctx);
  const byName = new Map<string, Row[]>();
  for (const r of rows) {
    const key = normalizeName(r.ind.name);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [r]);
    else list.push(r);
  }
  const others = new Map<Row, Row[]>();
  for (const group of byName.values()) {
    const partitions = new Map<string, Row[]>();
    for (const r of group) {
      const same = partitions.get(r.target.unit.dimension);
      if (same === undefined) partitions.set(r.target.unit.dimension, [r]);
      else same.push(r);
    }
    if (partitions.size < 2) continue;
    const reference = referenceOf(
      [...partitions.values()],
      group.some((r) => r.analysis.needsTimeBasis),
    );
    if (reference === undefined) continue;
    // A long list repeats a name thousands of times: membership by set, not by scanning.
    const inReference = new Set(reference);
    for (const r of group) if (!inReference.has(r)) others.set(r, reference);
  }
  // Described once per reference: the odd rows of one name share it, and on a long list they are
  // many (describing it per row mapped the whole reference each time).
  const described = new Map<Row[], string>();
  const describe = (reference: Row[]): string => {
    let text = described.get(reference);
    if (text === undefined) {
      text = describeOthers(
        ctx,
        reference.map((x) => x.ind),
      );
      described.set(reference, text);
    }
    return text;
  };
  const out: Finding[] = [];
  for (const r of rows) {
    const own = ownProblem(r);
    const reference = others.get(r);
    if (own === null && reference === undefined) continue;
    const details: UnitDetails = {
      reason: own?.reason ?? "inconsistent",
      target: r.ind.targetText.trim(),
      unit: r.target.unit.text,
      ...own?.details,
      others: reference === undefined ? null : describe(reference),
      expected: own?.details.expected ?? reference?.[0]?.target.unit.text ?? null,
    };
    const time = reference?.[0] === undefined ? null : timeOf(reference[0].target.unit);
    if (own?.reason === "no-time-basis" && time !== null) {
      // The department's own rows say what the time basis is: keep the value and scale, add their period.
      details.suggested = formatTarget({ ...r.target, unit: perTime(r.target.unit, time) });
    }
    out.push(indicatorFinding(ctx, "target-unit", "warning", r.ind, r.ind.cells.target, details));
  }
  return out;
};

type Sided = { ind: Indicator; target: Quantitative; up: boolean };

/** "≥" for a floor, "≤" for a ceiling; null for =, a range or none. */
function sideOf(t: Quantitative): boolean | null {
  if (t.operator === ">=" || t.operator === ">") return true;
  if (t.operator === "<=" || t.operator === "<") return false;
  return null;
}

/**
 * Directions without definitions: where neither a definition nor the analyser can tell which way
 * a measure is better, the department's own projects can. The same name set as a floor in most
 * projects and as a ceiling in one is a target-direction finding on the odd one, naming the others.
 */
export const checkDirectionConsistency: Rule = (ctx) => {
  const byName = new Map<string, Sided[]>();
  for (const ind of ctx.model.indicators) {
    const t = ind.target;
    if (t.kind !== "quantitative") continue;
    const up = sideOf(t);
    if (up === null || ctx.judgementOf(ind).directionFrom !== "default") continue;
    const key = normalizeName(ind.name);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [{ ind, target: t, up }]);
    else list.push({ ind, target: t, up });
  }
  const out: Finding[] = [];
  for (const group of byName.values()) {
    const ups = group.filter((s) => s.up);
    const downs = group.filter((s) => !s.up);
    if (ups.length === downs.length || ups.length === 0 || downs.length === 0) continue;
    const [majority, minority] = ups.length > downs.length ? [ups, downs] : [downs, ups];
    const up = majority === ups;
    const others = describeOthers(
      ctx,
      majority.map((s) => s.ind),
    );
    for (const s of minority) {
      out.push(
        indicatorFinding(ctx, "target-direction", "warning", s.ind, s.ind.cells.target, {
          direction: up ? "positive" : "reverse",
          from: "consistency",
          definition: "",
          basis: "",
          others,
          target: s.ind.targetText.trim(),
          parsed: formatTarget(s.target),
          suggested: formatTarget({ ...s.target, operator: up ? ">=" : "<=" }),
        }),
      );
    }
  }
  return out;
};

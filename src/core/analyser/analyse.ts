import type { TargetExpression, Unit } from "../target-expression/schema";
import type { AnalyserInput, Analysis, MeasureKind } from "./schema";
import {
  BAD_EVENTS,
  BAD_MANNERS,
  COST_HEADS,
  COUNT_HEADS,
  DATE_HEADS,
  DURATION_HEADS,
  GAIN_HEADS,
  GOOD_OUTCOMES,
  LIFE_HEADS,
  NAME_PERIODS,
  QUALITATIVE_HEADS,
  RATE_HEADS,
  SATISFACTION_HEADS,
  SCORE_HEADS,
  SIZE_HEADS,
  TIME_BASED_PRICES,
  UNIT_PRICE_HEADS,
} from "./vocabulary";

type Direction = Analysis["direction"];
type Head = { kind: MeasureKind; word: string; family: string | null; direction: Direction | null };

/** Service hours and the like: a duration of something good, so longer is better. */
const GOOD_DURATIONS = [
  "开放",
  "服务",
  "运行",
  "培训",
  "授课",
  "教学",
  "学习",
  "活动",
  "演出",
  "播出",
  "在线",
  "值守",
  "供水",
  "供电",
];

/** Words after the measure that do not change it: 完成率（%）, 拨付及时率情况. */
const TRAILING_NOISE = /(?:[（(][^（）()]*[）)]|[\s\u3000:：,，。.;；、*＊]+)+$/u;

/**
 * A template's remark in the name saying which way the target goes: the national 绩效目标申报表
 * model and the provincial forms built on it name their indicators ★农村低保标准(≥**元/人·月),
 * 扶贫临时救助标准(<**元/户·年), 受益建档立卡贫困人口数≥**人 — the form itself says ≥ or ≤.
 */
const TEMPLATE_REMARK = /(>=|<=|[≥≤><＞＜])\s*\*{2,}[^（）()]*/u;

function templateDirection(name: string): { direction: Direction; basis: string } | null {
  const m = TEMPLATE_REMARK.exec(name);
  if (m === null) return null;
  const op = m[1] ?? "";
  return { direction: /[≥>＞]/u.test(op) ? "positive" : "reverse", basis: m[0].trim() };
}

/** The name without bracketed remarks and punctuation: 因公临时出国（境）差旅 → 因公临时出国差旅. */
function clean(name: string): string {
  return name
    .replace(/[（(][^（）()]*[）)]/gu, "")
    .replace(TEMPLATE_REMARK, "")
    .replace(TRAILING_NOISE, "")
    .replace(/[\s\u3000]+/gu, "")
    .trim();
}

/** The longest word of `words` that `text` ends with. */
function endingWith(text: string, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const w of words) if (text.endsWith(w) && (best === null || w.length > best.length)) best = w;
  return best;
}

/** Whether the modifier before a head names a good outcome or a bad event; the longer word wins (不合格 over 合格). */
function modifierDirection(modifier: string): { direction: Direction; word: string } | null {
  const good = endingWith(modifier, GOOD_OUTCOMES);
  const bad = endingWith(modifier, BAD_EVENTS);
  if (good === null && bad === null) return null;
  if (bad !== null && (good === null || bad.length > good.length)) return { direction: "reverse", word: bad };
  // 逾期发放率: the good verb done badly (late, irregularly, twice) is a bad outcome.
  const manner = good === null ? null : endingWith(modifier.slice(0, modifier.length - good.length), BAD_MANNERS);
  if (manner !== null) return { direction: "reverse", word: manner + (good ?? "") };
  return { direction: "positive", word: good ?? "" };
}

/** Every head the name may end with; the longest decides (服务质量 is a state, not a 量). */
function heads(): Head[] {
  const of = (kind: MeasureKind, words: readonly string[], family: string | null, direction: Direction | null) =>
    words.map((word) => ({ kind, word, family, direction }));
  return [
    ...of("satisfaction", SATISFACTION_HEADS, "percent", "positive"),
    ...of("rate", RATE_HEADS, "percent", null),
    ...of("duration", DURATION_HEADS, "duration", null),
    ...of("duration", LIFE_HEADS, "duration", "positive"),
    ...of("date", DATE_HEADS, "date", "reverse"),
    ...of("money", COST_HEADS, "money", "reverse"),
    ...of("money", GAIN_HEADS, "money", "positive"),
    ...COUNT_HEADS.map(([word, family]) => ({
      kind: "count" as const,
      word,
      family: family ?? "count",
      direction: null,
    })),
    ...SIZE_HEADS.map(([word, kind]) => ({
      kind,
      word,
      family: kind === "weight" ? "mass" : kind,
      direction: null,
    })),
    ...of("score", SCORE_HEADS, "score", "positive"),
    ...of("qualitative", QUALITATIVE_HEADS, null, "positive"),
  ];
}
const HEADS = heads();

function headOf(text: string): Head | null {
  let best: Head | null = null;
  for (const h of HEADS) if (text.endsWith(h.word) && (best === null || h.word.length > best.word.length)) best = h;
  return best;
}

/** The measure a unit implies, when the name says nothing. */
function kindOfUnit(unit: Unit): { kind: MeasureKind; family: string } | null {
  const d = unit.dimension.split("/")[0] ?? "";
  if (d === "percent" || d === "percentage-point") return { kind: "rate", family: "percent" };
  if (d.startsWith("money:")) return { kind: "money", family: "money" };
  // A counting word the unit reader does not know (万粒, 株) still counts things.
  if (d.startsWith("count:") || d.startsWith("unit:")) return { kind: "count", family: d.replace(/^unit:/, "count:") };
  if (d === "duration" || d === "workday") return { kind: "duration", family: "duration" };
  if (d === "length" || d === "area") return { kind: d, family: d };
  if (d === "mass") return { kind: "weight", family: "mass" };
  if (d === "score") return { kind: "score", family: "score" };
  return null;
}

const DATE_TEXT =
  /\d{4}[年/.-]\d{1,2}|\d{1,2}月(?:\d{1,2}[日号])?(?:底|末|前|以前|之前)|年底|年末|月底|月末|季度末|上半年|下半年/;
const isCostCategory = (level1: string, level2: string) =>
  level1 === "成本指标" || level2 === "成本指标" || level2.endsWith("成本指标");

function periodOf(name: string): string | null {
  for (const [pattern, period] of NAME_PERIODS) if (pattern.test(name)) return period;
  const every = /每(?:人|户|家|间|床)?(?:每)?(年|月|天|日|周)/.exec(name);
  return every?.[1] === undefined ? null : every[1] === "日" ? "天" : every[1];
}

function cumulativeOf(kind: MeasureKind, unitPrice: boolean): boolean {
  if (unitPrice) return false;
  return kind === "count" || kind === "money" || kind === "length" || kind === "area" || kind === "weight";
}

type Decided = Pick<Analysis, "kind" | "direction" | "unitFamily" | "confidence" | "basis" | "basisFrom">;

/** Direction of a head that does not carry one: rates, counts and sizes by the word before them. */
function directed(head: Head, stem: string): Decided {
  const modifier = stem.slice(0, stem.length - head.word.length);
  const base = { kind: head.kind, unitFamily: head.family };
  if (head.direction !== null)
    return { ...base, direction: head.direction, confidence: 0.9, basis: head.word, basisFrom: "name" };
  if (head.kind === "duration") {
    const good = endingWith(modifier, GOOD_DURATIONS);
    return {
      ...base,
      direction: good === null ? "reverse" : "positive",
      confidence: 0.9,
      basis: (good ?? "") + head.word,
      basisFrom: "name",
    };
  }
  const m = modifierDirection(modifier);
  if (m !== null)
    return { ...base, direction: m.direction, confidence: 0.9, basis: m.word + head.word, basisFrom: "name" };
  // A bad event anywhere before an undirected head (安全事故发生起数 is covered above; 火灾隐患数).
  const anywhere = BAD_EVENTS.find((w) => modifier.includes(w));
  if (anywhere !== undefined && head.kind !== "rate") {
    return { ...base, direction: "reverse", confidence: 0.7, basis: anywhere + head.word, basisFrom: "name" };
  }
  return {
    ...base,
    direction: "positive",
    confidence: head.kind === "rate" ? 0.7 : 0.8,
    basis: head.word,
    basisFrom: "name",
  };
}

/** When the name has no head: the target's unit, a bad event the name ends with, a qualitative target. */
function fallback(stem: string, target: TargetExpression | undefined, cost: boolean, level2: string): Decided {
  const bad = endingWith(stem, BAD_EVENTS);
  const unit = target?.kind === "quantitative" || target?.kind === "missing" ? target.unit : null;
  const byUnit = unit === null ? null : kindOfUnit(unit);
  const direction: Direction = bad !== null || cost || byUnit?.kind === "duration" ? "reverse" : "positive";
  if (byUnit !== null) {
    const basis = unit?.text ?? "";
    return { kind: byUnit.kind, direction, unitFamily: byUnit.family, confidence: 0.6, basis, basisFrom: "target" };
  }
  if (cost) {
    return {
      kind: "money",
      direction: "reverse",
      unitFamily: "money",
      confidence: 0.6,
      basis: level2,
      basisFrom: "category",
    };
  }
  if (target?.kind === "qualitative") {
    const isDate = DATE_TEXT.test(target.text);
    return {
      kind: isDate ? "date" : "qualitative",
      direction: isDate ? "reverse" : direction,
      unitFamily: isDate ? "date" : null,
      confidence: 0.5,
      basis: isDate ? target.text : "",
      basisFrom: isDate ? "target" : "none",
    };
  }
  if (bad !== null) {
    return { kind: "count", direction: "reverse", unitFamily: "count", confidence: 0.5, basis: bad, basisFrom: "name" };
  }
  return { kind: "unknown", direction: "positive", unitFamily: null, confidence: 0, basis: "", basisFrom: "none" };
}

/**
 * What an indicator measures, read as a budget reviewer reads it: the head word that ends the
 * name decides the kind, the word before it the direction (投诉处理率 up, 投诉率 down); a name
 * without a head is read from its description, then its target's unit, then its category.
 * Never throws.
 */
export function analyse(input: AnalyserInput): Analysis {
  const level1 = input.level1 ?? "";
  const level2 = input.level2 ?? "";
  const cost = isCostCategory(level1, level2);
  const name = clean(input.name);
  const description = clean(input.description ?? "");
  const fromName = headOf(name);
  // A description is read only when it is itself a measure name (行政检查 / 行政检查次数), not a sentence.
  const fromDescription = fromName === null && description.length <= 20 ? headOf(description) : null;
  const stem = fromName !== null ? name : description;
  const head = fromName ?? fromDescription;
  let decided: Decided;
  if (head === null || (head.kind === "qualitative" && hasUnit(input.target))) {
    decided = fallback(name, input.target, cost, level2);
    if (head !== null && decided.kind === "unknown") decided = directed(head, stem);
  } else {
    decided = directed(head, stem);
    if (fromDescription !== null) {
      decided = { ...decided, confidence: Math.min(decided.confidence, 0.8), basisFrom: "description" };
    }
  }
  // 完成时间 answered with a date is a deadline date, not a duration; so is one answered with
  // years and months (服务周期 2023.07-2024.01).
  if (decided.kind === "duration" && isDateTarget(input.target)) {
    decided = { ...decided, kind: "date", unitFamily: "date" };
  }
  // A cost category's money is a cost, whatever its name says (项目支出, 购置设备).
  if (cost && (decided.kind === "money" || decided.kind === "unknown") && decided.direction === "positive") {
    decided = { ...decided, direction: "reverse" };
  }
  // The form's own remark (≥**人, <**元/户·年) says which way, over the words and the category.
  const remark = templateDirection(input.name);
  if (remark !== null && decided.kind !== "unknown") {
    decided = { ...decided, direction: remark.direction, confidence: 0.9, basis: remark.basis, basisFrom: "name" };
  }
  const unitPrice =
    endingWith(name, UNIT_PRICE_HEADS) !== null ||
    /^(?:人均|户均|平均|日均|月均|年均)/.test(name) ||
    (input.target?.kind === "quantitative" && input.target.unit?.per != null);
  const needsTimeBasis = decided.kind === "money" && TIME_BASED_PRICES.some((w) => name.includes(w));
  return {
    ...decided,
    cumulative: cumulativeOf(decided.kind, unitPrice),
    period: periodOf(name),
    needsTimeBasis,
  };
}

/** A target that names dates: 2025年10月底前, or numbers with no unit that read as years (2023.07-2024.01). */
function isDateTarget(target: TargetExpression | undefined): boolean {
  if (target?.kind === "qualitative") return DATE_TEXT.test(target.text);
  if (target?.kind !== "quantitative" || target.unit !== null) return false;
  const isYear = (n: number) => n >= 1990 && n < 2100;
  return isYear(target.value) && (target.max === null || isYear(target.max));
}

function hasUnit(target: TargetExpression | undefined): boolean {
  return target?.kind === "quantitative" && target.unit !== null;
}

import { readArabic, readChinese, startsArabic, type NumberRead } from "./number";
import { combineOperators, readPrefixOperator, readSuffixOperator, skipInclusiveMarker } from "./operator";
import type { Quantitative, TargetExpression, Unit } from "./schema";
import { atUnitEnd, readKnownUnit, readUnit } from "./unit";
import { RANGE_SEPARATORS } from "./vocabulary";

/**
 * The strict grammar over normalised text:
 *
 *   target   := prefixOp? body suffixOp? | prefixOp? unit? suffixOp?      (the second is "missing")
 *   body     := quantity (rangeSep quantity)? | "[" quantity "," quantity "]" unit? | "百分之" number
 *   quantity := number unit?
 *
 * It accepts or fails with a position and a reason; deciding whether a failure is prose or a
 * typo is parse.ts's job.
 */

export type Fail = { ok: false; pos: number; reason: string };
export type Strict = { ok: true; expr: Extract<TargetExpression, { kind: "quantitative" | "missing" }> } | Fail;

type Quantity = { value: number; unit: Unit | null; end: number };
type Body = { value: number; max: number | null; unit: Unit | null; range: boolean; end: number };

const fail = (pos: number, reason: string): Fail => ({ ok: false, pos, reason });
const PERCENT: Unit = { text: "%", dimension: "percent", scale: 1, per: null };
const PERCENT_WORDS = "百分之";

export function startsNumber(s: string, pos: number): boolean {
  return startsArabic(s, pos) || s[pos] === "[" || s.startsWith(PERCENT_WORDS, pos) || readChinese(s, pos).ok;
}

function readQuantity(s: string, pos: number): { ok: true; q: Quantity } | Fail {
  if (startsArabic(s, pos)) {
    const n = readArabic(s, pos);
    if (!n.ok) return n;
    const u = readUnit(s, n.end);
    return { ok: true, q: { value: n.value, unit: u?.unit ?? null, end: u?.end ?? n.end } };
  }
  // A Chinese numeral counts only with a known unit (两次, 三家): 一流 or 十分满意 are prose.
  const c = readChinese(s, pos);
  if (!c.ok) return fail(pos, "expected-number");
  const u = readKnownUnit(s, c.end);
  if (u === null || !atUnitEnd(s, u.end)) return fail(pos, "chinese-number-without-unit");
  return { ok: true, q: { value: c.value, unit: u.unit, end: u.end } };
}

/** The one unit of a range written `80%-100%`, `80-100%` or `[80,100]%`. */
function mergeUnits(units: ReadonlyArray<Unit | null>): { ok: true; unit: Unit | null } | Fail {
  const present = units.filter((u): u is Unit => u !== null);
  const [first, ...others] = present;
  if (first === undefined) return { ok: true, unit: null };
  if (others.every((u) => u.text === first.text)) return { ok: true, unit: first };
  // `1万-2万元`: the scale written on the lower end belongs to the unit written on the upper one.
  const [second] = others;
  if (others.length === 1 && second !== undefined && first.dimension === "number" && first.scale === second.scale) {
    return { ok: true, unit: second };
  }
  return fail(0, "range-unit-mismatch");
}

function makeRange(a: Quantity, b: Quantity, outer: Unit | null, end: number): { ok: true; body: Body } | Fail {
  const unit = mergeUnits([a.unit, b.unit, outer]);
  if (!unit.ok) return unit;
  if (a.value > b.value) return fail(0, "range-reversed");
  return { ok: true, body: { value: a.value, max: b.value, unit: unit.unit, range: true, end } };
}

/** A whole substring as one quantity, or null. */
function wholeQuantity(text: string): Quantity | null {
  if (text === "") return null;
  const read = readQuantity(text, 0);
  return read.ok && read.q.end === text.length ? read.q : null;
}

/** `[80,100]%`: the separator is the comma (or a range sign) that leaves two whole quantities. */
function readBracket(s: string, pos: number): { ok: true; body: Body } | Fail {
  const close = s.indexOf("]", pos);
  if (close < 0) return fail(pos, "bad-range");
  const content = s.slice(pos + 1, close);
  const outer = readUnit(s, close + 1);
  const end = outer?.end ?? close + 1;
  for (let i = 1; i < content.length; i++) {
    const sep = content[i] === "," ? "," : RANGE_SEPARATORS.find((x) => content.startsWith(x, i));
    if (sep === undefined) continue;
    const a = wholeQuantity(content.slice(0, i));
    const b = wholeQuantity(content.slice(i + sep.length));
    if (a !== null && b !== null) return makeRange(a, b, outer?.unit ?? null, end);
  }
  return fail(pos, "bad-range");
}

function readPercentWords(s: string, pos: number): { ok: true; body: Body } | Fail {
  const at = pos + PERCENT_WORDS.length;
  const n: NumberRead = startsArabic(s, at) ? readArabic(s, at) : readChinese(s, at);
  if (!n.ok) return n;
  return { ok: true, body: { value: n.value, max: null, unit: PERCENT, range: false, end: n.end } };
}

function readBody(s: string, pos: number): { ok: true; body: Body } | Fail {
  if (s[pos] === "[") return readBracket(s, pos);
  if (s.startsWith(PERCENT_WORDS, pos)) return readPercentWords(s, pos);
  const first = readQuantity(s, pos);
  if (!first.ok) return first;
  const { q } = first;
  const sep = RANGE_SEPARATORS.find((x) => s.startsWith(x, q.end));
  if (sep === undefined)
    return { ok: true, body: { value: q.value, max: null, unit: q.unit, range: false, end: q.end } };
  const second = readQuantity(s, q.end + sep.length);
  if (!second.ok) return fail(q.end, "bad-range");
  return makeRange(q, second.q, null, second.q.end);
}

/** `≥`, `%`, `≥家`, `不超过`: an operator and/or a unit with no number. */
function readMissing(s: string, pos: number): Strict {
  const prefix = readPrefixOperator(s, 0);
  const unit = readKnownUnit(s, pos);
  let i = skipInclusiveMarker(s, unit?.end ?? pos);
  const suffix = readSuffixOperator(s, i);
  i = suffix?.end ?? i;
  if (i !== s.length || (prefix === null && unit === null && suffix === null)) return fail(pos, "expected-number");
  const op = combineOperators(prefix, suffix?.op ?? null, false);
  if (!op.ok) return fail(0, op.reason);
  return { ok: true, expr: { kind: "missing", operator: op.op, unit: unit?.unit ?? null } };
}

export function parseStrict(s: string): Strict {
  const prefix = readPrefixOperator(s, 0);
  const start = prefix?.end ?? 0;
  if (!startsNumber(s, start)) return readMissing(s, start);
  const body = readBody(s, start);
  if (!body.ok) return body;
  let pos = skipInclusiveMarker(s, body.body.end);
  const suffix = readSuffixOperator(s, pos);
  pos = suffix?.end ?? pos;
  if (pos !== s.length) return fail(pos, "trailing-text");
  const op = combineOperators(prefix, suffix?.op ?? null, body.body.range);
  if (!op.ok) return fail(0, op.reason);
  const { value, max, unit } = body.body;
  const expr: Quantitative = { kind: "quantitative", operator: op.op, value, max, unit };
  return { ok: true, expr };
}

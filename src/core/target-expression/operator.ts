import { normalise } from "./normalise";
import { indexWords, matchWord } from "./scan";
import type { Operator } from "./schema";
import {
  INCLUSIVE_MARKERS,
  SUFFIX_OPERATORS,
  SYMBOLIC_OPERATORS,
  VERBAL_OPERATORS,
  type PrefixOperator,
} from "./vocabulary";

type Bound = Exclude<Operator, "range">;
export type PrefixRead = PrefixOperator & { symbolic: boolean; end: number };

const SYMBOLIC_INDEX = indexWords(SYMBOLIC_OPERATORS);
const VERBAL_INDEX = indexWords(VERBAL_OPERATORS);
const SUFFIX_INDEX = indexWords(SUFFIX_OPERATORS);

export function readPrefixOperator(s: string, pos: number): PrefixRead | null {
  const symbolic = matchWord(s, pos, SYMBOLIC_INDEX);
  if (symbolic !== null) return { ...symbolic[1], symbolic: true, end: pos + symbolic[0].length };
  const verbal = matchWord(s, pos, VERBAL_INDEX);
  if (verbal !== null) return { ...verbal[1], symbolic: false, end: pos + verbal[0].length };
  return null;
}

export function skipInclusiveMarker(s: string, pos: number): number {
  const marker = INCLUSIVE_MARKERS.find((m) => s.startsWith(m, pos));
  return marker === undefined ? pos : pos + marker.length;
}

/** 以上, 以下, 以内, 左右 …, with an optional `(含)` after it. */
export function readSuffixOperator(s: string, pos: number): { op: Bound; end: number } | null {
  const suffix = matchWord(s, pos, SUFFIX_INDEX);
  if (suffix === null) return null;
  return { op: suffix[1], end: skipInclusiveMarker(s, pos + suffix[0].length) };
}

export type Combined = { ok: true; op: Operator | null } | { ok: false; reason: string };

const upward = (op: Bound) => op === ">=" || op === ">";
const downward = (op: Bound) => op === "<=" || op === "<";

/**
 * One operator from what is written before and after the number. Both may say the same thing
 * (`达到80%以上`); vague words give way (`约…左右`, `控制在…以内`); a contradiction
 * (`≥80%以下`) is not guessed at.
 */
export function combineOperators(prefix: PrefixOperator | null, suffix: Bound | null, isRange: boolean): Combined {
  if (isRange) {
    if (suffix !== null || (prefix !== null && !prefix.yields)) return { ok: false, reason: "operator-with-range" };
    return { ok: true, op: "range" };
  }
  if (prefix === null) return { ok: true, op: suffix };
  if (suffix === null) return { ok: true, op: prefix.op };
  if (prefix.yields) return { ok: true, op: suffix };
  if (suffix === "=") return { ok: true, op: prefix.op };
  if (upward(prefix.op) && suffix === ">=") return { ok: true, op: prefix.op };
  if (downward(prefix.op) && suffix === "<=") return { ok: true, op: prefix.op };
  return { ok: false, reason: "conflicting-operators" };
}

const QUALITATIVE_WORDS = new Set(["定性", "定性指标", "qualitative"]);
const RANGE_WORDS = new Set(["区间", "范围", "[]", "range"]);

/**
 * An operator written alone, as in a 指标性质 / 计算符号 / 指标方向 column: `≥`, `>=`, `大于等于`,
 * `以上`, `定性` ("qualitative"). 正向 and 反向 are directions, not operators: null.
 */
export function parseOperator(text: string): Operator | "qualitative" | null {
  const s = normalise(text).toLowerCase();
  if (QUALITATIVE_WORDS.has(s)) return "qualitative";
  if (RANGE_WORDS.has(s)) return "range";
  const prefix = readPrefixOperator(s, 0);
  if (prefix !== null && prefix.end === s.length) return prefix.op;
  const suffix = readSuffixOperator(s, 0);
  if (suffix !== null && suffix.end === s.length) return suffix.op;
  return null;
}

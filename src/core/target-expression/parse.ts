import { parseStrict, type Fail, type Strict } from "./grammar";
import { normalise } from "./normalise";
import { startsArabic } from "./number";
import { readPrefixOperator } from "./operator";
import { charAt, indexWords, isHan, matchWord } from "./scan";
import type { TargetExpression } from "./schema";
import { CHANGE_BASES, CHANGE_WORDS, KNOWN_WORDS, SYMBOLIC_OPERATORS } from "./vocabulary";

const KNOWN_INDEX = indexWords(KNOWN_WORDS.map((w) => [w, true] as const));

/** Cells that stand for "nothing here": dashes, slashes, N/A. */
const PLACEHOLDER = /^(?:[-_/\\*·~、]+|n\/?a|null|none|nil|tbd)$/i;
/** Dates make a sentence qualitative even when every word in it is a unit (`2021年12月`). */
const DATE = /\d{4}[年/-]\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}|\d{1,2}月\d{1,2}[日号]|(?:19|20)\d{2}年/;
const LATIN_PROSE = /^[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)+[.!]?$/;

/** Han characters outside the grammar's vocabulary: the sign of a sentence. */
function proseCount(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length;) {
    const word = matchWord(s, i, KNOWN_INDEX);
    if (word !== null) {
      i += word[0].length;
      continue;
    }
    const ch = charAt(s, i);
    if (isHan(ch)) count++;
    i += Math.max(ch.length, 1);
  }
  return count;
}

/**
 * A text the grammar rejects is either prose (qualitative, a warning at most) or a mistyped
 * number (unparseable, an error). The line: text opening with an operator symbol was meant to be
 * a number; text opening with words is prose; text opening with a number is prose only if it goes
 * on in words the grammar does not know (`12月底前完成`, `4号文件`) or is a date.
 */
function classifyFailure(s: string, original: string, failure: Fail): TargetExpression {
  const unparseable = (reason: string): TargetExpression => ({ kind: "unparseable", reason });
  const qualitative: TargetExpression = { kind: "qualitative", text: original };
  if (SYMBOLIC_OPERATORS.has(charAt(s, 0))) return unparseable(failure.reason);
  const rest = readPrefixOperator(s, 0)?.end ?? 0;
  if (startsArabic(s, rest) || s[rest] === "[" || s[rest] === ".") {
    return DATE.test(s) || proseCount(s) > 0 ? qualitative : unparseable(failure.reason);
  }
  if (isHan(charAt(s, rest))) return qualitative;
  if (rest === 0 && LATIN_PROSE.test(original)) return qualitative;
  return unparseable(rest === 0 ? "noise" : failure.reason);
}

/**
 * `≥95%（上级要求）`, `≥90%以上（含90%）`: a remark in brackets after a readable target is the
 * basis or a restatement, not part of the value. Only a quantitative reading is taken this way.
 */
function withoutNote(s: string): Strict | null {
  const note = /^(.+?)\([^()]*\)$/.exec(s);
  if (note === null || note[1] === undefined) return null;
  const strict = parseStrict(note[1]);
  return strict.ok && strict.expr.kind === "quantitative" ? strict : null;
}

/** `30日内完成`, `3个工作日内办结`: the verb after a deadline says what is done by then, not how much. */
const DEADLINE_VERB =
  /^(.+?(?:内|以内|之内|前|以前|之前))(?:完成|办结|办理完毕|处理完毕|完成拨付|拨付到位|拨付|到位|兑付|兑现|答复|回复|处理|解决)$/u;

function withoutDeadlineVerb(s: string): Strict | null {
  const m = DEADLINE_VERB.exec(s);
  if (m === null || m[1] === undefined) return null;
  const strict = parseStrict(m[1]);
  return strict.ok && strict.expr.kind === "quantitative" ? strict : null;
}

/**
 * `下降5%`, `同比增长10%`, `较上年提高≥2个百分点`: a change from a baseline. 降低至/提高到 are
 * levels and are read by the grammar's operators; only a change word followed by the amount is
 * taken here.
 */
function asChange(s: string): Strict | null {
  const base = CHANGE_BASES.find((b) => s.startsWith(b));
  const at = base?.length ?? 0;
  const word = CHANGE_WORDS.find(([w]) => s.startsWith(w, at));
  if (word === undefined) return null;
  const rest = s.slice(at + word[0].length);
  if (rest.startsWith("至") || rest.startsWith("到")) return null;
  const strict = withoutNote(rest) ?? parseStrict(rest);
  if (!strict.ok || strict.expr.kind !== "quantitative") return null;
  return { ok: true, expr: { ...strict.expr, change: word[1] } };
}

/**
 * Reads a 指标值 (or a 完成值, which has no operator). Never throws: every text ends up
 * quantitative, qualitative, missing or unparseable.
 */
export function parseTarget(text: string): TargetExpression {
  try {
    const original = text.trim();
    const s = normalise(text);
    if (s === "" || PLACEHOLDER.test(s)) return { kind: "missing", operator: null, unit: null };
    const strict = asChange(s) ?? withoutDeadlineVerb(s) ?? withoutNote(s) ?? parseStrict(s);
    if (!strict.ok) return classifyFailure(s, original, strict);
    const { expr } = strict;
    // `2021年` alone is a year, not 2021 years.
    const year =
      expr.kind === "quantitative" &&
      expr.operator === null &&
      expr.unit?.text === "年" &&
      Number.isInteger(expr.value) &&
      expr.value >= 1900 &&
      expr.value <= 2100;
    return year ? { kind: "qualitative", text: original } : expr;
  } catch {
    // A bug in the reader must not stop a whole workbook's check; the property tests assert
    // this branch is never taken.
    return { kind: "unparseable", reason: "internal-error" };
  }
}

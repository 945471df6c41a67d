import { normalise } from "./normalise";
import { charAt, indexWords, isHan, matchWord, matchWords } from "./scan";
import type { Unit } from "./schema";
import {
  BASE_UNITS,
  CHINESE_DIGITS,
  CHINESE_MULTIPLIERS,
  INCLUSIVE_MARKERS,
  NOT_IN_UNIT_WORD,
  PER_WORDS,
  RANGE_SEPARATORS,
  SCALE_PREFIXES,
  SUFFIX_OPERATORS,
  VERBAL_OPERATORS,
  type BaseUnit,
} from "./vocabulary";

export type UnitRead = { unit: Unit; end: number };

const BASE_INDEX = indexWords(BASE_UNITS);
const PREFIX_INDEX = indexWords(SCALE_PREFIXES);
const PER_INDEX = indexWords(PER_WORDS);
const SUFFIX_INDEX = indexWords(SUFFIX_OPERATORS);
const PER_JOINERS = new Set(["·", "•", "・", "*", "×"]);

/** A scale word written alone (`5万`): a plain number, scaled. */
const SCALE_ONLY = "number";

/** Where a unit may end: the end, a suffix operator, a range separator, a bracket or `(含)`. */
export function atUnitEnd(s: string, pos: number): boolean {
  if (pos >= s.length) return true;
  const ch = s[pos];
  if (ch === "]" || ch === ",") return true;
  if (RANGE_SEPARATORS.some((sep) => s.startsWith(sep, pos))) return true;
  if (INCLUSIVE_MARKERS.some((m) => s.startsWith(m, pos))) return true;
  return matchWord(s, pos, SUFFIX_INDEX) !== null;
}

/** End of the run of Han characters at `pos`, stopping where a suffix or range word begins. */
function hanRunEnd(s: string, pos: number): number {
  let i = pos;
  while (i < s.length) {
    const ch = charAt(s, i);
    if (!isHan(ch) || (i > pos && atUnitEnd(s, i))) break;
    i += ch.length;
  }
  return i;
}

const OPERATOR_WORDS = [...VERBAL_OPERATORS.keys()].filter((w) => w.length > 1);

/**
 * A word the grammar does not know may still be a unit (`5枚`), if it is short and plain: no
 * numeral (`5十二日`), no operator (`5超过`), no word of time or grammar (see NOT_IN_UNIT_WORD).
 */
function plainWord(word: string, maxLength: number): boolean {
  const chars = [...word];
  if (chars.length < 1 || chars.length > maxLength) return false;
  const plain = (c: string) =>
    isHan(c) && !NOT_IN_UNIT_WORD.has(c) && !CHINESE_DIGITS.has(c) && !CHINESE_MULTIPLIERS.has(c);
  return chars.every(plain) && !OPERATOR_WORDS.some((w) => word.includes(w));
}

/** `/天`, `每月`, `/人/天`, `/人·天`: the per-part, each word normalised (日 → 天). */
export function readPer(s: string, pos: number): { per: string; end: number } | null {
  const parts: string[] = [];
  let i = pos;
  let end = pos;
  for (;;) {
    let j = i;
    if (s.startsWith("/每", j)) j += 2;
    else if (s[j] === "/" || s[j] === "每") j += 1;
    else if (parts.length > 0 && PER_JOINERS.has(s[j] ?? "")) j += 1;
    else break;
    const known = matchWord(s, j, PER_INDEX);
    let word: string;
    if (known !== null) {
      word = known[1];
      j += known[0].length;
    } else {
      const runEnd = hanRunEnd(s, j);
      const raw = s.slice(j, runEnd);
      if (!plainWord(raw, 3)) break;
      word = raw;
      j = runEnd;
    }
    parts.push(word);
    i = j;
    end = j;
  }
  return parts.length === 0 ? null : { per: parts.join("/"), end };
}

function makeUnit(s: string, start: number, end: number, base: BaseUnit, scale: number, per: string | null): Unit {
  return {
    text: s.slice(start, end),
    dimension: per === null ? base.dimension : `${base.dimension}/${per}`,
    scale: base.scale * scale,
    per,
  };
}

/** The longest known unit at `pos`: optional scale prefix, a unit word, optional per-part. */
export function readKnownUnit(s: string, pos: number): UnitRead | null {
  let best: UnitRead | null = null;
  const consider = (read: UnitRead) => {
    if (best === null || read.end > best.end) best = read;
  };
  const prefixes: ReadonlyArray<readonly [string, number]> = [["", 1], ...matchWords(s, pos, PREFIX_INDEX)];
  for (const [prefix, scale] of prefixes) {
    const at = pos + prefix.length;
    for (const [word, base] of matchWords(s, at, BASE_INDEX)) {
      const per = readPer(s, at + word.length);
      const end = per?.end ?? at + word.length;
      consider({ unit: makeUnit(s, pos, end, base, scale, per?.per ?? null), end });
    }
    if (prefix !== "")
      consider({ unit: makeUnit(s, pos, at, { dimension: SCALE_ONLY, scale: 1 }, scale, null), end: at });
  }
  return best;
}

/**
 * The unit after a number. Beyond the known words it accepts, so that staff prose still reads:
 * a counting word followed by its noun (`5家企业` is 5 家), and a short unknown word (`5枚` becomes
 * the dimension `unit:枚`). Returns the known prefix of a longer text when nothing fits, so the
 * caller reports the rest as trailing text.
 */
export function readUnit(s: string, pos: number): UnitRead | null {
  if (atUnitEnd(s, pos)) return null;
  const known = readKnownUnit(s, pos);
  if (known !== null && atUnitEnd(s, known.end)) return known;
  const runEnd = hanRunEnd(s, pos);
  if (known !== null && known.unit.dimension.startsWith("count:") && known.unit.per === null && runEnd > known.end) {
    if (plainWord(s.slice(known.end, runEnd), 4) && atUnitEnd(s, runEnd)) {
      return { unit: { ...known.unit, text: s.slice(pos, runEnd) }, end: runEnd };
    }
  }
  if ((known === null || known.unit.dimension === SCALE_ONLY) && runEnd > pos) {
    const fallback = readUnknownUnit(s, pos, runEnd);
    if (fallback !== null) return fallback;
  }
  return known;
}

function readUnknownUnit(s: string, pos: number, runEnd: number): UnitRead | null {
  const prefixes: ReadonlyArray<readonly [string, number]> = [...matchWords(s, pos, PREFIX_INDEX), ["", 1]];
  for (const [prefix, scale] of prefixes) {
    const word = s.slice(pos + prefix.length, runEnd);
    if (!plainWord(word, 4)) continue;
    const per = readPer(s, runEnd);
    const end = per?.end ?? runEnd;
    if (!atUnitEnd(s, end)) continue;
    return { unit: makeUnit(s, pos, end, { dimension: `unit:${word}`, scale: 1 }, scale, per?.per ?? null), end };
  }
  return null;
}

/**
 * A unit written alone, as in a 计量单位 column: `万元`, `%`, `家`, `元/天`, `（万元）`.
 * null when the text is empty or not a unit.
 */
export function parseUnit(text: string): Unit | null {
  let s = normalise(text);
  const wrapped = /^\((.*)\)$/.exec(s);
  if (wrapped !== null) s = wrapped[1] ?? "";
  s = s.replace(/^单位:/, "");
  if (s === "") return null;
  const read = readUnit(s, 0);
  return read !== null && read.end === s.length ? read.unit : null;
}

import { charAt, isDigit } from "./scan";
import { CHINESE_DIGITS, CHINESE_MULTIPLIERS } from "./vocabulary";

export type NumberRead = { ok: true; value: number; end: number } | { ok: false; pos: number; reason: string };

/** Whether an arabic number (possibly signed, possibly `.5`) starts at `pos`. */
export function startsArabic(s: string, pos: number): boolean {
  const at = (i: number) => s[pos + i];
  if (isDigit(at(0))) return true;
  if (at(0) === "." && isDigit(at(1))) return true;
  if (at(0) === "-" || at(0) === "+") return isDigit(at(1)) || (at(1) === "." && isDigit(at(2)));
  return false;
}

/** `-0` would make equal parses look different; 0 is 0. */
const clean = (n: number) => (n === 0 ? 0 : n);

/**
 * Reads `25000`, `25,000`, `-5`, `0.2`, `.5`, `1e+21`. A number glued to a digit look-alike
 * (`8O`) or a second decimal point (`1.2.3`) is a typo, reported as "bad-number" rather than
 * read as far as it goes.
 */
export function readArabic(s: string, start: number): NumberRead {
  let pos = start;
  let text = "";
  if (s[pos] === "-" || s[pos] === "+") text += s[pos++];
  const intStart = pos;
  while (isDigit(s[pos])) text += s[pos++];
  // Thousands groups: exactly three digits after each comma, and a short lead group.
  const lead = pos - intStart;
  if (lead >= 1 && lead <= 3) {
    while (s[pos] === "," && /^\d{3}(?!\d)/.test(s.slice(pos + 1, pos + 5))) {
      text += s.slice(pos + 1, pos + 4);
      pos += 4;
    }
  }
  if (s[pos] === "." && isDigit(s[pos + 1])) {
    text += s[pos++];
    while (isDigit(s[pos])) text += s[pos++];
  }
  if (text === "" || text === "-" || text === "+") return { ok: false, pos: start, reason: "expected-number" };
  const exponent = /^[eE][+-]?\d+/.exec(s.slice(pos));
  if (exponent !== null) {
    text += exponent[0];
    pos += exponent[0].length;
  }
  const next = s[pos];
  const glued =
    next === "O" || next === "o" || (next === "." && isDigit(s[pos + 1])) || (next === "," && isDigit(s[pos + 1]));
  if (glued) return { ok: false, pos: start, reason: "bad-number" };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, pos: start, reason: "bad-number" };
  return { ok: true, value: clean(value), end: pos };
}

/**
 * Reads small Chinese numerals (两, 十二, 二十, 三百零五). 万 and 亿 are left to the unit, where
 * they scale (三千万元 = 三千 × 万元). A bare 百 or 千 is not read as a number, so that `千元`
 * alone stays a unit.
 */
export function readChinese(s: string, start: number): NumberRead {
  let pos = start;
  let total = 0;
  let digit: number | null = null;
  let lastMultiplier = Infinity;
  for (;;) {
    const ch = charAt(s, pos);
    const d = CHINESE_DIGITS.get(ch);
    const m = CHINESE_MULTIPLIERS.get(ch);
    if (d !== undefined) {
      if (digit !== null) break;
      if (d !== 0) digit = d;
    } else if (m !== undefined) {
      if (m >= lastMultiplier) break;
      if (digit === null && !(m === 10 && pos === start)) break;
      total += (digit ?? 1) * m;
      digit = null;
      lastMultiplier = m;
    } else break;
    pos += ch.length;
  }
  total += digit ?? 0;
  if (pos === start || total === 0) return { ok: false, pos: start, reason: "expected-number" };
  return { ok: true, value: total, end: pos };
}

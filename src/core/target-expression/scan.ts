/** Small string-scanning helpers shared by the readers. Positions are UTF-16 indexes. */

const HAN = /^\p{Script=Han}$/u;

/** The whole code point at `pos` (a rare Han character may be a surrogate pair), or "". */
export function charAt(s: string, pos: number): string {
  const cp = s.codePointAt(pos);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

export function isHan(ch: string): boolean {
  return ch !== "" && HAN.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/**
 * A lookup of words by first character, longest word first, so matching at a position costs a
 * handful of `startsWith` calls instead of a scan of the whole vocabulary.
 */
export type WordIndex<T> = ReadonlyMap<string, ReadonlyArray<readonly [string, T]>>;

export function indexWords<T>(entries: Iterable<readonly [string, T]>): WordIndex<T> {
  const byFirst = new Map<string, Array<readonly [string, T]>>();
  for (const entry of entries) {
    const first = charAt(entry[0], 0);
    const list = byFirst.get(first) ?? [];
    list.push(entry);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  return byFirst;
}

/** The longest word of `index` that starts at `pos`. */
export function matchWord<T>(s: string, pos: number, index: WordIndex<T>): readonly [string, T] | null {
  const candidates = index.get(charAt(s, pos));
  if (candidates === undefined) return null;
  for (const entry of candidates) if (s.startsWith(entry[0], pos)) return entry;
  return null;
}

/** Every match of `index` at `pos`, longest first (unit reading tries them all). */
export function matchWords<T>(s: string, pos: number, index: WordIndex<T>): ReadonlyArray<readonly [string, T]> {
  const candidates = index.get(charAt(s, pos)) ?? [];
  return candidates.filter((entry) => s.startsWith(entry[0], pos));
}

import type { Definition } from "./schema";
import { bigrams, normalizeName, similarity } from "./similarity";
import { TupleMemo } from "./tuple-memo";

/** Definitions ready for matching: sheet ones first, built-in ones they did not replace after. */
export type Library = {
  definitions: readonly Definition[];
  byName: ReadonlyMap<string, Definition[]>;
  bySynonym: ReadonlyMap<string, Definition[]>;
  terms: readonly { definition: Definition; term: string; grams: Set<string> }[];
};

const push = (map: Map<string, Definition[]>, key: string, d: Definition): void => {
  if (key === "") return;
  const list = map.get(key);
  if (list) {
    if (!list.includes(d)) list.push(d);
  } else map.set(key, [d]);
};

/**
 * The workbook's definitions over the built-in ones: a sheet row with a built-in's id or name
 * replaces it (staff do not know our ids), any other row extends the library.
 */
export function buildLibrary(builtin: readonly Definition[], sheet: readonly Definition[]): Library {
  const ids = new Set(sheet.map((d) => d.id));
  const names = new Set(sheet.map((d) => normalizeName(d.name)));
  const kept = builtin.filter((d) => !ids.has(d.id) && !names.has(normalizeName(d.name)));
  const definitions = [...sheet, ...kept];
  const byName = new Map<string, Definition[]>();
  const bySynonym = new Map<string, Definition[]>();
  const terms: Library["terms"][number][] = [];
  for (const d of definitions) {
    push(byName, normalizeName(d.name), d);
    for (const s of d.synonyms) push(bySynonym, normalizeName(s), d);
    for (const text of [d.name, ...d.synonyms]) {
      const term = normalizeName(text);
      if (term !== "") terms.push({ definition: d, term, grams: bigrams(term) });
    }
  }
  return { definitions, byName, bySynonym, terms };
}

export type Match = { definition: Definition; score: number; via: "name" | "synonym" | "fuzzy" };

/** A name's mapping: the definition applied, or none and the closest one to offer for confirmation. */
export type MatchResult = { match: Match | null; candidate: { definition: Definition; score: number } | null };

const NO_MATCH: MatchResult = { match: null, candidate: null };

/** Below this a definition is not even offered: it would only be noise. */
const CANDIDATE_FLOOR = 0.3;

/** Among equally named definitions, the one filed where the row is; else the first (a sheet one). */
function preferLevels(list: readonly Definition[], level1: string, level2: string): Definition | undefined {
  return (
    list.find((d) => d.level1 === level1 && d.level2 === level2) ??
    list.find((d) => d.level1 === level1 || (d.level1 === null && d.level2 === null)) ??
    list[0]
  );
}

/** Rounded so a report reads 0.84, not 0.8363636363636364. */
const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Maps a name to a definition: exact name, then synonym, then the most similar term if its
 * score reaches `threshold`. Below it nothing is applied; the closest definition is returned as
 * a candidate for a person to confirm.
 */
export function matchName(
  library: Library,
  name: string,
  level1: string,
  level2: string,
  threshold: number,
): MatchResult {
  const key = normalizeName(name);
  if (key === "") return NO_MATCH;
  const exact = library.byName.get(key);
  const byName = exact && preferLevels(exact, level1, level2);
  if (byName) return { match: { definition: byName, score: 1, via: "name" }, candidate: null };
  const synonyms = library.bySynonym.get(key);
  const bySynonym = synonyms && preferLevels(synonyms, level1, level2);
  if (bySynonym) return { match: { definition: bySynonym, score: 1, via: "synonym" }, candidate: null };

  const grams = bigrams(key);
  let best: { definition: Definition; score: number } | null = null;
  for (const t of library.terms) {
    const score = similarity(key, grams, t.term, t.grams);
    if (best === null || score > best.score) best = { definition: t.definition, score };
  }
  if (best === null || best.score < CANDIDATE_FLOOR) return NO_MATCH;
  const scored = { definition: best.definition, score: round(best.score) };
  return best.score >= threshold
    ? { match: { ...scored, via: "fuzzy" }, candidate: null }
    : { match: null, candidate: scored };
}

/**
 * matchName remembered per name and category for one check: a long list repeats the same
 * few dozen names, and fuzzy matching is the costly part.
 */
export function cachedMatcher(
  library: Library,
  threshold: number,
): (name: string, level1: string, level2: string) => MatchResult {
  const seen = new TupleMemo<MatchResult>();
  return (name, level1, level2) =>
    seen.get([name, level1, level2], () => matchName(library, name, level1, level2, threshold));
}

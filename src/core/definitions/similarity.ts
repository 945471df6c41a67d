/**
 * Text similarity for mapping indicator names to definitions: small, pure, and tuned for Chinese
 * noun phrases, where the head comes last (群众满意度 is a kind of 满意度).
 */

/** Width folded, lower-cased, spaces and punctuation dropped: what two names are compared on. */
export function normalizeName(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, "")
    .replace(/[,.;:!?'"()[\]{}<>\-_/\\|·、，。；：！？“”‘’（）【】《》〈〉「」—…]+/g, "")
    .toLowerCase();
}

/** Character bigrams; a one-character text is its own gram. Code points, so rare Han characters count once. */
export function bigrams(text: string): Set<string> {
  const chars = [...text];
  if (chars.length < 2) return new Set(chars);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Sørensen–Dice coefficient of two bigram sets: 1 for the same grams, 0 for none shared. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** A head noun this short (满意, 单价) says too little to be trusted as a suffix. */
const MIN_HEAD = 3;

/**
 * How well `name` is the thing `term` names, 0–1: the bigram Dice coefficient, or, when the name
 * ends with the term (受益群众满意度 / 群众满意度), 0.6 plus up to 0.4 for the share of the name
 * the term covers, since what a modifier adds in front rarely changes what is measured.
 */
export function similarity(
  name: string,
  nameGrams: ReadonlySet<string>,
  term: string,
  termGrams: ReadonlySet<string>,
): number {
  const byGrams = dice(nameGrams, termGrams);
  const termLength = [...term].length;
  if (termLength < MIN_HEAD || !name.endsWith(term)) return byGrams;
  return Math.max(byGrams, 0.6 + (0.4 * termLength) / [...name].length);
}

/**
 * A function of a cell's text, remembered for one check: a list repeats the same few targets and
 * names (`≥80%`, `按时拨付`) thousands of times. The results must not be mutated, as they are shared.
 */
export function memoByText<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = fn(text);
      seen.set(text, out);
    }
    return out;
  };
}

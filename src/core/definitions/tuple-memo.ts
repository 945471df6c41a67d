/**
 * A memo keyed by a few strings, kept as a tree of maps rather than under one joined key: the
 * strings of a list are the same few string objects row after row, whose hashes V8 keeps, while
 * a joined key is a fresh string to build and hash on every lookup (with a description, a long one).
 */
export class TupleMemo<V> {
  private readonly root = new Map<string, unknown>();

  get(keys: readonly string[], make: () => V): V {
    let level = this.root;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      const key = keys[i] as string;
      let next = level.get(key) as Map<string, unknown> | undefined;
      if (next === undefined) {
        next = new Map<string, unknown>();
        level.set(key, next);
      }
      level = next;
    }
    const key = keys[last] as string;
    if (level.has(key)) return level.get(key) as V;
    const value = make();
    level.set(key, value);
    return value;
  }
}

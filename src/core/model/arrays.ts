/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an
 * argument and overflows the stack past some 120,000 (a list of 200,000 rows); lint forbids it.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The least and greatest of `values` (Infinity and -Infinity when empty), without spreading them as arguments. */
export function bounds(values: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

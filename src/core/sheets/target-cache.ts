import { parseTarget } from "../target-expression";
import type { TargetExpression } from "../target-expression/schema";

export type TargetParser = (text: string) => TargetExpression;

/**
 * parseTarget remembered for one workbook read: a list repeats the same few targets
 * (`≥80%`, `按时拨付`) thousands of times. The results are never mutated, so sharing is safe.
 */
export function cachedTargetParser(): TargetParser {
  const seen = new Map<string, TargetExpression>();
  return (text) => {
    let parsed = seen.get(text);
    if (parsed === undefined) {
      parsed = parseTarget(text);
      seen.set(text, parsed);
    }
    return parsed;
  };
}

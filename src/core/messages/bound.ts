import { parseTarget } from "../target-expression";

/** What kind of limit a target sets, for the verb of a message: 未达到 a floor, 超出 a ceiling. */
export type Bound = "floor" | "ceiling" | "exact" | "range";

export function boundOf(target: string): Bound {
  const t = parseTarget(target);
  if (t.kind !== "quantitative" && t.kind !== "missing") return "floor";
  switch (t.operator) {
    case "<=":
    case "<":
      return "ceiling";
    case "=":
      return "exact";
    case "range":
      return "range";
    default:
      return "floor";
  }
}

import { parseTarget } from "../target-expression";
import type { TargetExpression } from "../target-expression/schema";
import { memoByText } from "../model/memo";

export type TargetParser = (text: string) => TargetExpression;

/** parseTarget remembered for one workbook read (the parsed targets are never mutated). */
export const cachedTargetParser = (): TargetParser => memoByText(parseTarget);

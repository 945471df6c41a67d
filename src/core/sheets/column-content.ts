import { parseOperator } from "../target-expression";
import type { ColumnMap, HeaderRow } from "./detect-layout";
import type { SheetView } from "./sheet-view";

export type RowDirection = "positive" | "reverse";

const DIRECTION_WORDS: ReadonlyMap<string, RowDirection> = new Map([
  ["正向", "positive"],
  ["正向指标", "positive"],
  ["越大越好", "positive"],
  ["越高越好", "positive"],
  ["positive", "positive"],
  ["higher", "positive"],
  ["反向", "reverse"],
  ["反向指标", "reverse"],
  ["越小越好", "reverse"],
  ["越低越好", "reverse"],
  ["reverse", "reverse"],
  ["negative", "reverse"],
  ["lower", "reverse"],
]);

/** 正向 / 反向 (and their English) as a direction; null for anything else. */
export function directionWord(text: string): RowDirection | null {
  return DIRECTION_WORDS.get(text.replace(/[\s\u3000]+/g, "").toLowerCase()) ?? null;
}

/** Enough cells to tell an operator column from a direction column. */
const SAMPLE = 40;

/**
 * Decides which operator-like column holds operators (≥ ≤ = 定性) and which holds directions
 * (正向 / 反向), by what the cells below the header say: some regions head the operator column
 * 指标方向 and the direction column 指标性质, others the other way round. An empty column keeps
 * what its header says; an ambiguous header on an empty column is taken as an operator.
 */
export function resolveOperatorColumns(view: SheetView, header: HeaderRow, endRow: number): ColumnMap {
  const columns: ColumnMap = { ...header.columns };
  // A saved mapping has already said which is which.
  if (header.operatorCandidates.length === 0) return columns;
  delete columns.operator;
  delete columns.direction;
  const scored = header.operatorCandidates.map((candidate) => {
    let operators = 0;
    let directions = 0;
    let seen = 0;
    for (let r = header.dataRow; r < endRow && seen < SAMPLE; r++) {
      const text = view.text(r, candidate.col);
      if (text === "") continue;
      seen++;
      if (directionWord(text) !== null) directions++;
      else if (parseOperator(text) !== null) operators++;
    }
    const byContent = operators > directions ? "operator" : directions > operators ? "direction" : null;
    return { ...candidate, operators, directions, kind: byContent ?? candidate.role };
  });
  const best = (kind: "operator" | "direction", count: (s: (typeof scored)[number]) => number) =>
    scored
      .filter((s) => s.kind === kind)
      .sort((a, b) => count(b) - count(a) || Number(a.ambiguous) - Number(b.ambiguous))[0];
  const operator = best("operator", (s) => s.operators);
  const direction = best("direction", (s) => s.directions);
  if (operator) columns.operator = operator.col;
  if (direction) columns.direction = direction.col;
  return columns;
}

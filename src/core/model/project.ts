import type { TargetExpression } from "../target-expression/schema";

/** Where a value sits in the workbook; null when the sheet has no such column. */
export type CellRef = { sheet: string; cell: string };

export type Indicator = {
  /** Key of the project it belongs to (code, else name). */
  projectKey: string;
  level1: string;
  level2: string;
  name: string;
  description: string;
  targetText: string;
  target: TargetExpression;
  /**
   * True when the operator or unit came from a separate column (指标性质 / 度量单位),
   * so a bare number in 指标值 is complete.
   */
  targetFromColumns: boolean;
  /**
   * The error value shown in the 指标值 cell (`#N/A` of a broken formula): the target then reads
   * as missing, and the finding says why.
   */
  targetError?: string | null;
  /** 正向 / 反向 from the row's own direction column (指标性质 in some regions), if any. */
  direction?: "positive" | "reverse" | null;
  basis: string;
  weight: number | null;
  actualText: string | null;
  deviationReason: string | null;
  sheet: string;
  /** 0-based row in its sheet, for ordering and duplicates. */
  row: number;
  cells: {
    level1: CellRef | null;
    level2: CellRef | null;
    name: CellRef;
    target: CellRef;
    weight: CellRef | null;
    actual: CellRef | null;
    deviationReason: CellRef | null;
  };
};

export type Plan = readonly [number | null, number | null, number | null, number | null];

export type Project = {
  key: string;
  code: string | null;
  name: string;
  unit: string | null;
  budget: number | null;
  fiscal: number | null;
  other: number | null;
  use: string | null;
  plan: Plan | null;
  goals: string | null;
  spent: number | null;
  /** Sheet the project was declared on (project list), else the first sheet of its indicators. */
  sheet: string;
  cells: {
    code: CellRef | null;
    name: CellRef | null;
    budget: CellRef | null;
    fiscal: CellRef | null;
    other: CellRef | null;
    plan: readonly [CellRef | null, CellRef | null, CellRef | null, CellRef | null] | null;
    spent: CellRef | null;
  };
};

/** A project known only by its key so far; readers fill in what their sheet holds. */
export function newProject(key: string, code: string | null, name: string, sheet: string): Project {
  return {
    key,
    code,
    name,
    unit: null,
    budget: null,
    fiscal: null,
    other: null,
    use: null,
    plan: null,
    goals: null,
    spent: null,
    sheet,
    cells: { code: null, name: null, budget: null, fiscal: null, other: null, plan: null, spent: null },
  };
}

/** A department-level goal (部门整体绩效目标) that project indicators must agree with. */
export type Goal = {
  name: string;
  targetText: string;
  target: TargetExpression;
  sheet: string;
  cell: string;
};

import type { CheckOptions, Finding, Report, Settings, TableMapping, WorkbookData, WritePlan } from "../core";

/**
 * What the pane and its checking engine (engine.ts) say to each other: plain data only, since the
 * engine runs in a Web Worker (engine.worker.ts) and every message is structured-cloned.
 */

/** How the rows' indicator names matched 指标定义: each distinct name once, with its count. */
export type NameMatch = {
  name: string;
  rows: number;
  /** The matcher's `via` (name, synonym, fuzzy) or "none". */
  kind: string;
  /** The definition applied, or the closest one offered for confirmation. */
  definition: string | null;
};

/** A definition written on the 指标定义 sheet, and the cell holding its name. */
export type SheetDefinition = { name: string; synonyms: string[]; sheet: string; cell: string };

/** A check's result as the pane shows it (the core's CheckResult without its functions and model). */
export type PaneResult = {
  report: Report;
  findings: Finding[];
  settings: Settings;
  mapping: TableMapping[];
  /** The model's project keys, in the report's order (names repeat; keys do not). */
  projectKeys: string[];
  /** Per table (by sheet name): how its indicator names matched 指标定义. */
  names: Record<string, NameMatch[]>;
  /** The findings sheet's name in this workbook (检查结果, or a variant beside a staff sheet of that name). */
  findingsSheet: string;
  /** The definitions a name can be added to as a synonym: those written on the 指标定义 sheet, with their name cell. */
  sheetDefinitions: SheetDefinition[];
};

/**
 * The flags of the last check: a plan (carrying its fingerprint), "unchanged" when the workbook
 * already carries exactly these flags, or null when there is nothing to flag.
 */
export type FlagAnswer = WritePlan | "unchanged" | null;

/** A plan made from the last check: the 绩效目标表, the clearing of the flags, the settings sheet. */
export type PlanRequest =
  | { kind: "table" }
  | { kind: "clear" }
  | { kind: "settings"; mapping: TableMapping[] };

export type EngineRequest =
  | { type: "check"; data: WorkbookData; options: CheckOptions }
  | { type: "flags" }
  | { type: "plan"; plan: PlanRequest };

/** What the engine answers a request with: a check's result, its flags, or a plan. */
export type EngineAnswer = PaneResult | FlagAnswer | WritePlan;

/** The engine as the pane uses it: in a worker, or (tests) in the pane's own thread. */
export interface PaneEngine {
  /** Checks `data`. */
  check(data: WorkbookData, options: CheckOptions): Promise<PaneResult>;
  /**
   * The flags of the last check. Asked for as soon as the check is (requests are answered in
   * order), so the worker plans them while the pane shows the results.
   */
  flags(): Promise<FlagAnswer>;
  /** A plan from the last check. */
  plan(request: PlanRequest): Promise<WritePlan>;
}

/** A worker's answer to the message numbered `id`. */
export type EngineReply =
  | { id: number; ok: true; value: EngineAnswer }
  | { id: number; ok: false; message: string };

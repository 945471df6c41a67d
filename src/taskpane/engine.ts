/**
 * The checking engine: the core's rules, definitions and write plans. It runs in a Web Worker in
 * the pane (engine.worker.ts, started by engine-worker-client.ts) so that a long list never
 * freezes the pane, and in the pane's own thread where there is no Worker (component tests:
 * engine-port.ts `localEngine`). Either way it is loaded on demand: the initial bundle only shows
 * the pane's shell while the workbook is read.
 *
 * What crosses to the pane is plain data (structured-clonable): the core's CheckResult carries a
 * function (`directionOf`) that the flag and table plans need, so the result stays here and the
 * pane asks for the plans it wants by name.
 */
import {
  checkWorkbook,
  findingsSheetName,
  matchName,
  planClear,
  planFlagWrite,
  planSettingsSheet,
  planTableWrite,
  type CheckOptions,
  type CheckResult,
  type WorkbookData,
  type WritePlan,
} from "../core";
import { carriesFlags, fingerprint, withFingerprint } from "./flag-fingerprint";
import type { EngineAnswer, EngineRequest, FlagAnswer, NameMatch, PaneResult, PlanRequest } from "./engine-types";

/** How the rows' indicator names of `sheet` matched 指标定义: each distinct name once, with its count. */
function nameMatches(result: CheckResult, sheet: string): NameMatch[] {
  const byName = new Map<string, NameMatch>();
  const threshold = result.settings.mappingThreshold;
  for (const ind of result.model.indicators) {
    if (ind.sheet !== sheet) continue;
    const known = byName.get(ind.name);
    if (known !== undefined) {
      known.rows++;
      continue;
    }
    const { match, candidate } = matchName(result.library, ind.name, ind.level1, ind.level2, threshold);
    byName.set(ind.name, {
      name: ind.name,
      rows: 1,
      // The kinds come from the matcher's own answers, so a new kind shows without a change here.
      kind: match?.via ?? "none",
      definition: match?.definition.name ?? candidate?.definition.name ?? null,
    });
  }
  const rank = (m: NameMatch) => (m.kind === "none" ? 0 : m.kind === "fuzzy" ? 1 : 2);
  return [...byName.values()].sort((a, b) => rank(a) - rank(b) || b.rows - a.rows);
}

/** The plain part of a check's result: what the pane shows. */
function paneResult(data: WorkbookData, result: CheckResult): PaneResult {
  return {
    report: result.report,
    findings: result.findings,
    settings: result.settings,
    mapping: result.mapping,
    projectKeys: result.model.projects.map((p) => p.key),
    findingsSheet: findingsSheetName(data),
    names: Object.fromEntries(result.mapping.map((m) => [m.sheet, nameMatches(result, m.sheet)])),
    sheetDefinitions: result.library.definitions.flatMap((d) =>
      d.source === "sheet" && d.at !== null
        ? [{ name: d.name, synonyms: [...d.synonyms], sheet: d.at.sheet, cell: d.at.cell }]
        : [],
    ),
  };
}

/** One engine: it keeps the last check's data and result, which the plans are made from. */
export function createEngine() {
  let last: { data: WorkbookData; result: CheckResult } | null = null;
  const lastCheck = () => {
    if (last === null) throw new Error("no check has run yet: nothing to plan from");
    return last;
  };

  // A failed check leaves no last check behind: the flags asked for after it fail too, rather
  // than be planned from the check before.
  const check = (data: WorkbookData, options: CheckOptions): PaneResult => {
    last = null;
    const result = checkWorkbook(data, options);
    last = { data, result };
    return paneResult(data, result);
  };

  // Asked for apart from the check, so the pane shows the results while the flags are planned.
  const flags = (): FlagAnswer => {
    const { data, result } = lastCheck();
    if (result.mapping.length === 0 && result.model.projects.length === 0) return null;
    const plan = planFlagWrite(data, result);
    // The workbook already carries exactly these flags: nothing to write (flag-fingerprint.ts).
    // The plan's hash, over some 20,000 cells on a 5,000-row list, is made once for both uses.
    const print = fingerprint(plan);
    return carriesFlags(data, plan, print) ? "unchanged" : withFingerprint(plan, print);
  };

  const plan = (request: PlanRequest): WritePlan => {
    const { data, result } = lastCheck();
    switch (request.kind) {
      case "table":
        return planTableWrite(data, result);
      case "clear":
        return planClear(data, { table: false });
      case "settings":
        return { sheets: [planSettingsSheet(result.settings, request.mapping)], names: null, flags: null, removeSheets: [] };
    }
  };

  return {
    check,
    flags,
    plan,
    /** Answers one request (the worker's message loop and the in-thread engine share it). */
    answer(request: EngineRequest): EngineAnswer {
      switch (request.type) {
        case "check":
          return check(request.data, request.options);
        case "flags":
          return flags();
        case "plan":
          return plan(request.plan);
      }
    },
  };
}

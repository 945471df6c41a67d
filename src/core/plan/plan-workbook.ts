import type { CheckResult } from "../check";
import { liveRules, type LiveRule } from "../flags/live-rules";
import { planFlags } from "../flags/plan-flags";
import { isOwnedSheet, OWNED } from "../owned";
import type { WorkbookData } from "../model/workbook-data";
import { indicatorsByProject } from "../model/group";
import { deviationOf } from "../monitoring/deviation";
import { planTargetTable, type BlockMonitoring } from "../target-table/plan-table";
import { planFindingsSheet } from "../findings-sheet/plan-findings-sheet";
import type { WritePlan } from "../model/write-plan";

/** Owned sheets present in the workbook, by name. */
const ownedPresent = (data: WorkbookData): Set<string> => new Set(data.sheets.filter(isOwnedSheet).map((s) => s.name));

/**
 * The name for the standard table: 绩效目标表, unless a staff sheet already has that name, which
 * is never replaced.
 */
export function tableSheetName(data: WorkbookData): string {
  return ownedName(data, OWNED.tableSheet);
}

/** An owned sheet's name, or a variant of it when a staff sheet already has that name (never replaced). */
function ownedName(data: WorkbookData, name: string): string {
  const taken = data.sheets.find((s) => s.name === name);
  return taken === undefined || isOwnedSheet(taken) ? name : `${name}(检查目标)`;
}

/** The name of the findings sheet (检查结果) in this workbook. */
export const findingsSheetName = (data: WorkbookData): string => ownedName(data, OWNED.findingsSheet);

/** The findings sheets of earlier checks that are present, under either name. */
const findingsPresent = (data: WorkbookData): string[] => {
  const owned = ownedPresent(data);
  return [OWNED.findingsSheet, `${OWNED.findingsSheet}(检查目标)`].filter((n) => owned.has(n));
};

/** The findings sheet of a check; null when it found nothing at all. */
function planFindings(data: WorkbookData, result: CheckResult) {
  if (result.findings.length === 0) return null;
  const codes = new Map(result.model.projects.map((p) => [p.key, p.code]));
  const names = new Map(result.model.projects.map((p) => [p.key, p.name]));
  return planFindingsSheet(
    {
      report: result.report,
      findings: result.findings,
      codeOf: (key) => (key === null ? null : (codes.get(key) ?? null)),
      nameOf: (key) => (key === null ? null : (names.get(key) ?? null)),
      locale: result.locale ?? "zh-CN",
      checkedOn: result.checkedOn ?? null,
    },
    findingsSheetName(data),
  );
}

/** The live rules of a checked workbook (flags/live-rules.ts), from its check's result. */
export const liveRulesOf = (data: WorkbookData, result: CheckResult): LiveRule[] =>
  liveRules({
    data,
    model: result.model,
    settings: result.settings,
    position: result.position,
    directionOf: result.directionOf,
  });

/** Flags on the staff sheets with their helper sheet; replaces the flags of an earlier check. */
export function planFlagWrite(data: WorkbookData, result: CheckResult): WritePlan {
  const live = liveRulesOf(data, result);
  const flags = planFlags(data, result.findings, live);
  const owned = ownedPresent(data);
  const findings = planFindings(data, result);
  return {
    sheets: [...(flags.helper === null ? [] : [flags.helper]), ...(findings === null ? [] : [findings])],
    names: flags.names,
    flags: flags.rules,
    removeSheets: [
      ...(flags.helper === null && owned.has(OWNED.helperSheet) ? [OWNED.helperSheet] : []),
      // The findings sheet of an earlier check goes when this one found nothing, or writes under the other name.
      ...findingsPresent(data).filter((n) => n !== findings?.name),
    ],
  };
}

/** The monitoring columns' content by project key, where the check saw actuals or spending. */
function blockMonitoring(result: CheckResult): Map<string, BlockMonitoring> | null {
  const { model, report } = result;
  const monitored = model.projects.some((p) => p.spent !== null) || model.indicators.some((i) => i.actualText !== null);
  if (!monitored) return null;
  const indicatorsOf = indicatorsByProject(model.indicators);
  // The report lists projects and their indicators in the model's order.
  return new Map(
    model.projects.map((p, i) => {
      const reported = report.projects[i];
      const inds = indicatorsOf.get(p.key) ?? [];
      return [
        p.key,
        {
          light: reported?.light ?? "green",
          lightReason: reported?.lightReason ?? null,
          score: reported?.score ?? null,
          scoreKind: reported?.evaluation?.kind ?? (result.position.yearEnd ? "final" : "projected"),
          grade: reported?.evaluation?.grade ?? null,
          executionRate: reported?.evaluation?.executionRate ?? null,
          indicators: inds.map((ind, k) => ({
            score: reported?.indicators[k]?.score ?? null,
            deviation: deviationOf(ind, result.directionOf),
          })),
        },
      ];
    }),
  );
}

/** The standard 绩效目标表, replacing an earlier one. Flags are left as they are. */
export function planTableWrite(data: WorkbookData, result: CheckResult): WritePlan {
  const table = planTargetTable(
    result.model,
    result.findings,
    tableSheetName(data),
    blockMonitoring(result),
    result.locale ?? "zh-CN",
    findingsSheetName(data),
  );
  return { sheets: [table], names: null, flags: null, removeSheets: [] };
}

/**
 * What `check-targets --out` writes: the flags and the table. The settings sheet is written only
 * when someone saves a corrected mapping (the pane); a check alone adds nothing else.
 */
export function planCheckedWorkbook(data: WorkbookData, result: CheckResult): WritePlan {
  const flags = planFlagWrite(data, result);
  const table = planTableWrite(data, result);
  return { ...flags, sheets: [...flags.sheets, ...table.sheets] };
}

/** Clear flags: our rules, names, helper sheet and findings sheet go; with `table`, the 绩效目标表 too. */
export function planClear(data: WorkbookData, options: { table: boolean }): WritePlan {
  const owned = ownedPresent(data);
  const remove = [OWNED.helperSheet, ...(options.table ? [OWNED.tableSheet] : [])].filter((n) => owned.has(n));
  return { sheets: [], names: [], flags: [], removeSheets: [...remove, ...findingsPresent(data)] };
}

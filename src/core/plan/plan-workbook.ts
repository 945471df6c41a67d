import type { CheckResult } from "../check";
import { liveRules } from "../flags/live-rules";
import { planFlags } from "../flags/plan-flags";
import { isOwnedSheet, OWNED } from "../owned";
import type { WorkbookData } from "../sheets/grid";
import { indicatorsByProject } from "../model/group";
import { deviationOf } from "../monitoring/deviation";
import { planTargetTable, type BlockMonitoring } from "../target-table/plan-table";
import type { WritePlan } from "./write-plan";

/** Owned sheets present in the workbook, by name. */
const ownedPresent = (data: WorkbookData): Set<string> => new Set(data.sheets.filter(isOwnedSheet).map((s) => s.name));

/**
 * The name for the standard table: 绩效目标表, unless a staff sheet already has that name, which
 * is never replaced.
 */
export function tableSheetName(data: WorkbookData): string {
  const taken = data.sheets.find((s) => s.name === OWNED.tableSheet);
  return taken === undefined || isOwnedSheet(taken) ? OWNED.tableSheet : `${OWNED.tableSheet}(检查目标)`;
}

/** Flags on the staff sheets with their helper sheet; replaces the flags of an earlier check. */
export function planFlagWrite(data: WorkbookData, result: CheckResult): WritePlan {
  const live = liveRules({
    data,
    model: result.model,
    settings: result.settings,
    position: result.position,
    directionOf: result.directionOf,
  });
  const flags = planFlags(data, result.findings, live);
  const owned = ownedPresent(data);
  return {
    sheets: flags.helper === null ? [] : [flags.helper],
    names: flags.names,
    flags: flags.rules,
    removeSheets: flags.helper === null && owned.has(OWNED.helperSheet) ? [OWNED.helperSheet] : [],
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
  const table = planTargetTable(result.model, result.findings, tableSheetName(data), blockMonitoring(result));
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

/** Clear flags: our rules, names and helper sheet go; with `table`, the 绩效目标表 too. */
export function planClear(data: WorkbookData, options: { table: boolean }): WritePlan {
  const owned = ownedPresent(data);
  const remove = [OWNED.helperSheet, ...(options.table ? [OWNED.tableSheet] : [])].filter((n) => owned.has(n));
  return { sheets: [], names: [], flags: [], removeSheets: remove };
}

import type { DefinitionIssue } from "../definitions/read-definition-sheet";
import type { Finding } from "../model/finding";
import type { SettingsIssue } from "../settings-sheet";

/** A 指标定义 row that is not used, at the cell that makes it unusable (a finding, so staff see and fix it). */
export const definitionFindings = (issues: readonly DefinitionIssue[]): Finding[] =>
  issues.map((i) => ({
    rule: "definition-invalid",
    severity: "warning",
    sheet: i.sheet,
    cell: i.cell,
    project: null,
    projectKey: null,
    indicator: null,
    details: { field: i.field, reason: i.reason, value: i.value, row: i.row + 1 },
  }));

/**
 * A settings cell the check could not use; its key kept the default. A saved mapping that no
 * longer fits its sheet only informs: the sheet was detected afresh, as if never saved.
 */
export const settingsFindings = (issues: readonly SettingsIssue[]): Finding[] =>
  issues.map((i) => ({
    rule: "settings-invalid",
    severity: i.reason === "stale-mapping" ? "info" : "warning",
    sheet: i.sheet,
    cell: i.cell,
    project: null,
    projectKey: null,
    indicator: null,
    details: { key: i.key, reason: i.reason, detail: i.detail },
  }));

import type { Finding } from "../model/finding";
import type { Rule } from "./context";

/**
 * A sheet that holds target-like cells (≥95%, 100 人次) but from which no table was read: named,
 * with the reason (no header row; a header naming indicators but no target column; targets but
 * no indicator column) at its first such cell, so a clerk knows those targets were not checked.
 */
export const checkSkippedSheets: Rule = (ctx) =>
  ctx.model.sheets.flatMap((sheet): Finding[] =>
    sheet.skip === undefined
      ? []
      : [
          {
            rule: "sheet-skipped",
            severity: "info",
            sheet: sheet.name,
            cell: sheet.skip.firstTarget,
            project: null,
            projectKey: null,
            indicator: null,
            details: {
              reason: sheet.skip.reason,
              targetCells: sheet.skip.targetCells,
              firstTarget: sheet.skip.firstTarget,
            },
          },
        ],
  );

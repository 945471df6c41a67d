import type { Goal } from "../model/project";
import type { ColumnMap } from "./detect-layout";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";

/** Reads department goals: a measure and its target per row. */
export function readGoalList(
  view: SheetView,
  headerRow: number,
  columns: ColumnMap,
  parseTarget: TargetParser,
): Goal[] {
  const nameCol = columns.goalName ?? columns.name;
  const targetCol = columns.target;
  if (nameCol === undefined || targetCol === undefined) return [];
  const goals: Goal[] = [];
  for (let r = headerRow + 1; r < view.rowCount; r++) {
    const name = view.text(r, nameCol);
    const targetText = view.rawText(r, targetCol);
    if (name === "" && targetText.trim() === "") continue;
    goals.push({
      name,
      targetText,
      target: parseTarget(targetText),
      sheet: view.name,
      cell: view.address(r, targetCol),
    });
  }
  return goals;
}

import type { Goal } from "../model/project";
import type { RoleOf } from "./detect-layout";
import type { TableSpan } from "./indicator-row";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";

/** Reads department goals: a measure and its target per row. */
export function readGoalList(view: SheetView, table: TableSpan, parse: TargetParser, roleOf: RoleOf): Goal[] {
  const nameCol = table.columns.goalName ?? table.columns.name;
  const targetCol = table.columns.target;
  if (nameCol === undefined || targetCol === undefined) return [];
  const goals: Goal[] = [];
  for (let r = table.dataRow; r < table.endRow; r++) {
    const name = view.text(r, nameCol);
    const error = view.error(r, targetCol);
    const targetText = error ?? view.rawText(r, targetCol);
    // A goal is a measure with a target: a line without one is a title or a note.
    if (targetText.trim() === "") continue;
    const role = roleOf(name);
    if (role === "goalName" || role === "name") continue;
    goals.push({
      name,
      targetText,
      target: error === null ? parse(targetText) : { kind: "missing", operator: null, unit: null },
      sheet: view.name,
      cell: view.address(r, targetCol),
    });
  }
  return goals;
}

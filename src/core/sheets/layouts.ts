import { append } from "../model/arrays";
import type { LayoutKind } from "../model/layout-kind";
import type { Goal, Indicator, Project } from "../model/project";
import type { ColumnMap, HeaderRow, RoleOf } from "./detect-layout";
import type { HeaderRole } from "./header-roles";
import type { TableSpan } from "./indicator-row";
import { readGoalList } from "./read-goal-list";
import { readIndicatorList } from "./read-indicator-list";
import { readProjectList } from "./read-project-list";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";

/** What one sheet's tables hold, as the layouts read it. */
export type SheetRead = {
  projectRows: Project[];
  /** Projects an indicator list names (code, name) without a project list of their own. */
  fromIndicators: Project[];
  indicators: Indicator[];
  goals: Goal[];
};

type ReadContext = { view: SheetView; parse: TargetParser; roleOf: RoleOf };

/**
 * A layout a table is read in: how its header announces it and how its rows are read. Adding a
 * layout is one entry here (and its test); the kinds come from model/layout-kind.ts.
 */
export type ListLayout = {
  kind: Exclude<LayoutKind, "standard-form">;
  detect: (columns: ColumnMap) => boolean;
  read: (table: TableSpan, ctx: ReadContext, into: SheetRead) => void;
};

const has = (columns: ColumnMap, role: HeaderRole): boolean => columns[role] !== undefined;
const hasProject = (columns: ColumnMap): boolean => has(columns, "projectCode") || has(columns, "projectName");
const hasIndicator = (columns: ColumnMap): boolean => has(columns, "name") || has(columns, "goalName");

/** The list layouts, in the order a header is tried against them; every list kind has its entry (checked below). */
export const LIST_LAYOUTS = [
  {
    kind: "indicator-list",
    detect: (c) =>
      hasIndicator(c) &&
      (has(c, "target") || has(c, "operator")) &&
      (has(c, "level1") || has(c, "level2") || hasProject(c)),
    read: (table, { view, parse, roleOf }, into) => {
      const read = readIndicatorList(view, table, parse, roleOf);
      append(into.indicators, read.indicators);
      append(into.fromIndicators, read.projects);
    },
  },
  {
    kind: "project-list",
    detect: (c) => hasProject(c) && (has(c, "budget") || has(c, "fiscal") || has(c, "plan3") || has(c, "spent")),
    read: (table, { view }, into) => append(into.projectRows, readProjectList(view, table)),
  },
  {
    kind: "goal-list",
    detect: (c) => hasIndicator(c) && has(c, "target"),
    read: (table, { view, parse, roleOf }, into) => append(into.goals, readGoalList(view, table, parse, roleOf)),
  },
] as const satisfies readonly ListLayout[];

/** A kind of the enum (model/layout-kind.ts) with no entry above fails to compile here. */
type Unread = Exclude<ListLayout["kind"], (typeof LIST_LAYOUTS)[number]["kind"]>;
const everyListKindIsRead: [Unread] extends [never] ? true : Unread = true;
void everyListKindIsRead;

/**
 * The header of a standard form's indicator grid: levels, name and target, no project columns.
 * Its blocks are read by read-standard-form.ts, label cells above each grid.
 */
export function isGridHeader(columns: ColumnMap): boolean {
  return (
    !hasProject(columns) &&
    (has(columns, "level1") || has(columns, "level2")) &&
    has(columns, "name") &&
    (has(columns, "target") || has(columns, "operator"))
  );
}

const BY_KIND = new Map(LIST_LAYOUTS.map((l) => [l.kind, l]));

/**
 * The layout a header announces, or null. A standard form's indicator grid reads as an
 * indicator list here; the reader tells the two apart by the label cells above the grid
 * (read-standard-form.ts, which reads blocks rather than rows).
 */
export function classify(columns: ColumnMap): ListLayout["kind"] | null {
  return LIST_LAYOUTS.find((l) => l.detect(columns))?.kind ?? null;
}

/** Reads one list table in its layout. */
export function readList(kind: ListLayout["kind"], table: TableSpan, ctx: ReadContext, into: SheetRead): void {
  BY_KIND.get(kind)?.read(table, ctx, into);
}

export type { HeaderRow };

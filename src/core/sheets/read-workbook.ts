import type { Goal, Indicator, Project } from "../model/project";
import { detectLayout, type ColumnMap, type LayoutKind } from "./detect-layout";
import type { WorkbookData } from "./grid";
import { readGoalList } from "./read-goal-list";
import { readIndicatorList } from "./read-indicator-list";
import { readProjectList } from "./read-project-list";
import { SheetView } from "./sheet-view";
import { cachedTargetParser } from "./target-cache";

/** What was recognised on one sheet: shown in the pane and saved as the mapping. */
export type SheetLayout = { sheet: string; kind: LayoutKind; headerRow: number; columns: ColumnMap };

export type WorkbookModel = {
  /** One per project key, project-list data first, completed from the indicator lists. */
  projects: Project[];
  /** Every project-list row as read, duplicates included. */
  projectRows: Project[];
  indicators: Indicator[];
  goals: Goal[];
  layouts: SheetLayout[];
  /** Sheets that hold none of the known layouts. */
  skipped: string[];
};

/** Gives indicator-list projects the key their project-list entry has (by code, else by name). */
function linkProjects(listed: Project[], fromIndicators: Project[], indicators: Indicator[]): Project[] {
  const byCode = new Map<string, Project>();
  const byName = new Map<string, Project>();
  for (const p of listed) {
    if (p.code !== null && !byCode.has(p.code)) byCode.set(p.code, p);
    if (!byName.has(p.name)) byName.set(p.name, p);
  }
  const rekey = new Map<string, string>();
  const merged = new Map<string, Project>();
  for (const p of listed) if (!merged.has(p.key)) merged.set(p.key, p);
  for (const p of fromIndicators) {
    const match = (p.code !== null ? byCode.get(p.code) : undefined) ?? byName.get(p.name);
    if (match) {
      rekey.set(p.key, match.key);
      const known = merged.get(match.key);
      if (known && known.code === null && p.code !== null) merged.set(match.key, { ...known, code: p.code });
    } else if (!merged.has(p.key)) {
      merged.set(p.key, p);
    }
  }
  for (const ind of indicators) ind.projectKey = rekey.get(ind.projectKey) ?? ind.projectKey;
  return [...merged.values()];
}

/** Finds every known layout in the workbook and reads it into the core's model. */
export function readWorkbook(data: WorkbookData): WorkbookModel {
  const layouts: SheetLayout[] = [];
  const skipped: string[] = [];
  const projectRows: Project[] = [];
  const fromIndicators: Project[] = [];
  const indicators: Indicator[] = [];
  const goals: Goal[] = [];
  const parseTarget = cachedTargetParser();

  for (const sheet of data.sheets) {
    const view = new SheetView(sheet);
    const layout = detectLayout(view);
    if (layout === null) {
      skipped.push(sheet.name);
      continue;
    }
    layouts.push({ sheet: sheet.name, ...layout });
    switch (layout.kind) {
      case "indicator-list": {
        const read = readIndicatorList(view, layout.headerRow, layout.columns, parseTarget);
        indicators.push(...read.indicators);
        fromIndicators.push(...read.projects);
        break;
      }
      case "project-list":
        projectRows.push(...readProjectList(view, layout.headerRow, layout.columns));
        break;
      case "goal-list":
        goals.push(...readGoalList(view, layout.headerRow, layout.columns, parseTarget));
        break;
    }
  }
  const projects = linkProjects(projectRows, fromIndicators, indicators);
  return { projects, projectRows, indicators, goals, layouts, skipped };
}

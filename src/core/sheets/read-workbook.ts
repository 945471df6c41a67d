import { isDefinitionSheet } from "./definition-sheet-name";
import { append } from "../model/arrays";
import type { Goal, Indicator, Project } from "../model/project";
import { isOwnedSheet } from "../owned";
import { resolveOperatorColumns } from "./column-content";
import { findHeaders, type HeaderRow, type LayoutKind } from "./detect-layout";
import { classify, isGridHeader, readList, type SheetRead } from "./layouts";
import type { WorkbookData } from "../model/workbook-data";
import { cachedHeaderRole } from "./header-roles";
import type { TableSpan } from "./indicator-row";
import { readStandardForms } from "./read-standard-form";
import { SheetView, type CellError } from "./sheet-view";
import { skipReason, type SkipReason } from "./skip-reason";
import { headerFromMapping, type SheetLayout, type TableMapping } from "./table-mapping";
import { cachedTargetParser, type TargetParser } from "./target-cache";

export type { SheetLayout } from "./table-mapping";

/** What became of each sheet: read for data, read as definitions, the add-in's own, or skipped. */
export type SheetSummary = {
  name: string;
  role: "data" | "definitions" | "owned" | "skipped";
  /** On a skipped sheet that holds target-like cells: why no table was read there. */
  skip?: SkipReason;
};

export type WorkbookModel = {
  /** One per project key, project-list and standard-form data first, completed from the indicator lists. */
  projects: Project[];
  /** Every declared project as read (project-list rows, standard-form blocks), duplicates included. */
  projectRows: Project[];
  indicators: Indicator[];
  goals: Goal[];
  /** Every table read, sheet by sheet, top to bottom. */
  layouts: SheetLayout[];
  /** Sheets that hold none of the known layouts. */
  skipped: string[];
  sheets: SheetSummary[];
  /** Indices into ReadOptions.mapping of saved tables that no longer fit their sheet (detection was used). */
  staleMappings: number[];
  /** Cells read for a value (a level, a budget, a plan, an actual …) that show an error value instead. */
  cellErrors: SheetCellError[];
};

/** A cell of a data sheet that shows an error value where the check read a value. */
export type SheetCellError = CellError & { sheet: string; cell: string };

export type ReadOptions = {
  /** The mapping saved in the workbook's settings; a sheet it covers is read as it says. */
  mapping?: readonly TableMapping[];
};

/** Gives indicator-list projects the key their declared entry has (by code, else by name). */
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
      if (match.key !== p.key) rekey.set(p.key, match.key);
      const known = merged.get(match.key);
      if (known && known.code === null && p.code !== null) merged.set(match.key, { ...known, code: p.code });
    } else if (!merged.has(p.key)) {
      merged.set(p.key, p);
    }
  }
  if (rekey.size > 0) for (const ind of indicators) ind.projectKey = rekey.get(ind.projectKey) ?? ind.projectKey;
  return [...merged.values()];
}

/** A header to read, with the layout a saved mapping gives it (else the header's own). */
type Planned = { header: HeaderRow; kind: LayoutKind | null; source: SheetLayout["source"] };

type SheetTables = SheetRead & { layouts: SheetLayout[] };

/**
 * Reads every table of one sheet. Standard-form blocks first: their label rows would otherwise
 * read as little lists. Each list then runs to the next header or block.
 */
function readSheetTables(
  view: SheetView,
  planned: readonly Planned[],
  parse: TargetParser,
  roleOf: ReturnType<typeof cachedHeaderRole>,
): SheetTables {
  const out: SheetTables = { layouts: [], projectRows: [], fromIndicators: [], indicators: [], goals: [] };
  const sorted = [...planned].sort((a, b) => a.header.row - b.header.row);
  const nextHeader = (row: number): number => sorted.find((p) => p.header.row > row)?.header.row ?? view.rowCount;
  const grids = sorted.filter((p) => p.kind === "standard-form" || (p.kind === null && isGridHeader(p.header.columns)));
  const blocks = readStandardForms(
    view,
    grids.map((g) => g.header),
    nextHeader,
    parse,
    roleOf,
  );
  const sourceOf = new Map(sorted.map((p) => [p.header.row, p.source]));
  for (const block of blocks) {
    out.projectRows.push(block.project);
    append(out.indicators, block.indicators);
    out.layouts.push(layoutOf(view, "standard-form", block.header, block.columns, sourceOf.get(block.header.row)));
  }
  const inBlock = (row: number) => blocks.some((b) => row >= b.top && row <= b.end);
  const lists = sorted.filter((p) => !inBlock(p.header.row));
  for (const { header, kind: given, source } of lists) {
    const blockBelow = blocks.find((b) => b.top > header.row)?.top ?? view.rowCount;
    const endRow = Math.min(nextHeader(header.row), blockBelow);
    const columns = resolveOperatorColumns(view, header, endRow);
    const kind = given === "standard-form" ? "indicator-list" : (given ?? classify(columns));
    if (kind === null) continue;
    const table: TableSpan = { dataRow: header.dataRow, endRow, columns };
    out.layouts.push(layoutOf(view, kind, header, columns, source));
    readList(kind, table, { view, parse, roleOf }, out);
  }
  out.layouts.sort((a, b) => a.headerRow - b.headerRow);
  return out;
}

function layoutOf(
  view: SheetView,
  kind: LayoutKind,
  header: HeaderRow,
  columns: SheetLayout["columns"],
  source: SheetLayout["source"] = "detected",
): SheetLayout {
  const headers: SheetLayout["headers"] = {};
  for (const [role, col] of Object.entries(columns) as [keyof SheetLayout["columns"], number][]) {
    // The text under the role now, so a saved mapping can tell when the table has moved.
    if (header.columns[role] === col && header.headers[role] !== undefined) headers[role] = header.headers[role];
    else headers[role] = view.text(header.row, col);
  }
  const decided: SheetLayout["decided"] = {};
  for (const role of Object.keys(columns) as (keyof SheetLayout["columns"])[]) {
    decided[role] = source === "detected" ? (header.sources?.[role] ?? "header") : "saved";
  }
  // 指标方向 / 指标性质 name an operator in some regions and a direction in others: the cells decided.
  for (const role of ["operator", "direction"] as const) {
    const col = columns[role];
    const candidate = header.operatorCandidates.find((c) => c.col === col);
    if (source === "detected" && candidate !== undefined && (candidate.ambiguous || candidate.role !== role))
      decided[role] = "content";
  }
  return { sheet: view.name, kind, headerRow: header.row, dataRow: header.dataRow, columns, headers, source, decided };
}

/** The saved tables of one sheet as headers, or null when any no longer fits (the sheet is then detected). */
function plannedFromMapping(view: SheetView, mapping: readonly TableMapping[], stale: number[]): Planned[] | null {
  const planned: Planned[] = [];
  let fits = true;
  mapping.forEach((entry, index) => {
    if (entry.sheet !== view.name) return;
    const header = headerFromMapping(view, entry);
    if (header === "stale") {
      stale.push(index);
      fits = false;
    } else planned.push({ header, kind: entry.kind, source: entry.source === "corrected" ? "corrected" : "saved" });
  });
  return fits && planned.length > 0 ? planned : null;
}

/** Finds every known layout in the workbook, any number per sheet, and reads it into the core's model. */
export function readWorkbook(data: WorkbookData, options: ReadOptions = {}): WorkbookModel {
  const model: WorkbookModel = {
    projects: [],
    projectRows: [],
    indicators: [],
    goals: [],
    layouts: [],
    skipped: [],
    sheets: [],
    staleMappings: [],
    cellErrors: [],
  };
  const fromIndicators: Project[] = [];
  const parse = cachedTargetParser();
  const roleOf = cachedHeaderRole();
  const mapping = options.mapping ?? [];

  for (const sheet of data.sheets) {
    // The add-in's own sheets are output, never input: a re-check must find the same.
    if (isOwnedSheet(sheet)) {
      model.sheets.push({ name: sheet.name, role: "owned" });
      continue;
    }
    if (isDefinitionSheet(sheet.name)) {
      model.sheets.push({ name: sheet.name, role: "definitions" });
      continue;
    }
    const view = new SheetView(sheet);
    const planned =
      plannedFromMapping(view, mapping, model.staleMappings) ??
      findHeaders(view, roleOf, parse).map((header): Planned => ({ header, kind: null, source: "detected" }));
    const read = readSheetTables(view, planned, parse, roleOf);
    if (read.layouts.length === 0) {
      model.skipped.push(sheet.name);
      const skip = skipReason(view, roleOf, parse);
      model.sheets.push(
        skip === null ? { name: sheet.name, role: "skipped" } : { name: sheet.name, role: "skipped", skip },
      );
      continue;
    }
    model.sheets.push({ name: sheet.name, role: "data" });
    for (const e of view.errorCells())
      model.cellErrors.push({ ...e, sheet: sheet.name, cell: view.address(e.row, e.col) });
    append(model.layouts, read.layouts);
    append(model.projectRows, read.projectRows);
    append(model.indicators, read.indicators);
    append(model.goals, read.goals);
    append(fromIndicators, read.fromIndicators);
  }
  model.projects = linkProjects(model.projectRows, fromIndicators, model.indicators);
  return model;
}

import { contentRoles, isLevel1Name, isLevel2Name, isLevelName, isTargetLike, type RoleSources } from "./content-roles";
import { HEADER_SYNONYMS, isAmbiguousOperatorHeader, normalizeHeader, type HeaderRole } from "./header-roles";
import { headerValue, type SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";
import { classify } from "./layouts";
import { placeWeightColumns } from "./weight-columns";

export type { LayoutKind } from "../model/layout-kind";

/** Which column plays which role, as detected (and, later, as corrected by the user). */
export type ColumnMap = Partial<Record<HeaderRole, number>>;

/** A header row as found: its roles, the header texts and where the data starts. */
export type HeaderRow = {
  row: number;
  /** First data row: the row after the header, or after a second header row (3月底 under 资金支出计划). */
  dataRow: number;
  columns: ColumnMap;
  headers: Partial<Record<HeaderRole, string>>;
  /** Columns headed as an operator or a direction; their content decides which is which. */
  operatorCandidates: { col: number; role: "operator" | "direction"; ambiguous: boolean }[];
  /** Roles decided by the cells below rather than the header's words (absent: all by header). */
  sources?: RoleSources;
};

export type RoleOf = (text: string) => HeaderRole | null;

/**
 * Of two name headers the more specific wins: 三级指标 over a 绩效指标(90分) section label merged
 * down the form's left edge (Sichuan's 自评表), whatever their order.
 */
function nameRank(text: string): number {
  const names: readonly string[] = HEADER_SYNONYMS.name;
  const at = names.indexOf(normalizeHeader(text));
  return at < 0 ? names.length : at;
}

/** Roles of one row; the first column of a role wins, operator-like columns are all kept. */
export function rowRoles(view: SheetView, row: number, roleOf: RoleOf): HeaderRow {
  const found: HeaderRow = { row, dataRow: row + 1, columns: {}, headers: {}, operatorCandidates: [] };
  const span = view.rowSpan(row);
  const weights: { col: number; text: string }[] = [];
  for (let c = 0; c < span; c++) {
    if (view.isCovered(row, c)) continue;
    const text = view.headerText(row, c);
    const role = roleOf(text);
    if (role === null) continue;
    // A label merged down beside the grid (the 自评表's 绩效指标 left of 一级指标) names the rows, not a column.
    if ((view.mergeAt(row, c)?.bottom ?? row) > row + 1) continue;
    if (role === "weight") weights.push({ col: c, text });
    if (role === "operator" || role === "direction") {
      found.operatorCandidates.push({ col: c, role, ambiguous: isAmbiguousOperatorHeader(text) });
    }
    if (found.columns[role] === undefined || (role === "name" && nameRank(text) < nameRank(found.headers.name ?? ""))) {
      found.columns[role] = c;
      found.headers[role] = text;
    }
  }
  placeWeightColumns(found, weights);
  return found;
}

/**
 * Joins a second header row (3月底 … under a merged 资金支出计划) when every cell it holds is a
 * header and it adds a role. A role it repeats replaces the upper row's when the upper cell is
 * merged across it (年度指标值 over 计算符号 | 指标值 | 计量单位).
 */
export function withSubHeader(view: SheetView, header: HeaderRow, roleOf: RoleOf): HeaderRow {
  const below = header.row + 1;
  if (below >= view.rowCount) return header;
  const sub = rowRoles(view, below, roleOf);
  let cells = 0;
  const span = view.rowSpan(below);
  for (let c = 0; c < span; c++) {
    if (view.isCovered(below, c) || view.isBlankCell(below, c)) continue;
    cells++;
    if (roleOf(view.headerText(below, c)) === null) return header;
  }
  const added = (Object.keys(sub.columns) as HeaderRole[]).filter((role) => {
    const upper = header.columns[role];
    const col = sub.columns[role];
    if (col === undefined) return false;
    if (upper === undefined) return true;
    const box = view.mergeAt(header.row, upper);
    return upper !== col && box !== null && box.left <= col && col <= box.right;
  });
  if (cells === 0 || added.length === 0) return header;
  const joined: HeaderRow = {
    ...header,
    dataRow: below + 1,
    columns: { ...header.columns },
    headers: { ...header.headers },
    operatorCandidates: [...header.operatorCandidates, ...sub.operatorCandidates],
  };
  for (const role of added) {
    joined.columns[role] = sub.columns[role];
    joined.headers[role] = sub.headers[role];
  }
  return joined;
}

/** A header needs two recognised roles, so a title row holding 项目 alone is not one. */
const MIN_ROLES = 2;

/**
 * A cheap pre-check in one pass over the row: how many of its cells are a role's header (up to
 * MIN_ROLES), and whether one is a level name (产出指标), which marks a data row.
 */
function scanRow(view: SheetView, row: number, roleOf: RoleOf): { hits: number; level: boolean } {
  let hits = 0;
  let level = false;
  const plain = view.plainRow(row);
  if (plain !== null) {
    // No merged areas: the stored cells are what a clerk sees, read without a lookup per cell.
    for (let c = 0; c < plain.length && hits < MIN_ROLES; c++) {
      const text = headerValue(plain[c]?.value);
      if (roleOf(text) !== null) hits++;
      else if (!level) level = isLevelName(text);
    }
    return { hits, level };
  }
  const span = view.rowSpan(row);
  for (let c = 0; c < span && hits < MIN_ROLES; c++) {
    const text = view.headerText(row, c);
    if (roleOf(text) !== null) hits++;
    else if (!level) level = isLevelName(text);
  }
  return { hits, level };
}

/** Header rows whose roles are looked for in the cells below: bounded, so no sheet pays for every row. */
const MAX_CONTENT_TRIES = 24;

/** A row that can head a table: two or more short texts, none of them a target or a level name. */
function looksLikeHeader(view: SheetView, row: number, parse: TargetParser): boolean {
  let texts = 0;
  const span = view.rowSpan(row);
  for (let c = 0; c < span; c++) {
    if (view.isCovered(row, c) || view.isBlankCell(row, c)) continue;
    const text = view.headerText(row, c);
    if (text === "" || isTargetLike(text, parse) || isLevel1Name(text) || isLevel2Name(text)) return false;
    texts++;
  }
  return texts >= 2;
}

/** The header with the roles its cells' content decides added, each marked as decided so. */
function withContentRoles(header: HeaderRow, found: ColumnMap): HeaderRow {
  const roles = Object.keys(found) as HeaderRole[];
  if (roles.length === 0) return header;
  const sources: RoleSources = { ...header.sources };
  for (const role of roles) sources[role] = "content";
  return { ...header, columns: { ...header.columns, ...found }, sources };
}

/**
 * A header found by its words, completed from content: an unnamed column of 产出指标 … is level 1.
 * Project lists are left as they are.
 */
function completed(view: SheetView, header: HeaderRow, parse: TargetParser | undefined): HeaderRow {
  if (parse === undefined || classify(header.columns) === "project-list") return header;
  const found = contentRoles(view, header, parse);
  const levels: ColumnMap = {};
  if (found.level1 !== undefined) levels.level1 = found.level1;
  if (found.level2 !== undefined) levels.level2 = found.level2;
  return withContentRoles(header, levels);
}

/**
 * 指标内容 heads the measure's name in some regions' forms (一级指标 | 二级指标 | 指标内容 | 指标值)
 * and its description in others: with no other name column, it is the name.
 */
function namedByDescription(header: HeaderRow): HeaderRow {
  const { name, goalName, description } = header.columns;
  if (name !== undefined || goalName !== undefined || description === undefined) return header;
  const columns: ColumnMap = { ...header.columns, name: description };
  delete columns.description;
  const headers = { ...header.headers, name: header.headers.description ?? "" };
  delete headers.description;
  return { ...header, columns, headers, sources: { ...header.sources, name: "content" } };
}

/**
 * A header that its words alone do not make a table (预期目标, 当年预期实现值, 指标内容 are in no
 * list), made one by what its columns hold. A table its words do not name needs a target column
 * by content and level names below it, so a workbook that is not a target table yields none.
 */
function byContent(view: SheetView, row: number, roleOf: RoleOf, parse: TargetParser, hits: number): HeaderRow | null {
  const header = namedByDescription(withSubHeader(view, rowRoles(view, row, roleOf), roleOf));
  const found = contentRoles(view, header, parse);
  const joined = withContentRoles(header, found);
  const kind = classify(joined.columns);
  const decided = found.target !== undefined || found.name !== undefined || header.sources?.name === "content";
  if (kind === null || kind === "project-list" || !decided) return null;
  const levels = joined.columns.level1 !== undefined || joined.columns.level2 !== undefined;
  if (hits === 0 && (found.target === undefined || !levels)) return null;
  return joined;
}

/**
 * Every header row of a sheet, top to bottom: tables may be stacked anywhere in it. With a
 * target parser, headers in no list are recognised by their columns' content too.
 */
export function findHeaders(view: SheetView, roleOf: RoleOf, parse?: TargetParser): HeaderRow[] {
  const out: HeaderRow[] = [];
  let tries = 0;
  const mayTry = (row: number): boolean =>
    parse !== undefined && tries < MAX_CONTENT_TRIES && looksLikeHeader(view, row, parse);
  let prev: { row: number; hits: number; level: boolean } | null = null;
  for (let r = 0; r < view.rowCount; r++) {
    const scan = scanRow(view, r, roleOf);
    // A header with no known word shows itself by the row under it, where level names begin.
    if (scan.level && prev !== null && prev.row === r - 1 && prev.hits === 0 && !prev.level && mayTry(prev.row)) {
      tries++;
      const found = byContent(view, prev.row, roleOf, parse as TargetParser, 0);
      if (found !== null) {
        out.push(found);
        r = found.dataRow - 1;
        prev = null;
        continue;
      }
    }
    prev = { row: r, ...scan };
    if (scan.hits >= MIN_ROLES) {
      const header = rowRoles(view, r, roleOf);
      if (Object.keys(header.columns).length >= MIN_ROLES) {
        // The second row may be what makes it a layout (项目编码 | 项目名称 | 资金支出计划 over 3月底 …).
        const joined = withSubHeader(view, header, roleOf);
        if (classify(joined.columns) !== null) {
          const found = completed(view, joined, parse);
          out.push(found);
          r = found.dataRow - 1;
          prev = null;
          continue;
        }
      }
    }
    if (scan.hits === 0 || !mayTry(r)) continue;
    tries++;
    const found = byContent(view, r, roleOf, parse as TargetParser, scan.hits);
    if (found === null) continue;
    out.push(found);
    r = found.dataRow - 1;
    prev = null;
  }
  return out;
}

import { FRAMEWORKS } from "../framework";
import type { ColumnMap, HeaderRow } from "./detect-layout";
import type { HeaderRole } from "./header-roles";
import type { SheetView } from "./sheet-view";
import type { TargetParser } from "./target-cache";

/** How a column's role was decided: by its header's words, or by what its cells hold. */
export type RoleSource = "header" | "content";
export type RoleSources = Partial<Record<HeaderRole, RoleSource>>;

const tidyName = (text: string): string => text.replace(/[\s\u3000]+/g, "");

/** 产出指标, 效益指标 … as either framework names them, and the short forms staff write (产出, 效益). */
const LEVEL1_NAMES: ReadonlySet<string> = new Set(
  Object.values(FRAMEWORKS)
    .flatMap((f) => Object.keys(f))
    .flatMap((name) => [name, name.replace(/指标$/, "")])
    .concat(["效果指标", "效果", "社会公众或服务对象满意度指标"]),
);

/** 数量指标, 社会效益指标 … and their short forms. */
const LEVEL2_NAMES: ReadonlySet<string> = new Set(
  Object.values(FRAMEWORKS)
    .flatMap((f) => Object.values(f).flat())
    .flatMap((name) => [name, name.replace(/指标$/, "")])
    .concat(["环境效益指标", "环境效益", "社会公众或服务对象满意度指标", "满意度指标"]),
);

export const isLevel1Name = (text: string): boolean => LEVEL1_NAMES.has(tidyName(text));
export const isLevel2Name = (text: string): boolean => LEVEL2_NAMES.has(tidyName(text));

/** First characters of every level name: most cells of a long list are ruled out by one lookup. */
const LEVEL_FIRST: ReadonlySet<string> = new Set([...LEVEL1_NAMES, ...LEVEL2_NAMES].map((n) => n.charAt(0)));

/** Either level's name, for a header scan over every row: trimmed short text only. */
export function isLevelName(text: string): boolean {
  if (text === "" || text.length > 16 || !LEVEL_FIRST.has(text.charAt(0))) return false;
  if (LEVEL1_NAMES.has(text) || LEVEL2_NAMES.has(text)) return true;
  return isLevel1Name(text) || isLevel2Name(text);
}

/** A cell that reads as a target: a number with an operator or a unit (≥95%, 100 人次, ≤0.2 万元). */
export function isTargetLike(text: string, parse: TargetParser): boolean {
  if (text === "" || text.length > 40) return false;
  const target = parse(text);
  return target.kind === "quantitative" && (target.operator !== null || target.unit !== null);
}

/** Rows looked at below a header: enough to tell a column's kind, few enough for any sheet. */
const SAMPLE_ROWS = 40;
/** Columns looked at: target tables are narrow, and a stray cell at XFD must not cost a scan. */
const MAX_COLUMNS = 64;
/** Share of a column's filled cells that must agree for its content to decide its role. */
const LEVEL_SHARE = 0.6;
const TARGET_SHARE = 0.4;

type ColumnStats = { col: number; filled: number; level1: number; level2: number; targets: number; text: number };

function columnStats(view: SheetView, header: HeaderRow, parse: TargetParser, endRow: number): ColumnStats[] {
  const last = Math.min(endRow, header.dataRow + SAMPLE_ROWS, view.rowCount);
  let width = Math.min(view.rowSpan(header.row), MAX_COLUMNS);
  for (let r = header.dataRow; r < last; r++) width = Math.max(width, Math.min(view.rowSpan(r), MAX_COLUMNS));
  const stats: ColumnStats[] = [];
  for (let c = 0; c < width; c++) {
    const s: ColumnStats = { col: c, filled: 0, level1: 0, level2: 0, targets: 0, text: 0 };
    for (let r = header.dataRow; r < last; r++) {
      const text = view.probeText(r, c);
      if (text === "") continue;
      s.filled++;
      if (isLevel1Name(text)) s.level1++;
      else if (isLevel2Name(text)) s.level2++;
      else if (isTargetLike(text, parse)) s.targets++;
      else if (!/^[\d.,%\s-]+$/.test(text)) s.text++;
    }
    stats.push(s);
  }
  return stats;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * Completes a header's roles from what the cells below it hold: a column of 产出/效益/满意度
 * names is level 1, of 数量/质量/时效/成本/…效益 names level 2, of target expressions the target,
 * and the text column before the target the indicator's name. A role the header's words gave
 * is kept. Returns the roles decided by content (empty when none).
 */
export function contentRoles(
  view: SheetView,
  header: HeaderRow,
  parse: TargetParser,
  endRow: number = view.rowCount,
): ColumnMap {
  const taken = new Set(Object.values(header.columns));
  for (const candidate of header.operatorCandidates) taken.add(candidate.col);
  // A column gets a role only under a header cell of its own: a label merged over several
  // columns (绩效目标 | its text across the grid's width) heads none of them.
  const headed = (col: number): boolean => {
    if (view.isCovered(header.row, col) || view.headerText(header.row, col) === "") return false;
    const box = view.mergeAt(header.row, col);
    return box === null || box.left === box.right || box.bottom > box.top;
  };
  const free = columnStats(view, header, parse, endRow).filter(
    (s) => !taken.has(s.col) && s.filled >= 2 && headed(s.col),
  );
  const found: ColumnMap = {};
  const claim = (role: HeaderRole, stat: ColumnStats | undefined): void => {
    if (stat === undefined || header.columns[role] !== undefined) return;
    found[role] = stat.col;
    taken.add(stat.col);
  };
  const best = (score: (s: ColumnStats) => number, min: number) =>
    free.filter((s) => !taken.has(s.col) && score(s) >= min).sort((a, b) => score(b) - score(a) || a.col - b.col)[0];
  claim(
    "level1",
    best((s) => share(s.level1, s.filled), LEVEL_SHARE),
  );
  claim(
    "level2",
    best((s) => share(s.level2 + (s.level1 > 0 && s.level2 > 0 ? s.level1 : 0), s.filled), LEVEL_SHARE),
  );
  claim(
    "target",
    best((s) => (s.targets >= 2 ? share(s.targets, s.filled) : 0), TARGET_SHARE),
  );
  const target = header.columns.target ?? found.target;
  if (header.columns.name === undefined && header.columns.goalName === undefined && target !== undefined) {
    // The measure is named left of its target: the nearest column of text there.
    const left = free.filter((s) => !taken.has(s.col) && s.col < target && share(s.text, s.filled) >= LEVEL_SHARE);
    claim("name", left[left.length - 1]);
  }
  return found;
}

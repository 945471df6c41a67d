import { OWNED, isOwnedSheet } from "./owned";
import type { PlannedCell, SheetPlan } from "./model/write-plan";
import { err, ok, type Result } from "./result";
import { cellText, cleanText } from "./sheets/cell-text";
import type { CellData, SheetData, WorkbookData } from "./model/workbook-data";
import { toA1 } from "./sheets/address";
import { toTableMapping, tableMappingSchema, type SheetLayout, type TableMapping } from "./sheets/table-mapping";
import { DEFAULT_SETTINGS, SETTING_KEYS, settingsSchema, type Settings } from "./check-settings";
import { sheetWords } from "./messages/sheet-words";

/**
 * The settings sheet (docs/writing.md): the add-in's hidden sheet that carries the settings and the
 * mapping in the workbook, so the command line and every colleague read the same. Key/value
 * rows under a marker row; a mapping table is one `mapping` row holding JSON.
 *
 *   A1  check-targets:settings v1
 *   A2  键 | 值 | 说明
 *   A3  framework | 2020 | 指标框架 …
 *   …   mapping | {"sheet":"绩效指标","kind":"indicator-list","headerRow":3,…} | 绩效指标 第 3 行
 */
const MARKER = `${OWNED.marker}settings`;
const VERSION = "v1";
const MAPPING_KEY = "mapping";
const HEADER_KEYS = new Set(["键", "key"]);

/** What the sheet says; keys it does not hold are left to the defaults. */
export type StoredSettings = {
  settings: Partial<Settings>;
  mapping: TableMapping[];
  /** The A1 cell of each mapping entry's value, for messages. */
  mappingCells: string[];
  /** The settings sheet's name, or null when the workbook has none. */
  sheet: string | null;
};

/** A settings cell that cannot be used: the default is used for its key. */
export type SettingsIssue = {
  sheet: string;
  cell: string;
  key: string;
  /** invalid, unknown-key, duplicate, bad-json, stale-mapping */
  reason: string;
  detail: string;
};

export type SettingsError = { issues: SettingsIssue[]; fallback: StoredSettings };

const NONE: StoredSettings = { settings: {}, mapping: [], mappingCells: [], sheet: null };

const DESCRIPTIONS: Readonly<Record<keyof Settings, string>> = {
  framework: "指标框架：2020（成本指标在产出指标下）或 2021（成本指标为一级指标）",
  projectCodePattern: "项目编码格式（正则表达式）",
  budgetTolerance: "预算数与财政资金、其他资金之和允许的差额（万元）",
  executionWeight: "预算执行率的分值（10 或 20）",
  mappingThreshold: "指标名称相似度达到此值（0–1）即按指标定义检查，低于此值只提示",
  goalTolerance: "项目指标值与部门整体目标允许的相对偏差（0.05 即 5%）",
  progressTolerance: "完成进度允许落后于时间进度的百分点",
  spendingWarning: "支出进度落后于计划超过此百分点即警告",
  spendingError: "支出进度落后于计划超过此百分点即为错误",
  deviationShare: "完成值超出指标值此比例（0.3 即 30%）也须填写偏差原因",
  reverseScoring: "反向指标超标时的计分：ratio（分值×指标值÷完成值）或 overshoot（分值×(1−超出÷指标值)）",
  gradeAchieved: "定性指标“达成”的得分比例（80–100%）",
  gradePartial: "定性指标“部分达成”的得分比例（60–80%）",
  gradeFailed: "定性指标“未达成”的得分比例（0–60%）",
  fiscalYear: "工作簿所属预算年度，如 2023；auto 为从标题、表名和支出计划日期中识别",
};

const isSettingsSheet = (sheet: SheetData): boolean =>
  isOwnedSheet(sheet) && cellText(sheet.rows[0]?.[0]).startsWith(MARKER);

/** A cell's value as the schema takes it: numbers stay numbers, 2020 typed as a number reads "2020". */
function valueFor(key: keyof Settings, cell: CellData | null | undefined): unknown {
  const v = cell?.value ?? null;
  if (v === null) return undefined;
  const numeric = typeof DEFAULT_SETTINGS[key] === "number";
  if (numeric) {
    if (typeof v === "number") return v;
    const n = Number(String(v).trim());
    return String(v).trim() !== "" && Number.isFinite(n) ? n : v;
  }
  return typeof v === "string" ? v.trim() : String(v);
}

function readMapping(text: string): Result<TableMapping, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    // JSON.parse reports bad input only by throwing; it is the clerk's text, not our bug.
    return err((cause as Error).message);
  }
  const parsed = tableMappingSchema.safeParse(json);
  return parsed.success
    ? ok(parsed.data)
    : err(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
}

/**
 * Reads the settings sheet. Ok when every cell is usable; otherwise the issues, naming their
 * cells, with what is usable as `fallback` (a bad cell's key keeps its default).
 */
export function readSettings(data: WorkbookData): Result<StoredSettings, SettingsError> {
  const sheet = data.sheets.find(isSettingsSheet);
  if (sheet === undefined) return ok(NONE);
  const stored: StoredSettings = { settings: {}, mapping: [], mappingCells: [], sheet: sheet.name };
  const issues: SettingsIssue[] = [];
  const seen = new Set<string>();
  sheet.rows.forEach((row, r) => {
    if (r === 0) return;
    const key = cleanText(cellText(row[0]));
    if (key === "" || HEADER_KEYS.has(key.toLowerCase())) return;
    const cell = toA1(r, 1);
    const issue = (reason: string, detail: string) => issues.push({ sheet: sheet.name, cell, key, reason, detail });
    if (key === MAPPING_KEY) {
      const read = readMapping(cellText(row[1]));
      if (read.ok) {
        stored.mapping.push(read.value);
        stored.mappingCells.push(cell);
      } else issue("bad-json", read.error);
      return;
    }
    if (!(SETTING_KEYS as string[]).includes(key)) return void issue("unknown-key", key);
    const k = key as keyof Settings;
    if (seen.has(k)) return void issue("duplicate", key);
    seen.add(k);
    const value = valueFor(k, row[1]);
    if (value === undefined) return;
    const parsed = settingsSchema.shape[k].safeParse(value);
    if (!parsed.success) return void issue("invalid", `${String(value)}: ${parsed.error.issues[0]?.message ?? ""}`);
    (stored.settings as Record<string, unknown>)[k] = parsed.data;
  });
  return issues.length === 0 ? ok(stored) : err({ issues, fallback: stored });
}

/** The layouts read from a workbook as the mapping to save. */
export const mappingFromLayouts = (layouts: readonly SheetLayout[]): TableMapping[] => layouts.map(toTableMapping);

/**
 * The settings sheet as a plan: the adapters write it whole, hidden, replacing the last one.
 * Every value is written as text or a number, never a formula.
 */
export function planSettingsSheet(settings: Settings, mapping: readonly TableMapping[]): SheetPlan {
  const cells: PlannedCell[] = [];
  const put = (row: number, col: number, value: PlannedCell["value"], bold = false) =>
    cells.push({ row, col, value, ...(bold ? { style: { bold: true } } : {}) });
  const text = (t: string): PlannedCell["value"] => ({ kind: "text", text: t });
  put(0, 0, text(`${MARKER} ${VERSION}`));
  put(0, 1, text("检查目标的设置与表格识别结果，请在“检查目标”任务窗格中修改"));
  ["键", "值", "说明"].forEach((h, c) => put(1, c, text(h), true));
  let row = 2;
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    put(row, 0, text(key));
    put(row, 1, typeof value === "number" ? { kind: "number", value } : text(String(value)));
    put(row, 2, text(DESCRIPTIONS[key]));
    row++;
  }
  for (const entry of mapping) {
    put(row, 0, text(MAPPING_KEY));
    put(row, 1, text(JSON.stringify(entry)));
    put(
      row,
      2,
      text(
        `${entry.sheet} 第 ${entry.headerRow} 行：${sheetWords("zh-CN").layouts[entry.kind]}${entry.source === "corrected" ? "（已更正）" : ""}`,
      ),
    );
    row++;
  }
  return {
    name: OWNED.settingsSheet,
    visibility: "hidden",
    cells,
    merges: [],
    columnWidths: [
      { column: "A", width: 22 },
      { column: "B", width: 60 },
      { column: "C", width: 50 },
    ],
    rowHeights: [],
    page: null,
  };
}

/**
 * Settings in force: the defaults, then the workbook's, then the caller's. The workbook's are
 * validated already; the caller's are typed, so a bad one is a bug and throws.
 */
export function effectiveSettings(stored: Partial<Settings>, given: Partial<Settings> = {}): Settings {
  return settingsSchema.parse({ ...stored, ...given });
}

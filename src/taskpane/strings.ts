import type { Severity, TrafficLight } from "../core";
import type { Locale } from "./locale";

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * 2026-06-30 as "2026年6月30日" or "June 30, 2026" (Intl's long date in each language), read from
 * the text so no time zone shifts it. Written out rather than through Intl.DateTimeFormat, whose
 * first use loads the language's calendar data: some 80 ms of the pane's first render.
 */
const longDate = (locale: Locale, iso: string): string => {
  const [y = "", m = "", d = ""] = iso.split("-");
  const month = Number(m);
  const day = Number(d);
  return locale === "zh-CN" ? `${Number(y)}年${month}月${day}日` : `${MONTHS_EN[month - 1] ?? m} ${day}, ${Number(y)}`;
};

/** The pane's wording, one table per locale. Findings are worded by the core's catalogues. */
export type PaneStrings = {
  title: string;
  intro: string;
  asOf: string;
  asOfInvalid: string;
  /** The as-of date spelled out: the date field shows it in the system's format, which may not be the pane's. */
  asOfLong(iso: string): string;
  check: string;
  checking: string;
  fillTable: string;
  clearFlags: string;
  writing: string;
  summary: string;
  projects: string;
  errors: string;
  warnings: string;
  infos: string;
  /** The summary's light toggles, which filter the findings list by the projects' lights. */
  lightsFilter: string;
  light: Readonly<Record<TrafficLight, string>>;
  /** The self-evaluation score beside a project, once every actual is in; 预计 before the fiscal year ends. */
  score: (points: string, projected?: boolean) => string;
  severity: Readonly<Record<Severity, string>>;
  findings: string;
  noFindings: string;
  filterSeverity: string;
  filterRule: string;
  all: string;
  problems: string;
  otherFindings: string;
  findingsOf: (project: string) => string;
  columnSeverity: string;
  columnCell: string;
  columnIndicator: string;
  columnMessage: string;
  goTo: (sheet: string, cell: string) => string;
  counts: (errors: number, warnings: number) => string;
  mapping: string;
  mappingIntro: string;
  mappingNone: string;
  mappingOf: (sheet: string) => string;
  headerRow: string;
  role: string;
  column: string;
  saveMapping: string;
  mappingChanged: string;
  readOnlyTitle: string;
  protectedTitle: string;
  protectedBody: (sheets: readonly string[]) => string;
  failedTitle: string;
  writeFailedTitle: string;
  flagsWritten: (errors: number, warnings: number) => string;
  tableWritten: (sheet: string) => string;
  flagsCleared: string;
  mappingSaved: string;
  selectFailed: string;
  synonymTitle: string;
  synonymName: string;
  synonymNameIs: (name: string) => string;
  /** The synonym form under the findings list, for the active finding at `cell`. */
  synonymForFinding: (cell: string) => string;
  synonymOf: string;
  synonymPick: string;
  addSynonym: string;
  synonymNoDefinitions: string;
  synonymAdded: (name: string, definition: string) => string;
  synonymPresent: (name: string, definition: string) => string;
  /** A button that shows a sheet the add-in wrote (the findings sheet, the 绩效目标表). */
  openSheet: (sheet: string) => string;
  openFailed: string;
  unexpected: (detail: string) => string;
  idle: string;
  search: string;
  searchPlaceholder: string;
  filterProject: string;
  allProjects: string;
  projectsChosen: (n: number) => string;
  allRules: string;
  remove: string;
  shown: (shown: number, total: number) => string;
  noFindingsAtAll: string;
  findingsListLabel: string;
  groupCounts: (errors: number, warnings: number) => string;
  shownOf: (shown: number) => string;
  noCode: string;
  /** Read before a finding's cell and message, for assistive technology. */
  severityLead: (severity: string) => string;
  stage: {
    reading: string;
    checking: (sheets: number, rows: number) => string;
    writing: (findings: number, rules: number) => string;
  };
  changes: (resolved: number, added: number) => string;
  flagsUnchanged: string;
  failedNext: string;
  stale: string;
  emptyTitle: string;
  emptyBody: string;
  emptyLookedFor: string;
  emptyHeaders: string;
  emptySheets: (sheets: readonly string[]) => string;
  watchFailed: string;
  shortcuts: string;
  columnTwice: (roles: readonly string[]) => string;
  columnTwiceSummary: string;
  addRole: string;
  addRolePlaceholder: string;
  matchesOf: (sheet: string) => string;
  indicatorName: string;
  matchedBy: string;
  /** A match kind's name; kinds come from the matcher, an unknown one shows as it is. */
  matchKind: (kind: string) => string;
  moreNames: (n: number) => string;
};

export const paneStrings: Record<Locale, PaneStrings> = {
  "zh-CN": {
    title: "检查目标",
    intro: "检查本工作簿中的绩效目标，在表格中标出问题，并生成标准的绩效目标表。",
    asOf: "检查日期",
    asOfInvalid: "请输入日期，例如 2026-06-30",
    asOfLong: (iso) => longDate("zh-CN", iso),
    check: "重新检查",
    checking: "正在检查…",
    fillTable: "生成绩效目标表",
    clearFlags: "清除标记",
    writing: "正在写入…",
    summary: "概况",
    projects: "项目",
    errors: "错误",
    warnings: "警告",
    infos: "提示",
    lightsFilter: "按项目灯色筛选问题",
    light: { red: "红灯", amber: "黄灯", green: "绿灯", blue: "蓝灯" },
    score: (points, projected) => `${projected ? "预计" : "自评"} ${points} 分`,
    severity: { error: "错误", warning: "警告", info: "提示" },
    findings: "问题",
    noFindings: "没有符合筛选条件的问题。",
    filterSeverity: "级别",
    filterRule: "规则",
    all: "全部",
    problems: "错误和警告",
    otherFindings: "其他",
    findingsOf: (project) => `“${project}”的问题`,
    columnSeverity: "级别",
    columnCell: "单元格",
    columnIndicator: "指标",
    columnMessage: "说明",
    goTo: (sheet, cell) => `转到 ${sheet}!${cell}`,
    counts: (errors, warnings) => `${errors} 个错误，${warnings} 个警告`,
    mapping: "表格识别",
    mappingIntro:
      "加载项在以下工作表中识别出的表格和各列的作用。如有误，可在此更正并保存到工作簿，同事打开时使用同样的识别结果。",
    mappingNone: "没有识别出任何表格。",
    mappingOf: (sheet) => `工作表“${sheet}”的列`,
    headerRow: "表头所在行",
    role: "作用",
    column: "列",
    saveMapping: "保存识别结果并重新检查",
    mappingChanged: "已更正，尚未保存",
    readOnlyTitle: "只读",
    protectedTitle: "工作表受保护",
    protectedBody: (sheets) =>
      `工作表${sheets.map((s) => `“${s}”`).join("、")}受保护，不能在其中标记问题。撤销保护后请重新检查。`,
    failedTitle: "检查未完成",
    writeFailedTitle: "未能写入",
    flagsWritten: (errors, warnings) => `已在表格中标出 ${errors} 个错误（红色）和 ${warnings} 个警告（黄色）。`,
    tableWritten: (sheet) => `已生成工作表“${sheet}”。`,
    flagsCleared: "已清除本加载项的标记。",
    mappingSaved: "识别结果已保存到工作簿。",
    selectFailed: "无法转到该单元格",
    openSheet: (sheet) => `打开工作表“${sheet}”`,
    synonymTitle: "把指标名称加为同义词",
    synonymName: "未匹配或相似的指标名称",
    synonymNameIs: (name) => `指标名称：“${name}”`,
    synonymForFinding: (cell) => `把 ${cell} 的指标名称加为同义词`,
    synonymOf: "作为此定义的同义词",
    synonymPick: "选择“指标定义”中的定义",
    addSynonym: "写入“指标定义”并重新检查",
    synonymNoDefinitions: "“指标定义”工作表中还没有定义：先在那里添加该指标，再把其他名称加为它的同义词。",
    synonymAdded: (name, definition) => `已在“指标定义”中把“${name}”加为“${definition}”的同义词。`,
    synonymPresent: (name, definition) => `“${name}”已是“${definition}”的名称或同义词，未改动工作簿。`,
    openFailed: "无法打开该工作表",
    unexpected: (detail) => `发生意外错误：${detail}`,
    idle: "正在打开工作簿…",
    search: "搜索问题",
    searchPlaceholder: "搜索单元格、指标、说明",
    filterProject: "项目",
    allProjects: "全部项目",
    projectsChosen: (n) => `已选 ${n} 个项目`,
    allRules: "全部规则",
    remove: "移除",
    shown: (shown, total) => `显示 ${shown} / ${total} 个问题`,
    noFindingsAtAll: "没有发现问题。",
    findingsListLabel: "问题列表",
    groupCounts: (errors, warnings) => `错误 ${errors} · 警告 ${warnings}`,
    shownOf: (shown) => `显示 ${shown} 个`,
    noCode: "无项目编码",
    severityLead: (severity) => `${severity}：`,
    stage: {
      reading: "正在读取工作簿…",
      checking: (sheets, rows) => `正在检查 ${sheets} 个工作表、${rows} 行…`,
      writing: (findings, rules) => `正在写入标记：${findings} 个问题，${rules} 条条件格式…`,
    },
    changes: (resolved, added) => `与上次检查相比：已解决 ${resolved} · 新增 ${added}`,
    flagsUnchanged: "表格中的标记已是最新，未改动工作簿。",
    failedNext: "请按 Esc 退出单元格编辑，再点“重新检查”。如仍失败，请保存并重新打开工作簿。",
    stale: "以下是上次检查的结果，可能已过时。",
    emptyTitle: "没有找到绩效目标表格",
    emptyBody: "本工作簿中没有可检查的表格，因此没有标记问题，也不能生成绩效目标表。",
    emptyLookedFor: "查找的表格：指标清单、项目清单、部门整体目标、绩效目标表（标准格式）。",
    emptyHeaders: "表头需有“项目名称”“三级指标”（或“指标名称”）和“指标值”等列。",
    emptySheets: (sheets) => `已查看的工作表：${sheets.length === 0 ? "无" : sheets.map((s) => `“${s}”`).join("、")}。`,
    watchFailed: "无法跟随 Excel 中的选择",
    columnTwice: (roles) => `与“${roles.join("”“")}”是同一列`,
    columnTwiceSummary: "有列同时担任两种作用，检查可能读错；请为每种作用选择不同的列。",
    addRole: "添加未识别的列",
    addRolePlaceholder: "选择作用",
    matchesOf: (sheet) => `工作表“${sheet}”的指标与指标定义`,
    indicatorName: "指标名称",
    matchedBy: "对应的指标定义",
    matchKind: (kind) =>
      ({ name: "名称相同", synonym: "同义词", fuzzy: "相近", analyser: "分析器", none: "未找到" })[kind] ?? kind,
    moreNames: (n) => `另有 ${n} 个指标名称未列出。`,
    shortcuts: "快捷键：↑↓ 在问题间移动，Enter 转到单元格，F8 / Shift+F8 下一个 / 上一个问题。",
  },
  "en-US": {
    title: "Check Targets",
    intro:
      "Checks the performance targets in this workbook, flags the problems in the sheets and fills the standard target table.",
    asOf: "Check as of",
    asOfInvalid: "Enter a date, e.g. 2026-06-30",
    asOfLong: (iso) => longDate("en-US", iso),
    check: "Check again",
    checking: "Checking…",
    fillTable: "Fill 绩效目标表",
    clearFlags: "Clear flags",
    writing: "Writing…",
    summary: "Summary",
    projects: "Projects",
    errors: "Errors",
    warnings: "Warnings",
    infos: "Notes",
    lightsFilter: "Show the findings of projects by light",
    light: { red: "Red", amber: "Amber", green: "Green", blue: "Blue" },
    score: (points, projected) => `${projected ? "projected" : "self-evaluation"} ${points}`,
    severity: { error: "Error", warning: "Warning", info: "Note" },
    findings: "Findings",
    noFindings: "No finding matches the filters.",
    filterSeverity: "Severity",
    filterRule: "Rule",
    all: "All",
    problems: "Errors and warnings",
    otherFindings: "Other",
    findingsOf: (project) => `Findings for ${project}`,
    columnSeverity: "Severity",
    columnCell: "Cell",
    columnIndicator: "Indicator",
    columnMessage: "What is wrong",
    goTo: (sheet, cell) => `Go to ${sheet}!${cell}`,
    counts: (errors, warnings) => `${errors} errors, ${warnings} warnings`,
    mapping: "Tables found",
    mappingIntro:
      "The tables the add-in recognised and what each column holds. Correct them here and save them in the workbook, so every colleague gets the same.",
    mappingNone: "No table was recognised.",
    mappingOf: (sheet) => `Columns of sheet ${sheet}`,
    headerRow: "Header row",
    role: "Holds",
    column: "Column",
    saveMapping: "Save and check again",
    mappingChanged: "Corrected, not saved yet",
    readOnlyTitle: "Read-only",
    protectedTitle: "Protected sheets",
    protectedBody: (sheets) =>
      `Sheet ${sheets.map((s) => `“${s}”`).join(", ")} is protected, so problems cannot be flagged there. Unprotect it and check again.`,
    failedTitle: "The check did not finish",
    writeFailedTitle: "Nothing was written",
    flagsWritten: (errors, warnings) =>
      `Flagged ${errors} errors (red) and ${warnings} warnings (amber) in the sheets.`,
    tableWritten: (sheet) => `Filled the sheet ${sheet}.`,
    flagsCleared: "Cleared the add-in's flags.",
    mappingSaved: "Saved the tables found in the workbook.",
    selectFailed: "Could not go to that cell",
    openSheet: (sheet) => `Open the sheet ${sheet}`,
    synonymTitle: "Add a name as a synonym",
    synonymName: "Indicator name not matched, or only similar",
    synonymNameIs: (name) => `Indicator name: “${name}”`,
    synonymForFinding: (cell) => `Add the indicator name at ${cell} as a synonym`,
    synonymOf: "As a synonym of the definition",
    synonymPick: "Choose a definition on 指标定义",
    addSynonym: "Write it on 指标定义 and check again",
    synonymNoDefinitions:
      "The 指标定义 sheet has no definition yet: add the indicator there first, then add its other names as synonyms.",
    synonymAdded: (name, definition) => `Added “${name}” on 指标定义 as a synonym of “${definition}”.`,
    synonymPresent: (name, definition) =>
      `“${name}” is already a name or synonym of “${definition}”: the workbook was left unchanged.`,
    openFailed: "Could not open that sheet",
    unexpected: (detail) => `Something unexpected happened: ${detail}`,
    idle: "Opening the workbook…",
    search: "Search findings",
    searchPlaceholder: "Search cells, indicators, text",
    filterProject: "Project",
    allProjects: "All projects",
    projectsChosen: (n) => `${n} project${n === 1 ? "" : "s"} chosen`,
    allRules: "All rules",
    remove: "Remove",
    shown: (shown, total) => `Showing ${shown} of ${total} findings`,
    noFindingsAtAll: "No problems found.",
    findingsListLabel: "Findings",
    groupCounts: (errors, warnings) => `${errors} err · ${warnings} warn`,
    shownOf: (shown) => `${shown} shown`,
    noCode: "no project code",
    severityLead: (severity) => `${severity}: `,
    stage: {
      reading: "Reading the workbook…",
      checking: (sheets, rows) => `Checking ${sheets} sheet${sheets === 1 ? "" : "s"}, ${rows} rows…`,
      writing: (findings, rules) => `Writing the flags: ${findings} problems, ${rules} conditional formats…`,
    },
    changes: (resolved, added) => `Since the last check: ${resolved} resolved · ${added} new`,
    flagsUnchanged: "The flags in the sheets are up to date: the workbook was left unchanged.",
    failedNext:
      "Press Esc to leave cell editing, then choose Check again. If it still fails, save and reopen the workbook.",
    stale: "These are the results of the last check and may be out of date.",
    emptyTitle: "No target table found",
    emptyBody:
      "This workbook has no table the add-in can check, so nothing was flagged and the target table cannot be filled.",
    emptyLookedFor:
      "Looked for: an indicator list, a project list, department goals, or the standard target form (绩效目标表).",
    emptyHeaders: "Headers such as 项目名称, 三级指标 (or 指标名称) and 指标值 are needed.",
    emptySheets: (sheets) => `Sheets looked at: ${sheets.length === 0 ? "none" : sheets.join(", ")}.`,
    watchFailed: "Cannot follow the selection in Excel",
    columnTwice: (roles) => `same column as ${roles.join(", ")}`,
    columnTwiceSummary:
      "A column plays two roles, so the check may read it wrongly: choose a different column for each role.",
    addRole: "Add a column not recognised",
    addRolePlaceholder: "Choose its role",
    matchesOf: (sheet) => `Indicators of sheet ${sheet} and their definitions`,
    indicatorName: "Indicator",
    matchedBy: "Definition matched",
    matchKind: (kind) =>
      ({ name: "same name", synonym: "synonym", fuzzy: "similar", analyser: "analyser", none: "not found" })[kind] ??
      kind,
    moreNames: (n) => `${n} more names not listed.`,
    shortcuts: "Keys: ↑↓ move between findings, Enter goes to the cell, F8 / Shift+F8 next / previous finding.",
  },
};

import { LIGHT_FILL, type Locale } from "../core";
import type { TableCell, TableSheet } from "../xlsx";
import type { FileOutcome } from "./outcome";

/** The traffic light's fill, as the pane and the 绩效目标表 show it. */

const WORDS = {
  "zh-CN": {
    byProject: "按项目",
    byWorkbook: "按工作簿",
    columns: {
      workbook: "工作簿",
      status: "状态",
      code: "项目编码",
      name: "项目名称",
      sheet: "工作表",
      projects: "项目数",
      indicators: "指标数",
      errors: "错误",
      warnings: "警告",
      infos: "提示",
      light: "信号灯",
      score: "自评得分",
      note: "说明",
    },
    checked: "已检查",
    failed: "无法读取",
    noProject: "未找到项目",
    workbookLevel: "（工作簿）",
    workbookNote: "不属于某个项目的发现：指标定义、设置",
    skipped: (names: readonly string[]) => `未找到表格的工作表：${names.join("、")}`,
    light: { red: "红", amber: "黄", green: "绿", blue: "蓝" },
  },
  "en-US": {
    byProject: "By project",
    byWorkbook: "By workbook",
    columns: {
      workbook: "Workbook",
      status: "Status",
      code: "Project code",
      name: "Project name",
      sheet: "Sheet",
      projects: "Projects",
      indicators: "Indicators",
      errors: "Errors",
      warnings: "Warnings",
      infos: "Infos",
      light: "Light",
      score: "Score",
      note: "Note",
    },
    checked: "checked",
    failed: "could not be read",
    noProject: "no project found",
    workbookLevel: "(workbook)",
    workbookNote: "findings of no project: indicator definitions, settings",
    skipped: (names: readonly string[]) => `sheets with no table found: ${names.join(", ")}`,
    light: { red: "red", amber: "amber", green: "green", blue: "blue" },
  },
} as const;

/**
 * The summary workbook of a folder: one row per workbook and project (counts by severity,
 * traffic light, score), a workbook that could not be read as one row with the reason; and one
 * row per workbook.
 */
export function summarySheets(outcomes: readonly FileOutcome[], locale: Locale): TableSheet[] {
  const w = WORDS[locale];
  const c = w.columns;
  const byProject: TableCell[][] = [];
  const byWorkbook: TableCell[][] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      byProject.push([o.file, w.failed, null, null, null, null, null, null, null, null, o.reason]);
      byWorkbook.push([o.file, w.failed, null, null, null, null, null, o.reason]);
      continue;
    }
    const note = o.skipped.length > 0 ? w.skipped(o.skipped) : null;
    for (const p of o.projects) {
      byProject.push([
        o.file,
        w.checked,
        p.code,
        p.name,
        p.sheet,
        p.counts.errors,
        p.counts.warnings,
        p.counts.infos,
        { value: w.light[p.light], fill: LIGHT_FILL[p.light] },
        p.score,
        null,
      ]);
    }
    const { errors, warnings, infos } = o.workbook;
    if (o.projects.length === 0 || errors + warnings + infos > 0) {
      byProject.push([
        o.file,
        o.projects.length === 0 ? w.noProject : w.checked,
        null,
        w.workbookLevel,
        null,
        errors,
        warnings,
        infos,
        null,
        null,
        o.projects.length === 0 ? note : w.workbookNote,
      ]);
    }
    byWorkbook.push([
      o.file,
      o.projects.length === 0 ? w.noProject : w.checked,
      o.summary.projects,
      o.summary.indicators,
      o.summary.errors,
      o.summary.warnings,
      o.summary.infos,
      note,
    ]);
  }
  return [
    {
      name: w.byProject,
      columns: [
        { header: c.workbook, width: 28 },
        { header: c.status, width: 10 },
        { header: c.code, width: 24 },
        { header: c.name, width: 40 },
        { header: c.sheet, width: 14 },
        { header: c.errors, width: 8 },
        { header: c.warnings, width: 8 },
        { header: c.infos, width: 8 },
        { header: c.light, width: 8 },
        { header: c.score, width: 10, numFmt: "0.0" },
        { header: c.note, width: 50 },
      ],
      rows: byProject,
    },
    {
      name: w.byWorkbook,
      columns: [
        { header: c.workbook, width: 28 },
        { header: c.status, width: 10 },
        { header: c.projects, width: 8 },
        { header: c.indicators, width: 8 },
        { header: c.errors, width: 8 },
        { header: c.warnings, width: 8 },
        { header: c.infos, width: 8 },
        { header: c.note, width: 60 },
      ],
      rows: byWorkbook,
    },
  ];
}

import type { Finding, RuleId, Severity } from "../model/finding";
import type { LayoutKind } from "../model/layout-kind";
import type { TrafficLight } from "../model/report";
import { detailReader, type AnyDetail, type Locale } from "./catalogue";

/**
 * The words of the sheets the add-in writes for people to read (the findings sheet, the legend
 * of the 绩效目标表), zh-CN first. Finding messages themselves stay in zh-cn.ts / en-us.ts.
 */
export type SheetWords = {
  findingsTitle: string;
  source: (name: string) => string;
  checkedOn: (date: string) => string;
  asOf: (date: string) => string;
  counts: (c: { errors: number; warnings: number; infos: number; projects: number; indicators: number }) => string;
  legendLabel: string;
  legend: Readonly<Record<"error" | "warning", string>>;
  recheck: string;
  severity: Readonly<Record<Severity, string>>;
  /** What each layout of table is called (the settings sheet's notes, the pane's mapping view). */
  layouts: Readonly<Record<LayoutKind, string>>;
  headers: {
    number: string;
    severity: string;
    code: string;
    project: string;
    indicator: string;
    sheet: string;
    cell: string;
    message: string;
    fix: string;
    rule: string;
  };
  infosTitle: (count: number) => string;
  none: string;
  unlisted: (count: number, limit: number) => string;
  /** A suggested fix, for the rules whose details carry one; null for the others. */
  fix: (rule: RuleId, d: AnyDetail) => string | null;
  /** The 绩效目标表: its legend line and the reference from a marked cell to the findings sheet. */
  table: {
    legend: (findingsSheet: string) => string;
    lights: string;
    reason: string;
    deviationReason: string;
    findingRefs: (numbers: readonly number[]) => string;
    lightReason: Readonly<Record<TrafficLight, string>>;
  };
};

const ZH: SheetWords = {
  findingsTitle: "检查结果",
  source: (name) => `检查的文件：${name}`,
  checkedOn: (date) => `检查日期：${date}`,
  asOf: (date) => `截至日期：${date}`,
  counts: (c) =>
    `错误 ${c.errors} 条，警告 ${c.warnings} 条，提示 ${c.infos} 条；共 ${c.projects} 个项目、${c.indicators} 个指标`,
  legendLabel: "颜色",
  legend: {
    error: "浅红：错误，必须改正（工作表上同样的单元格以浅红标出）",
    warning: "浅黄：警告，请核对（工作表上以浅黄标出）",
  },
  recheck:
    "改正后重新检查：在 Excel 中点“检查目标”任务窗格的“检查”，或运行 check-targets 文件.xlsx --out 新文件.xlsx。本表由“检查目标”生成，每次检查时整表替换，请勿在此填写。",
  severity: { error: "错误", warning: "警告", info: "提示" },
  layouts: {
    "indicator-list": "指标清单",
    "project-list": "项目清单",
    "goal-list": "部门整体目标",
    "standard-form": "绩效目标表（标准格式）",
  },
  headers: {
    number: "序号",
    severity: "类别",
    code: "项目编码",
    project: "项目名称",
    indicator: "指标",
    sheet: "工作表",
    cell: "单元格",
    message: "问题说明",
    fix: "建议改为",
    rule: "规则",
  },
  infosTitle: (count) => `提示（${count} 条，仅供参考，不影响结果）`,
  none: "没有发现错误或警告。",
  unlisted: (count, limit) =>
    `另有 ${count} 条提示未列出（本表最多列 ${limit} 条提示，错误和警告全部列出）；完整内容见“检查目标”任务窗格或 check-targets --json 报告。`,
  fix: (rule, d) => {
    switch (rule) {
      case "target-direction":
        return d("suggested") === "" ? null : `指标值改为“${d("suggested")}”`;
      case "target-goal-mismatch":
        return d("expected") === "" ? null : `指标值改为“${d("expected")}”`;
      case "target-unit":
        return d("expected") === "" ? null : `计量单位用“${d("expected")}”`;
      case "category-misuse":
        return d("expected") === "" ? null : `放在“${d("expected")}”下`;
      case "weights-sum":
        return d("expected") === "" ? null : `分值合计改为 ${d("expected")}`;
      default:
        return null;
    }
  },
  table: {
    legend: (sheet) =>
      `说明：浅红为错误、浅黄为警告；单元格旁“→N”指“${sheet}”表第 N 条。监控灯：红灯有错误，黄灯有警告，绿灯无问题，蓝灯全部指标超额完成。`,
    lights: "监控",
    reason: "原因",
    deviationReason: "偏差原因",
    findingRefs: (numbers) => `→${numbers.join("、")}`,
    lightReason: {
      red: "有错误，见检查结果",
      amber: "有警告，见检查结果",
      green: "未发现问题",
      blue: "全部定量指标超额完成",
    },
  },
};

const EN: SheetWords = {
  findingsTitle: "Check results",
  source: (name) => `Checked file: ${name}`,
  checkedOn: (date) => `Checked on: ${date}`,
  asOf: (date) => `As of: ${date}`,
  counts: (c) =>
    `${c.errors} errors, ${c.warnings} warnings, ${c.infos} notes; ${c.projects} projects, ${c.indicators} indicators`,
  legendLabel: "Key",
  legend: {
    error: "Light red: error, must be corrected (the same cells are light red on the sheets)",
    warning: "Light yellow: warning, please review (light yellow on the sheets)",
  },
  recheck:
    "To check again after correcting: press Check in the Check Targets pane in Excel, or run check-targets file.xlsx --out new.xlsx. Check Targets writes this sheet and replaces it on every check: do not type here.",
  severity: { error: "Error", warning: "Warning", info: "Note" },
  layouts: {
    "indicator-list": "Indicator list",
    "project-list": "Project list",
    "goal-list": "Department goals",
    "standard-form": "Standard target form",
  },
  headers: {
    number: "No.",
    severity: "Severity",
    code: "Project code",
    project: "Project",
    indicator: "Indicator",
    sheet: "Sheet",
    cell: "Cell",
    message: "Message",
    fix: "Suggested fix",
    rule: "Rule",
  },
  infosTitle: (count) => `Notes (${count}, for information only)`,
  none: "No errors or warnings found.",
  unlisted: (count, limit) =>
    `${count} more notes not listed (this sheet lists at most ${limit} notes, and every error and warning); see the Check Targets pane or the check-targets --json report.`,
  fix: (rule, d) => {
    switch (rule) {
      case "target-direction":
        return d("suggested") === "" ? null : `Target: "${d("suggested")}"`;
      case "target-goal-mismatch":
        return d("expected") === "" ? null : `Target: "${d("expected")}"`;
      case "target-unit":
        return d("expected") === "" ? null : `Unit: "${d("expected")}"`;
      case "category-misuse":
        return d("expected") === "" ? null : `Under "${d("expected")}"`;
      case "weights-sum":
        return d("expected") === "" ? null : `Weights adding up to ${d("expected")}`;
      default:
        return null;
    }
  },
  table: {
    legend: (sheet) =>
      `Light red: error; light yellow: warning; "→N" beside a cell: finding N on sheet "${sheet}". Lights: red errors, amber warnings, green none, blue every target beaten.`,
    lights: "Light",
    reason: "Reason",
    deviationReason: "Deviation reason",
    findingRefs: (numbers) => `→${numbers.join(", ")}`,
    lightReason: {
      red: "errors, see the check results",
      amber: "warnings, see the check results",
      green: "no findings",
      blue: "every quantitative target beaten",
    },
  },
};

const WORDS: Readonly<Record<Locale, SheetWords>> = { "zh-CN": ZH, "en-US": EN };

export const sheetWords = (locale: Locale): SheetWords => WORDS[locale];

/** The suggested fix of a finding in `locale`, or null when its rule suggests none. */
export const suggestedFix = (finding: Finding, locale: Locale): string | null =>
  WORDS[locale].fix(finding.rule, detailReader(finding.details));

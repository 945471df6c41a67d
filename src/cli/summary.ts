import { yearPosition, type Locale, type Report, type Severity } from "../core";

type FiscalYear = NonNullable<Report["fiscalYear"]>;
type Source = FiscalYear["source"];

const WHERE: Record<Locale, Record<Source, string>> = {
  "zh-CN": {
    given: "按 --year",
    settings: "按设置表",
    title: "取自标题",
    "sheet-name": "取自工作表名",
    plan: "取自资金支出计划日期",
    "as-of": "工作簿中未写明，按检查日期",
  },
  "en-US": {
    given: "given by --year",
    settings: "from the settings sheet",
    title: "from a title",
    "sheet-name": "from a sheet name",
    plan: "from the spending-plan dates",
    "as-of": "not in the workbook: the as-of date's year",
  },
};

const cellOf = (fy: FiscalYear): string =>
  fy.sheet === null ? "" : fy.cell === null ? fy.sheet : `${fy.sheet}!${fy.cell}`;

type Left = Record<Severity, number>;

const WORDS = {
  "zh-CN": {
    head: (r: Report) =>
      `${r.source}：${r.summary.projects} 个项目，${r.summary.indicators} 个指标 —— 错误 ${r.summary.errors}，警告 ${r.summary.warnings}，提示 ${r.summary.infos}`,
    severity: { error: "错误", warning: "警告", info: "提示" },
    left: (left: Left) => {
      const parts = (["error", "warning", "info"] as const)
        .filter((s) => left[s] > 0)
        .map((s) => `${left[s]} 条${WORDS["zh-CN"].severity[s]}`);
      return `…… 另有 ${parts.join("、")}未列出，完整内容见 --json 报告`;
    },
    skipped: (names: readonly string[]) => `未找到表格的工作表：${names.join("、")}`,
    year: (fy: FiscalYear, asOf: string, over: boolean, elapsed: number) => {
      const at = cellOf(fy);
      const where = `${WHERE["zh-CN"][fy.source]}${at === "" ? "" : `，${at}`}`;
      const when = over ? "该年度已结束，按全年结果判断" : `已过全年的 ${Math.round(elapsed)}%，按进度判断`;
      return `预算年度 ${fy.year}（${where}）；截至 ${asOf}，${when}`;
    },
    sep: "：",
  },
  "en-US": {
    head: (r: Report) =>
      `${r.source}: ${r.summary.projects} projects, ${r.summary.indicators} indicators — ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.infos} infos`,
    severity: { error: "error", warning: "warning", info: "info" },
    left: (left: Left) => {
      const parts = (["error", "warning", "info"] as const)
        .filter((s) => left[s] > 0)
        .map((s) => `${left[s]} ${s === "info" ? "infos" : `${s}s`}`);
      return `… ${parts.join(", ")} not listed; see the --json report`;
    },
    skipped: (names: readonly string[]) => `sheets with no table found: ${names.join(", ")}`,
    year: (fy: FiscalYear, asOf: string, over: boolean, elapsed: number) => {
      const at = cellOf(fy);
      const where = `${WHERE["en-US"][fy.source]}${at === "" ? "" : `, ${at}`}`;
      const when = over
        ? "the year is over: judged on the whole year"
        : `${Math.round(elapsed)}% of the year elapsed: judged on progress`;
      return `Fiscal year ${fy.year} (${where}); as of ${asOf}, ${when}`;
    },
    sep: ": ",
  },
} as const;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The one-line head of a summary: the workbook and its counts. */
export function summaryHead(report: Report, locale: Locale): string {
  return WORDS[locale].head(report);
}

/** The fiscal year and the as-of date the check judged by, and whether the year was over then. */
export function summaryYear(report: Report, locale: Locale): string {
  const fy: FiscalYear = report.fiscalYear ?? {
    year: Number(report.asOf.slice(0, 4)),
    source: "as-of",
    sheet: null,
    cell: null,
  };
  const at = yearPosition(report.asOf, fy.year);
  return WORDS[locale].year(fy, report.asOf, at.yearEnd, at.elapsed);
}

/**
 * The short summary printed on stdout: counts, the fiscal year and as-of date judged, then the first findings one per line, errors
 * first, then warnings, infos last (each in the report's reading order), and how many of each
 * severity were left out. The report itself keeps reading order.
 */
export function formatSummary(report: Report, locale: Locale, maxLines = 30): string {
  const w = WORDS[locale];
  const lines = [w.head(report), `  ${summaryYear(report, locale)}`];
  // Array.prototype.sort is stable: within a severity, the report's order stays.
  const sorted = [...report.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const shown = sorted.slice(0, maxLines);
  for (const f of shown) {
    const where = `${f.sheet}!${f.cell}`;
    const what = [f.project, f.indicator].filter((s) => s !== null && s !== "").join(" · ");
    lines.push(`  ${w.severity[f.severity]}  ${where}  ${what}${w.sep}${f.message}`);
  }
  const left: Left = { error: 0, warning: 0, info: 0 };
  for (const f of sorted.slice(maxLines)) left[f.severity]++;
  if (left.error + left.warning + left.info > 0) lines.push(`  ${w.left(left)}`);
  const skipped = report.skipped ?? [];
  if (skipped.length > 0) lines.push(`  ${w.skipped(skipped)}`);
  return lines.join("\n");
}

import type { Locale, Report } from "../core";

const WORDS = {
  "zh-CN": {
    head: (r: Report) =>
      `${r.source}：${r.summary.projects} 个项目，${r.summary.indicators} 个指标 —— 错误 ${r.summary.errors}，警告 ${r.summary.warnings}，提示 ${r.summary.infos}`,
    severity: { error: "错误", warning: "警告", info: "提示" },
    more: (n: number) => `…… 另有 ${n} 条，完整内容见 --json 报告`,
    sep: "：",
  },
  "en-US": {
    head: (r: Report) =>
      `${r.source}: ${r.summary.projects} projects, ${r.summary.indicators} indicators — ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.infos} infos`,
    severity: { error: "error", warning: "warning", info: "info" },
    more: (n: number) => `… ${n} more; see the --json report`,
    sep: ": ",
  },
} as const;

/** The short summary printed on stdout: counts, then the first findings one per line. */
export function formatSummary(report: Report, locale: Locale, maxLines = 30): string {
  const w = WORDS[locale];
  const lines = [w.head(report)];
  for (const f of report.findings.slice(0, maxLines)) {
    const where = `${f.sheet}!${f.cell}`;
    const what = [f.project, f.indicator].filter((s) => s !== null && s !== "").join(" · ");
    lines.push(`  ${w.severity[f.severity]}  ${where}  ${what}${w.sep}${f.message}`);
  }
  if (report.findings.length > maxLines) lines.push(`  ${w.more(report.findings.length - maxLines)}`);
  return lines.join("\n");
}

import type { ReportFiscalYear } from "../../core";
import type { Locale } from "../locale";

/** The fiscal-year field's wording, kept beside it so the pane's own strings stay untouched. */
export type FiscalYearText = {
  label: string;
  placeholder: string;
  invalid: string;
  /** What the last check judged, and where the year came from. */
  judged(fy: ReportFiscalYear): string;
};

const WHERE_ZH: Readonly<Record<ReportFiscalYear["source"], string>> = {
  given: "按此处填写",
  settings: "按设置表",
  title: "从标题识别",
  "sheet-name": "从工作表名识别",
  plan: "从资金支出计划日期识别",
  "as-of": "未在工作簿中找到，按检查日期",
};
const WHERE_EN: Readonly<Record<ReportFiscalYear["source"], string>> = {
  given: "as entered here",
  settings: "from the settings sheet",
  title: "from a title",
  "sheet-name": "from a sheet name",
  plan: "from the spending-plan dates",
  "as-of": "none in the workbook: the check date's year",
};

const at = (fy: ReportFiscalYear): string =>
  fy.sheet === null ? "" : fy.cell === null ? `（${fy.sheet}）` : `（${fy.sheet}!${fy.cell}）`;

export const fiscalYearText: Readonly<Record<Locale, FiscalYearText>> = {
  "zh-CN": {
    label: "预算年度",
    placeholder: "自动识别",
    invalid: "请填写四位年份，例如 2023，或留空自动识别",
    judged: (fy) => `按 ${fy.year} 年度检查：${WHERE_ZH[fy.source]}${at(fy)}`,
  },
  "en-US": {
    label: "Fiscal year",
    placeholder: "Found in the workbook",
    invalid: "Enter a four-digit year such as 2023, or leave it empty to find it",
    judged: (fy) =>
      `Checked as fiscal year ${fy.year}: ${WHERE_EN[fy.source]}${at(fy).replace("（", " (").replace("）", ")")}`,
  },
};

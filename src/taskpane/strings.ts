import type { Locale } from "./locale";

/** The placeholder pane's wording, one table per locale. */
export type PaneStrings = {
  title: string;
  intro: string;
  comingTitle: string;
  comingBody: string;
  checkButton: string;
};

export const paneStrings: Record<Locale, PaneStrings> = {
  "zh-CN": {
    title: "检查目标",
    intro:
      "读取本工作簿中现有的表格，将每一行对应到指标定义，检查绩效目标和完成值，在表格中标出问题，并生成标准的绩效目标表。",
    comingTitle: "即将推出",
    comingBody: "检查功能正在开发中，此版本还不能检查工作簿。",
    checkButton: "检查目标",
  },
  "en-US": {
    title: "Check Targets",
    intro:
      "Reads the sheets in this workbook, matches each row to an indicator definition, checks the performance targets and actual values, flags the problems in the sheets and fills the standard target table (绩效目标表).",
    comingTitle: "Coming soon",
    comingBody: "The checker is still being built; this version cannot check a workbook yet.",
    checkButton: "Check targets",
  },
};

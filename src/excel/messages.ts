/** What the adapter tells the user, in the pane's two languages. */
export type AdapterLocale = "zh-CN" | "en-US";

const quoteZh = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");
const quoteEn = (names: readonly string[]) => names.map((n) => `“${n}”`).join(", ");

/** A sheet whose used range is too large to read, and that range ("A1:XFD1048576"). */
export type LargeSheet = { sheet: string; area: string };

const largeZh = (sheets: readonly LargeSheet[]) => sheets.map((s) => `“${s.sheet}”（${s.area}）`).join("、");
const largeEn = (sheets: readonly LargeSheet[]) => sheets.map((s) => `“${s.sheet}” (${s.area})`).join(", ");

export type AdapterMessages = {
  readOnly: string;
  protectedSheets: (sheets: readonly string[]) => string;
  protectedStructure: string;
  refused: string;
  notOwned: (sheet: string) => string;
  changed: string;
  /** A staff cell the pane was about to edit holds something else than at the check. */
  cellChanged: (cell: string) => string;
  multiArea: string;
  unsupported: string;
  sheetsTooLarge: (sheets: readonly LargeSheet[]) => string;
  readTooLarge: (detail: string) => string;
  failed: (detail: string) => string;
  writeFailed: (detail: string) => string;
};

export const ADAPTER_MESSAGES: Readonly<Record<AdapterLocale, AdapterMessages>> = {
  "zh-CN": {
    readOnly:
      "此工作簿以只读方式打开（可能有同事正在网络盘上使用这个文件），只显示检查结果，不写入工作簿。请在能够编辑时再标记问题或生成绩效目标表。",
    protectedSheets: (sheets) => `工作表${quoteZh(sheets)}受保护，未写入任何内容。请撤销工作表保护后重试。`,
    protectedStructure: "工作簿结构受保护，不能添加或删除工作表，未写入任何内容。请撤销工作簿保护后重试。",
    refused:
      "Excel 拒绝写入，未写入任何内容。工作簿可能处于旧版“共享工作簿”模式（“审阅”>“共享工作簿(旧版)”）或受保护：请取消共享或保护后重试。",
    notOwned: (sheet) =>
      `已有一个名为“${sheet}”的工作表，它不是本加载项生成的，未覆盖，也未写入任何内容。请重命名该工作表后重试。`,
    changed: "检查之后工作簿的工作表有变化，未写入任何内容。请重新检查。",
    cellChanged: (cell) => `单元格 ${cell} 在检查之后被修改过，未写入任何内容。请重新检查后再试。`,
    multiArea: "此版本的 Excel 不能把一条条件格式规则用于多个不相邻的区域（需要 ExcelApi 1.9），未写入任何内容。",
    unsupported:
      "此版本的 Excel 不支持本加载项需要的功能。需要：Windows 上的 Microsoft 365 或 Office 2021 及更高版本（并安装 Microsoft Edge WebView2 运行时）、Mac 版 Office，或网页版 Excel。",
    sheetsTooLarge: (sheets) =>
      `工作表${largeZh(sheets)}的已用区域太大，此版本的 Excel（不支持 ExcelApi 1.9）无法读取，未检查任何内容。` +
      "通常是远离数据的单元格（例如 XFD1048576）里有多余的内容：请按 Ctrl+End 找到并删除它，保存后重新检查；或在 Microsoft 365 或网页版 Excel 中检查。",
    readTooLarge: (detail) =>
      `数据太多，Excel 拒绝一次读取（${detail}），未检查任何内容。请删除远离数据的多余内容后重试；数据确实很多时，请在桌面版 Excel 中或用命令行 check-targets 检查。`,
    failed: (detail) => `Excel 未能完成操作：${detail}`,
    writeFailed: (detail) =>
      `Excel 在写入时中止：${detail}。可能已写入一部分，请重新检查，检查会替换本加载项写入的内容。`,
  },
  "en-US": {
    readOnly:
      "This workbook is open read-only (perhaps a colleague has the file on the network drive open): the findings are shown, but nothing is written to the workbook. Flag the problems or fill the table when you can edit it.",
    protectedSheets: (sheets) =>
      `Sheet ${quoteEn(sheets)} is protected; nothing was written. Unprotect it and try again.`,
    protectedStructure:
      "The workbook's structure is protected, so sheets cannot be added or deleted; nothing was written. Unprotect the workbook and try again.",
    refused:
      "Excel refused to write; nothing was written. The workbook may be in the legacy shared-workbook mode (Review > Share Workbook (Legacy)) or protected: stop sharing or unprotect it and try again.",
    notOwned: (sheet) =>
      `A sheet named “${sheet}” exists that Check Targets did not create; it was left as it is and nothing was written. Rename it and try again.`,
    changed: "The workbook's sheets changed since the check; nothing was written. Check again.",
    cellChanged: (cell) => `Cell ${cell} was changed since the check; nothing was written. Check again, then retry.`,
    multiArea:
      "This version of Excel cannot apply one conditional-format rule to separate areas (ExcelApi 1.9); nothing was written.",
    unsupported:
      "This version of Excel lacks what the add-in needs. It needs Microsoft 365 or Office 2021 or later on Windows (with the Microsoft Edge WebView2 runtime), Office on a Mac, or Excel on the web.",
    sheetsTooLarge: (sheets) =>
      `The used range of sheet ${largeEn(sheets)} is too large for this version of Excel to read (it lacks ExcelApi 1.9); nothing was checked. ` +
      "Usually a stray value far from the data (in XFD1048576, say) causes this: press Ctrl+End to find it, delete it, save and check again; or check in Microsoft 365 or Excel on the web.",
    readTooLarge: (detail) =>
      `Excel refused to read this much data at once (${detail}); nothing was checked. Delete stray values far from the data and try again; if the data really is this large, check it in Excel on the desktop or with the check-targets command line.`,
    failed: (detail) => `Excel could not complete the operation: ${detail}`,
    writeFailed: (detail) =>
      `Excel stopped while writing: ${detail}. Part of it may have been written; check again, which replaces what the add-in wrote.`,
  },
};

import type { DetectedFile, LargeSheet } from "../model/workbook-problem";
import type { ProblemCatalogue } from "./catalogue";

/*
 * Apart from the findings' catalogue (zh-cn.ts): the pane words these on its main thread, where
 * the findings (worded in the checking worker) are not needed.
 */

const quoteZh = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");
const largeZh = (sheets: readonly LargeSheet[]) => sheets.map((s) => `“${s.sheet}”（${s.area}）`).join("、");
const SAVE_AS_XLSX = "请用 Excel（或 WPS）打开它，另存为 .xlsx 工作簿后再检查";

/** What a file that is not an .xlsx workbook was found to be, after its path. */
const NOT_A_WORKBOOK: Readonly<Record<DetectedFile, string>> = {
  empty: "不是 .xlsx 工作簿：文件是空的",
  csv: `不是 .xlsx 工作簿，而是文本（CSV）文件；${SAVE_AS_XLSX}`,
  tsv: `不是 .xlsx 工作簿，而是文本（TSV）文件；${SAVE_AS_XLSX}`,
  txt: `不是 .xlsx 工作簿，而是文本（TXT）文件；${SAVE_AS_XLSX}`,
  text: `不是 .xlsx 工作簿，而是文本文件（CSV、HTML 或 XML？）；${SAVE_AS_XLSX}`,
  xls: `是旧版 .xls 工作簿；${SAVE_AS_XLSX}`,
  et: `是 WPS 表格的 .et 工作簿；${SAVE_AS_XLSX}`,
  ods: `是 OpenDocument（.ods）文件，不是 .xlsx 工作簿；${SAVE_AS_XLSX}`,
  xlsb: `是二进制的 .xlsb 工作簿，不是 .xlsx；${SAVE_AS_XLSX}`,
  numbers: "是苹果 Numbers 文件，不是 .xlsx 工作簿；请在 Numbers 中导出为 .xlsx（“文件”>“导出为”>“Excel”）后再检查",
  "no-worksheet": "不是 .xlsx 工作簿：文件中没有工作表",
  unknown: "不是 .xlsx 工作簿",
};

/** The workbook problems (model/workbook-problem.ts), worded for the pane and the command line. */
export const zhCNProblems: ProblemCatalogue = {
  "read-only": () =>
    "此工作簿以只读方式打开（可能有同事正在网络盘上使用这个文件），只显示检查结果，不写入工作簿。请在能够编辑时再标记问题或生成绩效目标表。",
  "protected-sheets": ({ sheets }) => `工作表${quoteZh(sheets)}受保护，未写入任何内容。请撤销工作表保护后重试。`,
  "protected-structure": () => "工作簿结构受保护，不能添加或删除工作表，未写入任何内容。请撤销工作簿保护后重试。",
  "write-refused": () =>
    "Excel 拒绝写入，未写入任何内容。工作簿可能处于旧版“共享工作簿”模式（“审阅”>“共享工作簿(旧版)”）或受保护：请取消共享或保护后重试。",
  "not-owned": ({ sheet }) =>
    `已有一个名为“${sheet}”的工作表，它不是本加载项生成的，未覆盖，也未写入任何内容。请重命名该工作表后重试。`,
  "sheets-changed": () => "检查之后工作簿的工作表有变化，未写入任何内容。请重新检查。",
  "cell-changed": ({ cell }) => `单元格 ${cell} 在检查之后被修改过，未写入任何内容。请重新检查后再试。`,
  "multi-area": () =>
    "此版本的 Excel 不能把一条条件格式规则用于多个不相邻的区域（需要 ExcelApi 1.9），未写入任何内容。",
  "unsupported-host": () =>
    "此版本的 Excel 不支持本加载项需要的功能。需要：Windows 上的 Microsoft 365 或 Office 2021 及更高版本（并安装 Microsoft Edge WebView2 运行时）、Mac 版 Office，或网页版 Excel。",
  "sheets-too-large": ({ sheets }) =>
    `工作表${largeZh(sheets)}的已用区域太大，此版本的 Excel（不支持 ExcelApi 1.9）无法读取，未检查任何内容。` +
    "通常是远离数据的单元格（例如 XFD1048576）里有多余的内容：请按 Ctrl+End 找到并删除它，保存后重新检查；或在 Microsoft 365 或网页版 Excel 中检查。",
  "read-too-large": ({ detail }) =>
    `数据太多，Excel 拒绝一次读取（${detail}），未检查任何内容。请删除远离数据的多余内容后重试；数据确实很多时，请在桌面版 Excel 中或用命令行 check-targets 检查。`,
  "host-failed": ({ detail }) => `Excel 未能完成操作：${detail}`,
  "write-failed": ({ detail }) =>
    `Excel 在写入时中止：${detail}。可能已写入一部分，请重新检查，检查会替换本加载项写入的内容。`,
  "file-not-found": ({ path }) => `${path}：找不到该文件`,
  "file-is-folder": ({ path }) => `${path}：这是一个文件夹，不是工作簿文件`,
  "file-unreadable": ({ path, code }) => `${path}：无法读取该文件（${code ?? "原因不明"}）`,
  encrypted: ({ path }) => `${path}：工作簿设有打开密码（已加密），无法读取；请另存一份不带密码的副本后再检查`,
  "not-a-workbook": ({ path, detected }) => `${path}：${NOT_A_WORKBOOK[detected]}`,
  "too-large": ({ path, detail }) => `${path}：工作簿太大，无法安全读取（${detail}）`,
  "declares-entities": ({ path, part }) =>
    `${path}：工作簿已损坏或不安全（${part} 声明了 XML 实体，Excel 从不写入这种内容）`,
  damaged: ({ path, detail }) => `${path}：工作簿已损坏或不完整（${detail}）`,
  "copy-damaged": ({ path, detail }) => `${path}：文件已损坏（${detail}）；已完成检查，但无法生成检查后的副本`,
  "utf16-part": ({ part }) => `${part}：该部件以 UTF-16 编码保存，无法在检查后的副本中修改，未生成副本`,
  "part-missing": ({ part }) => `工作簿文件缺少部件 ${part}，无法生成检查后的副本`,
  "no-workbook-part": () => "工作簿文件中找不到工作簿部件，无法生成检查后的副本",
  "copy-not-owned": ({ sheet }) =>
    `工作表“${sheet}”是工作簿原有的，不是“检查目标”生成的，已原样保留，未生成检查后的副本；请重命名该工作表后重试`,
  "overwrite-input": ({ path }) => `${path}：这是被检查的工作簿本身，不会覆盖它；请用 --out 另指定一个文件`,
  "out-kind": ({ path, expected }) =>
    `${path}：检查后的副本与原工作簿同为 ${expected} 工作簿；请把文件名改为以 ${expected} 结尾`,
};

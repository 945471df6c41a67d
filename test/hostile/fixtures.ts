import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generatedWorkbook } from "../../bench/generated-workbook";
import { mergeDisjoint } from "../support/exceljs";
import { assertLibreOffice, SOFFICE } from "../support/libreoffice";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook, DEFINITION_HEADER } from "../support/seed-workbook";
import { rawWorkbook, x14Workbook } from "./ooxml";

/**
 * Hostile inputs (issue 7), each built in code: what clerks' workbooks hold after years of
 * copying, pasting and saving, and the files that are not .xlsx workbooks at all.
 */

const run = promisify(execFile);
const seed = loadSeed();

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

/** A 1×1 PNG, the smallest picture a sheet can hold. */
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Excel's limit for the text of one cell. */
export const MAX_CELL = 32_767;

export type Fixture = { name: string; file: string; bytes: Buffer };

/** Workbooks the checker must read, check and write a copy of. */
export const READABLE: Record<string, () => Promise<Buffer>> = {
  /** A new workbook as Excel saves it: one empty sheet. */
  async empty() {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    return await bytesOf(wb);
  },

  /** The sample, and a sheet that holds nothing but a picture. */
  async images() {
    const wb = buildSampleWorkbook(seed);
    const ws = wb.addWorksheet("图片");
    ws.addImage(wb.addImage({ buffer: PIXEL as unknown as ExcelJS.Buffer, extension: "png" }), "B2:D6");
    return await bytesOf(wb);
  },

  /** An indicator list and, beside it, a sheet of numbers with a chart drawn over it (raw OOXML). */
  async charts() {
    return await rawWorkbook({
      sheets: [
        {
          name: "绩效指标",
          rows: [
            ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            ["隔离点", "产出指标", "数量指标", "征用医用隔离点", "≥5家"],
          ],
        },
        { name: "图表", rows: [["分值"], [30], [20], [50]], chart: true },
      ],
    });
  },

  /** The sample with one stray value in the last cell of the sheet: the used range is A1:XFD1048576. */
  async stray() {
    const wb = buildSampleWorkbook(seed);
    wb.getWorksheet("绩效指标")!.getCell("XFD1048576").value = "备注";
    return await bytesOf(wb);
  },

  /** A list with 5,000 merged areas. */
  async merges() {
    return await bytesOf(mergedList(true));
  },

  /** 32,767 characters in a target, a name, a description and a project name. */
  async "long-cells"() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标");
    ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"]);
    const long = (unit: string) => unit.repeat(Math.ceil(MAX_CELL / unit.length)).slice(0, MAX_CELL);
    ws.addRow(["隔离点", "产出指标", "数量指标", "征用隔离点", long("说明"), `≥${long("8").slice(1)}`]);
    ws.addRow(["隔离点", "产出指标", "质量指标", long("隔离"), "描述", long("按时拨付")]);
    ws.addRow([long("项目"), "产出指标", "时效指标", "完成时限", "描述", long("≥8O%")]);
    ws.addRow(["隔离点", "满意度指标", "服务对象满意度指标", "群众满意度", "描述", `≥80%${" ".repeat(MAX_CELL - 4)}`]);
    return await bytesOf(wb);
  },

  /** Formulas whose cached values are errors, in targets, levels and budgets. */
  async "cached-errors"() {
    const wb = new ExcelJS.Workbook();
    const projects = wb.addWorksheet("项目");
    projects.addRow(["项目编码", "项目名称", "预算数", "财政资金", "其他资金", "3月底", "6月底", "10月底", "12月底"]);
    projects.addRow([
      "13020823P00925610020B",
      "隔离点",
      { formula: "D2+E2+#REF!", result: { error: "#REF!" } },
      { formula: "1/0", result: { error: "#DIV/0!" } },
      0,
      25,
      { formula: "VLOOKUP(A2,进度!A:B,2,0)", result: { error: "#N/A" } },
      75,
      100,
    ]);
    const ws = wb.addWorksheet("指标");
    ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"]);
    const errors = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"] as const;
    errors.forEach((error, i) =>
      ws.addRow([
        "隔离点",
        i === 0 ? { formula: "VLOOKUP(A2,字典!A:B,2,0)", result: { error: "#N/A" } } : "产出指标",
        "数量指标",
        `指标${i + 1}`,
        { formula: `VLOOKUP(D${i + 2},目标!A:B,2,0)`, result: { error } },
        i === 1 ? { formula: "完成!B3/完成!C3", result: { error: "#DIV/0!" } } : null,
      ]),
    );
    return await bytesOf(wb);
  },

  /** Dates typed or pasted where numbers belong: a budget, a plan, a target. */
  async "dates-for-numbers"() {
    const wb = new ExcelJS.Workbook();
    const projects = wb.addWorksheet("项目");
    projects.addRow(["项目编码", "项目名称", "预算数", "财政资金", "其他资金", "3月底", "6月底", "10月底", "12月底"]);
    const row = projects.addRow([
      "13020823P00925610020B",
      "隔离点",
      new Date(Date.UTC(2021, 2, 12)),
      72.02,
      0,
      new Date(Date.UTC(1900, 0, 25)),
      50,
      75,
      100,
    ]);
    row.getCell(3).numFmt = "yyyy-mm-dd";
    row.getCell(6).numFmt = "yyyy-mm-dd";
    const ws = wb.addWorksheet("指标");
    ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]);
    ws.addRow(["隔离点", "产出指标", "数量指标", "征用隔离点", new Date(Date.UTC(2021, 5, 30))]).getCell(5).numFmt =
      "yyyy-mm-dd";
    ws.addRow(["隔离点", "产出指标", "时效指标", "完成时限", "≥5家"]);
    return await bytesOf(wb);
  },

  /** Numbers stored as text: budgets, funds, plan percentages, a target without operator or unit. */
  async "numbers-as-text"() {
    const wb = new ExcelJS.Workbook();
    const projects = wb.addWorksheet("项目");
    projects.addRow([
      "项目编码",
      "项目名称",
      "预算数（万元）",
      "财政资金",
      "其他资金",
      "3月底",
      "6月底",
      "10月底",
      "12月底",
    ]);
    projects.addRow(["13020823P00925610020B", "隔离点", "72.02", "７０", " 2.02", "25%", "50%", "75%", "100%"]);
    projects.addRow(["13020823P00925610030B", "空调", "1,281.02", "1281.02", "0", "0.25", "0.5", "0.75", "1"]);
    const ws = wb.addWorksheet("指标");
    ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]);
    ws.addRow(["隔离点", "产出指标", "数量指标", "征用隔离点", "5"]);
    ws.addRow(["空调", "产出指标", "数量指标", "采购空调", "80"]);
    return await bytesOf(wb);
  },

  /** The sample with its indicator list hidden and its project list very hidden. */
  async "hidden-sheets"() {
    const wb = buildSampleWorkbook(seed);
    wb.getWorksheet("绩效指标")!.state = "hidden";
    wb.getWorksheet("项目清单")!.state = "veryHidden";
    return await bytesOf(wb);
  },

  /** The sample and a staff sheet named 绩效目标表, the name of the table the checker writes. */
  async "named-like-ours"() {
    const wb = buildSampleWorkbook(seed);
    const ws = wb.addWorksheet("绩效目标表");
    ws.addRow(["本表由财务科填写，请勿改动"]);
    ws.addRow(["2021年绩效目标汇总", null, 3]);
    return await bytesOf(wb);
  },

  /** Excel-made conditional formats in the x14 extension (raw OOXML, see ooxml.ts). */
  async x14() {
    return await x14Workbook();
  },

  /** A malformed 指标定义 sheet: every kind of unusable row. */
  async "malformed-definitions"() {
    const wb = buildSampleWorkbook(seed, { definitions: false });
    const ws = wb.addWorksheet("指标定义");
    ws.addRow(["各科室自定义的指标，请按格式填写"]);
    ws.addRow(DEFINITION_HEADER);
    const rows: (string | number | null | ExcelJS.CellValue)[][] = [
      ["D-01", null, "征用隔离点", "产出指标", "数量指标", "家", "正向", 1, null, "是", "", "名称空着"],
      ["D-02", "隔离点租金", "", "产出指标", "成本指标", "元元/", "反向", 0, null, "是", "", "单位读不出"],
      ["D-03", "空调单价", "", "产出", "成本指标", "元", "反向", 0, null, "是", "", "一级指标不在框架里"],
      ["D-04", "采购电器费用", "", "产出指标", "成本指标", "元", "向上", 0, null, "是", "", "方向读不出"],
      ["D-05", "出访团组个数", "", "产出指标", "数量指标", "个", "正向", 100, 0, "是", "", "最小值大于最大值"],
      ["D-06", "出访团组个数", "", "产出指标", "数量指标", "个", "正向", 0, null, "是", "", "重名"],
      ["D-07", "行政检查", "", "产出指标", "数量指标", "人次", "正向", "很多", null, "是", "", "最小值不是数"],
      ["D-08", "购置设备", "", "产出指标", "成本指标", "元", "反向", 0, null, "也许", "", "是否定量读不出"],
      [
        "D-09",
        "市场建设",
        "",
        "效益指标",
        "社会效益指标",
        { formula: "字典!B2", result: { error: "#REF!" } },
        "正向",
        null,
        null,
        "否",
        "",
        "单位是错误值",
      ],
      [
        "D-10",
        "签约项目个数",
        "同".repeat(MAX_CELL),
        "产出指标",
        "数量指标",
        "个",
        "正向",
        0,
        null,
        "是",
        "",
        "同义词极长",
      ],
      [12345, 67890, null, null, null, null, null, null, null, null, null, "名称是数字"],
    ];
    for (const row of rows) ws.addRow(row);
    ws.mergeCells("L3:L4");
    return await bytesOf(wb);
  },

  /** A 指标定义 sheet without its header: notes and numbers only. */
  async "definitions-without-header"() {
    const wb = buildSampleWorkbook(seed, { definitions: false });
    const ws = wb.addWorksheet("指标定义");
    ws.addRow(["随便写的说明"]);
    ws.addRow([1, 2, 3]);
    return await bytesOf(wb);
  },
};

/**
 * A list of 5,000 rows whose 指标值确定依据 cell is merged, row by row, with the blank cell to
 * its right: 5,000 merged areas, as a table pasted from Word has. Without `merged`, the same list
 * unmerged.
 */
export function mergedList(merged: boolean): ExcelJS.Workbook {
  const wb = generatedWorkbook(seed, 5_000);
  if (!merged) return wb;
  const ws = wb.getWorksheet("绩效指标")!;
  mergeDisjoint(
    ws,
    Array.from({ length: 5_000 }, (_, i) => `H${i + 2}:I${i + 2}`),
  );
  return wb;
}

/** An .xlsm: the x14-free indicator list with a macro part. */
export async function xlsmWorkbook(): Promise<Buffer> {
  return await rawWorkbook({
    macros: true,
    sheets: [
      {
        name: "绩效指标",
        rows: [
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
          ["隔离点", "产出指标", "数量指标", "征用医用隔离点", "≥5家"],
          ["隔离点", "产出指标", "质量指标", "隔离率", "≥8O%"],
        ],
      },
    ],
  });
}

/** Files that are not workbooks the checker can read: each must end in one clear line, exit 2. */
export const UNREADABLE_BUILT: Record<string, { ext: string; build: () => Promise<Buffer>; message: RegExp }> = {
  csv: {
    ext: ".csv",
    build: () => Promise.resolve(Buffer.from("项目编码,项目名称,预算数\n13020823P00925610020B,隔离点,72.02\n", "utf8")),
    message: /not an \.xlsx workbook but a text \(CSV\) file; open it in Excel \(or WPS\) and save it as \.xlsx/,
  },
  "csv-named-xlsx": {
    ext: ".xlsx",
    build: () => Promise.resolve(Buffer.from("项目编码\t项目名称\n", "utf8")),
    message: /not an \.xlsx workbook but a text file/,
  },
  empty: { ext: ".xlsx", build: () => Promise.resolve(Buffer.alloc(0)), message: /the file is empty/ },
  "no-sheets": {
    ext: ".xlsx",
    build: async () => Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()),
    message: /holds no worksheet/,
  },
  "word-document": {
    ext: ".xlsx",
    build: async () => {
      const zip = new JSZip();
      zip.file("[Content_Types].xml", "<Types/>");
      zip.file("word/document.xml", "<w:document/>");
      return await zip.generateAsync({ type: "nodebuffer" });
    },
    message: /holds no worksheet/,
  },
  xlsb: {
    ext: ".xlsb",
    build: async () => {
      const zip = new JSZip();
      zip.file("[Content_Types].xml", "<Types/>");
      zip.file("xl/workbook.bin", Buffer.from([0x83, 0x01, 0x00]));
      return await zip.generateAsync({ type: "nodebuffer" });
    },
    message: /a binary \.xlsb workbook/,
  },
};

export type LibreOfficeFiles = { xls: string; ods: string; encrypted: string };

/** Basic: load the source, store it as .xls and .ods, and as an .xlsx with a password. */
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub StorePlain(doc As Object, dst As String, filter As String)
  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = &quot;FilterName&quot;
  props(0).Value = filter
  doc.storeToURL(ConvertToURL(dst), props())
End Sub
Sub StoreLocked(doc As Object, dst As String, pw As String)
  Dim enc(1) As New com.sun.star.beans.NamedValue
  enc(0).Name = &quot;OOXPassword&quot;
  enc(0).Value = pw
  enc(1).Name = &quot;CryptoType&quot;
  enc(1).Value = &quot;Standard&quot;
  Dim props(1) As New com.sun.star.beans.PropertyValue
  props(0).Name = &quot;FilterName&quot;
  props(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  props(1).Name = &quot;EncryptionData&quot;
  props(1).Value = enc()
  doc.storeToURL(ConvertToURL(dst), props())
End Sub
Sub Fixtures(src As String, xls As String, ods As String, locked As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, load())
  StorePlain(doc, xls, &quot;MS Excel 97&quot;)
  StorePlain(doc, ods, &quot;calc8&quot;)
  StoreLocked(doc, locked, &quot;secret&quot;)
  doc.close(True)
End Sub
</script:module>
`;

/**
 * Real files LibreOffice writes: an old .xls, an .ods, and a password-protected .xlsx (ECMA-376
 * standard encryption, password "secret"). LibreOffice stores a document with a password only
 * through its API, so a Basic macro in a throw-away profile does it.
 */
export async function libreOfficeFiles(dir: string): Promise<LibreOfficeFiles> {
  assertLibreOffice();
  const profile = await mkdtemp(join(tmpdir(), "check-targets-lo-profile-"));
  const env = `-env:UserInstallation=file://${profile}`;
  await run(SOFFICE, [env, "--headless", "--norestore", "--terminate_after_init"], { timeout: 120_000 });
  const basic = join(profile, "user", "basic", "Standard");
  await mkdir(basic, { recursive: true });
  const files: LibreOfficeFiles = {
    xls: join(dir, "old.xls"),
    ods: join(dir, "calc.ods"),
    encrypted: join(dir, "locked.xlsx"),
  };
  const src = join(dir, "source.xlsx");
  await writeFile(src, await bytesOf(buildSampleWorkbook(seed)));
  await writeFile(join(basic, "Module1.xba"), MACRO);
  const call = `macro:///Standard.Module1.Fixtures(${[src, files.xls, files.ods, files.encrypted].map((p) => `"${p}"`).join(",")})`;
  await run(SOFFICE, [env, "--headless", "--norestore", call], { timeout: 120_000 });
  for (const path of Object.values(files)) {
    // readFile throws a clear ENOENT if LibreOffice did not write one.
    await readFile(path);
  }
  return files;
}

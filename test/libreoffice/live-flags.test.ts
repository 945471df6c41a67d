import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { checkWorkbook, planCheckedWorkbook } from "../../src/core";
import { XlsxPort } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { assertLibreOffice, findColour, pageImage, toPdf, type Image } from "../support/libreoffice";
import { workbookOf } from "../support/sheet-builder";

const RED = "FFC7CE";
const AMBER = "FFEB9C";

type Rows = Record<string, (string | number | null)[][]>;

/**
 * A workbook checked as `--out` would, then edited by a clerk after the check (only Excel's own
 * evaluation of our rules can follow that edit), rendered by LibreOffice: page 1, the staff sheet.
 */
async function checkedEditedRendered(
  rows: Rows,
  asOf: string,
  prepare: (ws: ExcelJS.Worksheet) => void,
  edit: (ws: ExcelJS.Worksheet) => void,
): Promise<Image> {
  const wb = workbookOf(rows);
  const name = Object.keys(rows)[0]!;
  prepare(wb.getWorksheet(name)!);
  const port = new XlsxPort(wb);
  const data = await port.read();
  await port.apply(planCheckedWorkbook(data, checkWorkbook(data, { asOf, locale: "zh-CN", source: "t" })));
  const copy = await roundTrip(wb);
  // Only the staff sheet is rendered; the table has its own test.
  copy.removeWorksheet("绩效目标表");
  edit(copy.getWorksheet(name)!);
  const file = join(await mkdtemp(join(tmpdir(), "check-targets-live-")), "live.xlsx");
  await copy.xlsx.writeFile(file);
  return pageImage(await toPdf(file), 1);
}

const widths = (width: number) => (ws: ExcelJS.Worksheet) => ws.columns.forEach((c) => (c.width = width));
const unchanged = () => undefined;

describe("flags rendered by LibreOffice", () => {
  beforeAll(assertLibreOffice);

  it("shows the red fill on 预算数 while 预算数 ≠ 财政资金 + 其他资金, and not once it adds up", async () => {
    const rows: Rows = {
      项目清单: [
        ["项目编码", "项目名称", "预算数", "财政资金", "其他资金"],
        ["13020823P00925610020B", "隔离点费用", 100, 60, 30],
        ["13020823P00925610021Y", "招商经费", 50, 50, null],
      ],
    };
    const failing = await checkedEditedRendered(rows, "2026-06-30", widths(24), unchanged);
    const passing = await checkedEditedRendered(rows, "2026-06-30", widths(24), (ws) => (ws.getCell("C2").value = 90));
    const red = findColour(failing, RED);
    expect(red.count).toBeGreaterThan(100);
    // Where C2 is drawn: the third of five equal columns, the second row.
    expect(red.box!.x0).toBeGreaterThan(failing.width * 0.1);
    expect(red.box!.y1).toBeLessThan(failing.height * 0.2);
    expect(findColour(passing, RED).count).toBe(0);
  }, 120_000);

  it("keeps a snapshot flag while the flagged value stays and drops it when a clerk edits it", async () => {
    const rows: Rows = {
      指标: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["隔离点", "产出指标", "质量指标", "隔离密切接触人员", "隔离密切接触人员"],
      ],
    };
    const before = await checkedEditedRendered(rows, "2026-06-30", unchanged, unchanged);
    const after = await checkedEditedRendered(rows, "2026-06-30", unchanged, (ws) => (ws.getCell("E2").value = "100%"));
    // target-restates-name is a warning (amber); category-missing marks the project name too.
    expect(findColour(before, AMBER).count).toBeGreaterThan(100);
    expect(findColour(after, AMBER).count).toBeLessThan(findColour(before, AMBER).count);
  }, 120_000);

  it("shows the red fill on a 完成值 while it fails its target, and not once a clerk edits it to pass", async () => {
    const rows: Rows = {
      指标: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"],
        ["隔离点", "满意度指标", "服务对象满意度指标", "群众满意度", "≥80%", 0.75],
      ],
    };
    const percent = (ws: ExcelJS.Worksheet) => {
      ws.getCell("F2").numFmt = "0%";
      widths(12)(ws);
    };
    const failing = await checkedEditedRendered(rows, "2026-12-31", percent, unchanged);
    const passing = await checkedEditedRendered(rows, "2026-12-31", percent, (ws) => (ws.getCell("F2").value = 0.85));
    const red = findColour(failing, RED);
    expect(red.count).toBeGreaterThan(100);
    // Where F2 is drawn: the last of six columns, the second row.
    expect(red.box!.x0).toBeGreaterThan(failing.width * 0.5);
    expect(red.box!.y1).toBeLessThan(failing.height * 0.2);
    expect(findColour(passing, RED).count).toBe(0);
  }, 120_000);
});

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook, planCheckedWorkbook } from "../../src/core";
import { XlsxPort } from "../../src/xlsx";
import { assertLibreOffice, findColour, pageImage, toPdf } from "../support/libreoffice";
import { workbookOf } from "../support/sheet-builder";

const RED = "FFC7CE";
const AMBER = "FFEB9C";

/** A one-sheet project list, flagged by a real check, then edited as a clerk would. */
async function flaggedThenEdited(edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = workbookOf({
    项目清单: [
      ["项目编码", "项目名称", "预算数", "财政资金", "其他资金"],
      ["13020823P00925610020B", "隔离点费用", 100, 60, 30],
      ["13020823P00925610021Y", "招商经费", 50, 50, null],
    ],
  });
  const ws = wb.getWorksheet("项目清单")!;
  ws.columns.forEach((c) => (c.width = 24));
  const port = new XlsxPort(wb);
  const data = await port.read();
  await port.apply(
    planCheckedWorkbook(data, checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "t" })),
  );
  // Only the staff sheet is rendered; the table has its own test.
  wb.removeWorksheet("绩效目标表");
  edit(ws);
  const file = join(await mkdtemp(join(tmpdir(), "check-targets-live-")), "live.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("flags rendered by LibreOffice", () => {
  beforeAll(assertLibreOffice);

  it("shows the red fill on 预算数 while 预算数 ≠ 财政资金 + 其他资金, and not once it adds up", async () => {
    const failing = await pageImage(await toPdf(await flaggedThenEdited(() => undefined)), 1);
    const passing = await pageImage(await toPdf(await flaggedThenEdited((ws) => (ws.getCell("C2").value = 90))), 1);
    const red = findColour(failing, RED);
    expect(red.count).toBeGreaterThan(100);
    // Where C2 is drawn: the third of five equal columns, the second row.
    expect(red.box!.x0).toBeGreaterThan(failing.width * 0.1);
    expect(red.box!.y1).toBeLessThan(failing.height * 0.2);
    expect(findColour(passing, RED).count).toBe(0);
  }, 120_000);

  it("keeps a snapshot flag while the flagged value stays and drops it when a clerk edits it", async () => {
    const wb = workbookOf({
      指标: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
        ["隔离点", "产出指标", "质量指标", "隔离密切接触人员", "隔离密切接触人员"],
      ],
    });
    const render = async (edit: (ws: ExcelJS.Worksheet) => void) => {
      const port = new XlsxPort(wb);
      const data = await port.read();
      await port.apply(
        planCheckedWorkbook(data, checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "t" })),
      );
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.load(await wb.xlsx.writeBuffer());
      copy.removeWorksheet("绩效目标表");
      edit(copy.getWorksheet("指标")!);
      const file = join(await mkdtemp(join(tmpdir(), "check-targets-snap-")), "snap.xlsx");
      await copy.xlsx.writeFile(file);
      return pageImage(await toPdf(file), 1);
    };
    const unchanged = await render(() => undefined);
    const edited = await render((ws) => (ws.getCell("E2").value = "100%"));
    // target-restates-name is a warning (amber); category-missing marks the project name too.
    expect(findColour(unchanged, AMBER).count).toBeGreaterThan(100);
    const before = findColour(unchanged, AMBER).count;
    const after = findColour(edited, AMBER).count;
    expect(after).toBeLessThan(before);
  }, 120_000);

  it("shows the red fill on a 完成值 while it fails its target, and not once a clerk edits it to pass", async () => {
    const render = async (actual: number) => {
      const wb = workbookOf({
        指标: [
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"],
          ["隔离点", "满意度指标", "服务对象满意度指标", "群众满意度", "≥80%", 0.75],
        ],
      });
      const ws = wb.getWorksheet("指标")!;
      ws.getCell("F2").numFmt = "0%";
      ws.columns.forEach((c) => (c.width = 12));
      const port = new XlsxPort(wb);
      const data = await port.read();
      await port.apply(planCheckedWorkbook(data, checkWorkbook(data, { asOf: "2026-12-31", locale: "zh-CN", source: "t" })));
      wb.removeWorksheet("绩效目标表");
      // The clerk's edit, after the check: only Excel's own evaluation of our rule can follow it.
      ws.getCell("F2").value = actual;
      const file = join(await mkdtemp(join(tmpdir(), "check-targets-actual-")), "actual.xlsx");
      await wb.xlsx.writeFile(file);
      return pageImage(await toPdf(file), 1);
    };
    const failing = await render(0.75);
    const passing = await render(0.85);
    const red = findColour(failing, RED);
    expect(red.count).toBeGreaterThan(100);
    // Where F2 is drawn: the last of six columns, the second row.
    expect(red.box!.x0).toBeGreaterThan(failing.width * 0.5);
    expect(red.box!.y1).toBeLessThan(failing.height * 0.2);
    expect(findColour(passing, RED).count).toBe(0);
  }, 120_000);
});

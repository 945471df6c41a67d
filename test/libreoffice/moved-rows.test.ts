import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { checkWorkbook, planCheckedWorkbook } from "../../src/core";
import { XlsxPort } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { assertLibreOffice, findColour, pageImage, SOFFICE, toPdf } from "../support/libreoffice";
import { workbookOf } from "../support/sheet-builder";

const run = promisify(execFile);
const RED = "FFC7CE";

/**
 * The `--out` file's live flags after a clerk sorts and inserts rows. LibreOffice moves the rows
 * itself (a Basic macro: Range.sort, then Rows.insertByIndex), shifting the rules' ranges and
 * references as Excel does; the helper sheet stays where it is. Then LibreOffice recalculates and
 * draws the sheet, and the red fill shows which 完成值 are flagged.
 */

/** Sorts A2:F3 by 三级指标, descending (the first two indicators change places), then inserts a row below the data. */
const MACRO = `Sub Main
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden"
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("CT_IN")), "_blank", 0, aLoad())
  oSheet = oDoc.Sheets.getByIndex(0)
  Dim aFields(0) As New com.sun.star.table.TableSortField
  aFields(0).Field = 3
  aFields(0).IsAscending = False
  Dim aSort(0) As New com.sun.star.beans.PropertyValue
  aSort(0).Name = "SortFields"
  aSort(0).Value = aFields()
  oSheet.getCellRangeByName("A2:F3").sort(aSort())
  oSheet.Rows.insertByIndex(4, 1)
  oDoc.calculateAll()
  Dim aStore(0) As New com.sun.star.beans.PropertyValue
  aStore(0).Name = "FilterName"
  aStore(0).Value = "Calc MS Excel 2007 XML"
  oDoc.storeToURL(ConvertToURL(Environ("CT_OUT")), aStore())
  oDoc.close(True)
End Sub
`;

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Runs MACRO on `input` in a private LibreOffice profile; returns the edited copy. */
async function sortAndInsert(input: string, dir: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), "check-targets-lo-macro-"));
  const env = `-env:UserInstallation=file://${profile}`;
  // A first start lays out the profile, with its Standard Basic library.
  await run(SOFFICE, [env, "--headless", "--norestore", "--convert-to", "csv", "--outdir", dir, input], {
    timeout: 120_000,
  });
  const module =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">' +
    xml(MACRO) +
    "</script:module>\n";
  await writeFile(join(profile, "user", "basic", "Standard", "Module1.xba"), module);
  const output = join(dir, "moved.xlsx");
  await run(SOFFICE, [env, "--headless", "--norestore", "macro:///Standard.Module1.Main"], {
    timeout: 120_000,
    env: { ...process.env, CT_IN: input, CT_OUT: output },
  });
  await readFile(output);
  return output;
}

describe("live flags after rows are sorted and inserted, in LibreOffice", () => {
  beforeAll(assertLibreOffice);

  it("flags only a 完成值 that still fails its own target; a moved row's flag is absent, never another row's", async () => {
    const wb = workbookOf({
      指标: [
        ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "完成值"],
        // Fails (75% < 80%).
        ["隔离点", "满意度指标", "服务对象满意度指标", "A群众满意度", "≥80%", 0.75],
        // Passes (60% ≥ 50%): after the sort it sits where A's bounds were.
        ["隔离点", "满意度指标", "服务对象满意度指标", "B职工满意度", "≥50%", 0.6],
        // Fails and does not move.
        ["隔离点", "满意度指标", "服务对象满意度指标", "C学生满意度", "≥90%", 0.5],
      ],
    });
    const sheet = wb.getWorksheet("指标")!;
    for (const cell of ["F2", "F3", "F4"]) sheet.getCell(cell).numFmt = "0%";
    sheet.columns.forEach((c) => (c.width = 12));
    const port = new XlsxPort(wb);
    const data = await port.read();
    const asOf = { asOf: "2026-12-31", locale: "zh-CN", source: "t" } as const;
    await port.apply(planCheckedWorkbook(data, checkWorkbook(data, asOf)));
    const copy = await roundTrip(wb);
    copy.removeWorksheet("绩效目标表");
    const dir = await mkdtemp(join(tmpdir(), "check-targets-moved-"));
    const checked = join(dir, "checked.xlsx");
    await copy.xlsx.writeFile(checked);

    const before = findColour(await pageImage(await toPdf(checked), 1), RED);
    const after = findColour(await pageImage(await toPdf(await sortAndInsert(checked, dir)), 1), RED);

    // Before: A (row 2) and C (row 4) red, a box over three rows.
    expect(before.count).toBeGreaterThan(100);
    const rowHeight = (before.box!.y1 - before.box!.y0 + 1) / 3;
    // After: only C, still in row 4, one row tall. B (passing) now where A's bounds were is not
    // red, and A (now where B's were) is not flagged until the next check.
    expect(after.count).toBeGreaterThan(50);
    expect(after.count).toBeLessThan(before.count * 0.75);
    expect(after.box!.y1 - after.box!.y0 + 1).toBeLessThan(rowHeight * 1.5);
    expect(Math.abs(after.box!.y1 - before.box!.y1)).toBeLessThan(rowHeight / 2);
  }, 240_000);
});

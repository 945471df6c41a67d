import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "./read/read-file";
import { writeTableWorkbook } from "./table-workbook";
import { entryText, readZip } from "./zip-entries";

/** The summary workbook, written whole without ExcelJS: read back by the package reader and as XML. */
describe("writeTableWorkbook", () => {
  it("writes text as text, numbers with their column's format, fills, a frozen header and a filter", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "check-targets-table-")), "sub", "汇总.xlsx");
    await writeTableWorkbook(path, [
      {
        name: "按项目",
        columns: [
          { header: "工作簿", width: 28 },
          { header: "得分", width: 10, numFmt: "0.0" },
          { header: "信号灯", width: 8 },
        ],
        rows: [
          ["a.xlsx", 87.25, { value: "红", fill: "FFC7CE" }],
          ['=HYPERLINK("x")', null, null],
        ],
      },
      { name: "R&D <1>", columns: [{ header: "x", width: 8 }], rows: [] },
    ]);
    const data = await readWorkbookFile(path);
    expect(data.sheets.map((s) => s.name)).toEqual(["按项目", "R&D <1>"]);
    const rows = data.sheets[0]!.rows.map((r) => r.map((c) => c?.value));
    expect(rows).toEqual([
      ["工作簿", "得分", "信号灯"],
      ["a.xlsx", 87.25, "红"],
      ['=HYPERLINK("x")'],
    ]);
    expect(data.sheets[0]!.rows[1]![1]).toMatchObject({ numberFormat: "0.0" });

    const zip = await readZip(await readFile(path));
    const sheet = (await entryText(zip, "xl/worksheets/sheet1.xml")) ?? "";
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:C3"/>');
    expect(sheet).not.toContain("<f>");
    const styles = (await entryText(zip, "xl/styles.xml")) ?? "";
    expect(styles).toContain('<fgColor rgb="FFFFC7CE"/>');
    expect(styles).toContain('formatCode="0.0"');
    expect(styles).not.toContain("check-targets");
  });
});

import { editAppTitles } from "./app-properties";
import { fromBytes, toBytes } from "./xml-scan";

const app = (pairs: string, titles: string, size: number, pairCount = 2): string =>
  toBytes(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="${pairCount}" baseType="variant">${pairs}</vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${size}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`,
  );
const pair = (name: string, n: number): string => `<vt:variant><vt:lpstr>${name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;
const titles = (...names: string[]): string => names.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join("");

describe("the worksheet titles of docProps/app.xml", () => {
  it("gain our sheets at the end of the worksheets' group, whatever the group is called, and lose them again", () => {
    // A zh-CN Excel: 工作表 2, then 命名范围 1 (a print area).
    const original = app(pair("工作表", 2) + pair("命名范围", 1), titles("项目", "指标", "指标!Print_Area"), 3, 4);
    const added = editAppTitles(original, ["项目", "指标"], ["项目", "指标", "检查目标_辅助", "绩效目标表"]);
    expect(fromBytes(added ?? "")).toContain(`${pair("工作表", 4)}${pair("命名范围", 1)}`);
    expect(fromBytes(added ?? "")).toContain(
      `<vt:vector size="5" baseType="lpstr">${titles("项目", "指标", "检查目标_辅助", "绩效目标表", "指标!Print_Area")}</vt:vector>`,
    );
    expect(editAppTitles(added ?? "", ["项目", "指标", "检查目标_辅助", "绩效目标表"], ["项目", "指标"])).toBe(original);
  });

  it("are left alone where they do not list the workbook's worksheets (stale, or none)", () => {
    const stale = app(pair("Worksheets", 2), titles("Sheet1", "Old"), 2);
    expect(editAppTitles(stale, ["Sheet1", "Sheet2"], ["Sheet1", "Sheet2", "绩效目标表"])).toBeNull();
    const none = toBytes('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>x</Application></Properties>');
    expect(editAppTitles(none, ["A"], ["A", "绩效目标表"])).toBeNull();
  });

  it("escape a sheet name as XML text", () => {
    const original = app(pair("Worksheets", 1), titles("A"), 1);
    expect(fromBytes(editAppTitles(original, ["A"], ["A", "R&D <1>"]) ?? "")).toContain("<vt:lpstr>R&amp;D &lt;1&gt;</vt:lpstr>");
  });
});

import type { CellData, WorkbookData } from "../core";
import { synonymEdit } from "./synonym-edit";

const cell = (value: string): CellData => ({ value });
const book = (rows: string[][]): WorkbookData => ({
  sheets: [{ name: "指标定义", visibility: "visible", merges: [], rows: rows.map((r) => r.map(cell)) }],
});
const def = (synonyms: string[] = [], at = "A3") => ({ name: "培训人数", synonyms, sheet: "指标定义", cell: at });

describe("adding a name as a synonym on 指标定义", () => {
  it("appends it to the definition's 同义词 cell after 、, keeping what is there", () => {
    const data = book([["部门指标定义"], ["指标名称", "同义词", "计量单位"], ["培训人数", "培训人次", "人"]]);
    expect(synonymEdit(data, def(["培训人次"]), " 培训人员数 ")).toEqual([
      { sheet: "指标定义", address: "B3", expected: "培训人次", text: "培训人次、培训人员数" },
    ]);
  });

  it("fills a blank 同义词 cell with the name alone", () => {
    const data = book([["指标名称", "计量单位", "别名"], ["培训人数", "人", ""]]);
    expect(synonymEdit(data, def([], "A2"), "培训人员数")).toEqual([
      { sheet: "指标定义", address: "C2", expected: "", text: "培训人员数" },
    ]);
  });

  it("adds a 同义词 column after the header when the sheet has none, past anything in the row", () => {
    const data = book([["指标名称", "计量单位"], ["培训人数", "人", "备注：2025年新增"]]);
    expect(synonymEdit(data, def([], "A2"), "培训人员数")).toEqual([
      { sheet: "指标定义", address: "D1", expected: "", text: "同义词" },
      { sheet: "指标定义", address: "D2", expected: "", text: "培训人员数" },
    ]);
  });

  it("writes nothing for a name the definition already has", () => {
    const data = book([["指标名称", "同义词"], ["培训人数", "培训人次，参训人数"]]);
    expect(synonymEdit(data, def(["培训人次", "参训人数"], "A2"), "参训人数")).toBeNull();
    expect(synonymEdit(data, def([], "A2"), "培训 人数")).toBeNull();
  });

  it("writes nothing for a name holding a separator: it would read back as two synonyms", () => {
    const data = book([["指标名称", "同义词"], ["培训人数", ""]]);
    expect(synonymEdit(data, def([], "A2"), "阻断传染源，控制疫情发展")).toBeNull();
  });
});

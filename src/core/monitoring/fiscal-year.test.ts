import type { SheetData, WorkbookData } from "../model/workbook-data";
import { fiscalYearOf } from "./fiscal-year";

const sheet = (name: string, rows: (string | number | null)[][]): SheetData => ({
  name,
  visibility: "visible",
  rows: rows.map((r) => r.map((v) => (v === null ? null : { value: v }))),
  merges: [],
});
const book = (...sheets: SheetData[]): WorkbookData => ({ sheets });

describe("the fiscal year a workbook covers", () => {
  it("reads a title's 2023年度", () => {
    const data = book(sheet("自评表", [["项目支出绩效自评表"], ["（2023年度）"], ["填报日期：2024年1月15日"]]));
    expect(fiscalYearOf(data, "2024-01-20", null)).toEqual({
      year: 2023,
      source: "title",
      sheet: "自评表",
      cell: "A2",
    });
  });

  it("reads a sheet name", () => {
    expect(fiscalYearOf(book(sheet("2023年绩效目标", [["项目名称"]])), "2024-01-20", null)).toMatchObject({
      year: 2023,
      source: "sheet-name",
    });
  });

  it("reads the 资金支出计划 dates", () => {
    const data = book(sheet("项目", [["项目名称", "2022年3月底", "2022年6月底", "2022年10月底", "2022年12月底"]]));
    expect(fiscalYearOf(data, "2023-02-01", null)).toMatchObject({ year: 2022, source: "plan", cell: "B1" });
  });

  it("gives the caller's year first, then the settings sheet's, then the as-of date's", () => {
    const data = book(sheet("自评表", [["2023年度项目支出绩效自评表"]]));
    expect(fiscalYearOf(data, "2024-01-20", 2022, 2021)).toMatchObject({ year: 2021, source: "given" });
    expect(fiscalYearOf(data, "2024-01-20", 2022)).toMatchObject({ year: 2022, source: "settings" });
    expect(fiscalYearOf(book(sheet("绩效指标", [["项目名称"]])), "2024-01-20", null)).toMatchObject({
      year: 2024,
      source: "as-of",
    });
  });

  it("does not take a filing date or an amount for the year", () => {
    const data = book(sheet("表", [["填报日期：2024年1月15日", 2023, "2023"]]));
    expect(fiscalYearOf(data, "2024-01-20", null).source).toBe("as-of");
  });
});

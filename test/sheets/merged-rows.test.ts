import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, readWorkbook, type SheetData, type WorkbookData } from "../../src/core";
import { CORPUS, readCorpusFile } from "../support/corpus-file";

/** The three 绩效评价表 of hktianyi/Meeting (MANIFEST.tsv): indicators and weights merged over rows. */
const EVALUATION_FORMS = ["0855_kpi_dtg.xlsx", "0857_kpi_yqyb.xlsx", "0859_kpi_jyzx.xlsx"];
const present = existsSync(join(CORPUS, "files", EVALUATION_FORMS[0] ?? ""));
const describeCorpus = present ? describe : describe.skip;

describeCorpus("a 绩效评价表 with merged indicator and weight cells (issue 11 item 5)", () => {
  it.each(EVALUATION_FORMS)("%s: an indicator merged over several rows is one indicator", async (file) => {
    const data = await readCorpusFile(file);
    const result = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: file });
    expect(result.findings.filter((f) => f.rule === "indicator-duplicate")).toEqual([]);
    const model = readWorkbook(data);
    const names = model.indicators.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("dtg: 是否减少了企业通关成本 (G27:J31) is read once, its five 5-point rows scored 25 within its level 1", async () => {
    const model = readWorkbook(await readCorpusFile("0855_kpi_dtg.xlsx"));
    const merged = model.indicators.filter((i) => i.name === "是否减少了企业通关成本");
    expect(merged).toHaveLength(1);
    expect(merged[0]?.cells.name.cell).toBe("G27");
    // 项目效果 weighs 25: its four indicators of 25 points each share it.
    expect(merged[0]?.weight).toBeCloseTo(25 * (25 / 100), 9);
  });

  it.each(EVALUATION_FORMS)("%s: a merged level-1 权重 counts once, so the weights add up to the form's 总分 100", async (file) => {
    const model = readWorkbook(await readCorpusFile(file));
    const weights = model.indicators.map((i) => i.weight);
    expect(weights.every((w) => w !== null)).toBe(true);
    const sum = weights.reduce<number>((total, w) => total + (w ?? 0), 0);
    expect(sum).toBeCloseTo(100, 6);
  });
});

const cell = (value: string | number | null) => (value === null ? null : { value });
const sheetOf = (rows: (string | number | null)[][], merges: SheetData["merges"]): WorkbookData => ({
  sheets: [{ name: "评价表", visibility: "visible", rows: rows.map((r) => r.map(cell)), merges }],
});

describe("merged cells read as one value, on a built grid", () => {
  it("a 分值 merged over two indicators is shared by them, not counted twice", () => {
    const data = sheetOf(
      [
        ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
        ["产出指标", "数量指标", "培训人次", "≥100人次", 20],
        ["产出指标", "数量指标", "培训场次", "≥5场", null],
        ["效益指标", "社会效益指标", "群众知晓率", "≥90%", 10],
      ],
      [{ top: 1, left: 4, bottom: 2, right: 4 }],
    );
    expect(readWorkbook(data).indicators.map((i) => [i.name, i.weight])).toEqual([
      ["培训人次", 10],
      ["培训场次", 10],
      ["群众知晓率", 10],
    ]);
  });

  it("a name merged over rows with a target each is one indicator; only the first row's target is read", () => {
    const data = sheetOf(
      [
        ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
        ["效益指标", "社会效益指标", "是否提高通关速度", "是", 5],
        [null, null, null, null, 5],
        [null, null, null, null, 5],
        ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", 10],
      ],
      [{ top: 1, left: 2, bottom: 3, right: 2 }, { top: 1, left: 3, bottom: 3, right: 3 }],
    );
    const model = readWorkbook(data);
    expect(model.indicators.map((i) => [i.name, i.weight, i.cells.name.cell])).toEqual([
      ["是否提高通关速度", 15, "C2"],
      ["企业满意度", 10, "C5"],
    ]);
  });

  it("without a level-1 权重 column the weights stay as written", () => {
    const data = sheetOf(
      [
        ["一级指标", "三级指标", "指标值", "分值"],
        ["产出指标", "培训人次", "≥100人次", 30],
        ["效益指标", "群众知晓率", "≥90%", 60],
      ],
      [],
    );
    expect(readWorkbook(data).indicators.map((i) => i.weight)).toEqual([30, 60]);
  });
});

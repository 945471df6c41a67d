import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";
import { join } from "node:path";
import { reportSchema } from "../../src/core";
import { workbookData, XlsxPort } from "../../src/xlsx";
import { checkBuilt, roundTrip, where } from "../support/check-workbook";

/**
 * Acceptance of the foundation issue: on the sample built from the seed, the report finds the
 * seed's real defects and nothing else.
 */
describe("the sample workbook built from the seed", () => {
  const seed = loadSeed();
  let result: Awaited<ReturnType<typeof checkBuilt>>;
  beforeAll(async () => {
    result = await checkBuilt(buildSampleWorkbook(seed));
  });

  it("builds a report that satisfies the exported schema", () => {
    expect(() => reportSchema.parse(result.report)).not.toThrow();
  });

  it("reads every project, indicator and goal", () => {
    expect(result.report.summary.projects).toBe(15);
    expect(result.report.summary.indicators).toBe(95);
    expect(result.report.goals.map((g) => g.name)).toContain("实际利用外资");
    const p14 = result.report.projects.find((p) => p.code === "13020823P00925810001J");
    expect(p14).toMatchObject({ name: "因公出国（境）经费", budget: 20, fiscal: 20, plan: [25, 50, 75, 100] });
    expect(p14?.indicators).toHaveLength(7);
  });

  it("finds exactly the seed's real defects", () => {
    // Rows of the indicator list: header on row 3, table 1 starts on row 4, six or seven rows a table.
    const rowOf = (table: number, name: string, target?: string): number => {
      let row = 4;
      for (const p of seed.projects) {
        for (const ind of p.indicators) {
          if (p.table === table && ind.name === name && (target === undefined || ind.target === target)) return row;
          row++;
        }
      }
      throw new Error(`no indicator ${name} in table ${table}`);
    };
    const restates = seed.projects
      .filter((p) => p.indicators.some((i) => i.name === "隔离密切接触人员" && i.target === "隔离密切接触人员"))
      .map((p) => `target-restates-name 绩效指标!G${rowOf(p.table, "隔离密切接触人员")}`);
    const expected = [
      `target-missing 绩效指标!G${rowOf(5, "群众满意度")}`,
      `target-missing 绩效指标!G${rowOf(8, "群众满意度")}`,
      `target-direction 绩效指标!G${rowOf(14, "完成年度外资目标任务")}`,
      `target-direction 绩效指标!G${rowOf(14, "外贸出口额")}`,
      `target-not-quantitative 绩效指标!G${rowOf(14, "因公临时出国（境）差旅")}`,
      ...restates,
    ].sort();
    expect(restates).toHaveLength(12);
    expect(where(result.findings).sort()).toEqual(expected);
  });

  it("words every finding in Chinese, naming what would be right", () => {
    const missing = result.report.findings.find((f) => f.rule === "target-missing");
    expect(missing?.message).toMatch(/缺少数值.*≥80%/);
    expect(missing?.project).toBe("（2）各疫情防控隔离点物资费用");
    expect(missing?.indicator).toBe("群众满意度");
  });

  it("gives red lights to projects with errors and amber to those with warnings only", () => {
    const light = (code: string) => result.report.projects.find((p) => p.code === code)?.light;
    expect(light("13020823P00925610017Q")).toBe("red"); // table 5: missing satisfaction target
    expect(light("13020823P00925810001J")).toBe("amber"); // table 14: warnings only
    expect(light("13020823P00925510001H")).toBe("green"); // table 15: clean
  });
});

describe("samples/sample.xlsx", () => {
  it("is what the builder makes from the seed (rebuild with `npm run sample`)", async () => {
    const committed = await (await XlsxPort.open(join(__dirname, "..", "..", "samples", "sample.xlsx"))).read();
    const fresh = workbookData(await roundTrip(buildSampleWorkbook(loadSeed())));
    expect(committed).toEqual(fresh);
  });
});

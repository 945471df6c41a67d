import { BUILTIN_DEFINITIONS, buildLibrary, definitionSchema, matchName, type Definition } from "../../src/core";
import { bigrams, dice, normalizeName, similarity } from "../../src/core/definitions";
import { FRAMEWORKS } from "../../src/core/framework";
import { checkBuilt, where } from "../support/check-workbook";
import { workbookOf } from "../support/sheet-builder";

const library = buildLibrary(BUILTIN_DEFINITIONS, []);
const THRESHOLD = 0.8;
const mapped = (name: string, level1 = "", level2 = "") => matchName(library, name, level1, level2, THRESHOLD);

describe("the built-in library", () => {
  it("is valid by its own schema, with unique ids, names and synonyms", () => {
    for (const d of BUILTIN_DEFINITIONS) expect(definitionSchema.safeParse(d).success).toBe(true);
    const ids = BUILTIN_DEFINITIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const terms = BUILTIN_DEFINITIONS.flatMap((d) => [d.name, ...d.synonyms].map(normalizeName));
    expect(new Set(terms).size).toBe(terms.length);
  });

  it("files its definitions under categories of the 2020 or the 2021 framework", () => {
    for (const d of BUILTIN_DEFINITIONS.filter((x) => x.level1 !== null)) {
      const in2020 = FRAMEWORKS["2020"][d.level1 ?? ""]?.includes(d.level2 ?? "") ?? false;
      const in2021 = FRAMEWORKS["2021"][d.level1 ?? ""]?.includes(d.level2 ?? "") ?? false;
      expect([d.id, in2020 || in2021]).toEqual([d.id, true]);
    }
    // 2021: 成本指标 at level 1 with its three level-2 categories, each with a definition.
    expect(FRAMEWORKS["2021"]["成本指标"]).toEqual(["经济成本指标", "社会成本指标", "生态环境成本指标"]);
    const costLevels = BUILTIN_DEFINITIONS.filter((d) => d.level1 === "成本指标").map((d) => d.level2);
    expect(new Set(costLevels)).toEqual(new Set(FRAMEWORKS["2021"]["成本指标"]));
  });

  it.each([
    ["群众满意度", "satisfaction", 1],
    ["满意度", "satisfaction", 1],
    ["参会群众满意度", "satisfaction", 0.89],
    ["游客满意度", "satisfaction", 0.84],
    ["拨付完成情况", "fund-disbursement", 1],
    ["资金按时拨付", "fund-disbursement", 1],
    ["预算执行率", "budget-execution", 1],
    ["项目完成率", "completion-rate", 1],
    ["宣传覆盖率", "coverage-rate", 1],
    ["外贸进出口额", "foreign-trade", 1],
    ["外贸出口额", "exports", 1],
    ["实际利用外资", "foreign-investment", 1],
    ["完成年度外资目标任务", "foreign-investment", 0.92],
    ["跨境电商交易额", "cross-border-ecommerce", 1],
    ["农村网络零售总额", "online-retail", 1],
    ["经济成本", "economic-cost", 1],
  ])("maps %s to %s (score %s)", (name, id, score) => {
    expect(mapped(name).match).toMatchObject({ definition: { id }, score });
  });

  it.each([
    ["征用医用隔离点", null],
    ["隔离点租金", null],
    ["空调单价", null],
    ["签约项目个数", "major-projects-signed"],
    ["储备商品计划数量完成率", "completion-rate"],
    ["保质保量完成任务", "completion-rate"],
  ])("leaves %s unmapped, offering %s at most", (name, candidate) => {
    const result = mapped(name);
    expect(result.match).toBeNull();
    expect(result.candidate?.definition.id ?? null).toBe(candidate);
    if (result.candidate) expect(result.candidate.score).toBeLessThan(THRESHOLD);
  });

  it("applies a fuzzy match only from the threshold up", () => {
    expect(matchName(library, "储备商品计划数量完成率", "", "", 0.7).match?.definition.id).toBe("completion-rate");
    expect(matchName(library, "游客满意度", "", "", 0.9).match).toBeNull();
  });
});

describe("similarity", () => {
  it("is the bigram Dice coefficient, raised when the name ends with the term", () => {
    expect(dice(bigrams("资金拨付及时"), bigrams("资金拨付"))).toBeCloseTo(0.75);
    expect(dice(bigrams("a"), bigrams("a"))).toBe(1);
    expect(dice(bigrams(""), bigrams("a"))).toBe(0);
    const s = (a: string, b: string) => similarity(a, bigrams(a), b, bigrams(b));
    expect(s("游客满意度", "满意度")).toBeCloseTo(0.84);
    // A head of two characters says too little: 空调单价 is not thereby a 单价 of the library.
    expect(s("空调单价", "单价")).toBeCloseTo(0.5);
  });

  it("compares names without spaces, punctuation or full-width forms", () => {
    expect(normalizeName(" 阻断传染源，控制疫情蔓延 ")).toBe("阻断传染源控制疫情蔓延");
    expect(normalizeName("因公临时出国（境）差旅")).toBe("因公临时出国境差旅");
    expect(normalizeName("ＡＢＣ 满意度")).toBe("abc满意度");
  });
});

describe("a workbook's definitions over the built-in ones", () => {
  const sheetDefinition = (over: Partial<Definition>): Definition => ({
    id: "S1",
    name: "群众满意度",
    synonyms: [],
    level1: null,
    level2: null,
    unit: null,
    direction: null,
    min: 80,
    max: 100,
    requiresNumber: null,
    goal: null,
    source: "sheet",
    at: { sheet: "指标定义", cell: "B2" },
    ...over,
  });

  it("replaces a built-in one of the same name or id and extends the library otherwise", () => {
    const lib = buildLibrary(BUILTIN_DEFINITIONS, [
      sheetDefinition({ name: "服务对象满意度", id: "S1" }),
      sheetDefinition({ name: "隔离点租金", id: "fees" }),
    ]);
    expect(lib.definitions.find((d) => d.id === "satisfaction")).toBeUndefined();
    expect(matchName(lib, "服务对象满意度", "", "", 0.8).match?.definition.id).toBe("S1");
    expect(matchName(lib, "隔离点租金", "", "", 0.8).match?.definition.id).toBe("fees");
    // Its synonyms went with it: 群众满意度 is no longer the built-in's.
    expect(matchName(lib, "群众满意度", "", "", 0.8).match).toBeNull();
  });

  it("raises the satisfaction floor of a department that says so", async () => {
    const rows = [
      ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
      ["A", "满意度指标", "服务对象满意度指标", "群众满意度", "≥70%"],
    ];
    const builtIn = await checkBuilt(workbookOf({ 指标: rows }));
    expect(where(builtIn.findings.filter((f) => f.rule === "target-out-of-range"))).toEqual([]);
    const own = await checkBuilt(
      workbookOf({
        指标: rows,
        指标定义: [
          ["指标名称", "同义词", "计量单位", "最小值", "最大值"],
          ["服务对象满意度", "群众满意度", "%", 85, 100],
        ],
      }),
    );
    expect(where(own.findings.filter((f) => f.rule === "target-out-of-range"))).toEqual([
      "target-out-of-range 指标!E2",
    ]);
    expect(own.report.findings.find((f) => f.rule === "target-out-of-range")?.message).toBe(
      "指标值“≥70%”超出有效范围（85–100%）；请改为该范围内的数值。",
    );
  });
});

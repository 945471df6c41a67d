import fc from "fast-check";
import { parseTarget } from "../target-expression";
import { analyse } from "./analyse";
import { analysisSchema } from "./schema";

const of = (name: string, target = "", more: { level1?: string; level2?: string; description?: string } = {}) =>
  analyse({ name, target: parseTarget(target), ...more });

describe("the analyser reads the head of the name", () => {
  it.each([
    ["污水排放达标率", "positive"],
    ["违规问题整改率", "positive"],
    ["群众投诉处理率", "positive"],
    ["群众投诉办结率", "positive"],
    ["不合格项目整改完成率", "positive"],
    ["投诉率", "reverse"],
    ["安全事故发生率", "reverse"],
    ["产品不合格率", "reverse"],
    ["房屋空置率", "reverse"],
    ["学生流失率", "reverse"],
    ["检测超标率", "reverse"],
    ["政策知晓率", "positive"],
    ["资金到位率", "positive"],
    ["预算执行率", "positive"],
    ["覆盖率", "positive"],
  ])("%s is a rate, %s", (name, direction) => {
    expect(of(name, "≥90%")).toMatchObject({ kind: "rate", direction, unitFamily: "percent", cumulative: false });
  });

  it.each(["审批时限", "办理时间", "维修周期", "办结天数", "出访完成时限", "响应时间"])(
    "%s is a deadline: lower is better",
    (name) => {
      expect(of(name, "≤5个工作日")).toMatchObject({ kind: "duration", direction: "reverse", cumulative: false });
    },
  );

  it("reads 图书馆开放时间 as service hours, better longer", () => {
    expect(of("图书馆开放时间", "≥56小时")).toMatchObject({ kind: "duration", direction: "positive" });
  });

  it("reads costs, unit prices and rents, and what needs a time basis", () => {
    expect(of("隔离点租金", "≤25000元/天", { level2: "成本指标" })).toMatchObject({
      kind: "money",
      direction: "reverse",
      cumulative: false,
      needsTimeBasis: true,
    });
    expect(of("采购电器费用", "≤57万元", { level2: "成本指标" })).toMatchObject({
      kind: "money",
      direction: "reverse",
      cumulative: true,
      needsTimeBasis: false,
    });
    expect(of("空调单价", "≤0.2万元")).toMatchObject({ kind: "money", direction: "reverse", cumulative: false });
    expect(of("年征用补偿标准", "≤650万元/半年")).toMatchObject({ kind: "money", period: "年", needsTimeBasis: true });
    expect(of("外贸出口额", "≥29.69亿人民币")).toMatchObject({
      kind: "money",
      direction: "positive",
      cumulative: true,
    });
    expect(of("购置设备", "≤5000元", { level2: "成本指标" })).toMatchObject({ kind: "money", direction: "reverse" });
  });

  it("reads counts by what they count, from the description when the name has no head", () => {
    expect(of("行政检查", "≥30人次", { description: "行政检查次数" })).toMatchObject({
      kind: "count",
      unitFamily: "count:次",
      cumulative: true,
    });
    expect(of("培训人次", "≥300人次")).toMatchObject({ kind: "count", unitFamily: "count:人次" });
    expect(of("安全事故次数", "0次")).toMatchObject({ kind: "count", direction: "reverse" });
    expect(of("签约项目个数", "≥20个")).toMatchObject({ kind: "count", direction: "positive" });
    expect(of("服务质量", "优良")).toMatchObject({ kind: "qualitative" });
  });

  it("reads satisfaction, scores, sizes and dates", () => {
    expect(of("群众满意度", "≥80%")).toMatchObject({ kind: "satisfaction", direction: "positive", cumulative: false });
    expect(of("考核得分", "≥90分")).toMatchObject({ kind: "score", direction: "positive" });
    expect(of("绿化面积", "≥100平方米")).toMatchObject({ kind: "area", cumulative: true });
    expect(of("新建道路长度", "≥5公里")).toMatchObject({ kind: "length", unitFamily: "length" });
    expect(of("项目完成时间", "2021年12月底前")).toMatchObject({ kind: "date", direction: "reverse" });
  });

  it("falls back on the target's unit, and says when nothing told", () => {
    expect(of("征用医用隔离点", "≥5家")).toMatchObject({ kind: "count", unitFamily: "count:家", confidence: 0.6 });
    expect(of("完成年度外资目标任务", "≤858亿美元")).toMatchObject({ kind: "money", direction: "positive" });
    expect(of("隔离密切接触人员", "")).toMatchObject({ kind: "unknown", confidence: 0 });
  });

  it("reads the period a name states", () => {
    expect(of("日均接待人次", "≥100人次").period).toBe("天");
    expect(of("每月巡查次数", "≥4次").period).toBe("月");
    expect(of("宣传次数", "≥4次").period).toBeNull();
  });
});

describe("rules the published rows taught (test/fixtures/indicators/published.tsv)", () => {
  it("takes the direction from a form's remark in the name, over the head's default", () => {
    expect(of("★农村低保标准(≥**元/人·月)", ">=530元/人*月")).toMatchObject({
      kind: "money",
      direction: "positive",
      basis: "≥**元/人·月",
      basisFrom: "name",
      confidence: 0.9,
    });
    expect(of("扶贫临时救助标准(<**元/户·年)——一户年最高5300元", "<=5300元/户")).toMatchObject({
      kind: "money",
      direction: "reverse",
    });
    expect(of("受益建档立卡贫困人口数≥**人", ">=80人")).toMatchObject({ kind: "count", direction: "positive" });
    // No remark: 标准 keeps its default, a cost.
    expect(of("农村低保标准", "530元/人*月")).toMatchObject({ kind: "money", direction: "reverse" });
  });

  it("counts 人次 in a 人次数, and reads 射程 and 80M as lengths", () => {
    expect(of("建档立卡贫困人口中接受临时救助的人次数", ">=59人次")).toMatchObject({ unitFamily: "count:人次" });
    expect(of("雾炮车风炮射程", "≥80M")).toMatchObject({ kind: "length", unitFamily: "length", direction: "positive" });
    expect(of("护栏高度", "≥1.2米")).toMatchObject({ kind: "length" });
  });

  it("reads a 周期 answered with years and months as a date, not a duration", () => {
    expect(of("服务周期", "2023.07-2024.01")).toMatchObject({ kind: "date", unitFamily: "date" });
    expect(of("服务周期", "180天")).toMatchObject({ kind: "duration" });
    expect(of("服务周期", "180")).toMatchObject({ kind: "duration" });
  });
});

describe("the analyser never throws", () => {
  it("returns a schema-valid analysis for any text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (name, level2, description, target) => {
        const a = analyse({ name, level2, description, target: parseTarget(target) });
        return analysisSchema.safeParse(a).success;
      }),
      { numRuns: 500 },
    );
  });

  it("also on names built from its own vocabulary", () => {
    const word = fc.constantFrom(
      "投诉",
      "处理",
      "率",
      "不合格",
      "时限",
      "（",
      "）",
      "每年",
      "租金",
      "数",
      "满意度",
      "",
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 6 }),
        (words) => analysisSchema.safeParse(analyse({ name: words.join("") })).success,
      ),
    );
  });
});

import { deadlineOf, readAnswer } from "./qualitative";

describe("a qualitative answer as staff write it", () => {
  it.each([
    ["达成", "达成"],
    ["已完成", "达成"],
    ["完成", "达成"],
    ["已按时拨付", "达成"],
    ["按时完成", "达成"],
    ["已实施", "达成"],
    ["已通过验收", "达成"],
    ["实施中", "pending"],
    ["部分达成", "部分达成"],
    ["基本完成", "部分达成"],
    ["基本达成", "部分达成"],
    ["未达成", "未达成"],
    ["未完成", "未达成"],
    ["未拨付", "未达成"],
    ["未按时拨付", "未达成"],
    ["正在推进", "pending"],
    ["正在调查", "pending"],
    ["调查中", "pending"],
    ["待统计", "pending"],
    ["尚未开展满意度调查", "pending"],
  ])("%s reads as %s", (text, expected) => {
    expect(readAnswer(text)).toBe(expected);
  });

  it("leaves other wording unread", () => {
    expect(readAnswer("群众反映良好")).toBeNull();
  });
});

describe("the deadline a target sets", () => {
  it.each([
    ["2023年10月底前完成", 2024, "2023-10-31"],
    ["6月底前拨付到位", 2024, "2024-06-30"],
    ["9月15日前完成验收", 2023, "2023-09-15"],
    ["年底前完成", 2023, "2023-12-31"],
    ["2月底前", 2024, "2024-02-29"],
    ["按时拨付", 2023, null],
  ])("%s in %s: %s", (text, year, expected) => {
    expect(deadlineOf(text, year)).toBe(expected);
  });
});

import { gradeOf } from "./score";

describe("the published grades of a self-evaluation score", () => {
  it.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
    [null, null],
  ])("%s is %s", (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });
});

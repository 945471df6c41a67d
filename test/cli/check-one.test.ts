import { checkOne } from "../../src/cli/check-one";
import { checkFile } from "../../src/cli/check-file";
import { WorkbookError } from "../../src/core";
import { internalError } from "../../src/cli/cli-words";

jest.mock("../../src/cli/check-file");
const mocked = jest.mocked(checkFile);

const task = {
  path: "/folder/dept.xlsx",
  file: "dept.xlsx",
  report: null,
  options: { asOf: "2026-06-30", lang: "en-US" },
} as const;

/** One workbook of a folder: whatever goes wrong with it becomes its failure, said as what it is. */
describe("checkOne", () => {
  it("turns a workbook that cannot be read into a failure with the adapter's problem, worded in the task's language", async () => {
    const locked = () => new WorkbookError({ kind: "encrypted", path: "/folder/dept.xlsx" });
    mocked.mockRejectedValueOnce(locked());
    expect(await checkOne(task)).toEqual({
      file: "dept.xlsx",
      ok: false,
      reason: "/folder/dept.xlsx: the workbook is password-protected; save a copy without a password",
    });
    mocked.mockRejectedValueOnce(locked());
    expect(await checkOne({ ...task, options: { ...task.options, lang: "zh-CN" } })).toEqual({
      file: "dept.xlsx",
      ok: false,
      reason: "/folder/dept.xlsx：工作簿设有打开密码（已加密），无法读取；请另存一份不带密码的副本后再检查",
    });
  });

  it("says a bug is an internal error, and keeps its stack for a bug report", async () => {
    mocked.mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'x')"));
    const outcome = await checkOne(task);
    expect(outcome).toMatchObject({
      file: "dept.xlsx",
      ok: false,
      reason: "/folder/dept.xlsx: internal error: Cannot read properties of undefined (reading 'x')",
    });
    expect(outcome.stack).toMatch(/TypeError/);
    mocked.mockRejectedValueOnce(new TypeError("x is undefined"));
    expect(await checkOne({ ...task, options: { ...task.options, lang: "zh-CN" } })).toMatchObject({
      reason: "/folder/dept.xlsx：内部错误：x is undefined",
    });
  });

  it("says an internal error in both languages where the language is not known yet (the process's last word)", () => {
    expect(internalError("boom", null)).toBe("内部错误 / internal error: boom");
    expect(internalError("boom", "en-US", "a.xlsx")).toBe("a.xlsx: internal error: boom");
  });

  it("reports the file system refusing a report as what it is, not as a bug", async () => {
    const refused = Object.assign(new Error("EACCES: permission denied, open '/reports/dept.report.json'"), {
      code: "EACCES",
    });
    mocked.mockRejectedValueOnce(refused);
    expect(await checkOne(task)).toEqual({
      file: "dept.xlsx",
      ok: false,
      reason: "/folder/dept.xlsx: EACCES: permission denied, open '/reports/dept.report.json'",
    });
  });
});

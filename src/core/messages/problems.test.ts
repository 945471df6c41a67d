import { PROBLEM_CODE, type WorkbookProblem, type WorkbookProblemKind } from "../model/workbook-problem";
import { WorkbookError } from "../workbook-port";
import { formatProblem } from ".";

/** One problem of every kind, with data: the catalogues must word each in both languages. */
const EVERY: { readonly [K in WorkbookProblemKind]: Extract<WorkbookProblem, { kind: K }> } = {
  "read-only": { kind: "read-only" },
  "protected-sheets": { kind: "protected-sheets", sheets: ["绩效指标", "项目"] },
  "protected-structure": { kind: "protected-structure" },
  "write-refused": { kind: "write-refused" },
  "not-owned": { kind: "not-owned", sheet: "绩效目标表" },
  "sheets-changed": { kind: "sheets-changed" },
  "cell-changed": { kind: "cell-changed", cell: "指标定义!B2" },
  "multi-area": { kind: "multi-area" },
  "unsupported-host": { kind: "unsupported-host" },
  "sheets-too-large": { kind: "sheets-too-large", sheets: [{ sheet: "表1", area: "A1:XFD1048576" }] },
  "read-too-large": { kind: "read-too-large", detail: "ResponsePayloadSizeLimitExceeded: too large" },
  "host-failed": { kind: "host-failed", detail: "GeneralException: boom" },
  "write-failed": { kind: "write-failed", detail: "GeneralException: boom" },
  "file-not-found": { kind: "file-not-found", path: "a.xlsx" },
  "file-is-folder": { kind: "file-is-folder", path: "a.xlsx" },
  "file-unreadable": { kind: "file-unreadable", path: "a.xlsx", code: "EACCES" },
  encrypted: { kind: "encrypted", path: "a.xlsx" },
  "not-a-workbook": { kind: "not-a-workbook", path: "a.xlsx", detected: "xls" },
  "too-large": { kind: "too-large", path: "a.xlsx", detail: "the parts inflate past 2147483648 bytes" },
  "declares-entities": { kind: "declares-entities", path: "a.xlsx", part: "xl/workbook.xml" },
  damaged: { kind: "damaged", path: "a.xlsx", detail: "end of central directory not found" },
  "copy-damaged": { kind: "copy-damaged", path: "a.xlsx", detail: "Invalid signature" },
  "utf16-part": { kind: "utf16-part", part: "xl/workbook.xml" },
  "part-missing": { kind: "part-missing", part: "xl/_rels/workbook.xml.rels" },
  "no-workbook-part": { kind: "no-workbook-part" },
  "copy-not-owned": { kind: "copy-not-owned", sheet: "检查目标_辅助" },
  "overwrite-input": { kind: "overwrite-input", path: "a.xlsx" },
  "out-kind": { kind: "out-kind", path: "a.checked.xlsx", expected: ".xlsm" },
};

describe("the workbook problems' wording", () => {
  const problems = Object.values(EVERY) as WorkbookProblem[];

  it.each(problems.map((p) => [p.kind, p] as const))(
    "words %s in Chinese and in English, naming its data",
    (_, problem) => {
      const zh = formatProblem(problem, "zh-CN");
      const en = formatProblem(problem, "en-US");
      for (const text of [zh, en]) expect(text).not.toMatch(/undefined|\[object Object\]|^\s*$/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(en);
      // Every name, path, cell and host text the problem carries is in both sentences.
      const { kind: _kind, ...data } = problem as WorkbookProblem & Record<string, unknown>;
      const named = Object.entries(data)
        .filter(([key]) => key !== "detected")
        .flatMap(([, value]) =>
          Array.isArray(value) ? value.flatMap((v) => (typeof v === "string" ? [v] : Object.values(v))) : [value],
        )
        .filter((v): v is string => typeof v === "string");
      for (const value of named) {
        expect(zh).toContain(value);
        expect(en).toContain(value);
      }
    },
  );

  it("keeps the sentences the Excel adapter spoke, and the file adapter's English", () => {
    expect(formatProblem(EVERY["protected-sheets"], "zh-CN")).toBe(
      "工作表“绩效指标”、“项目”受保护，未写入任何内容。请撤销工作表保护后重试。",
    );
    expect(formatProblem(EVERY["protected-sheets"], "en-US")).toBe(
      "Sheet “绩效指标”, “项目” is protected; nothing was written. Unprotect it and try again.",
    );
    expect(formatProblem(EVERY["not-a-workbook"], "en-US")).toBe(
      "a.xlsx: an old .xls workbook; open it in Excel (or WPS) and save it as .xlsx",
    );
    expect(formatProblem({ kind: "file-unreadable", path: "a.xlsx", code: null }, "en-US")).toBe(
      "a.xlsx: cannot be read (unknown)",
    );
  });

  it("gives a WorkbookError the code its kind belongs to, and a developer's line as its message", () => {
    for (const problem of problems) expect(new WorkbookError(problem).code).toBe(PROBLEM_CODE[problem.kind]);
    expect(new WorkbookError(EVERY.encrypted).code).toBe("encrypted");
    expect(new WorkbookError(EVERY["not-a-workbook"]).code).toBe("not-a-workbook");
    expect(new WorkbookError(EVERY["read-only"]).code).toBe("read-only");
    expect(new WorkbookError(EVERY["copy-not-owned"]).message).toBe('copy-not-owned {"sheet":"检查目标_辅助"}');
  });
});

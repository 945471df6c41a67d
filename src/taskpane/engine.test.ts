import type { WorkbookData } from "../core";
import { createEngine } from "./engine";
import { LIST_HEADER, sheetOf } from "../../test/support/sheet-data";

const cell = (value: string) => ({ value });

/** Two projects; the second one's satisfaction target is missing (an error). */
const DATA: WorkbookData = {
  sheets: [
    sheetOf("绩效指标", [
      LIST_HEADER,
      ["项目甲", "产出指标", "数量指标", "培训人数", "≥50人"],
      ["项目乙", "满意度指标", "服务对象满意度指标", "群众满意度", " %"],
    ]),
    sheetOf("指标定义", [
      ["指标名称", "同义词", "计量单位"],
      ["培训人数", "培训人次", "人"],
    ]),
  ],
};
const OPTIONS = { asOf: "2026-06-30", locale: "zh-CN" as const, source: "t.xlsx" };

describe("the pane's checking engine (run in a Web Worker)", () => {
  it("answers in plain data that a worker can post (structured clone), the flags asked for apart", () => {
    const engine = createEngine();
    const result = engine.check(DATA, OPTIONS);
    const flags = engine.flags();
    // A function anywhere in an answer (the core's directionOf) would make postMessage throw.
    for (const answer of [result, flags]) {
      expect(() => structuredClone(answer)).not.toThrow();
      expect(structuredClone(answer)).toEqual(answer);
    }
    expect(result.findings.some((f) => f.cell === "E3" && f.severity === "error")).toBe(true);
    expect(result.projectKeys).toHaveLength(2);
    expect(result.names["绩效指标"]?.find((n) => n.name === "培训人数")).toMatchObject({ kind: "name" });
    expect(result.sheetDefinitions).toEqual([{ name: "培训人数", synonyms: ["培训人次"], sheet: "指标定义", cell: "A2" }]);
    expect(flags).not.toBe("unchanged");
    expect(flags).not.toBeNull();
  });

  it("plans no flags where nothing was found, and none again when the workbook carries them", () => {
    const engine = createEngine();
    engine.check({ sheets: [sheetOf("Sheet1", [["甲", "乙"], ["1", "2"]])] }, OPTIONS);
    expect(engine.flags()).toBeNull();
    engine.check(DATA, OPTIONS);
    const first = engine.flags();
    if (first === null || first === "unchanged") throw new Error("expected a plan");
    // The helper sheet's first row as Excel returns it after the write.
    const helper = first.sheets.find((s) => s.name === "检查目标_辅助");
    const row1 = (helper?.cells ?? [])
      .filter((c) => c.row === 0)
      .map((c) => cell(c.value.kind === "text" ? c.value.text : ""));
    const flagged: WorkbookData = {
      sheets: [...DATA.sheets, { name: "检查目标_辅助", visibility: "hidden", merges: [], rows: [row1] }],
    };
    engine.check(flagged, OPTIONS);
    expect(engine.flags()).toBe("unchanged");
    // The plan carries its fingerprint (flag-fingerprint.ts): that is what the second check found.
    expect(row1.some((c) => c.value.startsWith("check-targets:flags "))).toBe(true);
  });

  it("plans no flags from an earlier check after a check that failed", () => {
    const engine = createEngine();
    engine.check(DATA, OPTIONS);
    // Not workbook data: the check throws, as a bug in it would.
    expect(() => engine.check({ sheets: null } as unknown as WorkbookData, OPTIONS)).toThrow();
    expect(() => engine.flags()).toThrow(/no check/);
    expect(() => engine.answer({ type: "flags" })).toThrow(/no check/);
  });

  it("makes the table, clear and settings plans from the last check", () => {
    const engine = createEngine();
    expect(() => engine.plan({ kind: "table" })).toThrow(/no check/);
    const result = engine.check(DATA, OPTIONS);
    expect(engine.plan({ kind: "table" }).sheets[0]?.name).toBe("绩效目标表");
    expect(engine.plan({ kind: "clear" })).toMatchObject({ sheets: [], flags: [] });
    expect(engine.answer({ type: "plan", plan: { kind: "settings", mapping: result.mapping } })).toMatchObject({
      sheets: [{ name: "检查目标_设置" }],
      flags: null,
    });
  });
});

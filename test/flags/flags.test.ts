import ExcelJS from "exceljs";
import { checkWorkbook, isOwnedSheet, planCheckedWorkbook, planClear, type WorkbookData } from "../../src/core";
import { workbookData, XlsxPort } from "../support/exceljs";
import { generatedWorkbook } from "../../bench/generated-workbook";
import { roundTrip } from "../support/check-workbook";
import { formatsOf, inRef, ownRules } from "../support/flag-rules";
import { monitoringWorkbook } from "../support/monitoring-workbook";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";

const options = { asOf: "2026-06-30", locale: "zh-CN" as const, source: "t.xlsx" };

/** Checks the workbook and applies what `check-targets --out` writes, in memory. */
async function checkInPlace(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const port = new XlsxPort(wb);
  const data = await port.read();
  await port.apply(planCheckedWorkbook(data, checkWorkbook(data, options)));
  return wb;
}

/** The same, saved and opened again, as a colleague would find the file. */
const checkedCopy = async (wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> => roundTrip(await checkInPlace(wb));

const sheetNames = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => `${ws.name}:${ws.state}`);

/** Every staff cell's value, formula and style, for before/after comparison. */
function staffCells(data: WorkbookData, wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const sheet of data.sheets.filter((s) => !isOwnedSheet(s))) {
    wb.getWorksheet(sheet.name)!.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) =>
        out.push(`${sheet.name}!${cell.address}=${JSON.stringify([cell.value, cell.style])}`),
      ),
    );
  }
  return out;
}

describe("flags on the staff sheets", () => {
  const seed = loadSeed();

  it("cover every error and warning of the sample with one of our rules", async () => {
    const checked = await checkedCopy(buildSampleWorkbook(seed));
    const { findings } = checkWorkbook(workbookData(checked), options);
    const rules = ownRules(checked);
    const flagged = findings.filter((f) => f.severity !== "info");
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) expect(rules.some((r) => r.sheet === f.sheet && inRef(r.ref, f.cell))).toBe(true);
  });

  it("are a handful per checked column, however many rows", async () => {
    // In memory: ExcelJS's loading of merged cells is quadratic, which a 10,000-row table feels.
    const count = async (rows: number) => ownRules(await checkInPlace(generatedWorkbook(seed, rows))).length;
    const small = await count(100);
    expect(small).toBeGreaterThan(0);
    expect(await count(10_000)).toBe(small);
  }, 60_000);

  it("are replaced, not stacked, when a checked workbook is checked again", async () => {
    const once = await checkedCopy(buildSampleWorkbook(seed));
    const twice = await checkedCopy(once);
    expect(ownRules(twice)).toEqual(ownRules(once));
    expect(sheetNames(twice)).toEqual(sheetNames(once));
    // A re-check of the checked copy reads only the staff's sheets: same findings.
    expect(checkWorkbook(workbookData(twice), options).report.findings).toEqual(
      checkWorkbook(workbookData(await roundTrip(buildSampleWorkbook(seed))), options).report.findings,
    );
  });

  it("go with Clear flags, with the helper sheet and the table, and nothing else does", async () => {
    const input = await roundTrip(buildSampleWorkbook(seed));
    const staffRule = {
      ref: "A1:A3",
      rules: [{ type: "expression" as const, priority: 1, formulae: ["A1>0"], style: {} }],
    };
    input.getWorksheet("项目清单")!.addConditionalFormatting(staffRule);
    const original = sheetNames(input);
    const checked = await checkedCopy(input);
    expect(sheetNames(checked)).toEqual([
      ...original,
      "检查目标_辅助:hidden",
      "检查结果:visible",
      "绩效目标表:visible",
    ]);
    const port = new XlsxPort(checked);
    await port.apply(planClear(await port.read(), { table: true }));
    const cleared = await roundTrip(checked);
    expect(sheetNames(cleared)).toEqual(original);
    expect(ownRules(cleared)).toEqual([]);
    expect(formatsOf(cleared.getWorksheet("项目清单")!).map((cf) => cf.ref)).toEqual(["A1:A3"]);
    expect(cleared.definedNames.model.filter((n) => n.name.startsWith("CT_"))).toEqual([]);
  });

  it("never change a staff cell's value, formula or style", async () => {
    const input = await roundTrip(buildSampleWorkbook(seed));
    input.getWorksheet("项目清单")!.getCell("M2").value = { formula: "D2*2", result: 144.04 };
    const before = staffCells(workbookData(input), input);
    const checked = await checkedCopy(input);
    expect(staffCells(workbookData(checked), checked)).toEqual(before);
  });

  it("write a staff text that looks like a formula as text", async () => {
    const wb = buildSampleWorkbook({
      ...seed,
      projects: seed.projects.slice(0, 1).map((p) => ({ ...p, name: '=HYPERLINK("http://example.invalid","点击")' })),
    });
    const table = (await checkedCopy(wb)).getWorksheet("绩效目标表")!;
    const cells: ExcelJS.CellValue[] = [];
    table.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain('=HYPERLINK("http://example.invalid","点击")');
    expect(cells.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
  });
});

describe("flags during the year", () => {
  it("cover every monitoring finding, live where the 完成值 is a number", async () => {
    const wb = monitoringWorkbook(loadSeed(), {
      actuals: { "1/空调单价": 0.25, "1/群众满意度": { value: 0.75, numFmt: "0%" }, "3/隔离点租金": "2500美元" },
      spent: { 4: 0.3 },
    });
    const port = new XlsxPort(wb);
    const data = await port.read();
    const result = checkWorkbook(data, { ...options, asOf: "2026-12-31" });
    await port.apply(planCheckedWorkbook(data, result));
    const rules = ownRules(wb);
    const monitoring = result.findings.filter(
      (f) => f.rule.startsWith("actual") || f.rule.startsWith("spending") || f.rule.startsWith("deviation"),
    );
    expect(monitoring.map((f) => f.rule).sort()).toEqual(
      [
        "actual-fails-target",
        "actual-fails-target",
        "actual-unparseable",
        "deviation-reason-missing",
        "deviation-reason-missing",
        "spending-behind-plan",
      ].sort(),
    );
    for (const f of monitoring) expect(rules.some((r) => r.sheet === f.sheet && inRef(r.ref, f.cell))).toBe(true);
    // The two numeric failures are judged by the live 完成值 rule, not by snapshots.
    const live = rules.filter((r) => r.formula.includes('"check-targets:actual"'));
    expect(live).toHaveLength(1);
    for (const f of monitoring.filter((f) => f.rule === "actual-fails-target"))
      expect(inRef(live[0]!.ref, f.cell)).toBe(true);
  });
});

describe("Clear flags", () => {
  it("removes the helper sheet and, when asked, the table, but keeps the shared settings", () => {
    const owned = (name: string, kind: string) => ({
      name,
      visibility: "hidden" as const,
      rows: [[{ value: `check-targets:${kind} v1` }]],
      merges: [],
    });
    const data = {
      sheets: [owned("检查目标_辅助", "helper"), owned("绩效目标表", "table"), owned("检查目标_设置", "settings")],
    };
    expect(planClear(data, { table: true })).toEqual({
      sheets: [],
      names: [],
      flags: [],
      removeSheets: ["检查目标_辅助", "绩效目标表"],
    });
    expect(planClear(data, { table: false }).removeSheets).toEqual(["检查目标_辅助"]);
  });
});

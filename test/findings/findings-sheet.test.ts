import {
  checkWorkbook,
  cellLink,
  isOwnedSheet,
  parseCellLink,
  planClear,
  planFindingsSheet,
  planFlagWrite,
  type CheckResult,
  type SheetPlan,
  type WorkbookData,
} from "../../src/core";
import { workbookData } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { addressOf, plannedCell } from "../support/planned-cells";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";

const text = (plan: SheetPlan, address: string): string | null => {
  const v = plannedCell(plan, address)?.value;
  return v?.kind === "text" ? v.text : null;
};
const formula = (plan: SheetPlan, address: string): string | null => {
  const v = plannedCell(plan, address)?.value;
  return v?.kind === "formula" ? v.formula : null;
};
const numberAt = (plan: SheetPlan, address: string): number | null => {
  const v = plannedCell(plan, address)?.value;
  return v?.kind === "number" ? v.value : null;
};

/** The rows of the findings list: the row of each numbered finding (column A holds the number). */
const listRows = (plan: SheetPlan): number[] =>
  plan.cells
    .filter((c) => /^A\d+$/.test(addressOf(c)) && c.value.kind === "number")
    .map((c) => Number(addressOf(c).slice(1)));

describe("the findings sheet (检查结果)", () => {
  let data: WorkbookData;
  let result: CheckResult;
  let plan: SheetPlan;
  beforeAll(async () => {
    data = workbookData(await roundTrip(buildSampleWorkbook(loadSeed())));
    result = checkWorkbook(data, {
      asOf: "2026-06-30",
      locale: "zh-CN",
      source: "sample.xlsx",
      checkedOn: "2026-07-01",
    });
    plan = planFlagWrite(data, result).sheets.find((s) => s.name === "检查结果")!;
  });

  it("is written with the flags, visible, and known as the add-in's own", () => {
    expect(plan).toBeDefined();
    expect(plan.visibility).toBe("visible");
    expect(
      isOwnedSheet({ name: plan.name, visibility: "visible", rows: [[{ value: text(plan, "K1") }]], merges: [] }),
    ).toBe(true);
    // The marker's column is hidden and outside the print area.
    expect(plan.columnWidths.find((w) => w.column === "K")?.hidden).toBe(true);
    expect(plan.page?.printArea).toMatch(/^A1:J\d+$/);
  });

  it("has a row per error and warning, errors first, each with a link to its cell and the report's message", () => {
    const { report } = result;
    const flagged = report.findings.filter((f) => f.severity !== "info");
    expect(flagged.length).toBe(report.summary.errors + report.summary.warnings);
    const rows = listRows(plan).slice(0, flagged.length);
    const listed = rows.map((r) => ({
      severity: text(plan, `B${r}`),
      link: parseCellLink(formula(plan, `G${r}`) ?? ""),
      message: text(plan, `H${r}`),
      rule: text(plan, `J${r}`),
    }));
    const expected = [
      ...flagged.filter((f) => f.severity === "error"),
      ...flagged.filter((f) => f.severity === "warning"),
    ];
    expect(listed).toEqual(
      expected.map((f) => ({
        severity: f.severity === "error" ? "错误" : "警告",
        link: { sheet: f.sheet, cell: f.cell },
        message: f.message,
        rule: f.rule,
      })),
    );
    expect(rows.map((r) => numberAt(plan, `A${r}`))).toEqual(rows.map((_, i) => i + 1));
    // Errors, then warnings; within each, the reading order of the report.
    expect(listed.filter((l) => l.severity === "错误").length).toBe(report.summary.errors);
  });

  it("names the project by code and name, and suggests a fix where the rule has one", () => {
    const rows = listRows(plan);
    const direction = rows.find((r) => text(plan, `J${r}`) === "target-direction");
    const unit = rows.find((r) => text(plan, `J${r}`) === "target-unit");
    const some = direction ?? unit;
    expect(some).toBeDefined();
    expect(text(plan, `I${some}`)).toMatch(/^(指标值改为“.+”|计量单位用“.+”)$/);
    const project = result.model.projects.find((p) => p.name === text(plan, `D${rows[0]}`));
    expect(text(plan, `C${rows[0]}`)).toBe(project?.code);
    // A rule with no fix leaves the cell blank.
    const missing = rows.find((r) => text(plan, `J${r}`) === "target-missing");
    expect(text(plan, `I${missing}`)).toBe("");
  });

  it("says on top when, as of when, how much, what the colours mean and how to check again", () => {
    const top = [2, 3, 4, 5, 6].map((r) =>
      plan.cells.filter((c) => addressOf(c).endsWith(String(r)) && /^[A-J]\d+$/.test(addressOf(c))),
    );
    const all = top
      .flat()
      .map((c) => (c.value.kind === "text" ? c.value.text : ""))
      .join("\n");
    expect(all).toContain("检查日期：2026-07-01");
    expect(all).toContain("截至日期：2026-06-30");
    const { errors, warnings } = result.report.summary;
    expect(all).toContain(`错误 ${errors} 条，警告 ${warnings} 条`);
    expect(all).toMatch(/浅红：错误/);
    expect(all).toMatch(/重新检查/);
    expect(plannedCell(plan, "B4")?.style?.fill).toBe("FFC7CE");
    expect(plannedCell(plan, "B5")?.style?.fill).toBe("FFEB9C");
  });

  it("freezes the header, filters the list, wraps the message and prints on A4 landscape with the header repeated", () => {
    expect(text(plan, "A8")).toBe("序号");
    expect(text(plan, "G8")).toBe("单元格");
    expect(plan.frozenRows).toBe(8);
    const last = Math.max(...listRows(plan));
    expect(plan.autoFilter).toBe(`A8:J${last}`);
    expect(plan.page).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: true, printTitleRows: "8:8" });
    const message = plannedCell(plan, "H9");
    expect(message?.style?.wrap).toBe(true);
    expect(plan.columnWidths.find((w) => w.column === "H")?.width).toBeGreaterThan(40);
  });

  it("lists the infos in a block of their own below the errors and warnings", () => {
    const withInfos = {
      ...result,
      findings: [...result.findings, { ...result.findings[0]!, severity: "info" as const }],
      report: {
        ...result.report,
        findings: [...result.report.findings, { ...result.report.findings[0]!, severity: "info" as const }],
      },
    };
    const sheet = planFlagWrite(data, withInfos).sheets.find((s) => s.name === "检查结果")!;
    const rows = listRows(sheet);
    const infoRow = rows[rows.length - 1]!;
    expect(text(sheet, `B${infoRow}`)).toBe("提示");
    expect(text(sheet, `A${infoRow - 2}`)).toMatch(/^提示（1 条/);
    expect(text(sheet, `A${infoRow - 1}`)).toBe("序号");
    // The filter covers the errors and warnings, not the infos' block.
    expect(sheet.autoFilter).toBe(`A8:J${rows[rows.length - 2]}`);
  });

  it("writes staff text as text and composes the only formulas, the links, itself", () => {
    const formulas = plan.cells.filter((c) => c.value.kind === "formula");
    expect(formulas.length).toBe(result.report.summary.errors + result.report.summary.warnings);
    for (const c of formulas) expect(addressOf(c)).toMatch(/^G\d+$/);
    const hostile = planFindingsSheet({
      report: { ...result.report, findings: [{ ...result.report.findings[0]!, message: '=HYPERLINK("x","y")' }] },
      findings: [{ ...result.findings[0]!, sheet: `it's "odd"`, cell: "B7", project: "=1+1", indicator: "@SUM(A1)" }],
      codeOf: () => "+1",
      nameOf: () => null,
      locale: "zh-CN",
      checkedOn: null,
    });
    const links = hostile.cells
      .filter((c) => c.value.kind === "formula")
      .map((c) => (c.value as { formula: string }).formula);
    expect(links).toEqual([`HYPERLINK("#'it''s ""odd""'!B7","B7")`]);
    expect(parseCellLink(links[0]!)).toEqual({ sheet: `it's "odd"`, cell: "B7" });
    expect(text(hostile, "D9")).toBe("=1+1");
    expect(text(hostile, "H9")).toBe('=HYPERLINK("x","y")');
  });

  it("speaks English when the check did", () => {
    const en = checkWorkbook(data, { asOf: "2026-06-30", locale: "en-US", source: "sample.xlsx" });
    const sheet = planFlagWrite(data, en).sheets.find((s) => s.name === "检查结果")!;
    expect(text(sheet, "A1")).toBe("Check results");
    expect(text(sheet, "H8")).toBe("Message");
    expect(text(sheet, "H9")).toBe(en.report.findings.find((f) => f.severity === "error")?.message);
  });

  it("is removed by Clear flags and by a check that finds nothing, and never replaces a staff sheet", () => {
    const owned = {
      name: "检查结果",
      visibility: "visible" as const,
      rows: [[null, { value: "check-targets:findings v1" }]],
      merges: [],
    };
    const withSheet: WorkbookData = { sheets: [...data.sheets, owned] };
    expect(planClear(withSheet, { table: false }).removeSheets).toContain("检查结果");
    expect(planClear(withSheet, { table: true }).removeSheets).toContain("检查结果");
    const clean = { ...result, findings: [], report: { ...result.report, findings: [] } };
    const cleanPlan = planFlagWrite(withSheet, clean);
    expect(cleanPlan.sheets.map((s) => s.name)).not.toContain("检查结果");
    expect(cleanPlan.removeSheets).toContain("检查结果");

    const staff = { ...owned, rows: [[{ value: "我们自己的检查结果" }]] };
    const named = planFlagWrite({ sheets: [...data.sheets, staff] }, result);
    expect(named.sheets.map((s) => s.name)).toContain("检查结果(检查目标)");
    expect(named.removeSheets).not.toContain("检查结果");
  });

  it("links with Excel's own quoting of a sheet name", () => {
    expect(cellLink("绩效指标", "G5")).toBe(`HYPERLINK("#'绩效指标'!G5","G5")`);
  });
});

describe("a findings sheet of a long list", () => {
  it("lists every error and warning whatever the limit, cuts only the notes, and says how many notes are left", async () => {
    const data = workbookData(await roundTrip(buildSampleWorkbook(loadSeed())));
    const result = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "sample.xlsx" });
    const infos = result.findings.map((f) => ({ ...f, severity: "info" as const }));
    const source = {
      report: { ...result.report, findings: [...result.report.findings, ...result.report.findings] },
      findings: [...result.findings, ...infos],
      codeOf: () => null,
      nameOf: () => null,
      locale: "zh-CN" as const,
      checkedOn: null,
    };
    const flagged = result.findings.length;
    expect(flagged).toBeGreaterThan(10);
    // A limit below the count of errors and warnings: they are all listed all the same.
    const limit = flagged - 3;
    const sheet = planFindingsSheet(source, "检查结果", limit);
    const rows = listRows(sheet);
    expect(rows).toHaveLength(flagged + limit);
    const severities = rows.map((r) => text(sheet, `B${r}`));
    expect(severities.slice(0, flagged)).not.toContain("提示");
    expect(severities.slice(flagged)).toEqual(Array(limit).fill("提示"));
    expect(rows.map((r) => numberAt(sheet, `A${r}`))).toEqual(rows.map((_, i) => i + 1));
    const last = Math.max(...sheet.cells.map((c) => Number(addressOf(c).replace(/^[A-Z]+/, ""))));
    expect(text(sheet, `A${last}`)).toBe(
      `另有 3 条提示未列出（本表最多列 ${limit} 条提示，错误和警告全部列出）；完整内容见“检查目标”任务窗格或 check-targets --json 报告。`,
    );
    // The notes' block says how many there are in all.
    expect(sheet.cells.some((c) => c.value.kind === "text" && c.value.text.startsWith(`提示（${flagged} 条`))).toBe(
      true,
    );
    // The filter covers the errors and warnings.
    expect(sheet.autoFilter).toBe(`A8:J${rows[flagged - 1]}`);
  });
});

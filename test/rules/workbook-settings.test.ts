import { SETTING_KEYS } from "../../src/core/check-settings";
import ExcelJS from "exceljs";
import {
  checkWorkbook,
  DEFAULT_SETTINGS,
  OWNED,
  planSettingsSheet,
  readSettings,
  settingsSchema,
  type SheetData,
  type SheetPlan,
  type TableMapping,
} from "../../src/core";
import { workbookData } from "../support/exceljs";
import { checkBuilt, roundTrip, where } from "../support/check-workbook";
import { addressOf, rowCol } from "../support/planned-cells";
import { workbookOf } from "../support/sheet-builder";

/** The first mapping row follows the title, the header and one row per setting. */
const MAPPING_CELL = `B${SETTING_KEYS.length + 3}`;

/** A planned sheet as an adapter would write it (the lead's XlsxPort.apply does this for real). */
function addPlanned(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = wb.addWorksheet(plan.name, { state: plan.visibility });
  for (const c of plan.cells) {
    const v = c.value;
    ws.getCell(c.row + 1, c.col + 1).value =
      v.kind === "text" ? v.text : v.kind === "number" ? v.value : { formula: v.formula };
  }
}

/** A planned sheet as the plain data a read would give back. */
function asData(plan: SheetPlan): SheetData {
  const rows: ({ value: string | number } | null)[][] = [];
  for (const c of plan.cells) {
    if (c.value.kind === "formula") throw new Error(`unexpected cell ${addressOf(c)}`);
    (rows[c.row] ??= [])[c.col] = { value: c.value.kind === "text" ? c.value.text : c.value.value };
  }
  return {
    name: plan.name,
    visibility: plan.visibility,
    merges: [],
    rows: Array.from(rows, (r) => Array.from(r ?? [], (x) => x ?? null)),
  };
}

/** The settings sheet with hand-written key/value rows under the marker, as a colleague might leave it. */
function settingsRows(rows: (string | number)[][]): (string | number | null)[][] {
  return [["check-targets:settings v1"], ["键", "值", "说明"], ...rows];
}

const MAPPING: TableMapping = {
  sheet: "绩效指标",
  kind: "indicator-list",
  headerRow: 3,
  dataRow: 4,
  columns: { projectName: "A", name: "B", target: "C" },
  headers: { projectName: "项目名称", name: "三级指标", target: "指标值" },
  source: "corrected",
};

describe("the settings sheet", () => {
  it("is planned as a hidden, marked sheet of key/value rows, and read back the same", () => {
    const settings = settingsSchema.parse({
      framework: "2021",
      budgetTolerance: 0.01,
      projectCodePattern: "^\\d{21}$",
    });
    const plan = planSettingsSheet(settings, [MAPPING]);
    expect(plan).toMatchObject({ name: OWNED.settingsSheet, visibility: "hidden" });
    expect(plan.cells[0]).toEqual({ ...rowCol("A1"), value: { kind: "text", text: "check-targets:settings v1" } });
    expect(plan.cells.some((c) => c.value.kind === "formula")).toBe(false);
    const read = readSettings({ sheets: [asData(plan)] });
    expect(read).toEqual({
      ok: true,
      value: { settings, mapping: [MAPPING], mappingCells: [MAPPING_CELL], sheet: OWNED.settingsSheet },
    });
  });

  it("names every cell it cannot use and keeps the default for its key", () => {
    const data = {
      sheets: [
        {
          name: OWNED.settingsSheet,
          visibility: "hidden" as const,
          merges: [],
          rows: settingsRows([
            ["framework", "2022"],
            ["budgetTolerance", 0.01],
            ["projectCodePattern", "[0-9"],
            ["colour", "red"],
            ["budgetTolerance", 0.5],
            ["mapping", "{not json"],
            ["executionWeight", "20"],
          ]).map((r) => r.map((v) => (v === null ? null : { value: v }))),
        },
      ],
    };
    const read = readSettings(data);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.issues.map((i) => [i.cell, i.key, i.reason])).toEqual([
      ["B3", "framework", "invalid"],
      ["B5", "projectCodePattern", "invalid"],
      ["B6", "colour", "unknown-key"],
      ["B7", "budgetTolerance", "duplicate"],
      ["B8", "mapping", "bad-json"],
    ]);
    expect(read.error.fallback.settings).toEqual({ budgetTolerance: 0.01, executionWeight: 20 });
  });
});

describe("a check honours the settings the workbook carries", () => {
  const PROJECTS = [
    ["项目编码", "项目名称", "预算数", "财政资金"],
    ["2021-XYZ", "宣传经费", 10, 10],
  ];
  const INDICATORS = [
    ["项目编码", "一级指标", "二级指标", "三级指标", "指标值"],
    ["2021-XYZ", "产出指标", "数量指标", "宣传次数", "≥5次"],
    ["2021-XYZ", "效益指标", "社会效益指标", "宣传效果", "提升"],
    ["2021-XYZ", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ];
  const withSettings = (rows: (string | number)[][]) => {
    const wb = workbookOf({ 项目清单: PROJECTS, 绩效指标: INDICATORS, [OWNED.settingsSheet]: settingsRows(rows) });
    wb.getWorksheet(OWNED.settingsSheet)!.state = "hidden";
    return wb;
  };
  const rules = (findings: { rule: string; details: Record<string, unknown> }[]) =>
    findings
      .filter((f) => f.rule === "project-code" || f.rule === "category-missing")
      .map((f) => `${f.rule} ${String(f.details.level1 ?? f.details.level2 ?? "")}`);

  it("uses the defaults without a settings sheet", async () => {
    const { findings, settings } = await checkBuilt(withSettings([]));
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(rules(findings).sort()).toEqual([
      "category-missing 产出指标",
      "category-missing 产出指标",
      "category-missing 产出指标",
      "project-code ",
    ]);
  });

  it("takes the framework and the code pattern from it", async () => {
    const { findings, settings } = await checkBuilt(
      withSettings([
        ["framework", "2021"],
        ["projectCodePattern", "^\\d{4}-[A-Z]{3}$"],
      ]),
    );
    expect(settings).toMatchObject({ framework: "2021", projectCodePattern: "^\\d{4}-[A-Z]{3}$" });
    // 2021: 成本指标 is a level-1 category of its own, and 产出指标 needs no 成本 below it.
    expect(rules(findings)).toEqual(["category-missing 成本指标"]);
  });

  it("reports a bad settings cell by its cell and checks with the default for that key", async () => {
    const { findings, report, settings } = await checkBuilt(withSettings([["projectCodePattern", "[0-9"]]));
    expect(settings.projectCodePattern).toBe(DEFAULT_SETTINGS.projectCodePattern);
    expect(where(findings.filter((f) => f.rule === "settings-invalid"))).toEqual([
      `settings-invalid ${OWNED.settingsSheet}!B3`,
    ]);
    expect(findings.some((f) => f.rule === "project-code")).toBe(true);
    expect(report.findings.find((f) => f.rule === "settings-invalid")?.message).toMatch(
      /^设置“projectCodePattern”的值无效（\[0-9: .*），已按默认值检查；请在“检查目标”任务窗格中重新设置。$/,
    );
  });

  it("lets the caller's settings win over the workbook's", async () => {
    const data = workbookData(await roundTrip(withSettings([["framework", "2021"]])));
    const { settings } = checkWorkbook(data, {
      asOf: "2026-06-30",
      locale: "zh-CN",
      source: "t",
      settings: { framework: "2020" },
    });
    expect(settings.framework).toBe("2020");
  });
});

describe("a saved mapping", () => {
  /** Headers no synonym knows: only a corrected mapping can read this sheet. */
  const ODD = [
    ["本科室自用表"],
    [],
    ["A 列", "B 列", "C 列", "D 列"],
    ["招商经费", "产出指标", "签约项目个数", "≥20个"],
  ];
  const corrected: TableMapping = {
    sheet: "自用",
    kind: "indicator-list",
    headerRow: 3,
    columns: { projectName: "A", level1: "B", name: "C", target: "D" },
    headers: { projectName: "A 列", level1: "B 列", name: "C 列", target: "D 列" },
    source: "corrected",
  };
  const withMapping = (rows: (string | number | null)[][], mapping: TableMapping) => {
    const wb = workbookOf({ 自用: rows });
    addPlanned(wb, planSettingsSheet(DEFAULT_SETTINGS, [mapping]));
    return wb;
  };

  it("reads a sheet as the correction says, where detection finds nothing", async () => {
    const detected = await checkBuilt(workbookOf({ 自用: ODD }));
    expect(detected.report.skipped).toEqual(["自用"]);
    const { report, model } = await checkBuilt(withMapping(ODD, corrected));
    expect(model.indicators.map((i) => [i.projectKey, i.level1, i.name, i.targetText])).toEqual([
      ["招商经费", "产出指标", "签约项目个数", "≥20个"],
    ]);
    expect(report.sheets?.find((s) => s.name === "自用")?.tables).toEqual([
      {
        kind: "indicator-list",
        headerRow: 3,
        columns: { projectName: "A", level1: "B", name: "C", target: "D" },
        source: "corrected",
      },
    ]);
    expect(report.sheets?.find((s) => s.name === OWNED.settingsSheet)?.role).toBe("owned");
  });

  it("is set aside when the table has moved, with an info at its cell, and the sheet detected afresh", async () => {
    const moved = [["新增一行"], ...ODD];
    const { findings, model } = await checkBuilt(withMapping(moved, corrected));
    expect(where(findings.filter((f) => f.rule === "settings-invalid"))).toEqual([
      `settings-invalid ${OWNED.settingsSheet}!${MAPPING_CELL}`,
    ]);
    expect(findings.find((f) => f.rule === "settings-invalid")?.severity).toBe("info");
    expect(model.skipped).toEqual(["自用"]);
  });

  it("saves what a check read, so the next check reads the same", async () => {
    const first = await checkBuilt(
      workbookOf({
        项目: [
          ["项目名称", "三级指标", "指标值"],
          ["A", "群众满意度", "≥120%"],
        ],
      }),
    );
    const wb = workbookOf({
      项目: [
        ["项目名称", "三级指标", "指标值"],
        ["A", "群众满意度", "≥120%"],
      ],
    });
    addPlanned(wb, planSettingsSheet(first.settings, first.mapping));
    const second = await checkBuilt(wb);
    expect(second.report.sheets?.[0]?.tables[0]?.source).toBe("saved");
    expect(second.report.findings).toEqual(first.report.findings);
  });
});

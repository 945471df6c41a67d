import {
  checkWorkbook,
  EMPTY_PLAN,
  formatProblem,
  OWNED,
  planFlagWrite,
  WorkbookError,
  type CellData,
  type FlagRule,
  type PageSetup,
  type SheetData,
  type SheetPlan,
  type WorkbookData,
  type WritePlan,
} from "../../src/core";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { cellAt, FakeExcel, snapshot, workbookFromData, type FakeWorkbook } from "../support/office-model";
import { rowCol } from "../support/planned-cells";

// The Office.js adapter against the in-memory Excel: what it reads, what it writes, what it
// refuses to write, and what it costs in syncs.

const cell = (value: CellData["value"], extra: Partial<CellData> = {}): CellData => ({ value, ...extra });

function sheetData(name: string, rows: (CellData | null)[][], extra: Partial<SheetData> = {}): SheetData {
  return { name, visibility: "visible", rows, merges: [], hiddenRows: [], ...extra };
}

/** A small indicator list as staff keep it, with `rows` indicator rows. */
function indicatorList(rows: number): SheetData {
  const header = ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"].map((t) => cell(t));
  const data = Array.from({ length: rows }, (_, i) => [
    cell(`项目${Math.floor(i / 10) + 1}`),
    cell("产出指标"),
    cell("数量指标"),
    cell(`指标${i % 10}`),
    // Every 7th target is missing: an error finding, so the check has flags to write.
    cell(i % 7 === 0 ? " %" : "≥5家"),
  ]);
  return sheetData("绩效指标", [header, ...data]);
}

function setup(data: WorkbookData, options: Partial<FakeWorkbook> = {}) {
  const state = workbookFromData(data, { excelApi: "1.13", ...options });
  const fake = new FakeExcel(state);
  const port = new ExcelWorkbook({ host: fake.host() });
  return { state, fake, port };
}

const flag = (sheet: string, ranges: string[], severity: FlagRule["severity"] = "error"): FlagRule => ({
  sheet,
  severity,
  ranges,
  formula: `ISTEXT("check-targets:${severity}")`,
});

const flagsOnly = (flags: FlagRule[]): WritePlan => ({ ...EMPTY_PLAN, names: [], flags });

function ownedSheet(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name,
    visibility: "visible",
    cells: [{ ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}table v1` } }],
    merges: [],
    columnWidths: [],
    rowHeights: [],
    page: null,
    ...extra,
  };
}

describe("ExcelWorkbook.read", () => {
  it("reads values (a formula's cached one, not its text), number formats, errors, merges, hidden rows and visibility", async () => {
    const { port } = setup({
      sheets: [
        sheetData(
          "表1",
          [
            [cell("标题")],
            [],
            [null, cell(0.85, { numberFormat: "0%" }), cell(2, { formula: "1+1" }), cell(null, { error: "#N/A" })],
            [null, cell('=HYPERLINK("x")'), cell(true)],
          ],
          { merges: [{ top: 0, left: 0, bottom: 1, right: 3 }], hiddenRows: [3] },
        ),
        sheetData("隐藏", [[cell("x")]], { visibility: "hidden" }),
        sheetData("空", []),
      ],
    });
    const { data, access } = await port.readWithAccess();
    expect(data.sheets).toEqual([
      {
        name: "表1",
        visibility: "visible",
        rows: [
          [cell("标题")],
          [],
          // `formulas` is not loaded (nothing in the core reads a formula's text): CellData.formula stays unset.
          [null, cell(0.85, { numberFormat: "0%" }), cell(2), cell(null, { error: "#N/A" })],
          [null, cell('=HYPERLINK("x")'), cell(true)],
        ],
        merges: [{ top: 0, left: 0, bottom: 1, right: 3 }],
        hiddenRows: [3],
      },
      { name: "隐藏", visibility: "hidden", rows: [[cell("x")]], merges: [], hiddenRows: [] },
      { name: "空", visibility: "visible", rows: [], merges: [], hiddenRows: [] },
    ]);
    expect(access).toEqual({ name: "Book1.xlsx", readOnly: false, protectedSheets: [] });
  });

  it("reads without merged areas where ExcelApi 1.13 is missing (and does not call it)", async () => {
    const { port } = setup(
      { sheets: [sheetData("S", [[cell("a"), cell("b")]], { merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] })] },
      { excelApi: "1.8" },
    );
    const data = await port.read();
    expect(data.sheets[0]?.merges).toEqual([]);
    expect(data.sheets[0]?.rows).toEqual([[cell("a")]]);
  });

  it("reads all of more than 512 merged areas in row chunks, without reading the data twice", async () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({ top: i, left: 0, bottom: i, right: 1 }));
    const rows = Array.from({ length: 600 }, (_, i) => [cell(`r${i}`)]);
    const { port, fake } = setup({ sheets: [sheetData("S", rows, { merges })] });
    const data = await port.read();
    expect(data.sheets[0]?.rows).toHaveLength(600);
    expect(data.sheets[0]?.merges).toEqual(merges);
    // Sheets, extents with merges (refused), extents alone, merges in chunks of 200 rows, data once.
    expect(fake.syncs).toBe(5);
    expect(fake.requests.filter((bytes) => bytes > 20_000)).toHaveLength(0);
  });

  it("lists a merge once, by its top-left cell, as Excel does (office-js #3611)", async () => {
    const { fake } = setup({
      sheets: [
        sheetData("S", [[cell("a")], [cell("b")], [cell("c")]], { merges: [{ top: 0, left: 0, bottom: 2, right: 1 }] }),
      ],
    });
    const listed = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const top = ws.getRange("A1:B1").getMergedAreasOrNullObject().load("address");
      const below = ws.getRange("A2:B3").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return [top.isNullObject ? null : top.address, below.isNullObject ? null : below.address];
    });
    expect(listed).toEqual(["S!A1:B3", null]);
  });

  it("reports a read-only workbook and protected staff sheets, and reads them", async () => {
    const { port, state } = setup({ sheets: [indicatorList(3), sheetData("其他", [[cell("x")]])] }, { readOnly: true });
    (state.sheets[1] as { protected: boolean }).protected = true;
    const { data, access } = await port.readWithAccess();
    expect(access).toMatchObject({ readOnly: true, protectedSheets: ["其他"] });
    expect(data.sheets.map((s) => s.rows.length)).toEqual([4, 1]);
  });

  it("turns a host failure into a WorkbookError carrying the host's error text", async () => {
    const port = new ExcelWorkbook({
      host: {
        run: () => Promise.reject(Object.assign(new Error("boom"), { code: "GeneralException" })),
        isSetSupported: () => true,
        web: false,
      },
    });
    await expect(port.read()).rejects.toMatchObject({
      code: "host",
      problem: { kind: "host-failed", detail: "GeneralException: boom" },
    });
  });

  it("refuses to run where ExcelApi 1.8 is missing, saying which Office is needed", async () => {
    const { port } = setup({ sheets: [] }, { excelApi: "1.7" });
    await expect(port.read()).rejects.toMatchObject({ code: "host", problem: { kind: "unsupported-host" } });
  });
});

describe("ExcelWorkbook.apply", () => {
  it("adds the flag rules as custom conditional formats, red for errors, amber for warnings", async () => {
    const { port, state } = setup({ sheets: [indicatorList(20)] });
    await port.read();
    await port.apply(flagsOnly([flag("绩效指标", ["E2:E9"]), flag("绩效指标", ["D3"], "warning")]));
    expect(state.sheets[0]?.conditionalFormats).toEqual([
      expect.objectContaining({
        type: "Custom",
        areas: [{ top: 1, left: 4, bottom: 8, right: 4 }],
        formula: '=ISTEXT("check-targets:error")',
        fill: "#FFC7CE",
      }),
      expect.objectContaining({
        areas: [{ top: 2, left: 3, bottom: 2, right: 3 }],
        formula: '=ISTEXT("check-targets:warning")',
        fill: "#FFEB9C",
      }),
    ]);
  });

  it("replaces its own rules on a re-run and keeps the staff's rules of every kind", async () => {
    const { port, state } = setup({ sheets: [indicatorList(20)] });
    state.sheets[0]?.conditionalFormats.push(
      { id: "s1", type: "ColorScale", areas: [{ top: 1, left: 4, bottom: 20, right: 4 }], formula: null, fill: null },
      {
        id: "s2",
        type: "Custom",
        areas: [{ top: 1, left: 0, bottom: 1, right: 0 }],
        formula: '=A2="x"',
        fill: "#00FF00",
      },
    );
    await port.read();
    await port.apply(flagsOnly([flag("绩效指标", ["E2"])]));
    await port.apply(flagsOnly([flag("绩效指标", ["E3"])]));
    const formats = state.sheets[0]?.conditionalFormats ?? [];
    expect(formats.map((f) => f.id)).toEqual([expect.any(String), "s1", "s2"]);
    expect(formats[0]?.areas).toEqual([{ top: 2, left: 4, bottom: 2, right: 4 }]);

    await port.apply(flagsOnly([]));
    expect(state.sheets[0]?.conditionalFormats.map((f) => f.id)).toEqual(["s1", "s2"]);
  });

  it("puts one rule over separate areas with ExcelApi 1.9, and refuses it, writing nothing, without", async () => {
    const data = { sheets: [indicatorList(20)] };
    const withAreas = setup(data);
    await withAreas.port.read();
    await withAreas.port.apply(flagsOnly([flag("绩效指标", ["E2", "E5:E6"])]));
    expect(withAreas.state.sheets[0]?.conditionalFormats[0]?.areas).toEqual([
      { top: 1, left: 4, bottom: 1, right: 4 },
      { top: 4, left: 4, bottom: 5, right: 4 },
    ]);

    const old = setup(data, { excelApi: "1.8" });
    const before = snapshot(old.state);
    await old.port.read();
    await expect(old.port.apply(flagsOnly([flag("绩效指标", ["E2", "E5:E6"])]))).rejects.toMatchObject({
      code: "host",
      problem: { kind: "multi-area" },
    });
    expect(snapshot(old.state)).toEqual(before);
  });

  it("writes an owned sheet: text as text (number format @ first), numbers, formulas, styles, merges, widths, page, names", async () => {
    const { port, state } = setup({ sheets: [indicatorList(3)] });
    await port.read();
    const table = ownedSheet(OWNED.tableSheet, {
      cells: [
        { ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}table v1` } },
        { ...rowCol("A2"), value: { kind: "text", text: '=HYPERLINK("http://x")' }, style: { bold: true, border: true } },
        { ...rowCol("B2"), value: { kind: "text", text: "001" }, style: { bold: true, border: true } },
        { ...rowCol("C2"), value: { kind: "number", value: 0.5, format: "0%" }, style: { fill: "FFEB9C" } },
        {
          ...rowCol("D3"),
          value: { kind: "formula", formula: "SUM(C2:C2)" },
          style: { horizontal: "center", vertical: "middle", wrap: true },
        },
      ],
      merges: ["A3:C3"],
      columnWidths: [{ column: "B", width: 20 }],
      rowHeights: [{ row: 2, height: 30 }],
      page: {
        paper: "A4",
        orientation: "landscape",
        fitToWidth: true,
        printArea: "A1:D3",
        printTitleRows: "1:1",
        rowBreaks: [2],
      },
    });
    await port.apply({
      sheets: [table],
      names: [{ name: "CT_1", refersTo: "'检查目标_辅助'!$B$1:$B$9" }],
      flags: null,
      removeSheets: [],
    });

    const written = state.sheets.find((s) => s.name === OWNED.tableSheet);
    expect(written?.rows[1]?.[0]).toEqual({
      value: '=HYPERLINK("http://x")',
      numberFormat: "@",
      format: {
        bold: true,
        borders: { EdgeTop: "Continuous", EdgeBottom: "Continuous", EdgeLeft: "Continuous", EdgeRight: "Continuous" },
      },
    });
    expect(written?.rows[1]?.[1]).toMatchObject({ value: "001", numberFormat: "@", format: { bold: true } });
    expect(written?.rows[1]?.[2]).toMatchObject({ value: 0.5, numberFormat: "0%", format: { fill: "#FFEB9C" } });
    expect(written?.rows[2]?.[3]).toMatchObject({
      formula: "SUM(C2:C2)",
      format: { horizontalAlignment: "Center", verticalAlignment: "Center", wrapText: true },
    });
    expect(written?.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 2 }]);
    expect(written?.columnWidths.get(1)).toBe(108.75);
    expect(written?.rowHeights.get(1)).toBe(30);
    expect(written?.page).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      horizontalFitToPages: 1,
      // As the file path writes it: one page wide, as many tall as needed (not Excel's default of one).
      verticalFitToPages: 0,
      printArea: "A1:D3",
      printTitleRows: "1:1",
      rowBreaks: [2],
    });
    expect(state.names).toEqual([{ name: "CT_1", formula: "='检查目标_辅助'!$B$1:$B$9" }]);
  });

  it("writes the table without print settings where ExcelApi 1.9 is missing", async () => {
    const { port, state } = setup({ sheets: [indicatorList(3)] }, { excelApi: "1.8" });
    await port.read();
    const page: PageSetup = {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      printArea: "A1:A1",
      printTitleRows: null,
      rowBreaks: [],
    };
    await port.apply({ ...EMPTY_PLAN, sheets: [ownedSheet(OWNED.tableSheet, { page })] });
    expect(state.sheets.find((s) => s.name === OWNED.tableSheet)?.page).toEqual({});
  });

  it("replaces its own sheet, hides the helper sheet, replaces its names and deletes what the plan removes", async () => {
    const { port, state } = setup({ sheets: [indicatorList(3)] });
    await port.read();
    const helper = ownedSheet(OWNED.helperSheet, { visibility: "hidden" });
    await port.apply({
      sheets: [ownedSheet(OWNED.tableSheet), helper],
      names: [{ name: "CT_1", refersTo: "'检查目标_辅助'!$B$1:$B$2" }],
      flags: [],
      removeSheets: [],
    });
    expect(state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["绩效指标", "Visible"],
      [OWNED.tableSheet, "Visible"],
      [OWNED.helperSheet, "Hidden"],
    ]);
    state.names.push({ name: "StaffName", formula: "=绩效指标!$A$1" });

    await port.read();
    await port.apply({
      sheets: [ownedSheet(OWNED.tableSheet)],
      names: [],
      flags: [],
      removeSheets: [OWNED.helperSheet],
    });
    expect(state.sheets.map((s) => s.name)).toEqual(["绩效指标", OWNED.tableSheet]);
    expect(state.names).toEqual([{ name: "StaffName", formula: "=绩效指标!$A$1" }]);
  });

  it("never replaces a staff sheet that has the name of one of ours: nothing is written", async () => {
    const { port, state } = setup({ sheets: [indicatorList(3), sheetData(OWNED.tableSheet, [[cell("staff data")]])] });
    await port.read();
    const before = snapshot(state);
    await expect(
      port.apply({
        sheets: [ownedSheet(OWNED.tableSheet)],
        names: [],
        flags: [flag("绩效指标", ["E2"])],
        removeSheets: [],
      }),
    ).rejects.toMatchObject({ code: "protected", problem: { kind: "not-owned", sheet: OWNED.tableSheet } });
    // removeSheets skips a sheet that is not ours.
    await port.apply({ ...EMPTY_PLAN, removeSheets: [OWNED.tableSheet] });
    expect(snapshot(state)).toEqual(before);
  });

  it("reads a read-only workbook, and refuses to write to it before writing anything", async () => {
    const { port, state } = setup({ sheets: [indicatorList(10)] }, { readOnly: true });
    const data = await port.read();
    expect(data.sheets[0]?.rows).toHaveLength(11);
    const before = snapshot(state);
    await expect(port.apply(flagsOnly([flag("绩效指标", ["E2"])]))).rejects.toBeInstanceOf(WorkbookError);
    await expect(port.apply(flagsOnly([flag("绩效指标", ["E2"])]))).rejects.toMatchObject({
      code: "read-only",
      problem: { kind: "read-only" },
    });
    expect(snapshot(state)).toEqual(before);
  });

  it("refuses, writing nothing, when a sheet it must change is protected", async () => {
    const { port, state } = setup({ sheets: [indicatorList(10), sheetData("其他", [[cell("x")]])] });
    (state.sheets[0] as { protected: boolean }).protected = true;
    await port.read();
    const before = snapshot(state);
    const plan: WritePlan = {
      sheets: [ownedSheet(OWNED.tableSheet)],
      names: [],
      flags: [flag("绩效指标", ["E2"])],
      removeSheets: [],
    };
    await expect(port.apply(plan)).rejects.toMatchObject({
      code: "protected",
      problem: { kind: "protected-sheets", sheets: ["绩效指标"] },
    });
    expect(snapshot(state)).toEqual(before);

    // A protected sheet the plan does not touch is no obstacle.
    (state.sheets[0] as { protected: boolean }).protected = false;
    (state.sheets[1] as { protected: boolean }).protected = true;
    await port.apply(plan);
    expect(state.sheets[0]?.conditionalFormats).toHaveLength(1);
  });

  it("refuses, writing nothing, when the workbook structure is protected and sheets must be added", async () => {
    const { port, state } = setup({ sheets: [indicatorList(3)] }, { structureProtected: true });
    await port.read();
    const before = snapshot(state);
    await expect(port.apply({ ...EMPTY_PLAN, sheets: [ownedSheet(OWNED.tableSheet)] })).rejects.toMatchObject({
      code: "protected",
      problem: { kind: "protected-structure" },
    });
    expect(snapshot(state)).toEqual(before);
    await port.apply(flagsOnly([flag("绩效指标", ["E2"])]));
    expect(state.sheets[0]?.conditionalFormats).toHaveLength(1);
  });

  it("refuses, writing nothing, in the legacy shared-workbook mode, which Office.js cannot see beforehand", async () => {
    const { port, state } = setup({ sheets: [indicatorList(3)] }, { legacyShared: true });
    await port.read();
    const before = snapshot(state);
    const plan: WritePlan = {
      sheets: [ownedSheet(OWNED.helperSheet, { merges: ["B2:C2"] })],
      names: [{ name: "CT_1", refersTo: "'检查目标_辅助'!$B$1:$B$2" }],
      flags: [flag("绩效指标", ["E2"])],
      removeSheets: [],
    };
    await expect(port.apply(plan)).rejects.toMatchObject({ code: "protected", problem: { kind: "write-refused" } });
    expect(snapshot(state)).toEqual(before);
  });

  it("writes nothing and does not sync again when there is nothing to do", async () => {
    const { port, fake, state } = setup({ sheets: [indicatorList(3)] });
    await port.read();
    const before = snapshot(state);
    fake.resetSyncs();
    await port.apply(flagsOnly([]));
    expect(fake.syncs).toBe(1);
    expect(snapshot(state)).toEqual(before);
  });

  it("copes with a sheet added or removed since the read (one more sync)", async () => {
    const { port, fake, state } = setup({ sheets: [indicatorList(3), sheetData("旧", [[cell("x")]])] });
    await port.read();
    state.sheets.pop();
    fake.resetSyncs();
    await port.apply(flagsOnly([flag("绩效指标", ["E2"])]));
    // Inspect, look again, probe, write.
    expect(fake.syncs).toBe(5);
    expect(state.sheets[0]?.conditionalFormats).toHaveLength(1);
  });
});

describe("a whole check (read, check, flag)", () => {
  async function fullCheck(rows: number, stray = false): Promise<{ syncs: number; flagged: number }> {
    const { port, fake, state } = setup({ sheets: [indicatorList(rows)] });
    if (stray) putStray(state, "绩效指标");
    const data = await port.read();
    const result = checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "t" });
    expect(result.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    await port.apply(planFlagWrite(data, result));
    const helper = state.sheets.find((s) => s.name === OWNED.helperSheet);
    return { syncs: fake.syncs, flagged: helper?.rows.length ?? 0 };
  }

  it("costs the same number of syncs (6) on 100 rows, on 10,000, and with a stray value at XFD1048576", async () => {
    const small = await fullCheck(100);
    const large = await fullCheck(10_000);
    const stray = await fullCheck(100, true);
    // Read: sheets, extents, data; write: inspect, probe, write.
    expect(small.syncs).toBe(6);
    expect(large.syncs).toBe(small.syncs);
    expect(stray.syncs).toBe(small.syncs);
    expect(large.flagged).toBeGreaterThan(small.flagged);
    expect(stray.flagged).toBe(small.flagged);
  });
});

/** Excel's last cell, XFD1048576, 0-based. */
const LAST = { row: 1_048_575, col: 16_383 };

/** A clerk's stray value in the sheet's last cell: the used range becomes A1:XFD1048576. */
function putStray(state: FakeWorkbook, sheet: string, at = LAST, value = "备注"): void {
  const target = state.sheets.find((s) => s.name === sheet);
  if (target === undefined) throw new Error(sheet);
  (target.rows[at.row] ??= [])[at.col] = { value };
}

/** The sheet read with a stray value at `at` is the sheet read without it, plus that one cell. */
function expectSameWithStray(read: SheetData | undefined, base: SheetData, at = LAST, value = "备注"): void {
  expect(read).toBeDefined();
  const { rows, ...rest } = read as SheetData;
  const { rows: baseRows, ...baseRest } = base;
  expect(rest).toEqual(baseRest);
  expect(rows).toHaveLength(at.row + 1);
  expect(rows.slice(0, baseRows.length)).toEqual(baseRows);
  expect(rows.slice(baseRows.length, at.row).every((row) => row.length === 0)).toBe(true);
  const last = rows[at.row] ?? [];
  expect(last).toHaveLength(at.col + 1);
  expect(last[at.col]).toEqual(cell(value));
  expect(last.slice(0, at.col).every((c) => c === null)).toBe(true);
}

describe("a used range that reaches XFD1048576", () => {
  /** Values of every kind, a merge, a hidden data row and a formula without a cached value. */
  const kept = sheetData(
    "表1",
    [
      [cell("标题")],
      [],
      [null, cell(0.85, { numberFormat: "0%" }), cell(2, { formula: "1+1" }), cell(null, { error: "#N/A" })],
      [null, cell('=HYPERLINK("x")'), cell(true), cell(null, { formula: "B4&C4" })],
      [cell("末行"), null, cell(42)],
    ],
    { merges: [{ top: 0, left: 0, bottom: 1, right: 3 }], hiddenRows: [3] },
  );

  it("reads only where it holds values: the same cells, merges and hidden rows, in the same syncs", async () => {
    const plain = setup({ sheets: [kept] });
    const base = await plain.port.read();
    const { port, state, fake } = setup({ sheets: [kept] });
    putStray(state, "表1");
    const data = await port.read();
    expectSameWithStray(data.sheets[0], base.sheets[0] as SheetData);
    expect(fake.syncs).toBe(plain.fake.syncs);
    // Excel refuses a range read past 5,000,000 cells; this one read no more than the small sheet did.
    expect(fake.largestRead).toBeLessThanOrEqual(plain.fake.largestRead);
  });

  it("refuses, naming the sheet and its used range, where ExcelApi 1.9 is missing: no data is loaded", async () => {
    const { state, fake, port } = setup({ sheets: [indicatorList(3), kept] }, { excelApi: "1.8" });
    putStray(state, "表1");
    const failure = await port.read().catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: "host",
      problem: { kind: "sheets-too-large", sheets: [{ sheet: "表1", area: "A1:XFD1048576" }] },
    });
    // Worded by the app, in its language.
    const { problem } = failure as WorkbookError;
    expect(formatProblem(problem, "en-US")).toMatch(
      /^The used range of sheet “表1” \(A1:XFD1048576\) is too large .*ExcelApi 1\.9/,
    );
    expect(formatProblem(problem, "zh-CN")).toMatch(/^工作表“表1”（A1:XFD1048576）的已用区域太大.*ExcelApi 1\.9.*Ctrl\+End/);
    await expect(port.read()).rejects.toBeInstanceOf(WorkbookError);
    // Each read stopped after the sheets and their extents.
    expect(fake.syncs).toBe(4);
    expect(fake.largestRead).toBe(0);
  });

  it("without ExcelApi 1.9 still reads a used range of up to 5,000,000 cells whole, as it always did", async () => {
    const at = { row: 19_999, col: 9 };
    const old = setup({ sheets: [kept] }, { excelApi: "1.8" });
    const base = await setup({ sheets: [kept] }, { excelApi: "1.8" }).port.read();
    putStray(old.state, "表1", at);
    expectSameWithStray((await old.port.read()).sheets[0], base.sheets[0] as SheetData, at);
    expect(old.fake.largestRead).toBe(200_000);

    // With 1.9 the same sheet is read where it holds values.
    const modern = setup({ sheets: [kept] });
    putStray(modern.state, "表1", at);
    await modern.port.read();
    expect(modern.fake.largestRead).toBeLessThan(100);
  });

  it("tells the user when Excel on the web refuses a read as too large", async () => {
    // 700 Chinese characters a cell, far past what the read's estimate allows a cell (CELL_BYTES):
    // it plans one sync for these 6,000 cells, and Excel refuses the 8 MB response.
    const long = "很长的指标说明".repeat(100);
    const rows = Array.from({ length: 2_000 }, (_, i) => [cell(`项目${i}`), cell(long), cell(long)]);
    const { port } = setup({ sheets: [sheetData("说明", rows)] }, { platform: "web" });
    await expect(port.read()).rejects.toMatchObject({
      code: "host",
      problem: { kind: "read-too-large", detail: expect.stringMatching(/^ResponsePayloadSizeLimitExceeded/) },
    });
  });
});

describe("ExcelWorkbook.select", () => {
  it("activates the finding's sheet and selects its cell", async () => {
    const { port, state } = setup({ sheets: [sheetData("A", [[cell(1)]]), indicatorList(3)] });
    await port.select("绩效指标", "E3");
    expect(state.selection).toEqual({ sheet: "绩效指标", address: "E3" });
    expect(state.activeSheet).toBe("绩效指标");
  });
});

describe("ExcelWorkbook.activate", () => {
  it("shows a sheet in one sync", async () => {
    const { port, state, fake } = setup({ sheets: [sheetData("A", [[cell(1)]]), indicatorList(3)] });
    fake.resetSyncs();
    await port.activate("A");
    expect(state.activeSheet).toBe("A");
    expect(fake.syncs).toBe(1);
  });

  it("reports the host's failure when the sheet is gone", async () => {
    const { port } = setup({ sheets: [indicatorList(3)] });
    await expect(port.activate("检查结果")).rejects.toMatchObject({
      code: "host",
      problem: { kind: "host-failed", detail: expect.stringMatching(/^ItemNotFound/) },
    });
  });
});

describe("ExcelWorkbook.editCells (a name added as a synonym on 指标定义)", () => {
  const definitions = () => sheetData("指标定义", [[cell("指标名称"), cell("同义词")], [cell("培训人数"), cell("培训人次")]]);

  it("writes the cells as text in two syncs, once they hold what the check read", async () => {
    const { port, state, fake } = setup({ sheets: [definitions(), indicatorList(3)] });
    fake.resetSyncs();
    await port.editCells([
      { sheet: "指标定义", address: "B2", expected: "培训人次", text: "培训人次、培训人员数" },
      // Text that looks like a formula stays text.
      { sheet: "指标定义", address: "C1", expected: "", text: "=SUM(A1)" },
    ]);
    expect(fake.syncs).toBe(2);
    const sheet = state.sheets.find((s) => s.name === "指标定义");
    expect(cellAt(sheet!, 1, 1)?.value).toBe("培训人次、培训人员数");
    expect(cellAt(sheet!, 0, 2)).toMatchObject({ value: "=SUM(A1)", numberFormat: "@" });
    expect(cellAt(sheet!, 0, 2)?.formula).toBeUndefined();
  });

  it("writes nothing when a cell changed since the check", async () => {
    const { port, state } = setup({ sheets: [definitions(), indicatorList(3)] });
    await expect(
      port.editCells([
        { sheet: "指标定义", address: "C1", expected: "", text: "同义词" },
        { sheet: "指标定义", address: "B2", expected: "别的", text: "别的、培训人员数" },
      ]),
    ).rejects.toMatchObject({ code: "host", problem: { kind: "cell-changed", cell: "指标定义!B2" } });
    const sheet = state.sheets.find((s) => s.name === "指标定义");
    expect(cellAt(sheet!, 1, 1)?.value).toBe("培训人次");
    expect(cellAt(sheet!, 0, 2)?.value ?? null).toBeNull();
  });

  it("writes nothing on a protected sheet, and says so", async () => {
    const { port, state } = setup({ sheets: [definitions(), indicatorList(3)] });
    state.sheets.find((s) => s.name === "指标定义")!.protected = true;
    await expect(
      port.editCells([{ sheet: "指标定义", address: "B2", expected: "培训人次", text: "培训人次、x" }]),
    ).rejects.toMatchObject({ code: "protected", problem: { kind: "protected-sheets", sheets: ["指标定义"] } });
    expect(cellAt(state.sheets.find((s) => s.name === "指标定义")!, 1, 1)?.value).toBe("培训人次");
  });
});

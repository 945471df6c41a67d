import {
  checkWorkbook,
  EMPTY_PLAN,
  OWNED,
  planFlagWrite,
  WorkbookError,
  type CellData,
  type FlagRule,
  type SheetData,
  type SheetPlan,
  type WritePlan,
} from "../../src/core";
import { ExcelWorkbook } from "../../src/excel";
import { FakeExcel, snapshot, workbookFromData, type FakeWorkbook } from "../support/office-model";
import { rowCol } from "../support/planned-cells";

// What real Excel does that the in-memory Excel once did not (issue 15), each against the adapter.

const cell = (value: CellData["value"]): CellData => ({ value });
const sheet = (name: string, rows: number): SheetData => ({
  name,
  visibility: "visible",
  rows: Array.from({ length: rows }, (_, r) => [cell(`项目${r}`), cell(r)]),
  merges: [],
  hiddenRows: [],
});

function setup(sheets: SheetData[], options: Partial<FakeWorkbook> = {}) {
  const state = workbookFromData({ sheets }, { excelApi: "1.13", ...options });
  const fake = new FakeExcel(state);
  const port = new ExcelWorkbook({ host: fake.host() });
  return { state, fake, port };
}

const flag = (sheetName: string, range: string, severity: FlagRule["severity"] = "error"): FlagRule => ({
  sheet: sheetName,
  severity,
  ranges: [range],
  formula: `ISTEXT("check-targets:${severity}")`,
});

const zebra = (id: string) => ({
  id,
  type: "Custom",
  areas: [{ top: 0, left: 0, bottom: 99, right: 9 }],
  formula: "=MOD(ROW(),2)=0",
  fill: "#DDEBF7",
});

describe("our flags first on every sheet", () => {
  it("puts our rules above the staff's on the second sheet too, and stops the staff's rules where a flag shows", async () => {
    const { port, state } = setup([sheet("一", 10), sheet("二", 10)]);
    for (const s of state.sheets) s.conditionalFormats.push(zebra(`staff-${s.name}`));
    await port.read();
    await port.apply({
      ...EMPTY_PLAN,
      names: [],
      flags: [flag("一", "B2"), flag("一", "B3", "warning"), flag("二", "B2"), flag("二", "B4", "warning")],
    });
    for (const s of state.sheets) {
      const ids = s.conditionalFormats.map((cf) => cf.id);
      expect(ids[ids.length - 1]).toBe(`staff-${s.name}`);
      expect(s.conditionalFormats.slice(0, 2).map((cf) => [cf.fill, cf.stopIfTrue])).toEqual([
        ["#FFC7CE", true],
        ["#FFEB9C", true],
      ]);
    }
  });
});

describe("the legacy shared-workbook mode", () => {
  // Office.js documents no code for this mode: whatever Excel answers, the probe goes alone first.
  it.each(["AccessDenied", "GeneralException", "InvalidOperation", "NotImplemented"])(
    "reads as 'nothing written' when Excel refuses with %s",
    async (code) => {
      const { port, state } = setup([sheet("一", 3)], { legacyShared: true, legacySharedCode: code });
      await port.read();
      const before = snapshot(state);
      const plan: WritePlan = { ...EMPTY_PLAN, names: [], flags: [flag("一", "B2")] };
      const failure = await port.apply(plan).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(WorkbookError);
      expect(failure).toMatchObject({ code: "protected", problem: { kind: "write-refused" } });
      expect(snapshot(state)).toEqual(before);
    },
  );
});

describe("a very hidden sheet of ours", () => {
  const owned = (name: string): SheetPlan => ({
    name,
    visibility: "veryHidden",
    cells: [{ ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}helper v1` } }],
    merges: [],
    columnWidths: [],
    rowHeights: [],
    page: null,
  });

  it("cannot be deleted as it is (InvalidOperation), so the adapter unhides it first and replaces it", async () => {
    const { port, state, fake } = setup([sheet("一", 3)]);
    await port.read();
    await port.apply({ ...EMPTY_PLAN, sheets: [owned(OWNED.helperSheet)] });
    expect(state.sheets.find((s) => s.name === OWNED.helperSheet)?.visibility).toBe("VeryHidden");

    // The model refuses what Excel refuses.
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(OWNED.helperSheet).delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });

    await port.read();
    await port.apply({ ...EMPTY_PLAN, sheets: [owned(OWNED.helperSheet)] });
    expect(state.sheets.filter((s) => s.name === OWNED.helperSheet)).toHaveLength(1);
    await port.apply({ ...EMPTY_PLAN, removeSheets: [OWNED.helperSheet] });
    expect(state.sheets.map((s) => s.name)).toEqual(["一"]);
  });
});

describe("a strict model: formulas as Excel takes them", () => {
  const addRule = (fake: FakeExcel, formula: string) =>
    fake.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("一").getRange("B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = formula;
      await context.sync();
    });

  it.each([
    ["=AND(", "not parsed"],
    ["=NOSUCHFUNCTION(B2)", "an unknown function"],
    ["=B2>CT_404", "a name not defined"],
    ["=ABS(B2)>1e-7", "a number in exponent form"],
  ])("refuses %s (%s) with InvalidArgument", async (formula) => {
    const { fake } = setup([sheet("一", 3)]);
    await expect(addRule(fake, formula)).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("takes our own formulas, names defined first", async () => {
    const { fake, state } = setup([sheet("一", 3)]);
    state.names.push({ name: "CT_1", formula: "='检查目标_辅助'!$B$1:$B$3" });
    await addRule(fake, '=AND(ISTEXT("check-targets:actual"),ISNUMBER(B2),B2<INDEX(CT_1,ROW(B2)))');
    expect(state.sheets[0]?.conditionalFormats).toHaveLength(1);
  });

  it("writes a whole check whose budget tolerance JavaScript would print as 1e-7", async () => {
    const header = ["项目编码", "项目名称", "预算数", "财政资金", "其他资金"].map(cell);
    const project: SheetData = {
      name: "项目清单",
      visibility: "visible",
      rows: [header, [cell("13020823P00925610020B"), cell("隔离点费用"), cell(100), cell(60), cell(30)]],
      merges: [],
      hiddenRows: [],
    };
    const { port, state } = setup([project]);
    const data = await port.read();
    const result = checkWorkbook(data, {
      asOf: "2026-06-30",
      locale: "zh-CN",
      source: "t.xlsx",
      settings: { budgetTolerance: 1e-7 },
    });
    await port.apply(planFlagWrite(data, result));
    const formulas = state.sheets[0]?.conditionalFormats.map((cf) => cf.formula) ?? [];
    expect(formulas.some((f) => f?.includes(">0.0000001)"))).toBe(true);
  });
});

describe("conditional formats Excel has trouble with (office-js #6827, #6835, #5222)", () => {
  /** Two "Highlight Cell Rules" made in Excel's interface on the same cells. */
  const uiTwins = () => [
    {
      id: "ui-1",
      type: "CellValue",
      areas: [{ top: 1, left: 1, bottom: 9, right: 1 }],
      formula: null,
      fill: "#FF0000",
      madeInUi: true,
    },
    {
      id: "ui-2",
      type: "Custom",
      areas: [{ top: 1, left: 1, bottom: 9, right: 1 }],
      formula: "=B2<0",
      fill: "#00FF00",
      madeInUi: true,
    },
  ];

  it("the model: loading such rules' formulas fails, their types still load", async () => {
    const { fake, state } = setup([sheet("一", 10)]);
    state.sheets[0]?.conditionalFormats.push(...uiTwins());
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets
          .getItem("一")
          .getRange()
          .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    const types = await fake.run(async (context) => {
      const formats = context.workbook.worksheets.getItem("一").getRange().conditionalFormats.load("items/type");
      await context.sync();
      return formats.items.map((f) => f.type);
    });
    expect(types).toEqual(["CellValue", "Custom"]);
  });

  it("the model: deleting a rule through the whole sheet's collection fails where another rule shares a cell; through its own range it works", async () => {
    const { fake, state } = setup([sheet("一", 10)]);
    state.sheets[0]?.conditionalFormats.push(zebra("staff"), {
      ...zebra("ours"),
      areas: [{ top: 1, left: 1, bottom: 1, right: 1 }],
    });
    const deleteVia = (address?: string) =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("一").getRange(address).conditionalFormats.getItem("ours").delete();
        await context.sync();
      });
    await expect(deleteVia()).rejects.toMatchObject({ code: "ItemNotFound" });
    await deleteVia("B2");
    expect(state.sheets[0]?.conditionalFormats.map((cf) => cf.id)).toEqual(["staff"]);
  });

  it("filling the table loads no conditional format, so such a sheet cannot stop it", async () => {
    const { port, state } = setup([sheet("一", 10)]);
    state.sheets[0]?.conditionalFormats.push(...uiTwins());
    await port.read();
    const table: SheetPlan = {
      name: OWNED.tableSheet,
      visibility: "visible",
      cells: [{ ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}table v1` } }],
      merges: [],
      columnWidths: [],
      rowHeights: [],
      page: null,
    };
    await port.apply({ ...EMPTY_PLAN, sheets: [table] });
    expect(state.sheets.map((s) => s.name)).toEqual(["一", OWNED.tableSheet]);
  });

  it("a check writes and replaces its flags on such a sheet, with a staff rule over the same cells, keeping every staff rule", async () => {
    const { port, state } = setup([sheet("一", 10)]);
    state.sheets[0]?.conditionalFormats.push(...uiTwins(), zebra("zebra"));
    await port.read();
    await port.apply({ ...EMPTY_PLAN, names: [], flags: [flag("一", "B2")] });
    await port.apply({ ...EMPTY_PLAN, names: [], flags: [flag("一", "B3", "warning")] });
    const formats = state.sheets[0]?.conditionalFormats ?? [];
    expect(formats.filter((cf) => cf.formula?.includes("check-targets")).map((cf) => [cf.areas, cf.fill])).toEqual([
      [[{ top: 2, left: 1, bottom: 2, right: 1 }], "#FFEB9C"],
    ]);
    expect(formats.filter((cf) => !cf.formula?.includes("check-targets")).map((cf) => cf.id)).toEqual([
      "ui-1",
      "ui-2",
      "zebra",
    ]);
  });
});

import {
  EMPTY_PLAN,
  OWNED,
  WorkbookError,
  type CellData,
  type FlagRule,
  type SheetData,
  type SheetPlan,
  type WritePlan,
} from "../../src/core";
import { ExcelWorkbook } from "../../src/excel";
import { FakeExcel, snapshot, workbookFromData, type FakeWorkbook } from "../../src/excel/fake";

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
  const port = new ExcelWorkbook({ host: fake.host(), locale: "en-US" });
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
      expect(failure).toMatchObject({ code: "protected", message: expect.stringMatching(/nothing was written/) });
      expect(snapshot(state)).toEqual(before);
    },
  );
});

describe("a very hidden sheet of ours", () => {
  const owned = (name: string): SheetPlan => ({
    name,
    visibility: "veryHidden",
    cells: [{ address: "A1", value: { kind: "text", text: `${OWNED.marker}helper v1` } }],
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

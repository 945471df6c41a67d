import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  checkWorkbook,
  fromA1,
  OWNED,
  type CellData,
  type CellValue,
  type SheetData,
  type WorkbookData,
  type WorkbookPort,
  type WritePlan,
} from "../../src/core";
import { ExcelWorkbook } from "../../src/excel";
import { FakeExcel, newSheet, newWorkbook, workbookFromData, type FakeWorkbook } from "../support/office-model";
import { XlsxPort } from "../support/exceljs";
import { roundTrip } from "../support/check-workbook";
import { rowCol } from "../support/planned-cells";

/**
 * The contract both adapters keep, so that the add-in and the command line cannot drift: the
 * same workbook, built once in ExcelJS and once in the in-memory Excel, reads as the same data,
 * and the same write plan leaves the same sheets, rules and names.
 *
 * Representation details that differ and do not matter to the core are normalised (see
 * `normalise`): ExcelJS repeats a merged area's value in its covered cells, Office leaves them
 * empty (the core reads both as the top-left value); Office writes text cells with the number
 * format "@" so that Excel keeps them as text, ExcelJS stores a string as a string. A cell's
 * `formula` is not part of the contract: the core reads a formula's cached value, never its text;
 * the ExcelJS adapter sets it because the file holds it, the Office.js adapter leaves it unset
 * because loading `formulas` would send every text cell's text twice (Excel on the web refuses a
 * response over 5 MB), and reads a formula without a cached value as the blank it shows. That
 * each adapter writes text as text is checked on the written cells.
 */

// -------------------------------------------------------------------------------------------
// One workbook description, two builders
// -------------------------------------------------------------------------------------------

type SpecCell = CellValue | { value?: CellValue; numberFormat?: string; formula?: string; error?: string };
type SpecSheet = {
  name: string;
  hidden?: boolean;
  cells: Record<string, SpecCell>;
  merges?: string[];
  /** 1-based. */
  hiddenRows?: number[];
};

const SPEC: SpecSheet[] = [
  {
    name: "绩效指标",
    cells: {
      A1: "2026年项目支出绩效目标",
      A3: "项目名称",
      B3: "一级指标",
      C3: "二级指标",
      D3: "三级指标",
      E3: "指标值",
      F3: "完成率",
      A4: "（1）隔离点费用",
      B4: "产出指标",
      C4: "数量指标",
      D4: "隔离点数量",
      E4: "≥5家",
      F4: { value: 0.85, numberFormat: "0%" },
      B5: "效益指标",
      C5: "社会效益指标",
      D5: "群众满意度",
      E5: " %",
      F5: { formula: "F4*2", value: 1.7 },
      D6: "备注",
      E6: '=HYPERLINK("x")',
      F6: { error: "#N/A" },
      G6: true,
    },
    merges: ["A1:F2", "A4:A6"],
    hiddenRows: [6],
  },
  { name: "说明", hidden: true, cells: { A1: "内部说明", B2: 42 } },
];

function specValue(cell: SpecCell): { value: CellValue; numberFormat?: string; formula?: string; error?: string } {
  return cell !== null && typeof cell === "object" ? { value: cell.value ?? null, ...cell } : { value: cell };
}

async function xlsxWorkbook(spec: SpecSheet[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden === true ? "hidden" : "visible" });
    for (const [address, raw] of Object.entries(s.cells)) {
      const { value, numberFormat, formula, error } = specValue(raw);
      const cell = ws.getCell(address);
      if (error !== undefined) cell.value = { error } as ExcelJS.CellErrorValue;
      else if (formula !== undefined) cell.value = { formula, result: value ?? undefined } as ExcelJS.CellFormulaValue;
      else cell.value = value;
      if (numberFormat !== undefined) cell.numFmt = numberFormat;
    }
    for (const merge of s.merges ?? []) ws.mergeCells(merge);
    for (const row of s.hiddenRows ?? []) ws.getRow(row).hidden = true;
  }
  return roundTrip(wb);
}

function fakeWorkbook(spec: SpecSheet[]): FakeWorkbook {
  const wb = newWorkbook({ excelApi: "1.13" });
  for (const s of spec) {
    const sheet = newSheet(wb, s.name);
    sheet.visibility = s.hidden === true ? "Hidden" : "Visible";
    for (const [address, raw] of Object.entries(s.cells)) {
      const at = fromA1(address);
      if (at === null) throw new Error(address);
      const { value, numberFormat, formula, error } = specValue(raw);
      (sheet.rows[at.row] ??= [])[at.col] = {
        value: error === undefined ? value : null,
        ...(formula === undefined ? {} : { formula }),
        ...(error === undefined ? {} : { error }),
        ...(numberFormat === undefined ? {} : { numberFormat }),
      };
    }
    sheet.merges = (s.merges ?? []).map((m) => {
      const [from = "", to = from] = m.split(":");
      const a = fromA1(from);
      const b = fromA1(to);
      if (a === null || b === null) throw new Error(m);
      return { top: a.row, left: a.col, bottom: b.row, right: b.col };
    });
    for (const row of s.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
    wb.sheets.push(sheet);
  }
  return wb;
}

// -------------------------------------------------------------------------------------------
// Normalising what each adapter returns, and inspecting what each wrote
// -------------------------------------------------------------------------------------------

function normaliseSheet(sheet: SheetData): SheetData {
  const covered = (r: number, c: number) =>
    sheet.merges.some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
    );
  const rows = sheet.rows.map((row, r) => {
    const cells = row.map((cell, c): CellData | null => {
      // A cell with neither value nor error (a formula not calculated yet) is blank to the core.
      if (cell === null || covered(r, c) || (cell.value === null && cell.error === undefined)) return null;
      const out: CellData = { value: cell.value };
      const format = cell.numberFormat;
      if (format !== undefined && format !== "General" && !(format === "@" && typeof cell.value === "string")) {
        out.numberFormat = format;
      }
      if (cell.error !== undefined) out.error = cell.error;
      return out;
    });
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const hasData = (r: number) => (rows[r] ?? []).some((c) => c !== null);
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    rows,
    merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: (sheet.hiddenRows ?? []).filter(hasData),
  };
}

const normalise = (data: WorkbookData): WorkbookData => ({ sheets: data.sheets.map(normaliseSheet) });

type Written = {
  flags: { sheet: string; ranges: string[]; formula: string; fill: string }[];
  names: { name: string; refersTo: string }[];
};

const plainRef = (ref: string) => ref.replace(/^=/, "").replace(/[$']/g, "");

type Made = {
  port: WorkbookPort;
  written(): Written;
  /** The formula the workbook itself holds in a cell (without "="), if any. */
  formulaAt(sheet: string, address: string): string | undefined;
};
type Harness = { name: string; make(spec: SpecSheet[]): Promise<Made> };

const xlsx: Harness = {
  name: "ExcelJS adapter (src/xlsx)",
  async make(spec) {
    const wb = await xlsxWorkbook(spec);
    const port = new XlsxPort(wb);
    return {
      port,
      written: () => ({
        flags: wb.worksheets.flatMap((ws) =>
          // Not in ExcelJS's typings, but its model of the rules (lib/doc/worksheet.js).
          (
            ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
          ).conditionalFormattings.flatMap((cf) =>
            cf.rules.map((rule) => ({
              sheet: ws.name,
              ranges: cf.ref.split(" "),
              formula: String((rule as { formulae?: unknown[] }).formulae?.[0] ?? ""),
              fill: `#${String((rule as { style?: { fill?: { bgColor?: { argb?: string } } } }).style?.fill?.bgColor?.argb ?? "").slice(2)}`,
            })),
          ),
        ),
        names: (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({
          name: n.name,
          refersTo: plainRef(n.ranges.join(",")),
        })),
      }),
      formulaAt: (sheet, address) => wb.getWorksheet(sheet)?.getCell(address).formula || undefined,
    };
  },
};

const excel: Harness = {
  name: "Office.js adapter (src/excel) on the in-memory Excel",
  async make(spec) {
    const state = fakeWorkbook(spec);
    const port = new ExcelWorkbook({ host: new FakeExcel(state).host() });
    return Promise.resolve({
      port,
      written: () => ({
        flags: state.sheets.flatMap((sheet) =>
          sheet.conditionalFormats.map((cf) => ({
            sheet: sheet.name,
            ranges: cf.areas.map((a) => {
              const from = `${String.fromCharCode(65 + a.left)}${a.top + 1}`;
              const to = `${String.fromCharCode(65 + a.right)}${a.bottom + 1}`;
              return from === to ? from : `${from}:${to}`;
            }),
            formula: (cf.formula ?? "").replace(/^=/, ""),
            fill: cf.fill ?? "",
          })),
        ),
        names: state.names.map((n) => ({ name: n.name, refersTo: plainRef(n.formula) })),
      }),
      formulaAt: (sheet, address) => {
        const at = fromA1(address);
        const target = state.sheets.find((s) => s.name === sheet);
        return at === null || target === undefined ? undefined : target.rows[at.row]?.[at.col]?.formula;
      },
    });
  },
};

// -------------------------------------------------------------------------------------------

describe("the workbook-port contract: read", () => {
  it.each([xlsx, excel])("$name reads the workbook as the other adapter does", async (harness) => {
    const { port } = await harness.make(SPEC);
    const other = await (harness === xlsx ? excel : xlsx).make(SPEC);
    expect(normalise(await port.read())).toEqual(normalise(await other.port.read()));
  });

  it("reads the sample workbook alike through both adapters, with the same findings", async () => {
    const fromFile = await XlsxPort.open(join(__dirname, "../../samples/sample.xlsx"));
    const fileData = await fromFile.read();
    const excelPort = new ExcelWorkbook({
      host: new FakeExcel(workbookFromData(fileData, { excelApi: "1.13" })).host(),
    });
    const excelData = await excelPort.read();
    expect(normalise(excelData)).toEqual(normalise(fileData));
    const options = { asOf: "2026-06-30", locale: "zh-CN", source: "sample.xlsx" } as const;
    expect(checkWorkbook(excelData, options).report).toEqual(checkWorkbook(fileData, options).report);
  });
});

const PLAN: WritePlan = {
  sheets: [
    {
      name: OWNED.tableSheet,
      visibility: "visible",
      cells: [
        { ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}table v1` } },
        { ...rowCol("A2"), value: { kind: "text", text: '=HYPERLINK("copied from a staff cell")' } },
        { ...rowCol("B2"), value: { kind: "number", value: 12.5, format: "0.00" } },
        { ...rowCol("C2"), value: { kind: "formula", formula: "B2*2" } },
        { ...rowCol("A3"), value: { kind: "text", text: "合计" }, style: { bold: true, border: true } },
      ],
      merges: ["A3:C3"],
      columnWidths: [{ column: "A", width: 30 }],
      rowHeights: [],
      page: null,
    },
    {
      name: OWNED.helperSheet,
      visibility: "hidden",
      cells: [{ ...rowCol("A1"), value: { kind: "text", text: `${OWNED.marker}helper v1` } }],
      merges: [],
      columnWidths: [],
      rowHeights: [],
      page: null,
    },
  ],
  names: [{ name: "CT_1", refersTo: "'检查目标_辅助'!$B$1:$B$9" }],
  flags: [
    { sheet: "绩效指标", severity: "error", ranges: ["E5"], formula: 'ISTEXT("check-targets:error")' },
    { sheet: "绩效指标", severity: "warning", ranges: ["E4:E6"], formula: 'ISTEXT("check-targets:warning")' },
  ],
  removeSheets: [],
};

describe("the workbook-port contract: apply", () => {
  it.each([xlsx, excel])("$name writes the plan as the other adapter does", async (harness) => {
    const one = await harness.make(SPEC);
    const other = await (harness === xlsx ? excel : xlsx).make(SPEC);
    for (const { port } of [one, other]) {
      await port.read();
      await port.apply(PLAN);
    }
    expect(normalise(await one.port.read())).toEqual(normalise(await other.port.read()));
    const sortFlags = (w: Written) => ({
      ...w,
      flags: [...w.flags].sort((a, b) => a.formula.localeCompare(b.formula)),
    });
    expect(sortFlags(one.written())).toEqual(sortFlags(other.written()));
  });

  it.each([xlsx, excel])(
    "$name replaces its own rules, sheets and names on a re-run, and clears them",
    async (harness) => {
      const { port, written } = await harness.make(SPEC);
      await port.read();
      await port.apply(PLAN);
      await port.read();
      await port.apply(PLAN);
      expect(written().flags).toHaveLength(2);
      expect(written().names).toHaveLength(1);
      expect((await port.read()).sheets.map((s) => s.name)).toEqual([
        "绩效指标",
        "说明",
        OWNED.tableSheet,
        OWNED.helperSheet,
      ]);

      await port.apply({ sheets: [], names: [], flags: [], removeSheets: [OWNED.helperSheet, OWNED.tableSheet] });
      expect(written()).toEqual({ flags: [], names: [] });
      expect(normalise(await port.read())).toEqual(normalise(await (await harness.make(SPEC)).port.read()));
    },
  );

  it.each([xlsx, excel])("$name keeps text copied from a staff cell as text", async (harness) => {
    const { port, formulaAt } = await harness.make(SPEC);
    await port.read();
    await port.apply(PLAN);
    const table = (await port.read()).sheets.find((s) => s.name === OWNED.tableSheet);
    expect(table?.rows[1]?.[0]).toMatchObject({ value: '=HYPERLINK("copied from a staff cell")' });
    expect(formulaAt(OWNED.tableSheet, "A2")).toBeUndefined();
    // …while a formula of the plan's own is a formula.
    expect(formulaAt(OWNED.tableSheet, "C2")).toBe("B2*2");
  });
});

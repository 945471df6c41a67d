import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook, fromA1, planCheckedWorkbook, toA1, type SheetPlan, type WritePlan } from "../../src/core";
import { workbookData, XlsxPort } from "../support/exceljs";
import { sheetPart } from "../roundtrip/package-parts";
import { generatedWorkbook } from "../../bench/generated-workbook";
import { monitoringWorkbook } from "../support/monitoring-workbook";
import { loadSeed } from "../support/seed";
import { addressOf } from "../support/planned-cells";

/**
 * `check-targets --out` writes its own sheets (the 绩效目标表, the helper sheet) and its names as
 * new parts of the original package (src/xlsx/write). Those must be what ExcelJS itself writes of
 * the same plan applied to its model: every sheet, cell, value, style, merged area, row height,
 * page setup, page break and name.
 */

const seed = loadSeed();
const options = { asOf: "2026-06-30", locale: "zh-CN" as const, source: "t.xlsx" };

/** A generated list of 2,000 rows (316 projects), with texts a clerk's file may hold. */
async function longList(): Promise<Buffer> {
  const wb = generatedWorkbook(seed, 2_000);
  const ws = wb.getWorksheet("绩效指标")!;
  const name = '=HYPERLINK("http://example.invalid","点击")';
  ws.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value === ws.getCell("A2").value) row.getCell(2).value = name;
  });
  ws.getCell("F3").value = "  两端有空格\n第二行  ";
  ws.getCell("H4").value = `<&>"' 控制\u0001字符`;
  ws.getCell("F5").value = "=1+1";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** During the year: the monitoring columns, a landscape page, number formats and the lights' fills. */
async function monitored(): Promise<Buffer> {
  const wb = monitoringWorkbook(seed, {
    actuals: { "1/空调单价": "2500元", "1/群众满意度": { value: 0.75, numFmt: "0%" } },
    spent: { 4: 0.3 },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Copy = { plan: WritePlan; copy: ExcelJS.Workbook; file: string };

/** Checks the workbook and saves the checked copy, our parts in ExcelJS's model or straight in the file. */
async function checkedCopy(bytes: Buffer, owned: "model" | "file", asOf: string): Promise<Copy> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const port = new XlsxPort(wb, bytes, { owned });
  const data = await port.read();
  const plan = planCheckedWorkbook(data, checkWorkbook(data, { ...options, asOf }));
  await port.apply(plan);
  const file = join(await mkdtemp(join(tmpdir(), "check-targets-written-")), `${owned}.xlsx`);
  // "model": ExcelJS writes its model with the plan applied, the reference the writer is held to.
  if (owned === "model") await wb.xlsx.writeFile(file);
  else await port.save(file);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(file);
  return { plan, copy, file };
}

/** Every cell of a sheet: value, formula and style. ExcelJS reads an empty string back as "" or as nothing. */
function cells(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const value = cell.value === "" ? null : cell.value;
      // The writer gives our fonts the workbook's own font name and size (11 here); ExcelJS writes neither.
      const f = cell.style.font ?? {};
      const font = { bold: f.bold, size: f.size ?? 11, color: f.color };
      out.set(cell.address, JSON.stringify([value, { ...cell.style, font }]));
    }),
  );
  return out;
}

const merges = (ws: ExcelJS.Worksheet): string[] =>
  Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges)
    .map((area) => area.range)
    .sort();

/** Row heights of the rows that hold cells (ExcelJS's model writes no row without a cell). */
function heightsOfRowsWithCells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row, n) => {
    if (row.cellCount > 0 && row.height !== undefined) out.push(`${n}:${row.height}`);
  });
  return out;
}

/**
 * What the plan sets of a sheet: name, visibility, the page (for a sheet with one) and the
 * widths (ExcelJS leaves a width of 9, its default, unwritten; the writer writes every planned one).
 */
function sheetSetup(ws: ExcelJS.Worksheet): unknown {
  const page = ws.pageSetup;
  return {
    name: ws.name,
    state: ws.state,
    page: page.printArea === undefined ? null : [page.orientation, page.fitToPage, page.fitToWidth, page.printArea],
    widths: ws.columns?.map((c) => (c.width === 9 ? undefined : c.width)) ?? [],
  };
}

/** A sheet's manual page breaks, as its XML has them (ExcelJS does not read them). */
async function rowBreaks(file: string, sheet: string): Promise<string> {
  const xml = (await sheetPart(await readFile(file), sheet)) ?? "";
  return /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(xml)?.[0] ?? "";
}

const names = (wb: ExcelJS.Workbook): string[] =>
  (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join(",")}`).sort();

/** The planned value as ExcelJS reads it back: text as text (control characters dropped, as XML must). */
function expected(cell: SheetPlan["cells"][number]): unknown {
  const v = cell.value;
  if (v.kind === "number") return v.value;
  if (v.kind === "formula") return { formula: v.formula };
  const text = v.text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, "");
  return text === "" ? null : text;
}

describe.each([
  ["a list of 2,000 rows", longList, "2026-06-30"],
  ["a monitored list", monitored, "2026-12-31"],
])("the checked copy of %s, written straight into the file", (_, build, asOf) => {
  let model: Copy;
  let file: Copy;
  beforeAll(async () => {
    const bytes = await build();
    model = await checkedCopy(bytes, "model", asOf);
    file = await checkedCopy(bytes, "file", asOf);
  }, 120_000);

  it("has the sheets, the names, the page setup and the page breaks ExcelJS's model writes", async () => {
    expect(file.copy.worksheets.map(sheetSetup)).toEqual(model.copy.worksheets.map(sheetSetup));
    expect(names(file.copy)).toEqual(names(model.copy));
    expect(names(file.copy).some((n) => n.startsWith("CT_"))).toBe(true);
    // ExcelJS writes max="16838" on each break, which is no column: the writer writes Excel's 16383.
    const breakIds = (xml: string) => [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    const breaks = await rowBreaks(file.file, "绩效目标表");
    expect(breakIds(breaks)).toEqual(breakIds(await rowBreaks(model.file, "绩效目标表")));
    const planned = file.plan.sheets.find((s) => s.name === "绩效目标表")!.page!.rowBreaks;
    expect(breakIds(breaks)).toEqual(planned);
  });

  it("has every cell with the value and style ExcelJS's model writes, and the same merged areas", () => {
    for (const ws of model.copy.worksheets) {
      const other = file.copy.getWorksheet(ws.name)!;
      const [want, got] = [cells(ws), cells(other)];
      const differing = [...new Set([...want.keys(), ...got.keys()])].filter((a) => want.get(a) !== got.get(a));
      expect({ sheet: ws.name, differing: differing.slice(0, 2).map((a) => [a, want.get(a), got.get(a)]) }).toEqual({ sheet: ws.name, differing: [] });
      expect(merges(other)).toEqual(merges(ws));
      expect(heightsOfRowsWithCells(other)).toEqual(heightsOfRowsWithCells(ws));
    }
  });

  it("holds every planned cell, merged area and row height of the table, text as text", () => {
    const table = file.plan.sheets.find((s) => s.name === "绩效目标表")!;
    expect(table.merges.length).toBeGreaterThan(100);
    const ws = file.copy.getWorksheet("绩效目标表")!;
    const covered = new Set<string>();
    for (const ref of table.merges) {
      const [from, to] = ref.split(":").map((a) => fromA1(a)!);
      for (let r = from!.row; r <= to!.row; r++) {
        for (let c = from!.col; c <= to!.col; c++) if (r !== from!.row || c !== from!.col) covered.add(toA1(r, c));
      }
    }
    const wrong = table.cells.filter((planned) => {
      const cell = ws.getCell(planned.row + 1, planned.col + 1);
      // ExcelJS reads a merged area's other cells as its top-left's value.
      if (covered.has(addressOf(planned))) return !cell.isMerged;
      return JSON.stringify(cell.value ?? null) !== JSON.stringify(expected(planned));
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(merges(ws)).toEqual([...table.merges].sort());
    for (const { row, height } of table.rowHeights) expect([row, ws.getRow(row).height]).toEqual([row, height]);
  });

  it("checks again as the workbook it was, and is replaced, not stacked, by a second check", async () => {
    const findings = (wb: ExcelJS.Workbook) => checkWorkbook(workbookData(wb), { ...options, asOf }).report.findings;
    const input = new ExcelJS.Workbook();
    await input.xlsx.load((await build()) as unknown as ArrayBuffer);
    // Our sheets carry the marker and are never read as staff input.
    expect(findings(file.copy)).toEqual(findings(input));
    const again = await checkedCopy(await readFile(file.file), "file", asOf);
    expect(again.copy.worksheets.map(sheetSetup)).toEqual(file.copy.worksheets.map(sheetSetup));
    expect(names(again.copy)).toEqual(names(file.copy));
    const table = (c: Copy) => cells(c.copy.getWorksheet("绩效目标表")!);
    expect(table(again)).toEqual(table(file));
  }, 60_000);
});

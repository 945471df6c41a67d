import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { fromA1, toA1, type SheetPlan } from "../../src/core";
import { main } from "../../src/cli/main";
import { openWorkbook, workbookData } from "../support/exceljs";
import { sheetPart } from "../roundtrip/package-parts";
import { checkWorkbook, planTableWrite } from "../../src/core";
import { generatedWorkbook } from "../../bench/generated-workbook";
import { loadSeed } from "../support/seed";
import { assertLibreOffice, convert } from "../support/libreoffice";
import { addressOf } from "../support/planned-cells";

/**
 * The 绩效目标表 of a few hundred projects, written by `check-targets --out` straight into the
 * file (src/xlsx/deferred-parts.ts), opened by LibreOffice and saved again: LibreOffice reads
 * every value, merged area and page break as planned.
 */
/** The manual page breaks of a sheet, from its XML (ExcelJS does not read them). */
async function rowBreaks(file: string, sheet: string): Promise<number[]> {
  const xml = (await sheetPart(await readFile(file), sheet)) ?? "";
  const breaks = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? "";
  return [...breaks.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
}

/** LibreOffice saves a text that mixes Han and Latin script as runs, one font each. */
const plainText = (value: ExcelJS.CellValue): unknown =>
  value !== null && typeof value === "object" && "richText" in value
    ? value.richText.map((run) => run.text).join("")
    : (value ?? "");

describe("the checked copy of a long list in LibreOffice", () => {
  beforeAll(assertLibreOffice);

  it("keeps every planned value, merged area and page break of the 绩效目标表", async () => {
    const dir = await mkdtemp(join(tmpdir(), "check-targets-lo-table-"));
    const input = join(dir, "list.xlsx");
    const wb = generatedWorkbook(loadSeed(), 1_500);
    wb.getWorksheet("绩效指标")!.getCell("B2").value = '=HYPERLINK("http://example.invalid","点击")';
    await writeFile(input, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = join(dir, "checked.xlsx");
    const io = { stdout: () => undefined, stderr: (t: string) => console.error(t), now: () => new Date(2026, 5, 30) };
    expect(await main([input, "--out", out, "--as-of", "2026-06-30"], io)).toBe(1);

    const data = workbookData(await openWorkbook(input));
    const plan: SheetPlan = planTableWrite(
      data,
      checkWorkbook(data, { asOf: "2026-06-30", locale: "zh-CN", source: "list.xlsx" }),
    ).sheets[0]!;
    expect(plan.merges.length).toBeGreaterThan(1_000);

    const resaved = await convert(out, "xlsx");
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(resaved);
    const ws = saved.getWorksheet("绩效目标表")!;
    const covered = new Set<string>();
    for (const ref of plan.merges) {
      const [from, to] = ref.split(":").map((a) => fromA1(a)!);
      for (let r = from!.row; r <= to!.row; r++) {
        for (let c = from!.col; c <= to!.col; c++) if (r !== from!.row || c !== from!.col) covered.add(toA1(r, c));
      }
    }
    const wrong = plan.cells
      .filter((cell) => !covered.has(addressOf(cell)))
      .filter((cell) => {
        const v = cell.value;
        const want = v.kind === "text" ? v.text : v.kind === "number" ? v.value : `=${v.formula}`;
        const got = plainText(ws.getCell(cell.row + 1, cell.col + 1).value);
        return typeof want === "number" ? Math.abs(Number(got) - want) > 1e-9 : got !== want;
      })
      .map((cell) => addressOf(cell));
    expect(wrong.slice(0, 5)).toEqual([]);
    const merged = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges);
    expect(merged.map((m) => m.range).sort()).toEqual([...plan.merges].sort());
    expect(plan.page!.rowBreaks.length).toBeGreaterThan(50);
    expect(await rowBreaks(resaved, "绩效目标表")).toEqual(plan.page!.rowBreaks);
    expect(ws.pageSetup.printArea?.replace(/\$/g, "")).toBe(plan.page!.printArea);
  }, 180_000);
});

import JSZip from "jszip";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadSeed } from "../support/seed";
import { buildSampleWorkbook } from "../support/seed-workbook";
import { libreOfficeFiles, UNREADABLE_BUILT, xlsmWorkbook, type LibreOfficeFiles } from "./fixtures";
import { runCli, type Captured } from "./run-cli";
import { staffChanges } from "./staff-cells";

/** Exit 2, nothing on stdout, exactly one line on stderr, and no stack trace. */
function expectOneClearLine(r: Captured, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "check-targets-unreadable-"));
});

describe("files that are not workbooks the checker reads", () => {
  it.each(Object.entries(UNREADABLE_BUILT))("%s: exit 2 with one clear line", async (name, fixture) => {
    const file = join(dir, `${name}${fixture.ext}`);
    await writeFile(file, await fixture.build());
    expectOneClearLine(await runCli([file, "--lang", "en-US"]), fixture.message);
  });

  describe("made by LibreOffice", () => {
    let lo: LibreOfficeFiles;
    beforeAll(async () => {
      lo = await libreOfficeFiles(dir);
    }, 120_000);

    it("a real old .xls: exit 2, save it as .xlsx", async () => {
      expectOneClearLine(
        await runCli([lo.xls, "--lang", "en-US"]),
        /old\.xls: an old \.xls workbook; open it in Excel \(or WPS\) and save it as \.xlsx$/,
      );
    });

    it("a real .ods: exit 2, an OpenDocument file", async () => {
      expectOneClearLine(await runCli([lo.ods, "--lang", "en-US"]), /calc\.ods: an OpenDocument \(\.ods\) file, not an \.xlsx workbook/);
    });

    it("a real password-protected .xlsx (ECMA-376 encryption): exit 2, save a copy without a password", async () => {
      const bytes = await readFile(lo.encrypted);
      // What LibreOffice wrote is an encrypted package: an OLE container, not a zip.
      expect(bytes.subarray(0, 4).toString("hex")).toBe("d0cf11e0");
      expectOneClearLine(
        await runCli([lo.encrypted, "--out", join(dir, "never.xlsx"), "--lang", "en-US"]),
        /locked\.xlsx: the workbook is password-protected; save a copy without a password$/,
      );
      expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
    });
  });
});

describe("an .xlsm workbook", () => {
  let xlsm: string;
  let bytes: Buffer;
  beforeAll(async () => {
    xlsm = join(dir, "macros.xlsm");
    bytes = await xlsmWorkbook();
    await writeFile(xlsm, bytes);
  });

  it("is read and checked like an .xlsx", async () => {
    const r = await runCli([xlsm, "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^macros\.xlsm: 1 projects, 2 indicators — 1 errors/);
    expect(r.stdout).toMatch(/error {2}绩效指标!E3/);
  });

  it("gets a checked copy as .xlsm with its macros, byte for byte", async () => {
    const out = join(dir, "macros.checked.xlsm");
    const r = await runCli([xlsm, "--out", out, "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const copy = await readFile(out);
    expect(await staffChanges(bytes, copy)).toEqual([]);
    const [before, after] = await Promise.all([JSZip.loadAsync(bytes), JSZip.loadAsync(copy)]);
    const macros = Object.keys(before.files).filter((f) => f.startsWith("xl/vbaProject"));
    expect(macros.length).toBeGreaterThan(0);
    for (const part of macros) {
      expect(await after.file(part)!.async("nodebuffer")).toEqual(await before.file(part)!.async("nodebuffer"));
    }
    const types = await after.file("[Content_Types].xml")!.async("string");
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });

  it("refuses a copy named .xlsx (a macro workbook under that name Excel will not open): exit 2, nothing written", async () => {
    const out = join(dir, "macros.checked.xlsx");
    expectOneClearLine(
      await runCli([xlsm, "--out", out, "--lang", "en-US"]),
      /written as an \.xlsm workbook, as the input is; name it …\.xlsm$/,
    );
    // In the command's default language, zh-CN.
    expectOneClearLine(
      await runCli([xlsm, "--out", out]),
      /macros\.checked\.xlsx：检查后的副本与原工作簿同为 \.xlsm 工作簿；请把文件名改为以 \.xlsm 结尾$/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("a staff sheet with the name of the checker's hidden helper sheet", () => {
  it("is never replaced: --out refuses with the sheet's name and writes nothing", async () => {
    const wb = buildSampleWorkbook(loadSeed());
    wb.addWorksheet("检查目标_辅助").addRow(["财务科的辅助计算，请勿删除"]);
    const file = join(dir, "helper-name.xlsx");
    await wb.xlsx.writeFile(file);
    const out = join(dir, "helper-name.checked.xlsx");
    expectOneClearLine(
      await runCli([file, "--out", out, "--lang", "en-US"]),
      /sheet 检查目标_辅助 belongs to the workbook, not to Check Targets/,
    );
    // In the command's default language, zh-CN.
    expectOneClearLine(
      await runCli([file, "--out", out]),
      /工作表“检查目标_辅助”是工作簿原有的，不是“检查目标”生成的，已原样保留，未生成检查后的副本/,
    );
    expect(existsSync(out)).toBe(false);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(file);
    expect(again.getWorksheet("检查目标_辅助")?.getCell("A1").value).toBe("财务科的辅助计算，请勿删除");
  });
});

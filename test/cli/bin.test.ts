import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN = join(__dirname, "..", "..", "bin", "check-targets.js");

/** The installed command, as a user runs it: a real process, real exit status, real stderr. */
describe("bin/check-targets.js", () => {
  it("runs the build in dist-cli/, not the TypeScript sources: --help answers with the usage, exit 0", async () => {
    const { stdout } = await run(process.execPath, [BIN, "--help"]);
    expect(stdout).toMatch(/^usage: check-targets <workbook\.xlsx\|folder>/);
    expect(stdout).toContain("[--jobs N] [--file-timeout SECONDS] [--file-memory MIB]");
    // The bin loads the compiled bundle; no TypeScript loader is involved.
    const source = await readFile(BIN, "utf8");
    expect(source).toContain('require("../dist-cli/bin.js")');
    expect(source).not.toMatch(/tsx/);
  });

  it("exits 2 with one line and no stack trace for a missing file", async () => {
    const failure = await run(process.execPath, [BIN, "missing.xlsx"]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(2);
    // In the command's default language, zh-CN.
    expect(failure?.stderr).toBe("check-targets: missing.xlsx：找不到该文件\n");
  });

  it("checks the bundled sample and exits 1 for its error findings", async () => {
    const failure = await run(process.execPath, [
      BIN,
      join(__dirname, "..", "..", "samples", "sample.xlsx"),
      "--lang",
      "en-US",
    ]).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/^sample\.xlsx: 15 projects, 95 indicators — 2 errors, 38 warnings, 0 infos/);
  });

  it("checks a folder as a real process: a line per workbook, the bad file on stderr, exit 1, no progress when piped", async () => {
    const folder = await mkdtemp(join(tmpdir(), "check-targets-bin-folder-"));
    await copyFile(join(__dirname, "..", "..", "samples", "sample.xlsx"), join(folder, "a.xlsx"));
    await writeFile(join(folder, "b.xlsx"), "not a workbook");
    const failure = await run(process.execPath, [BIN, folder, "--lang", "en-US"]).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe(
      "a.xlsx: 15 projects, 95 indicators — 2 errors, 38 warnings, 0 infos\n" +
        "2 workbooks checked, 1 could not be read — 2 errors, 38 warnings, 0 infos\n",
    );
    expect(failure?.stderr).toMatch(/^check-targets: .*b\.xlsx: not an \.xlsx workbook but a text file.*\n$/);
  });
});

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { parseOptions } from "../../src/cli/options";
import { reportSchema } from "../../src/core";
import { selfEvaluationLists } from "./self-evaluation-workbook";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    now: () => new Date(2024, 0, 20),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe("--year", () => {
  it("takes a year, and refuses anything else with one line", () => {
    const parsed = parseOptions(["book.xlsx", "--year", "2023"], new Date(2024, 0, 20));
    expect(parsed.ok && parsed.value !== "help" && parsed.value.year).toBe(2023);
    const absent = parseOptions(["book.xlsx"], new Date(2024, 0, 20));
    expect(absent.ok && absent.value !== "help" && absent.value.year).toBeNull();
    const bad = parseOptions(["book.xlsx", "--year", "23年"], new Date(2024, 0, 20));
    expect(bad).toEqual({ ok: false, error: "--year takes a year such as 2023" });
  });

  it("overrides the year the workbook names, in the report written", async () => {
    const dir = await mkdtemp(join(tmpdir(), "check-targets-year-"));
    const file = join(dir, "自评.xlsx");
    await selfEvaluationLists().xlsx.writeFile(file);
    const found = reportSchema.parse(JSON.parse((await run([file, "--json", "-", "--as-of", "2024-01-20"])).stdout));
    expect(found.fiscalYear).toMatchObject({ year: 2023, source: "sheet-name" });
    expect(found.projects[0]?.evaluation?.kind).toBe("final");
    const given = reportSchema.parse(
      JSON.parse((await run([file, "--json", "-", "--as-of", "2024-01-20", "--year", "2024"])).stdout),
    );
    expect(given.fiscalYear).toMatchObject({ year: 2024, source: "given" });
    expect(given.projects[0]?.evaluation?.kind).toBe("projected");
  });
});

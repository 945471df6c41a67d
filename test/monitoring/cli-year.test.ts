import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { parseOptions } from "../../src/cli/options";
import { reportSchema } from "../../src/core";
import { selfEvaluationForm, selfEvaluationLists } from "./self-evaluation-workbook";

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
    expect(bad).toEqual({ ok: false, error: { problem: { kind: "value", option: "--year" }, lang: "zh-CN" } });
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

describe("the text summary states the fiscal year and the as-of date the check used", () => {
  let file: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "check-targets-year-text-"));
    file = join(dir, "自评.xlsx");
    await selfEvaluationForm().xlsx.writeFile(file);
  });
  const secondLine = (stdout: string) => stdout.split("\n")[1];

  it("names the year found in the workbook, where, and that the year is over", async () => {
    const r = await run([file, "--as-of", "2024-01-20"]);
    expect(secondLine(r.stdout)).toBe(
      "  预算年度 2023（取自标题，项目支出绩效自评表!A2）；截至 2024-01-20，该年度已结束，按全年结果判断",
    );
    const en = await run([file, "--as-of", "2024-01-20", "--lang", "en-US"]);
    expect(secondLine(en.stdout)).toBe(
      "  Fiscal year 2023 (from a title, 项目支出绩效自评表!A2); as of 2024-01-20, the year is over: judged on the whole year",
    );
  });

  it("says when --year gave the year, and how much of it had elapsed", async () => {
    const r = await run([file, "--as-of", "2024-07-01", "--year", "2024"]);
    // 2024 is a leap year: 1 July is day 183 of 366.
    expect(secondLine(r.stdout)).toBe("  预算年度 2024（按 --year）；截至 2024-07-01，已过全年的 50%，按进度判断");
  });
});

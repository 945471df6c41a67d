import { execFileSync } from "node:child_process";
import path from "node:path";

// Lints in-memory sources as if they were files under src/, with the project's own
// eslint.config.mjs and ESLint's Node API (`new ESLint({ cwd })`, `lintText` with a `filePath`),
// to prove the import-direction rules of docs/architecture.md fire.
//
// ESLint loads its config with import(), which Jest's module sandbox refuses without
// --experimental-vm-modules, so the API runs in a child Node process: one for all cases.
const root = path.resolve(__dirname, "../..");

type Problem = { ruleId: string | null; message: string; line: number };
type Case = { file: string; code: string };

const lintInChild = `
  const { ESLint } = require("eslint");
  const path = require("node:path");
  (async () => {
    const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
      out.push(result.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line })));
    }
    process.stdout.write(JSON.stringify(out));
  })().catch((error) => { console.error(error); process.exitCode = 1; });
`;

function lintAll(cases: readonly Case[]): Problem[][] {
  const stdout = execFileSync(process.execPath, ["-e", lintInChild], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  return JSON.parse(stdout) as Problem[][];
}

// Every case is registered here first, then linted once in beforeAll.
const cases: Case[] = [];
const results: Problem[][] = [];
function lintCase(file: string, code: string): () => Problem[] {
  const index = cases.push({ file, code }) - 1;
  return () => {
    const found = results[index];
    if (found === undefined) throw new Error(`no lint result for ${file}`);
    return found;
  };
}
beforeAll(() => {
  results.push(...lintAll(cases));
});

const restricted = "@typescript-eslint/no-restricted-imports";
const lines = (...code: string[]) => [...code, ""].join("\n");
/** The rules that guard the dependency direction (other rules, e.g. unused imports, are noise here). */
const direction = (found: Problem[]) =>
  found.filter((p) => [restricted, "no-restricted-globals", "no-restricted-syntax"].includes(p.ruleId ?? ""));

const forbidden: Array<[string, string]> = [
  // The core's inner layers (docs/architecture.md): nothing imports a layer above its own.
  ["src/core/sheets/s.ts", 'import type { RuleContext } from "../rules/context";'],
  ["src/core/model/m.ts", 'import type { CheckResult } from "../check";'],
  ["src/core/flags/f.ts", 'import { planTable } from "../target-table/plan-table";'],
  ["src/core/owned.ts", 'import { readDefinitionSheet } from "./definitions/read-definition-sheet";'],
  ["src/core/rules/r.ts", 'import React from "react";'],
  ["src/core/rules/r.ts", 'import { readFileSync } from "node:fs";'],
  ["src/core/rules/r.ts", 'import { join } from "path";'],
  ["src/core/rules/r.ts", 'import { Button } from "@fluentui/react-components";'],
  ["src/core/rules/r.ts", 'import { run } from "../../excel/run";'],
  ["src/core/rules/r.ts", 'export { App } from "../../taskpane/App";'],
  ["src/core/rules/r.ts", 'import type { Options } from "../../cli/options";'],
  ["src/excel/a.ts", 'import ExcelJS from "exceljs";'],
  ["src/excel/a.ts", 'import { read } from "../xlsx/read";'],
  ["src/xlsx/a.ts", 'import { run } from "../excel/run";'],
  ["src/xlsx/a.ts", 'import React from "react";'],
  ["src/xlsx/a.ts", 'import ExcelJS from "exceljs";'],
  ["src/cli/main.ts", 'import ExcelJS from "exceljs";'],
  ["src/taskpane/components/A.tsx", 'import ExcelJS from "exceljs";'],
  ["src/taskpane/A.tsx", 'import { read } from "../xlsx/read";'],
  ["src/taskpane/A.tsx", 'import { main } from "../cli/main";'],
  ["src/commands/c.ts", 'import { readFile } from "node:fs/promises";'],
  ["src/commands/c.ts", 'import { main } from "../cli/main";'],
  ["src/cli/main.ts", 'import { run } from "../excel/run";'],
  ["src/cli/main.ts", 'import { App } from "../taskpane/App";'],
  ["src/cli/main.ts", 'import React from "react";'],
  // The in-memory Excel is for tests, bench and the preview page.
  ["src/excel/a.ts", 'import { FakeExcel } from "../../test/support/office-model";'],
  ["src/taskpane/A.tsx", 'import { installFakeOffice } from "../../test/support/office-model/install";'],
];

const allowed: Array<[string, string]> = [
  ["src/core/rules/r.ts", 'import type { SheetData } from "../model/workbook-data";'],
  ["src/core/target-table/t.ts", 'import { numberFindings } from "../findings-sheet/order";'],
  ["src/excel/a.ts", 'import { runCheck } from "../core";'],
  ["src/xlsx/a.ts", 'import { ZipReader } from "@zip.js/zip.js";'],
  ["src/xlsx/a.ts", 'import { runCheck } from "../core/index";'],
  ["src/taskpane/A.tsx", 'import { run } from "../excel/run";'],
  ["src/taskpane/A.tsx", 'import { Button } from "@fluentui/react-components";'],
  ["src/commands/c.ts", 'import { run } from "../excel/run";'],
  ["src/cli/main.ts", 'import { readFile } from "node:fs/promises";'],
  ["src/cli/main.ts", 'import { read } from "../xlsx/read";'],
  ["src/core/rules/r.test.ts", 'import fc from "fast-check";'],
];

describe("import direction (eslint.config.mjs)", () => {
  const coreImportingAdapters = lintCase(
    "src/core/x.ts",
    lines('import ExcelJS from "exceljs";', 'import { y } from "../xlsx/y";', "export const x = [ExcelJS, y];"),
  );
  it("forbids ExcelJS and the xlsx adapter in src/core", () => {
    const found = coreImportingAdapters();
    expect(found.map((p) => [p.ruleId, p.line])).toEqual([
      [restricted, 1],
      [restricted, 2],
    ]);
    expect(found[0]?.message).toMatch(/docs\/architecture\.md, dependency direction: src\/core/);
  });

  const coreImportingZod = lintCase(
    "src/core/x.ts",
    lines('import { z } from "zod";', 'import { y } from "./rules/y";', "export const x = [z, y];"),
  );
  it("allows zod and relative imports inside src/core", () => {
    expect(coreImportingZod()).toEqual([]);
  });

  const forbiddenResults = forbidden.map(([file, line]) => lintCase(file, lines(line, "export const used = 1;")));
  it.each(forbidden.map((c, i) => [...c, i] as const))("%s: %s is an error", (_file, _line, i) => {
    const found = forbiddenResults[i]?.() ?? [];
    expect(direction(found).map((p) => p.ruleId)).toEqual([restricted]);
  });

  const allowedResults = allowed.map(([file, line]) => lintCase(file, lines(line, "export const used = 1;")));
  it.each(allowed.map((c, i) => [...c, i] as const))("%s: %s is allowed", (_file, _line, i) => {
    expect(direction(allowedResults[i]?.() ?? [])).toEqual([]);
  });

  const coreUsingOffice = lintCase(
    "src/core/x.ts",
    lines("export type Cell = Excel.Range;", "export const ready = () => Office.onReady();"),
  );
  it("keeps Office.js globals and types out of src/core", () => {
    expect(coreUsingOffice().map((p) => [p.ruleId, p.line])).toEqual([
      ["no-restricted-syntax", 1],
      ["no-restricted-globals", 2],
    ]);
  });

  const paneReadingBeforeSync = lintCase(
    "src/taskpane/hooks/useSelection.tsx",
    lines(
      "export async function address(): Promise<string> {",
      "  return Excel.run(async (context) => {",
      "    const range = context.workbook.getSelectedRange();",
      '    range.load("address");',
      "    const value = range.address;",
      "    await context.sync();",
      "    return value;",
      "  });",
      "}",
      "Office.initialize = () => undefined;",
    ),
  );
  it("applies eslint-plugin-office-addins to .tsx files too", () => {
    const ruleIds = paneReadingBeforeSync().map((p) => p.ruleId);
    expect(ruleIds).toContain("office-addins/call-sync-before-read");
    expect(ruleIds).toContain("office-addins/no-office-initialize");
  });
});

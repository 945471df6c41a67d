import type { Finding } from "./model/finding";
import type { Report } from "./model/report";
import type { Locale } from "./messages";
import { buildReport, sortFindings } from "./report";
import { makeContext, runRules } from "./rules";
import type { WorkbookData } from "./sheets/grid";
import { readWorkbook, type WorkbookModel } from "./sheets/read-workbook";
import { DEFAULT_SETTINGS, type Settings } from "./settings";
import type { WorkbookPort } from "./workbook-port";

export type CheckOptions = {
  /** YYYY-MM-DD; passed in so that a check is reproducible. */
  asOf: string;
  locale: Locale;
  /** Shown in the report: a file name, or the workbook's name in Excel. */
  source: string;
  settings?: Settings;
};

export type CheckResult = { report: Report; model: WorkbookModel; findings: Finding[] };

/** The use case on data already read: read layouts, run every rule, build the report. */
export function checkWorkbook(data: WorkbookData, options: CheckOptions): CheckResult {
  const model = readWorkbook(data);
  const ctx = makeContext(model, options.settings ?? DEFAULT_SETTINGS);
  const findings = sortFindings(
    runRules(ctx),
    data.sheets.map((s) => s.name),
  );
  const report = buildReport({ model, findings, source: options.source, asOf: options.asOf, locale: options.locale });
  return { report, model, findings };
}

export async function check(port: WorkbookPort, options: CheckOptions): Promise<CheckResult> {
  return checkWorkbook(await port.read(), options);
}

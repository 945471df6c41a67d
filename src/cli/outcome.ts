import type { CheckResult, Report, TrafficLight } from "../core";

export type Counts = { errors: number; warnings: number; infos: number };

/** One project of a checked workbook, as the summary workbook lists it. */
export type ProjectRow = {
  code: string | null;
  name: string;
  sheet: string;
  counts: Counts;
  light: TrafficLight;
  score: number | null;
};

/**
 * What became of one workbook of a folder: plain data, so that a worker thread can hand it back.
 * `file` is the path relative to the folder.
 */
export type FileOutcome =
  | {
      file: string;
      ok: true;
      summary: Report["summary"];
      /** The printed line: the workbook and its counts. */
      head: string;
      projects: ProjectRow[];
      /** Findings that belong to no project (a 指标定义 row, a settings cell). */
      workbook: Counts;
      skipped: string[];
      /** Where its report went, or null. */
      report: string | null;
    }
  | { file: string; ok: false; reason: string };

const count = (counts: Counts, severity: "error" | "warning" | "info"): void => {
  if (severity === "error") counts.errors++;
  else if (severity === "warning") counts.warnings++;
  else counts.infos++;
};

/** The summary rows of a checked workbook: its findings counted per project. */
export function rowsOf(result: CheckResult): { projects: ProjectRow[]; workbook: Counts } {
  const byKey = new Map<string, Counts>();
  const workbook: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of result.findings) {
    if (f.projectKey === null) {
      count(workbook, f.severity);
      continue;
    }
    let counts = byKey.get(f.projectKey);
    if (counts === undefined) {
      counts = { errors: 0, warnings: 0, infos: 0 };
      byKey.set(f.projectKey, counts);
    }
    count(counts, f.severity);
  }
  // The report lists the model's projects in the model's order.
  const projects = result.model.projects.map((p, i): ProjectRow => {
    const reported = result.report.projects[i];
    return {
      code: p.code,
      name: p.name,
      sheet: p.sheet,
      counts: byKey.get(p.key) ?? { errors: 0, warnings: 0, infos: 0 },
      light: reported?.light ?? "green",
      score: reported?.score ?? null,
    };
  });
  // A finding under a key no project has (never expected) still counts, at the workbook.
  const known = new Set(result.model.projects.map((p) => p.key));
  for (const [key, counts] of byKey) {
    if (known.has(key)) continue;
    workbook.errors += counts.errors;
    workbook.warnings += counts.warnings;
    workbook.infos += counts.infos;
  }
  return { projects, workbook };
}

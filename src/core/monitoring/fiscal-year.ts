import { isOwnedSheet } from "../owned";
import { toA1 } from "../sheets/address";
import { cellText } from "../sheets/cell-text";
import type { WorkbookData } from "../model/workbook-data";

/** Where the fiscal year came from: the caller (--year, the pane), the settings sheet, the workbook, or the as-of date. */
export type FiscalYearSource = "given" | "settings" | "title" | "sheet-name" | "plan" | "as-of";

export type FiscalYear = {
  year: number;
  source: FiscalYearSource;
  /** Sheet and A1 cell (or the sheet alone, for a sheet name) the year was read from. */
  sheet: string | null;
  cell: string | null;
};

/** Titles and plan dates sit at the top of a sheet (the first block of a form); lists below add nothing. */
const SCAN_ROWS = 40;
const MAX_TITLE_LENGTH = 80;
const YEAR = "((?:19|20)\\d{2})\\s*年";
/** `2023年度项目支出绩效自评表`, `（2023年度）`, `2023年绩效目标申报表`: a year at or near a title's start. */
const TITLE = new RegExp(`${YEAR}度|^[\\s（(【\\[]*${YEAR}(?!\\s*\\d{1,2}\\s*月)`);
/** `2023年3月底`, `2023年12月31日前`: the 资金支出计划 checkpoints. */
const PLAN = new RegExp(`${YEAR}\\s*(?:3|6|9|10|12)\\s*月\\s*(?:底|末|31日|30日)`);
const SHEET_NAME = /((?:19|20)\d{2})(?!\d)/;

/** A clue's weight: a title says it most plainly, a sheet name next, a plan date least. */
const WEIGHT: Readonly<Record<"title" | "sheet-name" | "plan", number>> = { title: 3, "sheet-name": 2, plan: 1 };

type Clue = { year: number; source: "title" | "sheet-name" | "plan"; sheet: string; cell: string | null };

function cluesOf(data: WorkbookData): Clue[] {
  const clues: Clue[] = [];
  for (const sheet of data.sheets) {
    if (isOwnedSheet(sheet)) continue;
    const named = SHEET_NAME.exec(sheet.name);
    if (named?.[1] !== undefined)
      clues.push({ year: Number(named[1]), source: "sheet-name", sheet: sheet.name, cell: null });
    sheet.rows.slice(0, SCAN_ROWS).forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell?.value !== "string" || cell.value.length > MAX_TITLE_LENGTH) return;
        const text = cellText(cell);
        const title = TITLE.exec(text);
        const year = title?.[1] ?? title?.[2];
        if (year !== undefined) {
          clues.push({ year: Number(year), source: "title", sheet: sheet.name, cell: toA1(r, c) });
          return;
        }
        const plan = PLAN.exec(text);
        if (plan?.[1] !== undefined)
          clues.push({ year: Number(plan[1]), source: "plan", sheet: sheet.name, cell: toA1(r, c) });
      }),
    );
  }
  return clues;
}

/**
 * The fiscal year a workbook covers: the caller's (--year, the pane's field), else the settings
 * sheet's, else the year its titles, sheet names and plan dates name most (weighted: title over
 * sheet name over plan date; a tie goes to the earlier year, as a 自评 filled in January names
 * the new year in its dates only), else the year of the as-of date.
 */
export function fiscalYearOf(
  data: WorkbookData,
  asOf: string,
  settings: number | null,
  given: number | null = null,
): FiscalYear {
  if (given !== null) return { year: given, source: "given", sheet: null, cell: null };
  if (settings !== null) return { year: settings, source: "settings", sheet: null, cell: null };
  const clues = cluesOf(data);
  const score = new Map<number, number>();
  for (const c of clues) score.set(c.year, (score.get(c.year) ?? 0) + WEIGHT[c.source]);
  let best: number | null = null;
  for (const [year, s] of score) {
    const top = best === null ? -1 : (score.get(best) ?? 0);
    if (s > top || (s === top && best !== null && year < best)) best = year;
  }
  if (best === null) return { year: Number(asOf.slice(0, 4)), source: "as-of", sheet: null, cell: null };
  const first = [...clues].filter((c) => c.year === best).sort((a, b) => WEIGHT[b.source] - WEIGHT[a.source])[0];
  return { year: best, source: first?.source ?? "title", sheet: first?.sheet ?? null, cell: first?.cell ?? null };
}

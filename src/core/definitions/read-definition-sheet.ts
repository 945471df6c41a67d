import { z } from "zod";
import { parseUnit } from "../target-expression";
import type { SheetData, WorkbookData } from "../model/workbook-data";
import { SheetView } from "../sheets/sheet-view";
import { FRAMEWORKS } from "../framework";
import { definitionSchema, type Definition } from "./schema";
import { isDefinitionSheet } from "../sheets/definition-sheet-name";
import { normalizeName } from "./similarity";
import { definitionColumnOf, SYNONYM_SEPARATORS, type DefinitionColumn } from "./definition-columns";

export type { DefinitionColumn } from "./definition-columns";

/** A definition row that cannot be used, and the cell that says why (docs/definitions.md: "reported with its cell"). */
export type DefinitionIssue = {
  sheet: string;
  cell: string;
  row: number;
  field: DefinitionColumn | "header";
  /** missing-name, unit, direction, number, range, yes-no, level1, level2, duplicate, error, no-header */
  reason: string;
  value: string;
};

export type DefinitionSheet = { definitions: Definition[]; issues: DefinitionIssue[]; sheet: string | null };

const LEVEL1 = new Set(Object.values(FRAMEWORKS).flatMap((f) => Object.keys(f)));
const LEVEL2 = new Set(Object.values(FRAMEWORKS).flatMap((f) => Object.values(f).flat()));
const YES = new Set(["是", "y", "yes", "true", "必须", "1"]);
const NO = new Set(["否", "n", "no", "false", "0"]);
const DIRECTIONS = new Map([
  ["正向", "positive"],
  ["正向指标", "positive"],
  ["越大越好", "positive"],
  ["越高越好", "positive"],
  ["positive", "positive"],
  ["反向", "reverse"],
  ["反向指标", "reverse"],
  ["越小越好", "reverse"],
  ["越低越好", "reverse"],
  ["reverse", "reverse"],
] as const);

/** Cell values as the row schema takes them: text, or a number where the cell holds one. */
type RawRow = Partial<Record<DefinitionColumn, string | number>>;

const blankToNull = (v: string | number | undefined): string | number | null =>
  v === undefined || (typeof v === "string" && v.trim() === "") ? null : v;
const text = z
  .preprocess(blankToNull, z.union([z.string(), z.number()]).nullable())
  .transform((v) => (v === null ? null : String(v).trim()));

/** 60, "60", "60%", "６０％" → 60. */
const number = z.preprocess(blankToNull, z.union([z.number(), z.string()]).nullable()).transform((v, ctx) => {
  if (v === null || typeof v === "number") return v;
  const folded = v
    .replace(/[０-９．％－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,%]/g, "");
  const n = /^-?\d+(\.\d+)?$/.test(folded) ? Number(folded) : Number.NaN;
  if (Number.isNaN(n)) {
    ctx.addIssue({ code: "custom", message: "number" });
    return z.NEVER;
  }
  return n;
});

/** One 指标定义 row, validated; the error path names the column, so the finding names the cell. */
const rowSchema = z
  .object({
    id: text,
    name: text.refine((v) => v !== null, { message: "missing-name" }),
    synonyms: text.transform((v) =>
      v === null
        ? []
        : v
            .split(SYNONYM_SEPARATORS)
            .map((s) => s.trim())
            .filter((s) => s !== ""),
    ),
    level1: text.refine((v) => v === null || LEVEL1.has(v), { message: "level1" }),
    level2: text.refine((v) => v === null || LEVEL2.has(v), { message: "level2" }),
    unit: text.transform((v, ctx) => {
      if (v === null) return null;
      const unit = parseUnit(v);
      if (unit === null) ctx.addIssue({ code: "custom", message: "unit" });
      return unit;
    }),
    direction: text.transform((v, ctx) => {
      if (v === null) return null;
      const d = DIRECTIONS.get(v.replace(/\s+/g, "").toLowerCase() as never);
      if (d === undefined) ctx.addIssue({ code: "custom", message: "direction" });
      return d ?? null;
    }),
    min: number,
    max: number,
    requiresNumber: text.transform((v, ctx) => {
      if (v === null) return null;
      const s = v.toLowerCase();
      if (YES.has(s)) return true;
      if (NO.has(s)) return false;
      ctx.addIssue({ code: "custom", message: "yes-no" });
      return null;
    }),
    goal: text,
  })
  .refine((r) => r.min === null || r.max === null || r.min <= r.max, { message: "range", path: ["max"] });

/** The header row: the first of the first rows that names a 指标名称 column and one more. */
function findHeader(view: SheetView): { row: number; columns: Partial<Record<DefinitionColumn, number>> } | null {
  for (let r = 0; r < Math.min(view.rowCount, 20); r++) {
    const columns: Partial<Record<DefinitionColumn, number>> = {};
    const span = view.rowSpan(r);
    for (let c = 0; c < span; c++) {
      const col = definitionColumnOf(view.headerText(r, c));
      if (col !== null && columns[col] === undefined) columns[col] = c;
    }
    if (columns.name !== undefined && Object.keys(columns).length >= 2) return { row: r, columns };
  }
  return null;
}

/** The first of the row's definition cells that shows an error value, or null. */
function brokenCell(
  view: SheetView,
  row: number,
  columns: Partial<Record<DefinitionColumn, number>>,
): { field: DefinitionColumn; col: number; value: string } | null {
  for (const [field, col] of Object.entries(columns) as [DefinitionColumn, number][]) {
    const error = view.error(row, col);
    if (error !== null) return { field, col, value: error };
  }
  return null;
}

function readDefinitionRows(sheet: SheetData): DefinitionSheet {
  const view = new SheetView(sheet);
  const header = findHeader(view);
  const issues: DefinitionIssue[] = [];
  if (header === null) {
    // An empty 指标定义 sheet, made and not yet filled, says nothing wrong.
    const empty = sheet.rows.every((_, r) => view.isRowBlank(r));
    if (empty) return { definitions: [], issues, sheet: sheet.name };
    issues.push({ sheet: sheet.name, cell: "A1", row: 0, field: "header", reason: "no-header", value: "" });
    return { definitions: [], issues, sheet: sheet.name };
  }
  const definitions: Definition[] = [];
  const seen = new Map<string, number>();
  const cellOf = (row: number, field: DefinitionColumn) =>
    view.address(row, header.columns[field] ?? header.columns.name ?? 0);
  for (let r = header.row + 1; r < view.rowCount; r++) {
    // Only the definition's own columns count: a row holding just a note is not a definition.
    if (Object.values(header.columns).every((c) => view.text(r, c) === "")) continue;
    // A cell showing an error value (#REF!) reads as blank: the row would lose a unit or a range unseen.
    const broken = brokenCell(view, r, header.columns);
    if (broken !== null) {
      issues.push({ sheet: sheet.name, cell: view.address(r, broken.col), row: r, ...broken, reason: "error" });
      continue;
    }
    const raw: RawRow = {};
    for (const [field, col] of Object.entries(header.columns) as [DefinitionColumn, number][]) {
      const value = view.cell(r, col)?.value;
      if (field === "min" || field === "max") {
        const n = view.number(r, col, true);
        raw[field] = n ?? view.text(r, col);
      } else raw[field] = typeof value === "number" ? view.text(r, col) : view.rawText(r, col);
    }
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      // One finding per row, at the first cell at fault: the row is not used at all.
      const issue = parsed.error.issues[0];
      const field = (issue?.path[0] ?? "name") as DefinitionColumn;
      const reason = issue?.message ?? "invalid";
      issues.push({
        sheet: sheet.name,
        cell: cellOf(r, field),
        row: r,
        field,
        reason,
        value: String(raw[field] ?? ""),
      });
      continue;
    }
    const row = parsed.data;
    const name = row.name ?? "";
    const key = normalizeName(name);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        sheet: sheet.name,
        cell: cellOf(r, "name"),
        row: r,
        field: "name",
        reason: "duplicate",
        value: name,
      });
      continue;
    }
    seen.set(key, r);
    definitions.push(
      definitionSchema.parse({
        id: row.id ?? name,
        name,
        synonyms: row.synonyms,
        level1: row.level1,
        level2: row.level2,
        unit: row.unit,
        direction: row.direction,
        min: row.min,
        max: row.max,
        requiresNumber: row.requiresNumber,
        goal: row.goal,
        source: "sheet",
        at: { sheet: sheet.name, cell: cellOf(r, "name") },
      }),
    );
  }
  return { definitions, issues, sheet: sheet.name };
}

/** The workbook's 指标定义 sheet, validated row by row; none when the workbook has no such sheet. */
export function readDefinitionSheet(data: WorkbookData): DefinitionSheet {
  const sheet = data.sheets.find((s) => isDefinitionSheet(s.name));
  return sheet === undefined ? { definitions: [], issues: [], sheet: null } : readDefinitionRows(sheet);
}

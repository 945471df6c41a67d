import { columnLetters, definitionColumnOf, fromA1, SYNONYM_SEPARATORS, toA1, type WorkbookData } from "../core";
import type { CellEdit } from "../excel";
import type { SheetDefinition } from "./engine-types";

/**
 * Adding an indicator name as a synonym of a definition on the workbook's 指标定义 sheet (issue 16,
 * the mapping view), as cell edits. The rule: the name is appended to the definition row's 同义词
 * cell after "、" (the first separator the sheet's reader splits on,
 * src/core/definitions/read-definition-sheet.ts), or written into it when blank; a sheet without
 * a synonyms column gets one, headed 同义词, in the first empty column of its header row. Nothing
 * else is touched. Null when the name is already the definition's name or one of its synonyms, or
 * cannot be one (`canBeSynonym`).
 */

/** A name holding a separator (、，, …) would be read back as two synonyms: it cannot be one. */
export const canBeSynonym = (name: string): boolean => name.trim() !== "" && !SYNONYM_SEPARATORS.test(name.trim());

const fold = (text: string): string => text.replace(/[\s\u3000]+/g, "").toLowerCase();
const textOf = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

export function synonymEdit(data: WorkbookData, definition: SheetDefinition, name: string): CellEdit[] | null {
  const trimmed = name.trim();
  if (!canBeSynonym(trimmed) || fold(trimmed) === fold(definition.name)) return null;
  if (definition.synonyms.some((s) => fold(s) === fold(trimmed))) return null;
  const sheet = data.sheets.find((s) => s.name === definition.sheet);
  const at = fromA1(definition.cell);
  if (sheet === undefined || at === null) return null;
  const cellText = (row: number, col: number) => textOf(sheet.rows[row]?.[col]?.value);
  // The header row: the nearest row above the definition naming its 指标名称 column.
  let header = -1;
  for (let r = at.row - 1; r >= 0 && header < 0; r--) if (definitionColumnOf(cellText(r, at.col)) === "name") header = r;
  if (header < 0) return null;
  const headerRow = sheet.rows[header] ?? [];
  const column = headerRow.findIndex((c) => definitionColumnOf(textOf(c?.value)) === "synonyms");
  if (column >= 0) {
    const existing = cellText(at.row, column);
    const present = existing.split(SYNONYM_SEPARATORS).some((s) => fold(s) === fold(trimmed));
    if (present) return null;
    const text = existing.trim() === "" ? trimmed : `${existing}、${trimmed}`;
    return [{ sheet: sheet.name, address: toA1(at.row, column), expected: existing, text }];
  }
  // No synonyms column yet: one after the header row's last filled cell.
  let last = -1;
  headerRow.forEach((c, i) => {
    if (textOf(c?.value).trim() !== "") last = i;
  });
  // Past anything written in the definition's row too: a staff value is never overwritten.
  let col = last + 1;
  while (cellText(at.row, col).trim() !== "") col++;
  return [
    { sheet: sheet.name, address: `${columnLetters(col)}${header + 1}`, expected: "", text: "同义词" },
    { sheet: sheet.name, address: toA1(at.row, col), expected: "", text: trimmed },
  ];
}

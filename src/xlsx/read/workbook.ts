import type { SheetVisibility } from "../../core";
import { isMain, isOfficeRelationships } from "./namespaces";
import type { Package } from "./package";

export type SheetEntry = { name: string; visibility: SheetVisibility; relationshipId: string };
export type WorkbookPart = { sheets: SheetEntry[]; date1904: boolean };

const VISIBILITY: Record<string, SheetVisibility> = { hidden: "hidden", veryHidden: "veryHidden" };

/** "1", "true" (and "on", which some writers use) are true in an xsd:boolean attribute. */
export const isTrue = (value: string | undefined): boolean => value === "1" || value === "true" || value === "on";

/** The workbook part: its sheets in tab order (name, state, relationship) and its date system. */
export async function readWorkbookPart(pkg: Package, part: string): Promise<WorkbookPart | null> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const found = await pkg.parse(part, {
    open(el) {
      if (!isMain(el.uri)) return;
      if (el.local === "sheet") {
        const name = el.attr("name");
        const relationshipId = el.attrIn("id", isOfficeRelationships);
        if (name === undefined || relationshipId === undefined) return;
        sheets.push({ name, visibility: VISIBILITY[el.attr("state") ?? ""] ?? "visible", relationshipId });
      } else if (el.local === "workbookPr") {
        date1904 = isTrue(el.attr("date1904"));
      }
    },
    close() {},
  });
  return found ? { sheets, date1904 } : null;
}

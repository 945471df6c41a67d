import type { SheetData, WorkbookData } from "../../core";
import { Package } from "./package";
import { readRelationships, type Relationship } from "./relationships";
import { readSharedStrings } from "./shared-strings";
import { readSheetPart } from "./sheet";
import { readNumberFormats } from "./styles";
import { readWorkbookPart, type SheetEntry } from "./workbook";
import { contentKind, readContentTypes } from "./content-types";
import { DeclaresEntities, TooLarge, type Limits } from "./limits";

/** Why a zip could not be read as a workbook, for the caller to word. */
export type NotAWorkbook =
  | { kind: "no-workbook" }
  /** The workbook part is binary (.xlsb): `xl/workbook.bin`. */
  | { kind: "binary" };

export type PackageRead = { ok: true; data: WorkbookData } | { ok: false; why: NotAWorkbook };

const single = (rels: readonly Relationship[], kind: string): string | null =>
  rels.find((r) => r.kind === kind && !r.external)?.target ?? null;

/**
 * The workbook's relationships. Where that part is damaged (it fails to parse) and the workbook
 * has a single sheet, the one part the content types declare a worksheet is that sheet: the
 * repair Excel and LibreOffice make, and the only one without a guess. Otherwise the damage stands.
 */
async function workbookRelationships(
  pkg: Package,
  workbookPart: string,
  sheets: readonly SheetEntry[],
): Promise<Relationship[]> {
  try {
    return await readRelationships(pkg, workbookPart);
  } catch (damage) {
    if (damage instanceof TooLarge || damage instanceof DeclaresEntities || sheets.length !== 1) throw damage;
    const typed = await readContentTypes(pkg);
    const worksheets = typed.filter((t) => contentKind(t.type) === "worksheet");
    const only = worksheets[0];
    if (worksheets.length !== 1 || only === undefined || sheets[0] === undefined) throw damage;
    const rel = (kind: string, id: string): Relationship[] => {
      const found = typed.filter((t) => contentKind(t.type) === kind);
      return found.length === 1 && found[0] !== undefined ? [{ id, kind, target: found[0].part, external: false }] : [];
    };
    return [
      { id: sheets[0].relationshipId, kind: "worksheet", target: only.part, external: false },
      ...rel("sharedStrings", "\u0000sharedStrings"),
      ...rel("styles", "\u0000styles"),
    ];
  }
}

/**
 * Reads an .xlsx/.xlsm package into the core's plain data, finding every part through the
 * relationships, as Excel does: `_rels/.rels` → the workbook → its relationships → the sheets,
 * shared strings and styles. Parts that are not worksheets (chart sheets, dialog sheets) are not sheets here.
 */
export async function readPackage(bytes: Uint8Array, limits?: Limits): Promise<PackageRead> {
  const pkg = await Package.open(bytes, limits);
  const root = await readRelationships(pkg, "");
  const workbookPart = single(root, "officeDocument");
  if (workbookPart === null) return { ok: false, why: { kind: "no-workbook" } };
  if (/\.bin$/i.test(workbookPart)) return { ok: false, why: { kind: "binary" } };
  const workbook = await readWorkbookPart(pkg, workbookPart);
  if (workbook === null) return { ok: false, why: { kind: "no-workbook" } };
  const rels = await workbookRelationships(pkg, workbookPart, workbook.sheets);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const stylesPart = single(rels, "styles");
  const stringsPart = single(rels, "sharedStrings");
  const sharedStrings = await readSharedStrings(pkg, stringsPart);
  const numberFormats = await readNumberFormats(pkg, stylesPart);
  const ctx = { sharedStrings, numberFormats, date1904: workbook.date1904 };
  const sheets: SheetData[] = [];
  for (const entry of workbook.sheets) {
    const rel = byId.get(entry.relationshipId);
    if (rel === undefined || rel.external || rel.kind !== "worksheet" || !pkg.has(rel.target)) continue;
    sheets.push(await readSheetPart(pkg, rel.target, entry, ctx));
  }
  if (sheets.length === 0) return { ok: false, why: { kind: "no-workbook" } };
  return { ok: true, data: { sheets } };
}

import JSZip from "jszip";

/** Test helper: a package's parts as text, and a sheet's part by the sheet's name (plain, unprefixed XML). */
export async function sheetPart(bytes: Buffer, sheet: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => (await zip.file(path)?.async("string")) ?? null;
  const workbook = (await read("xl/workbook.xml")) ?? "";
  const rels = (await read("xl/_rels/workbook.xml.rels")) ?? "";
  const escaped = sheet.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${escaped}"`));
  const id = tag === undefined ? null : /\br:id="([^"]*)"/.exec(tag)?.[1];
  if (id === null || id === undefined) return null;
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${id}"`));
  const target = rel === undefined ? null : /\bTarget="([^"]*)"/.exec(rel)?.[1];
  if (target === null || target === undefined) return null;
  return await read(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

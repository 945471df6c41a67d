import { BUILT_IN_FORMATS } from "./number-formats";
import { isMain } from "./namespaces";
import type { Package } from "./package";

/**
 * Each cell style's number format, by the style's index (a cell's `s`): undefined for General.
 * Only `numFmts` and `cellXfs` are read; fonts, fills and borders are not the checker's concern.
 */
export async function readNumberFormats(pkg: Package, part: string | null): Promise<(string | undefined)[]> {
  const formats: (string | undefined)[] = [];
  if (part === null) return formats;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  await pkg.parse(part, {
    open(el) {
      if (!isMain(el.uri)) return;
      if (el.local === "numFmt") {
        const id = Number(el.attr("numFmtId"));
        const code = el.attr("formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (el.local === "cellXfs") inCellXfs = true;
      else if (el.local === "xf" && inCellXfs) ids.push(Number(el.attr("numFmtId") ?? 0));
    },
    close(local, uri) {
      if (local === "cellXfs" && isMain(uri)) inCellXfs = false;
    },
  });
  for (const id of ids) {
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id];
    formats.push(code === undefined || code === "General" ? undefined : code);
  }
  return formats;
}

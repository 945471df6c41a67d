import { isPackageRelationships, relationshipKind } from "./namespaces";
import type { Package } from "./package";

export type Relationship = { id: string; kind: string; target: string; external: boolean };

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own is `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship's target as a part name: absolute ("/xl/worksheets/sheet1.xml") from the package
 * root, relative ("worksheets/sheet1.xml", "../xl/…") from the source part's folder; percent-escapes
 * decoded, case kept as written.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.replace(/\\/g, "/");
  try {
    path = decodeURIComponent(path);
  } catch {
    // A lone "%" is a character of the name, not an escape: the name stays as written.
  }
  const base = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/** The relationships of `sourcePart` ("" for the package), empty when it has none. */
export async function readRelationships(pkg: Package, sourcePart: string): Promise<Relationship[]> {
  const part = sourcePart === "" ? "_rels/.rels" : relationshipsPartOf(sourcePart);
  const found: Relationship[] = [];
  await pkg.parse(part, {
    open(el) {
      if (el.local !== "Relationship" || !isPackageRelationships(el.uri)) return;
      const id = el.attr("Id");
      const type = el.attr("Type");
      const target = el.attr("Target");
      if (id === undefined || type === undefined || target === undefined) return;
      const external = el.attr("TargetMode") === "External";
      found.push({
        id,
        kind: relationshipKind(type),
        target: external ? target : resolveTarget(sourcePart, target),
        external,
      });
    },
    close() {},
  });
  return found;
}

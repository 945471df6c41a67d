import type { Package } from "./package";

const CONTENT_TYPES_NS = new Set(["http://schemas.openxmlformats.org/package/2006/content-types", ""]);

/** The parts `[Content_Types].xml` declares, each with its content type, in the order declared. */
export async function readContentTypes(pkg: Package): Promise<{ part: string; type: string }[]> {
  const parts: { part: string; type: string }[] = [];
  await pkg.parse("[Content_Types].xml", {
    open(el) {
      if (el.local !== "Override" || !CONTENT_TYPES_NS.has(el.uri)) return;
      const part = el.attr("PartName");
      const type = el.attr("ContentType");
      if (part !== undefined && type !== undefined) parts.push({ part: part.replace(/^\/+/, ""), type });
    },
    close() {},
  });
  return parts;
}

/** The content type's kind: `application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml` → "worksheet". */
export function contentKind(type: string): string {
  const subtype = type.slice(type.lastIndexOf(".") + 1);
  return subtype.replace(/\+xml$/, "");
}

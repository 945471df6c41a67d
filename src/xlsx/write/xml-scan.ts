/**
 * A namespace-aware walk over the tags of an XML part, for editing it in place.
 *
 * The part is held as a "binary" (latin1) string: one character per byte, so that every offset
 * found here is a byte offset into the original part, markup (ASCII) reads as itself, and the
 * bytes between two edits are copied untouched, whatever their encoding of text. Text and
 * attribute values read from it are UTF-8 bytes: `fromBytes` turns them into strings.
 *
 * Elements are known by namespace URI and local name, never by the prefix the part happens to use
 * (`<x:workbook xmlns:x="…main">` is a workbook as much as `<workbook xmlns="…main">`).
 */

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  strictRel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
} as const;

/** The SpreadsheetML main namespace, transitional or strict. */
export const isMain = (ns: string): boolean => ns === NS.main || ns === NS.strictMain;
export const isRelNs = (ns: string): boolean => ns === NS.rel || ns === NS.strictRel;

/** Text of the part's bytes, one character per byte. */
export const toBinary = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
/** UTF-8 bytes held as a binary string → the text they encode. */
export const fromBytes = (binary: string): string => Buffer.from(binary, "latin1").toString("utf8");
/** A text → its UTF-8 bytes as a binary string, for splicing into a part. */
export const toBytes = (text: string): string => Buffer.from(text, "utf8").toString("latin1");

export type Attr = { qname: string; prefix: string; local: string; value: string; start: number; end: number };

export type Tag = {
  kind: "open" | "close" | "empty";
  qname: string;
  prefix: string;
  local: string;
  /** The element's namespace URI ("" for none). */
  ns: string;
  /** Offsets of the tag itself: `<` … `>` inclusive/exclusive. */
  start: number;
  end: number;
  /** Depth of the element: the root is 0. */
  depth: number;
  /** Raw attributes (values still escaped, as bytes); only on open and empty tags. */
  attrs: Attr[];
  /** Prefix → namespace URI in scope inside this element (this element's declarations included). */
  scope: ReadonlyMap<string, string>;
};

const ATTR = /([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

function attributesOf(text: string, from: number, to: number): Attr[] {
  const out: Attr[] = [];
  ATTR.lastIndex = from;
  for (let m = ATTR.exec(text); m !== null && m.index < to; m = ATTR.exec(text)) {
    const qname = m[1] ?? "";
    const colon = qname.indexOf(":");
    const raw = m[2] ?? '""';
    out.push({
      qname,
      prefix: colon < 0 ? "" : qname.slice(0, colon),
      local: colon < 0 ? qname : qname.slice(colon + 1),
      value: raw.slice(1, -1),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** The end of the markup that starts at `at` with `<`: comments, CDATA, PIs and DOCTYPE skipped whole. */
function skipSpecial(text: string, at: number): number {
  if (text.startsWith("<!--", at)) return end(text, "-->", at);
  if (text.startsWith("<![CDATA[", at)) return end(text, "]]>", at);
  if (text.startsWith("<?", at)) return end(text, "?>", at);
  // <!DOCTYPE …>, possibly with an internal subset in brackets.
  const bracket = text.indexOf("[", at);
  const close = text.indexOf(">", at);
  if (bracket >= 0 && bracket < close) return end(text, "]>", bracket);
  return close < 0 ? text.length : close + 1;
}

function end(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  if (at < 0) throw new Error("an XML part that ends inside a comment, CDATA section or declaration");
  return at + marker.length;
}

/** The end of the tag starting at `at`, quotes respected. */
function tagEnd(text: string, at: number): number {
  let quote = "";
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote !== "") {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  throw new Error("an XML part that ends inside a tag");
}

/**
 * Walks the tags of `text`. Returning "skip" from `visit` on an open tag jumps over the element's
 * content to its close tag (which is still visited): a sheet's <sheetData> costs one search.
 */
export function walk(text: string, visit: (tag: Tag) => "skip" | void): void {
  const scopes: Map<string, string>[] = [new Map([["xml", "http://www.w3.org/XML/1998/namespace"]])];
  const open: { qname: string; scope: Map<string, string> }[] = [];
  let at = text.indexOf("<");
  while (at >= 0 && at < text.length) {
    const next = text[at + 1];
    if (next === "!" || next === "?") {
      at = text.indexOf("<", skipSpecial(text, at));
      continue;
    }
    const close = tagEnd(text, at);
    if (next === "/") {
      const qname = text.slice(at + 2, close - 1).trim();
      const top = open.pop();
      if (top === undefined || top.qname !== qname) throw new Error(`an XML part with a mismatched </${qname}>`);
      scopes.pop();
      visit(tagOf(text, "close", qname, at, close, open.length, top.scope, []));
      at = text.indexOf("<", close);
      continue;
    }
    const empty = text[close - 2] === "/";
    let nameEnd = at + 1;
    while (nameEnd < close && !/[\s/>]/.test(text[nameEnd] ?? ">")) nameEnd++;
    const qname = text.slice(at + 1, nameEnd);
    const attrs = attributesOf(text, nameEnd, close);
    const parent = scopes[scopes.length - 1] ?? new Map<string, string>();
    let scope = parent;
    for (const a of attrs) {
      if (a.qname === "xmlns" || a.prefix === "xmlns") {
        if (scope === parent) scope = new Map(parent);
        scope.set(a.qname === "xmlns" ? "" : a.local, fromBytes(decodeXml(a.value)));
      }
    }
    const tag = tagOf(text, empty ? "empty" : "open", qname, at, close, open.length, scope, attrs);
    const answer = visit(tag);
    if (empty) {
      at = text.indexOf("<", close);
      continue;
    }
    open.push({ qname, scope });
    scopes.push(scope);
    if (answer === "skip") {
      const closing = closeTagAt(text, qname, close);
      at = closing;
    } else at = text.indexOf("<", close);
  }
  if (open.length > 0) throw new Error(`an XML part that ends inside <${open[open.length - 1]?.qname ?? ""}>`);
}

/** Where the close tag of an element named `qname` opened before `from` starts (elements of that name do not nest). */
function closeTagAt(text: string, qname: string, from: number): number {
  const needle = `</${qname}`;
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    const after = text[at + needle.length];
    if (after === ">" || after === " " || after === "\t" || after === "\n" || after === "\r") return at;
  }
  throw new Error(`an XML part without </${qname}>`);
}

function tagOf(
  text: string,
  kind: Tag["kind"],
  qname: string,
  start: number,
  end: number,
  depth: number,
  scope: ReadonlyMap<string, string>,
  attrs: Attr[],
): Tag {
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon);
  return {
    kind,
    qname,
    prefix,
    local: colon < 0 ? qname : qname.slice(colon + 1),
    ns: scope.get(prefix) ?? "",
    start,
    end,
    depth,
    attrs,
    scope,
  };
}

/** An attribute's decoded value (as text), by local name and namespace ("" for an unprefixed one). */
export function attr(tag: Tag, local: string, ns = ""): string | null {
  for (const a of tag.attrs) {
    if (a.local !== local) continue;
    const attrNs = a.prefix === "" ? "" : (tag.scope.get(a.prefix) ?? "");
    if (attrNs === ns) return fromBytes(decodeXml(a.value));
  }
  return null;
}

export const isElement = (tag: Tag, local: string, ns: (uri: string) => boolean = isMain): boolean =>
  tag.local === local && ns(tag.ns);

/** Entities and character references decoded; the result is bytes as a binary string, like its input. */
export function decodeXml(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) => {
    if (entity === "amp") return "&";
    if (entity === "lt") return "<";
    if (entity === "gt") return ">";
    if (entity === "quot") return '"';
    if (entity === "apos") return "'";
    const code = entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return toBytes(String.fromCodePoint(code));
  });
}

/** Text escaped for an XML attribute or element (the five specials; control characters XML cannot carry dropped). */
export const escapeText = (text: string): string =>
  text.replace(/[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (ch) => ESCAPES[ch] ?? "");
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** The qualified-name builder for new elements in `ns` where `tag` stands: its prefix when it is bound to `ns`. */
export function qualifier(scope: ReadonlyMap<string, string>, ns: string): ((local: string) => string) | null {
  if (scope.get("") === ns) return (local) => local;
  for (const [prefix, uri] of scope) if (uri === ns && prefix !== "") return (local) => `${prefix}:${local}`;
  return null;
}

/** A replacement of the bytes [start, end) of a part by `text` (bytes as a binary string). */
export type Edit = { start: number; end: number; text: string };

/** The part with the edits made (they must not overlap), as a binary string. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping edits of an XML part");
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

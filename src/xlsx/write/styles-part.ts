import { argbColor, PALETTE, type CellStyle } from "../../core";
import { applyEdits, attr, qualifier, toBytes, walk, type Attr, type Edit, type Tag } from "./xml-scan";

/**
 * Our formats appended to the workbook's styles part. Existing entries keep their index: cells,
 * tables and staff rules point at them by position, so nothing is renumbered or moved. An entry
 * we need that the part already holds, byte for byte as we would write it (ours from an earlier
 * check, or the staff's), is used where it is: a re-check adds nothing.
 */

/** The lists of styleSheet in schema order (ECMA-376 Part 1, CT_Stylesheet). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";

type List = {
  open: Tag;
  /** Offset of the close tag; -1 for an empty element, -2 for a list this editor makes. */
  closeAt: number;
  items: string[];
  /** Offsets of the part's own items (not of those appended). */
  starts: number[];
  added: string[];
};

/** How a list was before we first appended to it: item count, form, and its count attribute's value. */
type Before = { items: number; form: "open" | "empty" | "absent"; count: string | null };

/**
 * The marker comment that records, in the styles part itself, how each list we appended to was
 * before: `<!--check-targets:styles cellXfs:6:open:6 dxfs:0:empty:0-->`. --clear reads it to take
 * our entries out again and give the lists back as they were. A program that rewrites the part
 * (Excel, LibreOffice, WPS) drops the comment, and with it any claim on entries it may have reused.
 */
const MARK = "<!--check-targets:styles";

/** Fill colours of Excel's own "light red" and "yellow" presets, which clerks recognise. */
/** The flag colours in the package's notation. */
export const FLAG_FILL = { error: argbColor(PALETTE.error), warning: argbColor(PALETTE.warning) } as const;

/** Excel's built-in number formats we may meet, by format code (ECMA-376 Part 1, 18.8.30). */
const BUILT_IN: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The styles part a package without one gets: Excel's defaults, which index 0 of each list means. */
export const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
export const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

export class StylesEditor {
  private readonly lists = new Map<string, List>();
  private readonly children: Tag[] = [];
  private readonly root: Tag;
  private readonly q: (local: string) => string;
  /** Font 0's name and size: a font of ours differs from the workbook's default only where the plan says. */
  private readonly baseFont: { name: string | null; size: string | null };
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  /** The lists as they were before any check appended to them (from the marker, else as first met). */
  private readonly before = new Map<string, Before>();
  /** The marker comment's offsets in the part, if it has one. */
  private readonly mark: { start: number; end: number } | null = null;
  /** Whether the root was an empty element (`<styleSheet …/>`) before the first check. */
  private rootWasEmpty = false;

  /**
   * `xml`: the styles part (a binary string). `mark`: whether text() leaves the marker comment
   * that --clear reads; a package written whole (the summary workbook) has nothing to clear.
   */
  constructor(
    private readonly xml: string,
    private readonly options: { mark: boolean } = { mark: true },
  ) {
    let root: Tag | null = null;
    let current: { name: string; list: List } | null = null;
    let itemStart = -1;
    let firstFont: { name: string | null; size: string | null } | null = null;
    walk(xml, (tag) => {
      if (tag.depth === 0 && tag.kind !== "close") root = tag;
      // The root's own namespace: transitional, strict, or an early one Excel's betas wrote.
      const own = tag.ns === (root as Tag | null)?.ns;
      if (tag.depth === 1 && own) {
        if (tag.kind !== "close") this.children.push(tag);
        if (tag.kind === "close" && current !== null) {
          current.list.closeAt = tag.start;
          current = null;
        } else if (tag.kind !== "close" && (ORDER as readonly string[]).includes(tag.local)) {
          const list: List = { open: tag, closeAt: -1, items: [], starts: [], added: [] };
          this.lists.set(tag.local, list);
          if (tag.kind === "open") current = { name: tag.local, list };
        }
      }
      // An item of a list, whatever its namespace: an <mc:AlternateContent> around a font (WPS,
      // Hancom) is one entry of the list, as its Choice or its Fallback.
      if (tag.depth === 2 && current !== null) {
        if (tag.kind === "open") itemStart = tag.start;
        if (tag.kind === "empty") {
          current.list.items.push(xml.slice(tag.start, tag.end));
          current.list.starts.push(tag.start);
        }
        if (tag.kind === "close") {
          current.list.items.push(xml.slice(itemStart, tag.end));
          current.list.starts.push(itemStart);
        }
        if (current.name === "numFmts" && own && tag.kind !== "close") {
          const id = Number(attr(tag, "numFmtId"));
          const code = attr(tag, "formatCode");
          if (code !== null && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
          this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
        }
      }
      if (tag.depth === 3 && own && current?.name === "fonts" && current.list.items.length === 0 && tag.kind !== "close") {
        firstFont ??= { name: null, size: null };
        if (tag.local === "name") firstFont.name = attr(tag, "val");
        if (tag.local === "sz") firstFont.size = attr(tag, "val");
      }
    });
    const top = root as Tag | null;
    if (top === null) throw new Error("a styles part without its root element");
    this.root = top;
    const q = qualifier(top.scope, top.ns);
    if (q === null) throw new Error("a styles part whose namespace has no prefix in scope");
    this.q = q;
    // Without fonts, index 0 is the default font this part gets (defaults()).
    this.baseFont = this.lists.has("fonts") ? (firstFont ?? { name: null, size: null }) : { name: "Calibri", size: "11" };
    const at = xml.indexOf(MARK);
    const close = at < 0 ? -1 : xml.indexOf("-->", at);
    if (at >= 0 && close >= 0) {
      this.mark = { start: at, end: close + 3 };
      for (const token of xml.slice(at + MARK.length, close).trim().split(/\s+/)) {
        if (token === "root:empty") this.rootWasEmpty = true;
        const [name, items, form, count] = token.split(":");
        if (name === undefined || !(ORDER as readonly string[]).includes(name)) continue;
        if (form !== "open" && form !== "empty" && form !== "absent") continue;
        this.before.set(name, { items: Number(items), form, count: count === undefined || count === "-" ? null : count });
      }
    }
  }

  /** How a list is now, recorded before the first entry is appended to it. */
  private remember(name: string, list: List | undefined): void {
    if (this.before.has(name)) return;
    if (list === undefined) {
      this.before.set(name, { items: 0, form: "absent", count: null });
      return;
    }
    const count = countAttr(list.open);
    const raw = count === undefined ? null : count.value;
    this.before.set(name, {
      items: list.items.length,
      form: list.open.kind === "empty" ? "empty" : "open",
      // A count that is not plain digits is written back as the number of items.
      count: raw === null ? null : /^\d+$/.test(raw) ? raw : "?",
    });
  }

  /** The index of an entry (XML as we write it) in a list: where the part has it already, else appended. */
  private indexOf(name: ListName, item: string): number {
    let list = this.lists.get(name);
    const bytes = toBytes(item);
    if (list !== undefined) {
      const at = list.items.indexOf(bytes);
      if (at >= 0) return at;
    }
    this.remember(name, list);
    if (list === undefined) {
      // A list the part lacks is made; a base list with the default entries index 0 means first.
      const defaults = this.defaults(name).map(toBytes);
      list = { open: this.root, closeAt: -2, items: [...defaults], starts: [], added: [...defaults] };
      this.lists.set(name, list);
      const at = list.items.indexOf(bytes);
      if (at >= 0) return at;
    }
    list.items.push(bytes);
    list.added.push(bytes);
    return list.items.length - 1;
  }

  /** Excel's default entries of a base list, which a part without that list means by index 0. */
  private defaults(name: ListName): string[] {
    const q = this.q;
    if (name === "fonts") return [`<${q("font")}><${q("sz")} val="11"/><${q("name")} val="Calibri"/></${q("font")}>`];
    if (name === "fills") {
      return ["none", "gray125"].map((p) => `<${q("fill")}><${q("patternFill")} patternType="${p}"/></${q("fill")}>`);
    }
    if (name === "borders") {
      return [`<${q("border")}>${["left", "right", "top", "bottom", "diagonal"].map((e) => `<${q(e)}/>`).join("")}</${q("border")}>`];
    }
    if (name === "cellXfs") return [`<${q("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0"/>`];
    return [];
  }

  /** The dxf of a flag's fill. */
  flagDxf(severity: keyof typeof FLAG_FILL): number {
    const q = this.q;
    return this.indexOf(
      "dxfs",
      `<${q("dxf")}><${q("fill")}><${q("patternFill")} patternType="solid"><${q("bgColor")} rgb="${FLAG_FILL[severity]}"/></${q("patternFill")}></${q("fill")}></${q("dxf")}>`,
    );
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.indexOf("numFmts", `<${this.q("numFmt")} numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  /** The cellXfs index of a cell of ours with this style and number format. */
  cellXf(style: CellStyle | undefined, numFmt: string | undefined): number {
    const q = this.q;
    const s = style ?? {};
    let fontId = 0;
    if (s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
      const size = s.fontSize === undefined ? this.baseFont.size : String(s.fontSize);
      fontId = this.indexOf(
        "fonts",
        `<${q("font")}>${s.bold === true ? `<${q("b")}/>` : ""}${size === null ? "" : `<${q("sz")} val="${esc(size)}"/>`}` +
          `${s.fontColor === undefined ? "" : `<${q("color")} rgb="FF${s.fontColor.toUpperCase()}"/>`}` +
          `${this.baseFont.name === null ? "" : `<${q("name")} val="${esc(this.baseFont.name)}"/>`}</${q("font")}>`,
      );
    }
    const fillId =
      s.fill === undefined
        ? 0
        : this.indexOf(
            "fills",
            `<${q("fill")}><${q("patternFill")} patternType="solid"><${q("fgColor")} rgb="FF${s.fill.toUpperCase()}"/></${q("patternFill")}></${q("fill")}>`,
          );
    const borderId =
      s.border === true
        ? this.indexOf(
            "borders",
            `<${q("border")}>${["left", "right", "top", "bottom"].map((side) => `<${q(side)} style="thin"/>`).join("")}<${q("diagonal")}/></${q("border")}>`,
          )
        : 0;
    const numFmtId = this.numFmt(numFmt);
    const aligned = s.wrap !== undefined || s.horizontal !== undefined || s.vertical !== undefined;
    const vertical = s.vertical === "middle" ? "center" : s.vertical;
    const alignment = aligned
      ? `<${q("alignment")}${s.horizontal === undefined ? "" : ` horizontal="${s.horizontal}"`}${vertical === undefined ? "" : ` vertical="${vertical}"`}${s.wrap === true ? ' wrapText="1"' : ""}/>`
      : "";
    const applied = [
      numFmtId === 0 ? "" : ' applyNumberFormat="1"',
      fontId === 0 ? "" : ' applyFont="1"',
      fillId === 0 ? "" : ' applyFill="1"',
      borderId === 0 ? "" : ' applyBorder="1"',
      aligned ? ' applyAlignment="1"' : "",
    ].join("");
    const xf = `<${q("xf")} numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return this.indexOf("cellXfs", alignment === "" ? `${xf}/>` : `${xf}>${alignment}</${q("xf")}>`);
  }

  /** True when the part holds our marker: a check appended to it and no other program has rewritten it since. */
  get marked(): boolean {
    return this.mark !== null;
  }

  /** True when nothing was appended: the part is written back as it is. */
  get unchanged(): boolean {
    return [...this.lists.values()].every((l) => l.added.length === 0);
  }

  /** The styles part with the appended entries and their lists' counts. */
  text(): string {
    const edits: Edit[] = [];
    const rootInserts: string[] = [];
    const q = this.q;
    if (this.mark === null && this.root.kind === "empty") this.rootWasEmpty = true;
    const marker = this.marker();
    if (this.mark !== null) edits.push({ start: this.mark.start, end: this.mark.end, text: marker });
    else if (!this.options.mark) {
      // A part written whole: no marker.
    } else if (this.root.kind === "empty") rootInserts.push(marker);
    else edits.push({ start: this.root.end, end: this.root.end, text: marker });
    for (const name of ORDER) {
      const list = this.lists.get(name);
      if (list === undefined || list.added.length === 0) continue;
      const added = list.added.join("");
      if (list.closeAt === -2) {
        // No such list in the part: made, before the first list that follows it in the schema.
        const later = ORDER.slice(ORDER.indexOf(name) + 1);
        const next = this.children.find((c) => (later as readonly string[]).includes(c.local));
        const made = `<${q(name)} count="${list.items.length}">${added}</${q(name)}>`;
        if (next === undefined && this.root.kind === "empty") rootInserts.push(made);
        else {
          const at = next?.start ?? this.xml.lastIndexOf(`</${this.root.qname}`);
          edits.push({ start: at, end: at, text: made });
        }
        continue;
      }
      const count = countAttr(list.open);
      if (list.open.kind === "empty") {
        const head = this.xml.slice(list.open.start, list.open.end - 2);
        const withCount = count === undefined ? head : this.xml.slice(list.open.start, count.start) + `count="${list.items.length}"` + this.xml.slice(count.end, list.open.end - 2);
        edits.push({ start: list.open.start, end: list.open.end, text: `${withCount}>${added}</${list.open.qname}>` });
        continue;
      }
      if (count !== undefined) edits.push({ start: count.start, end: count.end, text: `count="${list.items.length}"` });
      edits.push({ start: list.closeAt, end: list.closeAt, text: added });
    }
    if (rootInserts.length > 0) {
      // <styleSheet …/>: opened and closed around the lists.
      const head = this.xml.slice(this.root.start, this.root.end - 2);
      edits.push({ start: this.root.start, end: this.root.end, text: `${head}>${rootInserts.join("")}</${this.root.qname}>` });
    }
    return applyEdits(this.xml, edits);
  }

  /** The marker comment recording how the lists we appended to were before. */
  private marker(): string {
    const tokens = ORDER.filter((name) => this.before.has(name)).map((name) => {
      const b = this.before.get(name) as Before;
      return `${name}:${b.items}:${b.form}:${b.count ?? "-"}`;
    });
    if (this.rootWasEmpty) tokens.push("root:empty");
    return `${MARK} ${tokens.join(" ")}-->`;
  }

  /**
   * --clear: the part with our appended entries taken out again, as far as nothing still uses
   * them, and each list given back its form and count as the marker recorded them; null when the
   * part has no marker (nothing of ours to take out) or nothing changes. `used` says what the rest
   * of the package still points at: cell styles (`s`, `style`) and dxfs by index, number formats
   * by id. Only entries after the recorded ones go, from the end backwards, so no index moves.
   * The marker goes when every list is as it was, and stays while anything of ours is still used.
   */
  restore(used: { cellXfs: number; dxfs: number; numFmtIds: ReadonlySet<number> }): string | null {
    if (this.mark === null) return null;
    if (!this.unchanged) throw new Error("styles restored and appended to at once");
    const keep = new Map<string, number>();
    const items = (name: string): string[] => this.lists.get(name)?.items ?? [];
    const floor = (name: string): number => this.before.get(name)?.items ?? items(name).length;
    keep.set("cellXfs", Math.min(items("cellXfs").length, Math.max(floor("cellXfs"), used.cellXfs)));
    // Table and slicer styles of the part itself point at dxfs too (dxf entries never do).
    let dxfs = used.dxfs;
    for (const m of this.xml.matchAll(/dxfId\s*=\s*["'](\d+)["']/gi)) dxfs = Math.max(dxfs, Number(m[1]) + 1);
    keep.set("dxfs", Math.min(items("dxfs").length, Math.max(floor("dxfs"), dxfs)));
    // Fonts, fills, borders and number formats: what the cell styles kept still use.
    const xfs = [...items("cellXfs").slice(0, keep.get("cellXfs")), ...items("cellStyleXfs")];
    const maxOf = (key: string): number => {
      let max = -1;
      for (const xf of xfs) {
        const m = new RegExp(`\\s${key}="(\\d+)"`).exec(xf);
        if (m !== null) max = Math.max(max, Number(m[1]));
      }
      return max;
    };
    for (const [name, key] of [["fonts", "fontId"], ["fills", "fillId"], ["borders", "borderId"]] as const) {
      keep.set(name, Math.min(items(name).length, Math.max(floor(name), maxOf(key) + 1)));
    }
    const fmtIds = new Set(used.numFmtIds);
    for (const xf of xfs) {
      const m = /\snumFmtId="(\d+)"/.exec(xf);
      if (m !== null) fmtIds.add(Number(m[1]));
    }
    const fmts = items("numFmts");
    let fmtKeep = fmts.length;
    while (fmtKeep > floor("numFmts") && !fmtIds.has(Number(/numFmtId="(\d+)"/.exec(fmts[fmtKeep - 1] ?? "")?.[1]))) fmtKeep--;
    keep.set("numFmts", fmtKeep);

    const edits: Edit[] = [];
    let whole = true;
    for (const name of ORDER) {
      const before = this.before.get(name);
      const list = this.lists.get(name);
      if (before === undefined || list === undefined) continue;
      // A list we made holds Excel's defaults first, which a part without the list means anyway.
      const base = before.form === "absent" ? this.defaults(name as ListName).length : before.items;
      const n = Math.max(keep.get(name) ?? list.items.length, before.items);
      if (n > base) whole = false;
      if (n === list.items.length && n > base) continue;
      const count = countAttr(list.open);
      const closeEnd = list.closeAt < 0 ? list.open.end : this.xml.indexOf(">", list.closeAt) + 1;
      if (n <= base && before.form === "absent") {
        edits.push({ start: list.open.start, end: closeEnd, text: "" });
        continue;
      }
      const countText = (value: string): string => (count === undefined ? "" : `${count.qname}="${value}"`);
      const value = n === before.items && before.count !== null && before.count !== "?" ? before.count : String(n);
      if (n === before.items && before.form === "empty" && list.open.kind === "open") {
        // Back to <dxfs count="0"/>: the open tag as it is, its count as it was, closed in itself.
        const head =
          count === undefined
            ? this.xml.slice(list.open.start, list.open.end - 1)
            : this.xml.slice(list.open.start, count.start) + countText(value) + this.xml.slice(count.end, list.open.end - 1);
        edits.push({ start: list.open.start, end: closeEnd, text: `${head}/>` });
        continue;
      }
      if (count !== undefined) edits.push({ start: count.start, end: count.end, text: countText(value) });
      const from = list.starts[n];
      if (from !== undefined && list.closeAt >= 0) edits.push({ start: from, end: list.closeAt, text: "" });
    }
    if (whole && this.rootWasEmpty && this.root.kind === "open") {
      // Everything in it was ours: <styleSheet …/> again.
      const closeEnd = this.xml.indexOf(">", this.xml.lastIndexOf(`</${this.root.qname}`)) + 1;
      return applyEdits(this.xml, [{ start: this.root.start, end: closeEnd, text: `${this.xml.slice(this.root.start, this.root.end - 1)}/>` }]);
    }
    if (whole) edits.push({ start: this.mark.start, end: this.mark.end, text: "" });
    if (edits.length === 0) return null;
    return applyEdits(this.xml, edits);
  }
}

/** A list's own `count` attribute. */
const countAttr = (tag: Tag): Attr | undefined => tag.attrs.find((a) => a.local === "count" && a.prefix === "");

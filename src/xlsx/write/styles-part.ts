import { argbColor, PALETTE, type CellStyle } from "../../core";
import { applyEdits, attr, isMain, qualifier, toBytes, walk, type Edit, type Tag } from "./xml-scan";

/**
 * Our formats appended to the workbook's styles part. Existing entries keep their index: cells,
 * tables and staff rules point at them by position, so nothing is renumbered or moved. An entry
 * we need that the part already holds, byte for byte as we would write it (ours from an earlier
 * check, or the staff's), is used where it is: a re-check adds nothing.
 */

/** The lists of styleSheet in schema order (ECMA-376 Part 1, CT_Stylesheet). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";

type List = { open: Tag; closeAt: number; items: string[]; added: string[] };

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

  constructor(private readonly xml: string) {
    let root: Tag | null = null;
    let current: { name: string; list: List } | null = null;
    let itemStart = -1;
    let firstFont: { name: string | null; size: string | null } | null = null;
    walk(xml, (tag) => {
      if (tag.depth === 0 && tag.kind !== "close") root = tag;
      if (!isMain(tag.ns)) return;
      if (tag.depth === 1) {
        if (tag.kind !== "close") this.children.push(tag);
        if (tag.kind === "close" && current !== null) {
          current.list.closeAt = tag.start;
          current = null;
        } else if (tag.kind !== "close" && (ORDER as readonly string[]).includes(tag.local)) {
          const list: List = { open: tag, closeAt: -1, items: [], added: [] };
          this.lists.set(tag.local, list);
          if (tag.kind === "open") current = { name: tag.local, list };
        }
      }
      if (tag.depth === 2 && current !== null) {
        if (tag.kind === "open") itemStart = tag.start;
        if (tag.kind === "empty") current.list.items.push(xml.slice(tag.start, tag.end));
        if (tag.kind === "close") current.list.items.push(xml.slice(itemStart, tag.end));
        if (current.name === "numFmts" && tag.kind !== "close") {
          const id = Number(attr(tag, "numFmtId"));
          const code = attr(tag, "formatCode");
          if (code !== null && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
          this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
        }
      }
      if (tag.depth === 3 && current?.name === "fonts" && current.list.items.length === 0 && tag.kind !== "close") {
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
  }

  /** The index of an entry (XML as we write it) in a list: where the part has it already, else appended. */
  private indexOf(name: ListName, item: string): number {
    let list = this.lists.get(name);
    if (list === undefined) {
      // A list the part lacks is made; a base list with the default entries index 0 means first.
      const defaults = this.defaults(name).map(toBytes);
      list = { open: this.root, closeAt: -2, items: [...defaults], added: [...defaults] };
      this.lists.set(name, list);
    }
    const bytes = toBytes(item);
    const at = list.items.indexOf(bytes);
    if (at >= 0) return at;
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

  /** True when nothing was appended: the part is written back as it is. */
  get unchanged(): boolean {
    return [...this.lists.values()].every((l) => l.added.length === 0);
  }

  /** The styles part with the appended entries and their lists' counts. */
  text(): string {
    const edits: Edit[] = [];
    const rootInserts: string[] = [];
    const q = this.q;
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
      const count = list.open.attrs.find((a) => a.local === "count" && a.prefix === "");
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
}

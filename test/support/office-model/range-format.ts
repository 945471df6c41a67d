import { cellAt, cellFor, type FakeCell, type FakeCellFormat, type FakeEdge } from "./model";
import { FakeObject, FakeRichApiError, MAX_READ_CELLS, type FakeRequestContext } from "./runtime";
import { guardCells, normaliseColor } from "./refusals";
import { boxSize, type RangeTarget } from "./targets";

/**
 * Range.format: alignment, wrapping, column width and row height, the fill, the font and the
 * borders (an inside edge sets the sides of the cells it separates). A format reads as the range's
 * top-left cell has it; a protected sheet refuses every change (AccessDenied).
 */

function eachCell(target: RangeTarget, apply: (cell: FakeCell, row: number, col: number) => void): void {
  guardCells(target.sheet);
  const { box, sheet } = target;
  const { rows, cols } = boxSize(box);
  if (rows * cols > MAX_READ_CELLS) throw new FakeRichApiError("InvalidArgument", "the fake formats cells, not sheets");
  for (let r = box.top; r <= box.bottom; r++)
    for (let c = box.left; c <= box.right; c++) apply(cellFor(sheet, r, c), r, c);
}

/** Sets format properties on every cell of the range (refused on a protected sheet). */
function formatCells(target: RangeTarget, patch: FakeCellFormat): void {
  eachCell(target, (cell) => {
    cell.format = { ...cell.format, ...patch };
  });
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, location: string, locate: () => RangeTarget) {
    super(context, location, locate);
    this.fill = new FakeRangeFill(context, `${location}.fill`, locate);
    this.font = new FakeRangeFont(context, `${location}.font`, locate);
    this.borders = new FakeRangeBorderCollection(context, `${location}.borders`, locate);
  }

  protected scalars() {
    const first = ({ sheet, box }: RangeTarget) => cellAt(sheet, box.top, box.left)?.format ?? {};
    return {
      wrapText: (t: RangeTarget) => first(t).wrapText ?? false,
      horizontalAlignment: (t: RangeTarget) => first(t).horizontalAlignment ?? "General",
      verticalAlignment: (t: RangeTarget) => first(t).verticalAlignment ?? "Bottom",
      columnWidth: ({ sheet, box }: RangeTarget) => sheet.columnWidths.get(box.left) ?? 48,
      rowHeight: ({ sheet, box }: RangeTarget) => sheet.rowHeights.get(box.top) ?? 15,
    };
  }

  protected override navigation(name: string) {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return null;
  }

  private setFormat(name: keyof FakeCellFormatScalars, value: unknown): void {
    this.write(name, value, (t) => formatCells(t, { [name]: value }));
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(value: boolean) {
    this.setFormat("wrapText", value);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    if (
      !["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(value)
    ) {
      throw new FakeRichApiError("InvalidArgument", `horizontalAlignment ${value}`);
    }
    this.setFormat("horizontalAlignment", value);
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(value)) {
      throw new FakeRichApiError("InvalidArgument", `verticalAlignment ${value}`);
    }
    this.setFormat("verticalAlignment", value);
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", points, ({ sheet, box }) => {
      guardCells(sheet);
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(points: number) {
    this.write("rowHeight", points, ({ sheet, box }) => {
      guardCells(sheet);
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
}

type FakeCellFormatScalars = { wrapText: boolean; horizontalAlignment: string; verticalAlignment: string };

export class FakeRangeFill extends FakeObject<RangeTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => RangeTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    return { color: ({ sheet, box }: RangeTarget) => cellAt(sheet, box.top, box.left)?.format?.fill ?? "#FFFFFF" };
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.write("color", value, (t) => formatCells(t, { fill: normaliseColor(value) }));
  }
}

export class FakeRangeFont extends FakeObject<RangeTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => RangeTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    const first = ({ sheet, box }: RangeTarget) => cellAt(sheet, box.top, box.left)?.format ?? {};
    return {
      bold: (t: RangeTarget) => first(t).bold ?? false,
      size: (t: RangeTarget) => first(t).fontSize ?? 11,
      color: (t: RangeTarget) => first(t).fontColor ?? "#000000",
    };
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.write("bold", value, (t) => formatCells(t, { bold: value }));
  }
  get size(): number {
    return this.read("size");
  }
  set size(value: number) {
    this.write("size", value, (t) => formatCells(t, { fontSize: value }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.write("color", value, (t) => formatCells(t, { fontColor: normaliseColor(value) }));
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

export class FakeRangeBorderCollection extends FakeObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    location: string,
    private readonly locateRange: () => RangeTarget,
  ) {
    super(context, location, locateRange);
  }
  protected scalars() {
    return {};
  }
  getItem(index: (typeof EDGES)[number]): FakeRangeBorder {
    if (!EDGES.includes(index)) throw new FakeRichApiError("InvalidArgument", `border ${String(index)}`);
    return new FakeRangeBorder(this.context, `${this.location}.getItem(${index})`, this.locateRange, index);
  }
}

export class FakeRangeBorder extends FakeObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    location: string,
    locate: () => RangeTarget,
    private readonly edge: (typeof EDGES)[number],
  ) {
    super(context, location, locate);
  }
  protected scalars() {
    return {};
  }
  set style(value: string) {
    const edge = this.edge;
    this.write("style", value, (t) => {
      const { box } = t;
      eachCell(t, (cell, r, c) => {
        const sides: FakeEdge[] = [];
        if (edge === "EdgeTop" && r === box.top) sides.push("EdgeTop");
        if (edge === "EdgeBottom" && r === box.bottom) sides.push("EdgeBottom");
        if (edge === "EdgeLeft" && c === box.left) sides.push("EdgeLeft");
        if (edge === "EdgeRight" && c === box.right) sides.push("EdgeRight");
        if (edge === "InsideVertical") {
          if (c > box.left) sides.push("EdgeLeft");
          if (c < box.right) sides.push("EdgeRight");
        }
        if (edge === "InsideHorizontal") {
          if (r > box.top) sides.push("EdgeTop");
          if (r < box.bottom) sides.push("EdgeBottom");
        }
        if (sides.length === 0) return;
        const borders = { ...cell.format?.borders };
        for (const side of sides) borders[side] = value;
        cell.format = { ...cell.format, borders };
      });
    });
  }
}

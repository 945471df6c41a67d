import { MAX_COLS, MAX_ROWS } from "./address";
import { intersects, type FakeConditionalFormat, type FakeSheet, type FakeWorkbook } from "./model";
import { FakeClientResult, FakeCollection, FakeObject, FakeRichApiError, type FakeRequestContext } from "./runtime";
import { checkFormula } from "./formula";
import type { FakeRange } from "./range";
import { guardCells, guardLegacyShared, normaliseColor } from "./refusals";
import type { AreasTarget, FormatTarget, RangeTarget } from "./targets";

/**
 * Conditional formats as Office.js has them: a range's (or areas') collection, a rule with its
 * priority and stopIfTrue, a custom rule's formula and fill. A new rule goes on top, and Excel's
 * known failures are reproduced: reading a rule made in the interface that has a twin
 * (office-js #6827, #6835) and deleting through the whole sheet's collection a rule that shares a
 * cell (office-js #5222). See docs/excel-behaviour.md, "Conditional formats".
 */

/**
 * Makes the Range a rule applies to (ConditionalFormat.getRangeOrNullObject). Range and its
 * conditional formats reach each other, so range.ts, which makes the collections, hands this in:
 * this file imports Range's type only, and the runtime imports run one way.
 */
export type NewRange = (location: string, locate: () => RangeTarget | null, orNull: boolean) => FakeRange;

const isWholeSheet = ({ boxes }: AreasTarget): boolean =>
  boxes.some((b) => b.top === 0 && b.left === 0 && b.bottom === MAX_ROWS - 1 && b.right === MAX_COLS - 1);

/**
 * office-js #6827, #6835: reading the rule or format of a rule made in Excel's interface fails
 * when another such rule applies to exactly the same cells (two "Highlight Cell Rules" on one
 * range; a rule duplicated in the rules manager). The type, id and priority still read.
 */
function guardReadable({ sheet, cf }: FormatTarget): void {
  const twin = sheet.conditionalFormats.some(
    (other) => other !== cf && other.madeInUi === true && JSON.stringify(other.areas) === JSON.stringify(cf.areas),
  );
  if (cf.madeInUi === true && twin) {
    throw new FakeRichApiError("GeneralException", "An internal error has occurred.");
  }
}

/**
 * office-js #5222: deleting a rule reached through the whole sheet's collection
 * (getRange().conditionalFormats) fails with ItemNotFound when another rule shares a cell with it.
 */
function guardDeletable({ sheet, cf }: FormatTarget, viaWholeSheet: boolean): void {
  const shared = sheet.conditionalFormats.some(
    (other) => other !== cf && other.areas.some((a) => cf.areas.some((b) => intersects(a, b))),
  );
  if (viaWholeSheet && shared) throw new FakeRichApiError("ItemNotFound", "Item Not Found.");
}

export class FakeConditionalFormatCollection extends FakeCollection<AreasTarget, FakeConditionalFormatObject> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    private readonly newRange: NewRange,
    location: string,
    private readonly areas: () => AreasTarget,
  ) {
    super(context, location, areas);
  }

  private inRange({ sheet, boxes }: AreasTarget): FakeConditionalFormat[] {
    return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => boxes.some((b) => intersects(a, b))));
  }

  private item(sheet: FakeSheet, cf: FakeConditionalFormat, location: string, wholeSheet: boolean) {
    return new FakeConditionalFormatObject(
      this.context,
      this.workbook,
      this.newRange,
      location,
      () => (sheet.conditionalFormats.includes(cf) ? { sheet, cf } : null),
      () => wholeSheet,
    );
  }

  protected itemsOf(target: AreasTarget): FakeConditionalFormatObject[] {
    const wholeSheet = isWholeSheet(target);
    return this.inRange(target).map((cf) => this.item(target.sheet, cf, `ConditionalFormat(${cf.id})`, wholeSheet));
  }

  add(type: string): FakeConditionalFormatObject {
    const workbook = this.workbook;
    let created: { sheet: FakeSheet; cf: FakeConditionalFormat } | null = null;
    this.context.enqueue(`${this.location}.add(${type})`, () => {
      const { sheet, boxes } = this.areas();
      guardCells(sheet);
      guardLegacyShared(workbook, "Conditional formatting");
      workbook.nextId++;
      const cf: FakeConditionalFormat = {
        id: `{cf-${workbook.nextId}}`,
        type,
        areas: boxes.map((b) => ({ ...b })),
        formula: null,
        fill: null,
      };
      // A new rule goes on top, as in Excel's rules manager.
      sheet.conditionalFormats.unshift(cf);
      created = { sheet, cf };
    });
    return new FakeConditionalFormatObject(
      this.context,
      workbook,
      this.newRange,
      `${this.location}.add(${type})`,
      () => (created !== null && created.sheet.conditionalFormats.includes(created.cf) ? created : null),
    );
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, `${this.location}.getCount()`, () => this.inRange(this.areas()).length);
  }

  getItem(id: string): FakeConditionalFormatObject {
    return new FakeConditionalFormatObject(
      this.context,
      this.workbook,
      this.newRange,
      `${this.location}.getItem(${id})`,
      () => {
        const target = this.areas();
        const cf = this.inRange(target).find((f) => f.id === id);
        return cf === undefined ? null : { sheet: target.sheet, cf };
      },
      () => isWholeSheet(this.areas()),
    );
  }

  clearAll(): void {
    const workbook = this.workbook;
    this.context.enqueue(`${this.location}.clearAll()`, () => {
      const target = this.areas();
      guardCells(target.sheet);
      guardLegacyShared(workbook, "Conditional formatting");
      const gone = new Set(this.inRange(target));
      target.sheet.conditionalFormats = target.sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}

export class FakeConditionalFormatObject extends FakeObject<FormatTarget> {
  private children: { custom?: FakeCustomConditionalFormat; customOrNullObject?: FakeCustomConditionalFormat } = {};

  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    private readonly newRange: NewRange,
    location: string,
    locate: () => FormatTarget | null,
    private readonly viaWholeSheet: () => boolean = () => false,
  ) {
    super(context, location, locate);
  }

  /** ExcelApi 1.6: the range the rule applies to; a null object when it applies to several areas. */
  getRangeOrNullObject(): FakeRange {
    return this.newRange(
      `${this.location}.getRangeOrNullObject()`,
      () => {
        const { sheet, cf } = this.target();
        const [only, ...more] = cf.areas;
        return only === undefined || more.length > 0 ? null : { sheet, box: { ...only } };
      },
      true,
    );
  }

  protected scalars() {
    return {
      id: ({ cf }: FormatTarget) => cf.id,
      type: ({ cf }: FormatTarget) => cf.type,
      priority: ({ sheet, cf }: FormatTarget) => sheet.conditionalFormats.indexOf(cf),
      stopIfTrue: ({ cf }: FormatTarget) => cf.stopIfTrue ?? false,
    };
  }

  protected override navigation(name: string) {
    if (name === "custom") return this.custom;
    if (name === "customOrNullObject") return this.customOrNullObject;
    return null;
  }

  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  set priority(value: number) {
    this.write("priority", value, ({ sheet, cf }) => {
      guardCells(sheet);
      const list = sheet.conditionalFormats.filter((f) => f !== cf);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, cf);
      sheet.conditionalFormats = list;
    });
  }

  get stopIfTrue(): boolean {
    return this.read("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.write("stopIfTrue", value, ({ sheet, cf }) => {
      guardCells(sheet);
      if (typeof value !== "boolean") throw new FakeRichApiError("InvalidArgument", `stopIfTrue ${String(value)}`);
      cf.stopIfTrue = value;
    });
  }

  /** Fails for a rule of another type, as Office does ("not permitted for the current object"). */
  get custom(): FakeCustomConditionalFormat {
    return (this.children.custom ??= new FakeCustomConditionalFormat(this.context, `${this.location}.custom`, () => {
      const target = this.target();
      guardReadable(target);
      if (target.cf.type !== "Custom") {
        throw new FakeRichApiError("InvalidOperation", "This operation is not permitted for the current object.");
      }
      return target;
    }));
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return (this.children.customOrNullObject ??= new FakeCustomConditionalFormat(
      this.context,
      `${this.location}.customOrNullObject`,
      () => {
        const target = this.target();
        guardReadable(target);
        return target.cf.type === "Custom" ? target : null;
      },
      true,
    ));
  }

  delete(): void {
    const workbook = this.workbook;
    const viaWholeSheet = this.viaWholeSheet;
    this.write("delete", undefined, ({ sheet, cf }) => {
      guardCells(sheet);
      guardLegacyShared(workbook, "Conditional formatting");
      guardDeletable({ sheet, cf }, viaWholeSheet());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f !== cf);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeObject<FormatTarget> {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget | null, orNull = false) {
    // A navigation property: resolved when loaded through, not on its own.
    super(context, location, locate, orNull, false);
    this.rule = new FakeConditionalFormatRule(context, `${location}.rule`, () => this.target());
    this.format = new FakeConditionalRangeFormat(context, `${location}.format`, () => this.target());
  }

  protected scalars() {
    return {};
  }

  protected override navigation(name: string) {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return null;
  }
}

export class FakeConditionalFormatRule extends FakeObject<FormatTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    return { formula: ({ cf }: FormatTarget) => cf.formula ?? "" };
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.write("formula", value, ({ sheet, cf }) => {
      guardCells(sheet);
      if (!value.startsWith("="))
        throw new FakeRichApiError("InvalidArgument", `a rule formula starts with "=": ${value}`);
      checkFormula(value, "ConditionalFormatRule.formula", this.context.definedNames());
      cf.formula = value;
    });
  }
}

export class FakeConditionalRangeFormat extends FakeObject<FormatTarget> {
  readonly fill: FakeConditionalFill;
  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget) {
    super(context, location, locate);
    this.fill = new FakeConditionalFill(context, `${location}.fill`, locate);
  }
  protected scalars() {
    return {};
  }
  protected override navigation(name: string) {
    return name === "fill" ? this.fill : null;
  }
}

export class FakeConditionalFill extends FakeObject<FormatTarget> {
  constructor(context: FakeRequestContext, location: string, locate: () => FormatTarget) {
    super(context, location, locate);
  }
  protected scalars() {
    return { color: ({ cf }: FormatTarget) => cf.fill ?? "" };
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.write("color", value, ({ sheet, cf }) => {
      guardCells(sheet);
      cf.fill = normaliseColor(value);
    });
  }
}

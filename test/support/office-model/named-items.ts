import { parseArea } from "./address";
import type { FakeName, FakeWorkbook } from "./model";
import { FakeCollection, FakeObject, FakeRichApiError, type FakeRequestContext } from "./runtime";
import { checkFormula } from "./formula";
import type { FakeRange } from "./range";

/**
 * Workbook.names: defined names, found ignoring case. add() refuses a name Excel refuses (not a
 * name, or one that reads as a cell address), a name taken, and a reference formula Excel cannot
 * parse (formula.ts); the model takes a reference formula only, never a Range.
 */

export class FakeNamedItemCollection extends FakeCollection<FakeWorkbook, FakeNamedItem> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
  ) {
    super(context, "NamedItemCollection", () => workbook);
  }

  private item(name: FakeName): FakeNamedItem {
    const workbook = this.workbook;
    return new FakeNamedItem(this.context, workbook, `NamedItem(${name.name})`, () =>
      workbook.names.includes(name) ? name : null,
    );
  }

  protected itemsOf(workbook: FakeWorkbook): FakeNamedItem[] {
    return workbook.names.map((name) => this.item(name));
  }

  private find(name: string): FakeName | null {
    return this.workbook.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.workbook, `names.getItem(${name})`, () => this.find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this.workbook,
      `names.getItemOrNullObject(${name})`,
      () => this.find(name),
      true,
    );
  }

  add(name: string, reference: string | FakeRange, _comment?: string): FakeNamedItem {
    const workbook = this.workbook;
    let created: FakeName | null = null;
    this.context.enqueue(
      `names.add(${name})`,
      () => {
        if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || parseArea(name) !== null) {
          throw new FakeRichApiError("InvalidArgument", `'${name}' is not a valid name.`);
        }
        if (this.find(name) !== null)
          throw new FakeRichApiError("ItemAlreadyExists", `The name '${name}' already exists.`);
        if (typeof reference !== "string" || !reference.startsWith("=")) {
          throw new FakeRichApiError("InvalidArgument", "the fake takes a reference formula such as \"='Sheet'!$A$1\"");
        }
        checkFormula(reference, "NamedItemCollection.add", this.context.definedNames());
        created = { name, formula: reference };
        workbook.names.push(created);
      },
      [typeof reference === "string" ? reference : null],
    );
    return new FakeNamedItem(this.context, workbook, `names.add(${name})`, () =>
      created !== null && workbook.names.includes(created) ? created : null,
    );
  }
}

export class FakeNamedItem extends FakeObject<FakeName> {
  constructor(
    context: FakeRequestContext,
    private readonly workbook: FakeWorkbook,
    location: string,
    locate: () => FakeName | null,
    orNull = false,
  ) {
    super(context, location, locate, orNull);
  }

  protected scalars() {
    return {
      name: (n: FakeName) => n.name,
      formula: (n: FakeName) => n.formula,
      type: () => "Range",
      visible: () => true,
    };
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }

  delete(): void {
    const workbook = this.workbook;
    this.write("delete", undefined, (name) => {
      workbook.names = workbook.names.filter((n) => n !== name);
    });
  }
}

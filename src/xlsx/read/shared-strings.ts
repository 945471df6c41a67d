import { isMain } from "./namespaces";
import type { Package } from "./package";

/**
 * Collects the text of a string item (`<si>`, or a cell's `<is>`): its `<t>` elements, whether
 * plain or in rich-text runs (`<r><t>`), never the phonetic guide (`<rPh><t>`, furigana/pinyin),
 * which Excel does not show as the cell's text.
 */
export class StringItem {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  /** Returns true when the element belongs to the item's text machinery. */
  open(local: string): void {
    if (local === "rPh") this.depthInPhonetic++;
    else if (local === "t" && this.depthInPhonetic === 0) this.inText = true;
  }

  close(local: string): void {
    if (local === "rPh") this.depthInPhonetic--;
    else if (local === "t") this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  /** The item's text ("" for an empty `<si/>`), and a fresh start for the next one. */
  take(): string {
    const text = this.parts.length === 1 ? (this.parts[0] ?? "") : this.parts.join("");
    this.parts = [];
    this.depthInPhonetic = 0;
    this.inText = false;
    return text;
  }
}

/** The shared string table, in order: cell `<v>3</v>` of type s is its item 3. */
export async function readSharedStrings(pkg: Package, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (part === null) return strings;
  const item = new StringItem();
  let inItem = false;
  await pkg.parse(part, {
    open(el) {
      if (!isMain(el.uri)) return;
      if (el.local === "si") inItem = true;
      else if (inItem) item.open(el.local);
    },
    close(local, uri) {
      if (!isMain(uri)) return;
      if (local === "si") {
        strings.push(item.take());
        inItem = false;
      } else if (inItem) item.close(local);
    },
    text(text) {
      if (inItem) item.text(text);
    },
  });
  return strings;
}

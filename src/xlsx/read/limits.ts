/**
 * What a package may cost to read. Parts are inflated as they are parsed and counted as they
 * come, so that a zip bomb (a few kilobytes that inflate to gigabytes) is stopped at the limit
 * rather than after memory runs out; the sizes a zip declares can lie, so both are checked.
 */
export type Limits = { partBytes: number; totalBytes: number; ratio: number; ratioFrom: number };

export const LIMITS: Limits = {
  /** One part, inflated: a 100,000-row indicator list's sheet is some 40 MB. */
  partBytes: 1024 * 1024 * 1024,
  /** All parts read, inflated. */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /**
   * Inflated to compressed, over the parts read, once past `ratioFrom` bytes: spreadsheet XML
   * compresses 5–100 to 1 (a sheet of one repeated value up to some 250); bombs reach 1,000 and more.
   */
  ratio: 1000,
  ratioFrom: 64 * 1024 * 1024,
};

/** A package that would cost more than the limits to read: refused, never a partial read. */
export class TooLarge extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = "TooLarge";
  }
}

/** An XML part with a document type declaration: entity expansion is refused outright. */
export class DeclaresEntities extends Error {
  constructor(readonly part: string) {
    super(`${part} declares a document type (DTD)`);
    this.name = "DeclaresEntities";
  }
}

/**
 * How many syncs the read's data takes, planned from the used ranges' extents before any data is
 * loaded: one where Excel sets no payload limit or everything fits, otherwise one per budget's
 * worth of estimated response. Pure arithmetic, so the sync count is a stated function of the size.
 */

/**
 * Excel on the web refuses a sync whose response exceeds 5 MB ("Excel on the web has a payload
 * size limit for requests and responses of 5MB", Resource limits and performance optimization for
 * Office Add-ins; ResponsePayloadSizeLimitExceeded). The read plans each of its data syncs at no
 * more than this estimate, which leaves a fifth of the limit (whether Office counts 5,000,000 bytes
 * or 5 × 2^20) for what the estimate cannot see: the envelope of Office's protocol, the merged
 * areas, and text longer than CELL_BYTES assumes.
 */
export const RESPONSE_BUDGET = 4_000_000;

/**
 * The estimated response for one cell of a used range read whole: its value, number format and
 * value type as UTF-8 JSON. Measured with the in-memory Excel's own estimate on the generated
 * indicator list (the seed's 95 indicators repeated, 8 columns of Chinese text and codes): 44.5
 * bytes a cell (value 24.9, "General" 10.3, value type 9.3), of which some 22 are the same for any
 * text cell. 80 bytes allows text of 58 bytes (19 Chinese characters) in every cell on average,
 * nearly three times the seed's; with the budget's fifth in reserve a sync fails only where a
 * sheet's cells average over 100 bytes (26 Chinese characters in every cell). The same figure is
 * used for a cell read where it holds a value (a huge used range): there it only counts cells
 * that hold one.
 */
export const CELL_BYTES = 80;

/** UTF-8 bytes of a text, counting a surrogate pair as 6 (an over-estimate, never under). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/**
 * The estimated response for one row of a used range read whole, besides its cells: the address
 * of its first cell when the row is visible ("'绩效 指标'!A12345", quoted, with its quotes
 * doubled, in JSON), from which hidden rows are told.
 */
export const rowAddressBytes = (sheet: string): number => 2 * utf8Bytes(sheet) + 20;

/** What one sheet's read is estimated to cost: its used range's row count and the bytes of the whole read. */
export type SheetCost = { rows: number; bytes: number };

/** Rows `first` to `first + count - 1` of one sheet's used range (0-based within it), read in one sync. */
export type Band = { sheet: number; first: number; count: number };

/**
 * The read's data syncs, each a list of bands. Without a payload limit (`budget` null), or when the
 * whole estimate fits the budget: one sync, every used range whole. Otherwise
 * ceil(estimate / budget) syncs: the sheets' rows in order, each row costing its sheet's bytes ÷
 * rows, cut where the running estimate crosses each multiple of estimate ÷ syncs; so each sync's
 * estimate is at most the budget plus one row. (A sync would be left empty only by a single row
 * costing more than that share; it is then dropped.)
 */
export function planSyncs(sheets: readonly SheetCost[], budget: number | null): Band[][] {
  const total = sheets.reduce((sum, s) => sum + s.bytes, 0);
  const count = budget === null ? 1 : Math.max(1, Math.ceil(total / budget));
  if (count === 1) return [sheets.map(({ rows }, sheet) => ({ sheet, first: 0, count: rows }))];
  const syncs: Band[][] = Array.from({ length: count }, () => []);
  let before = 0;
  sheets.forEach(({ rows, bytes }, sheet) => {
    if (rows === 0) return;
    // The sync a row falls in: where the running estimate stands at its start (integers throughout).
    const syncOf = (row: number) =>
      Math.min(count - 1, Math.floor(((before + Math.floor((bytes * row) / rows)) * count) / total));
    /** The first row at or past sync `at` (syncOf never decreases down the rows). */
    const firstRowOf = (at: number) => {
      let low = 0;
      let high = rows;
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        if (syncOf(mid) >= at) high = mid;
        else low = mid + 1;
      }
      return low;
    };
    for (let at = syncOf(0); at <= syncOf(rows - 1); at++) {
      const first = firstRowOf(at);
      const end = firstRowOf(at + 1);
      if (end > first) syncs[at]?.push({ sheet, first, count: end - first });
    }
    before += bytes;
  });
  return syncs.filter((bands) => bands.length > 0);
}

/**
 * Puts a cell's text into the one spelling the grammar reads. Staff type with Chinese input
 * methods, so full-width forms (８０％, ＞＝, ，) and stray spaces are the norm, not typos.
 */
export function normalise(text: string): string {
  let s = text
    // NFKC would turn these into latin letters (m2, km, kg); the Chinese words read better.
    .replace(/㎡/g, "平方米")
    .replace(/㎞/g, "公里")
    .replace(/㎏/g, "千克")
    .normalize("NFKC")
    // All whitespace, including the ideographic space and zero-width characters.
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, "");
  s = s
    .replace(/[≧⩾≮]/g, "≥")
    .replace(/[≦⩽≯]/g, "≤")
    .replace(/≈/g, "=")
    .replace(/>=|=>|≥=/g, "≥")
    .replace(/<=|=<|≤=/g, "≤")
    .replace(/==/g, "=")
    .replace(/[【〔]/g, "[")
    .replace(/[】〕]/g, "]")
    // Dashes of every width read as a hyphen: a minus sign, a range or a placeholder
    // (the Chinese dash —— is two em dashes, so it counts once).
    .replace(/[\u2014\u2015]{2}/g, "-")
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-")
    .replace(/[〜～]/g, "~");
  // Sentence punctuation at the end is not part of the target (`≥80%。`).
  return s.replace(/[。;,、.:!?]+$/u, "");
}
